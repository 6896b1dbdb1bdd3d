import type { ElkNode } from 'elkjs/lib/elk-api.js';
import type { Severity, SourceLocation } from '@mq-architect/language/model';

/** What a node stands for; each kind has its own shape and icon. */
export type NodeKind =
    | 'queue' | 'fifo-queue' | 'topic' | 'fifo-topic' | 'stream' | 'firehose' | 'destination'
    | 'function' | 'producer' | 'consumer' | 'endpoint' | 'missing';

/** What an edge stands for; each kind has its own line style. */
export type EdgeKind =
    | 'publish' | 'subscription' | 'redrive' | 'subscription-dlq' | 'source' | 'deliver'
    | 'transform' | 'poll' | 'read';

export type BadgeSeverity = 'error' | 'warning';

export interface NodeDiagnostic {
    severity: Severity;
    code: string;
    message: string;
}

/** A text line inside a node; `title` lines are the name, the others describe the resource. */
export interface NodeText {
    text: string;
    role: 'title' | 'subtitle' | 'detail';
}

export interface DiagramNode {
    /** Stable id derived from kind and name, e.g. `queue:orders.fifo`. */
    id: string;
    kind: NodeKind;
    /** The declared name (or the endpoint/target it stands for). */
    name: string;
    /** Text lines, already truncated to the node's width. */
    lines: NodeText[];
    /** Short tag drawn on the node's corner, e.g. `FIFO` or `4 shards`. */
    tag?: string;
    /** Streams: provisioned shard count, or `on-demand`. */
    shards?: number | 'on-demand';
    /** Endpoints and destinations: the protocol or destination type, which picks the icon. */
    variant?: string;
    width: number;
    height: number;
    /** Where the element was declared (absent for derived nodes such as unresolved references). */
    location?: SourceLocation;
    nameLocation?: SourceLocation;
    diagnostics: NodeDiagnostic[];
    /** The worst error/warning among `diagnostics`, if any. */
    badge?: BadgeSeverity;
    /** Tooltip text: a description of the element and its diagnostics. */
    tooltip: string;
}

export interface EdgeLabel {
    lines: string[];
    width: number;
    height: number;
}

export interface DiagramEdge {
    /** Stable id, e.g. `edge:publish:checkout->purchases` or `sub:purchases:2`. */
    id: string;
    kind: EdgeKind;
    source: string;
    target: string;
    label?: EdgeLabel;
    tooltip: string;
    location?: SourceLocation;
}

export type LayoutDirection = 'RIGHT' | 'DOWN';

/** The output of `buildGraph`: an ELK graph ready for layout plus the typed metadata of its elements. */
export interface DiagramGraph {
    direction: LayoutDirection;
    /** Input for `elk.layout`; children and edges carry the same ids as `nodes` and `edges`. */
    elk: ElkNode;
    nodes: DiagramNode[];
    edges: DiagramEdge[];
}

export interface Point {
    x: number;
    y: number;
}

export interface PositionedNode extends DiagramNode {
    x: number;
    y: number;
}

export interface PositionedEdge extends DiagramEdge {
    /** Start, bend points and end of the orthogonal route. */
    points: Point[];
    /** Where ELK put the label (top-left corner); present when the edge has a label. */
    labelPosition?: Point;
}

/** A laid-out diagram as plain JSON, for the SVG renderer and for webviews that draw themselves. */
export interface PositionedDiagram {
    direction: LayoutDirection;
    width: number;
    height: number;
    nodes: PositionedNode[];
    edges: PositionedEdge[];
}
