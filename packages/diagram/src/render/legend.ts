import type { EdgeKind, NodeKind, PositionedDiagram } from '../graph/diagram-graph.js';
import { textWidth } from '../layout/text-metrics.js';
import { n, nodeShape } from './shapes.js';

const NODE_LABELS: Record<NodeKind, string> = {
    producer: 'Producer', topic: 'SNS topic', 'fifo-topic': 'SNS FIFO topic', stream: 'Kinesis stream',
    queue: 'SQS queue', 'fifo-queue': 'SQS FIFO queue', function: 'Lambda function', firehose: 'Data Firehose',
    destination: 'Destination', consumer: 'Consumer group', endpoint: 'Endpoint', missing: 'Unresolved'
};
const NODE_ORDER = Object.keys(NODE_LABELS) as NodeKind[];

type EdgeStyle = 'flow' | 'dead-letter' | 'transform' | 'enhanced';
const EDGE_STYLES: Record<EdgeKind, EdgeStyle> = {
    publish: 'flow', subscription: 'flow', source: 'flow', deliver: 'flow', poll: 'flow', read: 'flow',
    redrive: 'dead-letter', 'subscription-dlq': 'dead-letter', transform: 'transform'
};
const EDGE_LABELS: Record<EdgeStyle, string> = {
    flow: 'message flow', 'dead-letter': 'dead-letter redrive', transform: 'Firehose transform', enhanced: 'enhanced fan-out read'
};
const EDGE_CLASSES: Record<EdgeStyle, string> = {
    flow: 'mq-edge mq-edge-publish', 'dead-letter': 'mq-edge mq-edge-redrive', transform: 'mq-edge mq-edge-transform', enhanced: 'mq-edge mq-edge-read mq-edge-enhanced'
};
const EDGE_MARKERS: Record<EdgeStyle, string> = { flow: 'mq-arrow', 'dead-letter': 'mq-arrow-dlq', transform: 'mq-arrow-transform', enhanced: 'mq-arrow' };

const SAMPLE_W = 30;
const SAMPLE_H = 20;
const GAP = 6;
const ITEM_SPACING = 18;
const ROW_HEIGHT = 26;
const PAD = 10;
const FONT = { size: 11 };
const HEADING_FONT = { size: 11, bold: true };

interface Item {
    sample: string;
    label: string;
}

export interface Legend {
    svg: string;
    width: number;
    height: number;
}

function nodeItem(kind: NodeKind): Item {
    const shape = nodeShape(kind, SAMPLE_W, SAMPLE_H, 3);
    return { sample: `<g class="mq-kind-${kind}">${shape}</g>`, label: NODE_LABELS[kind] };
}

function edgeItem(style: EdgeStyle): Item {
    const y = SAMPLE_H / 2;
    return {
        sample: `<g class="${EDGE_CLASSES[style]}"><path class="mq-edge-line" d="M1,${y} H${SAMPLE_W - 2}" marker-end="url(#${EDGE_MARKERS[style]})"/></g>`,
        label: EDGE_LABELS[style]
    };
}

function itemWidth(item: Item): number {
    return SAMPLE_W + GAP + textWidth(item.label, FONT);
}

/** A key to the node kinds and edge styles that occur in the diagram, wrapped to `maxWidth`. */
export function renderLegend(diagram: PositionedDiagram, maxWidth: number): Legend {
    const kinds = new Set(diagram.nodes.map((node) => node.kind));
    const styles = new Set<EdgeStyle>();
    for (const edge of diagram.edges) {
        styles.add(EDGE_STYLES[edge.kind]);
        if (edge.kind === 'read' && edge.label?.lines.some((line) => line.includes('enhanced'))) styles.add('enhanced');
    }
    const items = [
        ...NODE_ORDER.filter((kind) => kinds.has(kind)).map(nodeItem),
        ...(['flow', 'dead-letter', 'transform', 'enhanced'] as const).filter((s) => styles.has(s)).map(edgeItem)
    ];
    if (items.length === 0) return { svg: '', width: 0, height: 0 };

    const heading = 'Legend';
    const headingWidth = textWidth(heading, HEADING_FONT) + ITEM_SPACING;
    const rowWidth = Math.max(maxWidth - 2 * PAD - headingWidth, Math.max(...items.map(itemWidth)));
    const rows: Item[][] = [[]];
    let used = 0;
    for (const item of items) {
        const width = itemWidth(item);
        if (used > 0 && used + width > rowWidth) {
            rows.push([]);
            used = 0;
        }
        rows[rows.length - 1].push(item);
        used += width + ITEM_SPACING;
    }
    let svg = `<text class="mq-legend-heading" x="${PAD}" y="${PAD + 14}">${heading}</text>`;
    let widest = 0;
    rows.forEach((row, r) => {
        let x = PAD + headingWidth;
        const y = PAD + r * ROW_HEIGHT;
        for (const item of row) {
            svg += `<g transform="translate(${n(x)},${n(y)})">${item.sample}<text x="${SAMPLE_W + GAP}" y="14">${item.label}</text></g>`;
            x += itemWidth(item) + ITEM_SPACING;
        }
        widest = Math.max(widest, x - ITEM_SPACING);
    });
    const width = widest + PAD;
    const height = rows.length * ROW_HEIGHT + 2 * PAD - (ROW_HEIGHT - SAMPLE_H);
    const box = `<rect class="mq-legend-box" x="0.5" y="0.5" width="${n(width - 1)}" height="${n(height - 1)}" rx="6"/>`;
    return { svg: box + svg, width, height };
}
