import { readdirSync } from 'node:fs';
import path from 'node:path';
import ElkModule from 'elkjs/lib/elk.bundled.js';
import { describe, expect, it, vi } from 'vitest';
import type { ArchitectureModel } from '@mq-architect/language/model';
import { loadWorkspace } from '@mq-architect/language/node';
import { layoutArchitecture } from '../src/render-architecture.js';
import type { PositionedDiagram } from '../src/graph/diagram-graph.js';
import { distanceToBorder, labelBoxes, nodeBoxes, overlappingPairs } from './support/geometry.js';
import { resourceCount, syntheticModel } from './support/synthetic-model.js';
import { tourModel } from './support/tour-model.js';
import { ModelBuilder } from './support/model-builder.js';

const ELK = ElkModule.default;
const examplesDir = path.resolve(__dirname, '../../../examples');
const examples = readdirSync(examplesDir).filter((file) => file.endsWith('.mq')).sort();

function expectReadable(diagram: PositionedDiagram): void {
    const nodes = nodeBoxes(diagram);
    const labels = labelBoxes(diagram);
    expect(overlappingPairs(nodes), 'overlapping nodes').toEqual([]);
    expect(overlappingPairs(labels, nodes), 'edge labels on nodes').toEqual([]);
    expect(overlappingPairs(labels), 'overlapping edge labels').toEqual([]);
    // Every labelled edge got a label position, and every edge a route from its source to its target.
    expect(labels).toHaveLength(diagram.edges.filter((edge) => edge.label).length);
    const byId = new Map(nodes.map((box) => [box.id, box]));
    for (const edge of diagram.edges) {
        expect(edge.points.length, edge.id).toBeGreaterThanOrEqual(2);
        expect(distanceToBorder(byId.get(edge.source)!, edge.points[0]), `${edge.id} starts at its source`).toBeLessThan(2);
        expect(distanceToBorder(byId.get(edge.target)!, edge.points[edge.points.length - 1]), `${edge.id} ends at its target`).toBeLessThan(2);
    }
    for (const box of [...nodes, ...labels]) {
        expect(box.x).toBeGreaterThanOrEqual(0);
        expect(box.y).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width).toBeLessThanOrEqual(diagram.width + 0.5);
        expect(box.y + box.height).toBeLessThanOrEqual(diagram.height + 0.5);
    }
}

function column(diagram: PositionedDiagram, id: string): number {
    const node = diagram.nodes.find((n) => n.id === id);
    if (!node) throw new Error(`no node ${id}`);
    return node.x + node.width / 2;
}

describe('layout geometry', () => {
    it('finds the examples', () => {
        expect(examples.length).toBeGreaterThanOrEqual(3);
    });

    for (const file of examples) {
        it(`lays out ${file} without overlaps, in both directions`, async () => {
            const { model, diagnostics } = await loadWorkspace([path.join(examplesDir, file)]);
            expect(resourceCount(model)).toBeGreaterThan(0);
            expectReadable(await layoutArchitecture(model, { diagnostics }));
            expectReadable(await layoutArchitecture(model, { diagnostics, direction: 'DOWN' }));
        });
    }

    it('flows left to right: producers, then topics and streams, then queues, then consumers; destinations last', async () => {
        const diagram = await layoutArchitecture(tourModel());
        expectReadable(diagram);
        expect(column(diagram, 'producer:checkout')).toBeLessThan(column(diagram, 'topic:purchases'));
        expect(column(diagram, 'topic:purchases')).toBeLessThan(column(diagram, 'queue:shipping'));
        expect(column(diagram, 'queue:shipping')).toBeLessThan(column(diagram, 'consumer:shippers'));
        expect(column(diagram, 'stream:clicks')).toBeLessThan(column(diagram, 'firehose:clicks-archive'));
        const destinations = diagram.nodes.filter((n) => n.kind === 'destination');
        const producers = diagram.nodes.filter((n) => n.kind === 'producer');
        for (const p of producers) expect(p.x).toBeLessThan(40);
        for (const d of destinations) expect(column(diagram, d.id)).toBeGreaterThan(column(diagram, 'firehose:clicks-archive'));
    });

    it('survives what invalid documents contain: self-loops, dead-letter cycles, unresolved names', async () => {
        const b = new ModelBuilder();
        const a = b.queue('a');
        const c = b.queue('c');
        const self = b.queue('self');
        b.deadLetter(a, c, 3);
        b.deadLetter(c, a, 3);
        b.deadLetter(self, self, 1);
        b.producer('p', undefined, { targetName: 'ghost' });
        b.consumer('w', { kind: 'queue', queue: undefined, queueName: 'ghost' });
        const diagram = await layoutArchitecture(b.model);
        expect(overlappingPairs(nodeBoxes(diagram))).toEqual([]);
        expect(diagram.edges.find((e) => e.id === 'edge:redrive:self->self')?.points.length).toBeGreaterThanOrEqual(2);
    });

    it('returns plain JSON that survives serialisation (for webviews)', async () => {
        const diagram = await layoutArchitecture(tourModel());
        expect(JSON.parse(JSON.stringify(diagram))).toEqual(diagram);
    });

    it('is deterministic', async () => {
        const first = await layoutArchitecture(tourModel(), { cache: false });
        const second = await layoutArchitecture(tourModel(), { cache: false });
        expect(second).toEqual(first);
    });

    it('reuses the layout of an identical graph, and only then', async () => {
        // Counted ELK runs rather than timings: the machine's load must not decide the test.
        const elkRuns = vi.spyOn(ELK.prototype, 'layout');
        try {
            const model = tourModel();
            model.queues[0].name = 'not-laid-out-before';
            const first = await layoutArchitecture(model);
            expect(elkRuns).toHaveBeenCalledTimes(1);
            const again = await layoutArchitecture(model);
            expect(elkRuns).toHaveBeenCalledTimes(1);
            expect(again).toEqual(first);
            model.queues[0].name = 'renamed-queue';
            const changed = await layoutArchitecture(model);
            expect(elkRuns).toHaveBeenCalledTimes(2);
            expect(changed.nodes.some((n) => n.id === 'queue:renamed-queue')).toBe(true);
            expectReadable(changed);
        } finally {
            elkRuns.mockRestore();
        }
    });

    const large: Array<[string, ArchitectureModel]> = [200, 207].map((n) => [`${n}`, syntheticModel(n)]);
    for (const [name, model] of large) {
        it(`lays out a generated ${name}-resource model without overlaps`, async () => {
            expect(resourceCount(model)).toBe(Number(name));
            expectReadable(await layoutArchitecture(model));
        });
    }
});
