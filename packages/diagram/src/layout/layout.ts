import ElkModule from 'elkjs/lib/elk.bundled.js';
import type { ELK as ElkApi, ElkNode } from 'elkjs/lib/elk-api.js';
import type { DiagramGraph, Point, PositionedDiagram, PositionedEdge, PositionedNode } from '../graph/diagram-graph.js';
import { splitComponents } from './components.js';
import { packRows } from './pack.js';

// The bundled build runs the layouter in-process (no worker); see STACK.md §8 for why this import form.
const ELK = ElkModule.default;
let shared: ElkApi | undefined;

function elk(): ElkApi {
    shared ??= new ELK({ algorithms: ['layered'] });
    return shared;
}

/** Space kept around each component: half the gap between two components. */
const COMPONENT_MARGIN = 20;

/** One connected component's layout, moved so that its top-left corner (margin included) is the origin. */
interface ComponentLayout {
    width: number;
    height: number;
    nodes: Map<string, Point>;
    edges: Map<string, { points: Point[]; label?: Point }>;
}

// Components are cached by their ELK input: while someone edits one part of a large architecture, the
// preview lays out only the component that changed; a theme switch or a re-validation that changed
// nothing drawn lays out nothing at all.
const CACHE_LIMIT = 2048;
const cache = new Map<string, ComponentLayout>();

function remember(key: string, layout: ComponentLayout): void {
    cache.delete(key);
    cache.set(key, layout);
    if (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
}

/** Cuts one component out of a laid-out graph (where ELK packed several) and normalises it. */
function extract(component: ElkNode, laid: ElkNode): ComponentLayout {
    const children = new Map((laid.children ?? []).map((child) => [child.id, child]));
    const routes = new Map((laid.edges ?? []).map((edge) => [edge.id, edge]));
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    const extend = (x: number, y: number, w = 0, h = 0) => {
        minX = Math.min(minX, x);
        minY = Math.min(minY, y);
        maxX = Math.max(maxX, x + w);
        maxY = Math.max(maxY, y + h);
    };
    const nodes = new Map<string, Point>();
    for (const child of component.children ?? []) {
        const placed = children.get(child.id);
        const point = { x: placed?.x ?? 0, y: placed?.y ?? 0 };
        nodes.set(child.id, point);
        extend(point.x, point.y, child.width ?? 0, child.height ?? 0);
    }
    const edges = new Map<string, { points: Point[]; label?: Point }>();
    for (const edge of component.edges ?? []) {
        const routed = routes.get(edge.id);
        const points = (routed?.sections ?? []).flatMap((s) => [s.startPoint, ...(s.bendPoints ?? []), s.endPoint]).map((p) => ({ x: p.x, y: p.y }));
        for (const p of points) extend(p.x, p.y);
        const label = routed?.labels?.[0];
        const labelAt = label?.x !== undefined && label.y !== undefined ? { x: label.x, y: label.y } : undefined;
        if (labelAt) extend(labelAt.x, labelAt.y, label?.width ?? 0, label?.height ?? 0);
        edges.set(edge.id, { points, ...(labelAt ? { label: labelAt } : {}) });
    }
    if (minX === Infinity) minX = minY = maxX = maxY = 0;
    const dx = COMPONENT_MARGIN - minX;
    const dy = COMPONENT_MARGIN - minY;
    const move = (p: Point): Point => ({ x: p.x + dx, y: p.y + dy });
    for (const [id, p] of nodes) nodes.set(id, move(p));
    for (const [id, e] of edges) edges.set(id, { points: e.points.map(move), ...(e.label ? { label: move(e.label) } : {}) });
    return { width: maxX - minX + 2 * COMPONENT_MARGIN, height: maxY - minY + 2 * COMPONENT_MARGIN, nodes, edges };
}

export interface LayoutOptions {
    /** Reuse the layout of components whose ELK input is identical to one laid out recently. Default true. */
    cache?: boolean;
}

/** Lays out the components that are not cached in one ELK run (ELK separates and packs them itself). */
async function layoutComponents(graph: ElkNode, useCache: boolean): Promise<ComponentLayout[]> {
    const components = splitComponents(graph);
    const keys = useCache ? components.map((component) => JSON.stringify(component)) : [];
    const layouts = components.map((_, i) => (useCache ? cache.get(keys[i]) : undefined));
    const missing = components.flatMap((component, i) => (layouts[i] === undefined ? [i] : []));
    if (missing.length > 0) {
        const combined: ElkNode = {
            id: graph.id,
            layoutOptions: graph.layoutOptions,
            children: missing.flatMap((i) => components[i].children ?? []),
            edges: missing.flatMap((i) => components[i].edges ?? [])
        };
        let laid: ElkNode;
        try {
            // ELK writes positions into the graph it is given; lay out a copy so the caller's graph stays reusable.
            laid = await elk().layout(structuredClone(combined));
        } catch (error) {
            throw new Error(`diagram layout failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
        }
        for (const i of missing) layouts[i] = extract(components[i], laid);
    }
    if (useCache) layouts.forEach((layout, i) => remember(keys[i], layout!));
    return layouts as ComponentLayout[];
}

/**
 * Lays out a diagram graph with ELK (synchronously in this thread, so call it off any UI thread:
 * in the language server or a worker) and returns it as positioned, JSON-safe data. Connected
 * components are arranged in rows in declaration order.
 */
export async function layoutGraph(graph: DiagramGraph, options: LayoutOptions = {}): Promise<PositionedDiagram> {
    const layouts = await layoutComponents(graph.elk, options.cache !== false);
    const packing = packRows(layouts);
    const nodeAt = new Map<string, Point>();
    const edgeAt = new Map<string, { points: Point[]; label?: Point }>();
    layouts.forEach((layout, i) => {
        const { x: dx, y: dy } = packing.positions[i];
        for (const [id, p] of layout.nodes) nodeAt.set(id, { x: p.x + dx, y: p.y + dy });
        for (const [id, e] of layout.edges) {
            edgeAt.set(id, {
                points: e.points.map((p) => ({ x: p.x + dx, y: p.y + dy })),
                ...(e.label ? { label: { x: e.label.x + dx, y: e.label.y + dy } } : {})
            });
        }
    });
    const nodes: PositionedNode[] = graph.nodes.map((node) => ({ ...node, ...(nodeAt.get(node.id) ?? { x: 0, y: 0 }) }));
    const edges: PositionedEdge[] = graph.edges.map((edge) => {
        const laid = edgeAt.get(edge.id);
        return { ...edge, points: laid?.points ?? [], ...(edge.label && laid?.label ? { labelPosition: laid.label } : {}) };
    });
    return { direction: graph.direction, width: packing.width, height: packing.height, nodes, edges };
}
