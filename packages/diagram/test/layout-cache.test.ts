import ElkModule from 'elkjs/lib/elk.bundled.js';
import type { ElkNode } from 'elkjs/lib/elk-api.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildGraph } from '../src/graph/build-graph.js';
import { layoutGraph } from '../src/layout/layout.js';
import { packRows } from '../src/layout/pack.js';
import { overlappingPairs } from './support/geometry.js';
import { ModelBuilder, pollSource } from './support/model-builder.js';

function twoComponents(consumerName: string) {
    const b = new ModelBuilder();
    const orders = b.topic('orders');
    const billing = b.queue('billing');
    b.subscribe(orders, { protocol: 'sqs', endpoint: 'billing', target: billing });
    b.producer('checkout', orders, { ratePerSecond: 5 });
    b.consumer('billers', pollSource(billing));
    const jobs = b.queue('jobs');
    b.consumer(consumerName, pollSource(jobs));
    return b.model;
}

describe('layout of connected components', () => {
    afterEach(() => vi.restoreAllMocks());

    it('lays out only the component that changed and keeps the others exactly as they were', async () => {
        const layout = vi.spyOn(ElkModule.default.prototype, 'layout');
        const before = await layoutGraph(buildGraph(twoComponents('workers')));
        expect(layout).toHaveBeenCalledTimes(1);

        const after = await layoutGraph(buildGraph(twoComponents('renamed-workers')));
        expect(layout).toHaveBeenCalledTimes(2);
        const laidOut = (layout.mock.calls[1][0] as ElkNode).children?.map((child) => child.id);
        expect(laidOut).toEqual(['queue:jobs', 'consumer:renamed-workers']);

        const relative = (diagram: typeof before, ids: string[]) => {
            const nodes = ids.map((id) => diagram.nodes.find((n) => n.id === id)!);
            return nodes.map((n) => ({ x: n.x - nodes[0].x, y: n.y - nodes[0].y }));
        };
        const unchanged = ['producer:checkout', 'topic:orders', 'queue:billing', 'consumer:billers'];
        expect(relative(after, unchanged)).toEqual(relative(before, unchanged));

        await layoutGraph(buildGraph(twoComponents('renamed-workers')));
        expect(layout).toHaveBeenCalledTimes(2);
    });

    it('always lays out afresh with cache: false', async () => {
        const layout = vi.spyOn(ElkModule.default.prototype, 'layout');
        await layoutGraph(buildGraph(twoComponents('uncached')), { cache: false });
        await layoutGraph(buildGraph(twoComponents('uncached')), { cache: false });
        expect(layout).toHaveBeenCalledTimes(2);
    });
});

describe('packing components', () => {
    it('keeps order, never overlaps and fills the space beside a tall component', () => {
        const boxes = [{ width: 2000, height: 1000 }, ...Array.from({ length: 4 }, () => ({ width: 1000, height: 170 })), { width: 2000, height: 1000 }];
        const packing = packRows(boxes);
        const placed = boxes.map((box, i) => ({ id: String(i), ...packing.positions[i], ...box }));
        expect(overlappingPairs(placed)).toEqual([]);
        expect(packing.positions[1]).toEqual({ x: 2000, y: 0 });
        expect(packing.positions[2]).toEqual({ x: 2000, y: 170 });
        for (const box of placed) {
            expect(box.x + box.width).toBeLessThanOrEqual(packing.width);
            expect(box.y + box.height).toBeLessThanOrEqual(packing.height);
        }
        expect(packing.width / packing.height).toBeGreaterThan(1);
    });

    it('handles nothing and a single component', () => {
        expect(packRows([])).toEqual({ positions: [], width: 0, height: 0 });
        expect(packRows([{ width: 300, height: 100 }])).toEqual({ positions: [{ x: 0, y: 0 }], width: 300, height: 100 });
    });
});
