import type { PositionedDiagram } from '../../src/graph/diagram-graph.js';

export interface Box {
    id: string;
    x: number;
    y: number;
    width: number;
    height: number;
}

const TOLERANCE = 0.5;

export function overlaps(a: Box, b: Box): boolean {
    return a.x + TOLERANCE < b.x + b.width && b.x + TOLERANCE < a.x + a.width
        && a.y + TOLERANCE < b.y + b.height && b.y + TOLERANCE < a.y + a.height;
}

/** Every pair of boxes that overlap, found with a sweep along x (fast enough for thousands of boxes). */
export function overlappingPairs(boxes: readonly Box[], others: readonly Box[] = boxes): Array<[string, string]> {
    const same = boxes === others;
    const events = [...boxes.map((box) => ({ box, side: 0 })), ...(same ? [] : others.map((box) => ({ box, side: 1 })))]
        .sort((p, q) => p.box.x - q.box.x);
    const active: Array<{ box: Box; side: number }> = [];
    const pairs: Array<[string, string]> = [];
    for (const event of events) {
        for (let i = active.length - 1; i >= 0; i--) {
            if (active[i].box.x + active[i].box.width <= event.box.x + TOLERANCE) active.splice(i, 1);
        }
        for (const other of active) {
            if ((same || other.side !== event.side) && overlaps(other.box, event.box)) pairs.push([other.box.id, event.box.id]);
        }
        active.push(event);
    }
    return pairs;
}

export function nodeBoxes(diagram: PositionedDiagram): Box[] {
    return diagram.nodes.map(({ id, x, y, width, height }) => ({ id, x, y, width, height }));
}

export function labelBoxes(diagram: PositionedDiagram): Box[] {
    return diagram.edges.flatMap((edge) => edge.label && edge.labelPosition
        ? [{ id: `${edge.id}:label`, x: edge.labelPosition.x, y: edge.labelPosition.y, width: edge.label.width, height: edge.label.height }]
        : []);
}

/** Distance from a point to the border of a box (0 when on it). */
export function distanceToBorder(box: Box, p: { x: number; y: number }): number {
    const dx = Math.max(box.x - p.x, 0, p.x - (box.x + box.width));
    const dy = Math.max(box.y - p.y, 0, p.y - (box.y + box.height));
    const outside = Math.hypot(dx, dy);
    if (outside > 0) return outside;
    return Math.min(p.x - box.x, box.x + box.width - p.x, p.y - box.y, box.y + box.height - p.y);
}
