import type { LayoutDirection, NodeKind } from '../graph/diagram-graph.js';
import { ARROW_TIP, CYLINDER_CAP, SHARD_BAND, STACK_OFFSET } from '../layout/node-geometry.js';

/** Rounds coordinates so the SVG stays compact and byte-stable across runs. */
export function n(value: number): string {
    return String(Math.round(value * 10) / 10);
}

const S = 0.75; // half the stroke width: outlines stay inside the node box

function rect(x: number, y: number, w: number, h: number, r: number, cls = 'mq-shape'): string {
    return `<rect class="${cls}" x="${n(x)}" y="${n(y)}" width="${n(w)}" height="${n(h)}" rx="${n(r)}"/>`;
}

function polygon(points: Array<[number, number]>, cls = 'mq-shape'): string {
    return `<polygon class="${cls}" points="${points.map(([x, y]) => `${n(x)},${n(y)}`).join(' ')}"/>`;
}

function shards(w: number, h: number, count: number | 'on-demand'): string {
    const top = h - SHARD_BAND + 1;
    const height = SHARD_BAND - 4;
    const left = 8;
    const width = w - 16;
    if (count === 'on-demand') {
        return `<rect class="mq-shards mq-shards-on-demand" x="${n(left)}" y="${n(top)}" width="${n(width)}" height="${n(height)}" rx="1.5"/>`;
    }
    // Past a few dozen the stripes would be slivers; the tag still states the exact count.
    const drawn = Math.max(1, Math.min(count, 32));
    const gap = 2;
    const stripe = (width - gap * (drawn - 1)) / drawn;
    let out = '';
    for (let i = 0; i < drawn; i++) {
        out += `<rect class="mq-shards" x="${n(left + i * (stripe + gap))}" y="${n(top)}" width="${n(stripe)}" height="${n(height)}" rx="1"/>`;
    }
    return out;
}

/** The outline of a node of `kind` filling a `w`×`h` box at the origin. */
export function nodeShape(kind: NodeKind, w: number, h: number, shardCount?: number | 'on-demand', direction: LayoutDirection = 'RIGHT'): string {
    switch (kind) {
        case 'queue': return rect(S, S, w - 2 * S, h - 2 * S, 6);
        case 'fifo-queue': return rect(S, S, w - 2 * S, h - 2 * S, 6) + rect(3.5, 3.5, w - 7, h - 7, 4, 'mq-shape-inner');
        case 'topic': return rect(S, S, w - 2 * S, h - 2 * S, Math.min(h / 2, 18));
        case 'fifo-topic': return rect(S, S, w - 2 * S, h - 2 * S, Math.min(h / 2, 18)) + rect(3.5, 3.5, w - 7, h - 7, Math.min(h / 2 - 3, 15), 'mq-shape-inner');
        case 'stream': return rect(S, S, w - 2 * S, h - 2 * S, 3) + shards(w, h, shardCount ?? 1);
        case 'firehose': {
            const c = 10;
            return polygon([[c, S], [w - c, S], [w - S, c], [w - S, h - c], [w - c, h - S], [c, h - S], [S, h - c], [S, c]]);
        }
        case 'destination': {
            const rx = (w - 2 * S) / 2;
            const cap = CYLINDER_CAP;
            const body = `M${n(S)},${n(cap)} A${n(rx)},${cap} 0 0 1 ${n(w - S)},${n(cap)} V${n(h - cap)} A${n(rx)},${cap} 0 0 1 ${n(S)},${n(h - cap)} Z`;
            return `<path class="mq-shape" d="${body}"/><path class="mq-shape-inner" d="M${n(S)},${n(cap)} A${n(rx)},${cap} 0 0 0 ${n(w - S)},${n(cap)}"/>`;
        }
        case 'function': return rect(S, S, w - 2 * S, h - 2 * S, 4) + `<rect class="mq-accent-fill" x="${n(S)}" y="${n(S + 3)}" width="3" height="${n(h - 2 * S - 6)}"/>`;
        case 'producer':
            return direction === 'DOWN'
                ? polygon([[S, S], [w - S, S], [w - S, h - ARROW_TIP], [w / 2, h - S], [S, h - ARROW_TIP]])
                : polygon([[S, S], [w - ARROW_TIP, S], [w - S, h / 2], [w - ARROW_TIP, h - S], [S, h - S]]);
        case 'consumer':
            return rect(STACK_OFFSET + S, S, w - STACK_OFFSET - 2 * S, h - STACK_OFFSET - 2 * S, 5, 'mq-shape mq-shape-back')
                + rect(S, STACK_OFFSET + S, w - STACK_OFFSET - 2 * S, h - STACK_OFFSET - 2 * S, 5);
        case 'endpoint': return rect(S, S, w - 2 * S, h - 2 * S, Math.min(h / 2, 12), 'mq-shape mq-shape-dashed');
        case 'missing': return rect(S, S, w - 2 * S, h - 2 * S, 4, 'mq-shape mq-shape-dashed');
    }
}
