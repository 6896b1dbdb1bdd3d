import type { LayoutDirection, NodeKind, NodeText } from '../graph/diagram-graph.js';
import { textWidth, truncateToWidth } from './text-metrics.js';
import type { FontSpec } from './text-metrics.js';

/**
 * Node box geometry shared by sizing (before layout) and drawing (after layout), so that what was
 * measured is exactly what is drawn.
 */

export const FONTS: Readonly<Record<NodeText['role'], FontSpec>> = {
    title: { size: 13, bold: true },
    subtitle: { size: 11 },
    detail: { size: 11 }
};
export const LINE_HEIGHT: Readonly<Record<NodeText['role'], number>> = { title: 17, subtitle: 15, detail: 15 };
export const TAG_FONT: FontSpec = { size: 9, bold: true };
export const EDGE_LABEL_FONT: FontSpec = { size: 11 };
export const EDGE_LABEL_LINE_HEIGHT = 14;
export const EDGE_LABEL_PADDING = 3;

export const ICON_SIZE = 18;
export const PAD_X = 10;
export const PAD_Y = 9;
export const ICON_GAP = 8;
export const BADGE_SIZE = 16;
export const SHARD_BAND = 9;
export const STACK_OFFSET = 5;
export const CYLINDER_CAP = 8;
export const ARROW_TIP = 14;
const MAX_WIDTH = 260;

export interface Insets {
    top: number;
    right: number;
    bottom: number;
    left: number;
}

/** Extra room a kind's outline takes inside its box (arrow tip, stacked copies, shard band...). */
export function shapeInsets(kind: NodeKind, direction: LayoutDirection = 'RIGHT'): Insets {
    switch (kind) {
        case 'stream': return { top: 0, right: 0, bottom: SHARD_BAND, left: 0 };
        case 'consumer': return { top: STACK_OFFSET, right: STACK_OFFSET, bottom: 0, left: 0 };
        case 'destination': return { top: CYLINDER_CAP, right: 0, bottom: CYLINDER_CAP / 2, left: 0 };
        // A producer's arrow points along the flow.
        case 'producer': return direction === 'DOWN' ? { top: 0, right: 0, bottom: ARROW_TIP, left: 0 } : { top: 0, right: ARROW_TIP, bottom: 0, left: 0 };
        case 'firehose': return { top: 0, right: 6, bottom: 0, left: 6 };
        case 'topic':
        case 'fifo-topic': return { top: 0, right: 8, bottom: 0, left: 8 };
        default: return { top: 0, right: 0, bottom: 0, left: 0 };
    }
}

function minWidth(kind: NodeKind): number {
    return kind === 'endpoint' || kind === 'missing' ? 120 : 150;
}

/** Left edge of the text column, relative to the node box. */
export function textLeft(kind: NodeKind): number {
    return shapeInsets(kind).left + PAD_X + ICON_SIZE + ICON_GAP;
}

/** Baseline of line `index` relative to the node box. */
export function lineBaseline(kind: NodeKind, lines: readonly NodeText[], index: number): number {
    let y = shapeInsets(kind).top + PAD_Y;
    for (let i = 0; i < index; i++) y += LINE_HEIGHT[lines[i].role];
    // Baseline sits about 0.8 em below the line's top.
    return y + Math.round(FONTS[lines[index].role].size * 0.85) + (LINE_HEIGHT[lines[index].role] - FONTS[lines[index].role].size) / 2;
}

export function tagWidth(tag: string): number {
    return textWidth(tag, TAG_FONT) + 10;
}

/** Room reserved on the right of the title row for the tag and the diagnostic badge. */
function titleReserve(tag: string | undefined, badge: boolean): number {
    return (tag ? tagWidth(tag) + 6 : 0) + (badge ? BADGE_SIZE + 4 : 0);
}

export interface MeasuredNode {
    lines: NodeText[];
    width: number;
    height: number;
}

/** Sizes a node to fit its text (up to a maximum width, beyond which lines end in `…`). */
export function measureNode(kind: NodeKind, lines: readonly NodeText[], tag: string | undefined, badge: boolean,
    direction: LayoutDirection = 'RIGHT'): MeasuredNode {
    const insets = shapeInsets(kind, direction);
    const left = textLeft(kind);
    const right = insets.right + PAD_X;
    const reserve = titleReserve(tag, badge);
    const natural = Math.max(0, ...lines.map((line, i) => textWidth(line.text, FONTS[line.role]) + (i === 0 ? reserve : 0)));
    const width = Math.min(MAX_WIDTH, Math.max(minWidth(kind), left + natural + right));
    const room = width - left - right;
    const fitted = lines.map((line, i) => ({
        role: line.role,
        text: truncateToWidth(line.text, room - (i === 0 ? reserve : 0), FONTS[line.role])
    }));
    const textHeight = fitted.reduce((sum, line) => sum + LINE_HEIGHT[line.role], 0);
    const height = insets.top + PAD_Y + Math.max(textHeight, ICON_SIZE) + PAD_Y + insets.bottom;
    return { lines: fitted, width, height };
}

export interface MeasuredLabel {
    lines: string[];
    width: number;
    height: number;
}

const MAX_LABEL_WIDTH = 300;

export function measureEdgeLabel(lines: readonly string[]): MeasuredLabel {
    const fitted = lines.map((line) => truncateToWidth(line, MAX_LABEL_WIDTH, EDGE_LABEL_FONT));
    const width = Math.max(...fitted.map((line) => textWidth(line, EDGE_LABEL_FONT))) + 2 * EDGE_LABEL_PADDING;
    const height = fitted.length * EDGE_LABEL_LINE_HEIGHT + 2 * EDGE_LABEL_PADDING;
    return { lines: fitted, width, height };
}
