/**
 * Model → SVG time for generated architectures of 5, 50, 200 and 1,000 resources (targets: 200 under
 * 0.5 s, 1,000 under 3 s), split into graph building, ELK layout and SVG rendering. Medians of
 * several runs after one warm-up (the first layout in a process is slower; it is reported too).
 * Wall time depends on how busy the machine is, so CPU time and an elkjs reference graph are
 * reported alongside to make figures comparable between runs.
 */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ElkModule from 'elkjs/lib/elk.bundled.js';
import type { ElkNode } from 'elkjs/lib/elk-api.js';
import { buildGraph } from '../src/graph/build-graph.js';
import { layoutGraph } from '../src/layout/layout.js';
import { renderSvg } from '../src/render/render-svg.js';
import { syntheticModel } from '../test/support/synthetic-model.js';

const SIZES: Array<{ resources: number; runs: number; targetMs?: number }> = [
    { resources: 5, runs: 9 },
    { resources: 50, runs: 7 },
    { resources: 200, runs: 5, targetMs: 500 },
    { resources: 1000, runs: 3, targetMs: 3000 }
];

interface Sample {
    build: number;
    layout: number;
    render: number;
    total: number;
    cpu: number;
}

function median(values: number[]): number {
    const sorted = [...values].sort((a, b) => a - b);
    const mid = Math.floor(sorted.length / 2);
    return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

async function once(resources: number): Promise<Sample & { nodes: number; edges: number; bytes: number }> {
    const model = syntheticModel(resources);
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const graph = buildGraph(model);
    const t1 = performance.now();
    const diagram = await layoutGraph(graph, { cache: false });
    const t2 = performance.now();
    const svg = renderSvg(diagram);
    const t3 = performance.now();
    return {
        build: t1 - t0, layout: t2 - t1, render: t3 - t2, total: t3 - t0, cpu: process.cpuUsage(cpu0).user / 1000,
        nodes: graph.nodes.length, edges: graph.edges.length, bytes: svg.length
    };
}

/** A fixed random graph (200 nodes of 150×60, 300 edges, default layered options): how fast elkjs itself is right now. */
async function elkReference(): Promise<{ wall: number; cpu: number }> {
    const ELK = ElkModule.default;
    const elk = new ELK({ algorithms: ['layered'] });
    let seed = 1;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const times: number[] = [];
    const cpus: number[] = [];
    for (let run = 0; run < 4; run++) {
        const children = Array.from({ length: 200 }, (_, i) => ({ id: `n${i}`, width: 150, height: 60 }));
        const edges = Array.from({ length: 300 }, (_, i) => {
            const a = Math.floor(random() * 200);
            const b = Math.floor(random() * 200);
            return { id: `e${i}`, sources: [`n${Math.min(a, b)}`], targets: [`n${Math.max(a, b)}`] };
        });
        const graph: ElkNode = { id: 'root', layoutOptions: { 'elk.algorithm': 'layered', 'elk.direction': 'RIGHT' }, children, edges };
        const cpu0 = process.cpuUsage();
        const t = performance.now();
        await elk.layout(graph);
        if (run > 0) {
            times.push(performance.now() - t);
            cpus.push(process.cpuUsage(cpu0).user / 1000);
        }
    }
    return { wall: median(times), cpu: median(cpus) };
}

/** Model → SVG after renaming one consumer, with the per-component layout cache warm (as in the preview). */
async function incrementalEdit(resources: number): Promise<number> {
    const model = syntheticModel(resources);
    renderSvg(await layoutGraph(buildGraph(model)));
    const times: number[] = [];
    for (let run = 0; run < 5; run++) {
        model.consumers[run].name = `${model.consumers[run].name}-renamed`;
        const t = performance.now();
        renderSvg(await layoutGraph(buildGraph(model)));
        times.push(performance.now() - t);
    }
    return median(times);
}

const ms = (value: number) => value.toFixed(0).padStart(6);

/** elkjs reference layout time on an idle machine of this kind (STACK.md §12). */
const IDLE_REFERENCE_MS = 140;

async function main(): Promise<void> {
    const cold = await once(50);
    const references: number[] = [];
    const rows: string[] = [];
    const header = '| resources | nodes | edges | build ms | layout ms | render ms | total ms | CPU ms | idle estimate ms | SVG KB | target (measured total) |';
    const rule = '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|';
    console.log(header);
    console.log(rule);
    for (const size of SIZES) {
        await once(size.resources); // warm-up
        // Measured next to each row, as the machine's load changes during the run.
        const reference = await elkReference();
        references.push(reference.wall);
        const scale = Math.min(1, IDLE_REFERENCE_MS / reference.wall);
        const samples: Array<Awaited<ReturnType<typeof once>>> = [];
        for (let run = 0; run < size.runs; run++) samples.push(await once(size.resources));
        const total = median(samples.map((s) => s.total));
        const verdict = size.targetMs === undefined ? '' : `${total < size.targetMs ? 'met' : 'MISSED'} (< ${size.targetMs / 1000} s)`;
        const row = `| ${size.resources} | ${samples[0].nodes} | ${samples[0].edges} | ${ms(median(samples.map((s) => s.build)))} | ${ms(median(samples.map((s) => s.layout)))}`
            + ` | ${ms(median(samples.map((s) => s.render)))} | ${ms(total)} | ${ms(median(samples.map((s) => s.cpu)))} | ${ms(total * scale)}`
            + ` | ${(samples[0].bytes / 1024).toFixed(0)} | ${verdict} |`;
        rows.push(row);
        console.log(row);
    }
    const edit = await incrementalEdit(1000);
    const load = os.loadavg().map((l) => l.toFixed(1)).join(' / ');
    const context = [
        `- Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, Node ${process.version}, load average ${load} (1/5/15 min) at the end of the run.`,
        `- Live editing, 1,000 resources: after one consumer is renamed, model → SVG with the component layout cache on takes ${edit.toFixed(0)} ms`
            + ' (only the changed component is laid out again).',
        `- First model → SVG in a fresh process (50 resources, includes JIT warm-up): ${cold.total.toFixed(0)} ms.`,
        `- elkjs reference (200 random nodes, 300 edges, default layered options), measured before each row: ${references.map((r) => r.toFixed(0)).join(', ')} ms;`
            + ` STACK.md measured about ${IDLE_REFERENCE_MS} ms on an idle machine of this kind. "idle estimate" scales the row's measured total by`
            + ` ${IDLE_REFERENCE_MS} / reference: an estimate of the time on an idle machine, not a measurement. The targets are judged on the measured total.`
    ];
    console.log('');
    for (const line of context) console.log(line);

    const out = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'BENCHMARKS.md');
    writeFileSync(out, [
        '# Diagram benchmark',
        '',
        'Model → standalone SVG (`buildGraph` → `layoutGraph` (elkjs, in-process, layout cache off) → `renderSvg`) for generated architectures',
        '(`test/support/synthetic-model.ts`: clusters of producer → topic → filtered and raw queues with a DLQ → consumer groups,',
        'and producer → stream → firehose with a transform → S3). Medians after one warm-up run. Regenerate with `npm run bench:diagram`.',
        '',
        header, rule, ...rows, '',
        ...context, ''
    ].join('\n'));
    console.log(`\nwrote ${path.relative(process.cwd(), out)}`);
}

await main();
