import ElkModule from 'elkjs/lib/elk.bundled.js';
import { describe, expect, it } from 'vitest';
import { buildGraph } from '../src/graph/build-graph.js';
import { DefaultLayoutConfigurator } from '../src/layout/layout-options.js';
import { layoutGraph } from '../src/layout/layout.js';
import { tourModel } from './support/tour-model.js';

describe('layout options', () => {
    // ELK ignores option ids it does not know, so a typo would silently change nothing.
    it('uses only option ids that ELK knows', async () => {
        const known = new Set((await new ElkModule.default().knownLayoutOptions()).map((option) => option.id));
        const graph = buildGraph(tourModel());
        const used = new Set([
            ...Object.keys(graph.elk.layoutOptions ?? {}),
            ...(graph.elk.children ?? []).flatMap((child) => Object.keys(child.layoutOptions ?? {})),
            ...(graph.elk.edges ?? []).flatMap((edge) => (edge.labels ?? []).flatMap((label) => Object.keys(label.layoutOptions ?? {})))
        ]);
        expect(used.size).toBeGreaterThan(15);
        for (const id of used) expect(known.has(`org.eclipse.${id}`) || known.has(id), id).toBe(true);
    });

    it('lays out left to right or top-down with orthogonal edges, and spends less effort on large graphs', () => {
        const configurator = new DefaultLayoutConfigurator();
        expect(configurator.graphOptions('RIGHT', 10)).toMatchObject({ 'elk.direction': 'RIGHT', 'elk.edgeRouting': 'ORTHOGONAL', 'elk.layered.thoroughness': '7' });
        expect(configurator.graphOptions('DOWN', 1000)).toMatchObject({ 'elk.direction': 'DOWN', 'elk.layered.thoroughness': '2' });
    });

    it('reports a layout failure as an error saying so', async () => {
        const graph = buildGraph(tourModel());
        graph.elk.edges?.push({ id: 'broken', sources: ['queue:shipping'], targets: ['nowhere'] });
        await expect(layoutGraph(graph)).rejects.toThrow(/^diagram layout failed: .*nowhere/);
    });
});
