// npm run bench:language — build time, edit→diagnostics latency and heap of generated MQ workspaces.
// Run through tsx (the sources are TypeScript) with --expose-gc for the heap figures.
import os from 'node:os';
import { generateWorkspace } from './generate.ts';
import { buildWorkspace, measureEdits, median, percentile } from './measure.ts';

const EDITS = Number(process.env.MQ_BENCH_EDITS ?? 15);
const scenarios = [
    { name: 'workspace 1,000 decl. (2 files × 500)', declarations: 1_000, perFile: 500, editTargetMs: 80 },
    { name: 'workspace 10,000 decl. (20 files × 500)', declarations: 10_000, perFile: 500, editTargetMs: 80, buildTargetMs: 1_500 },
    { name: 'single file 1,000 decl.', declarations: 1_000, perFile: 1_000, editTargetMs: 150 }
];

const format = ms => `${ms.toFixed(0)} ms`;
const rows = [];
for (const scenario of scenarios) {
    const files = generateWorkspace(scenario.declarations, scenario.perFile);
    const { measurement, services, documents } = await buildWorkspace(files, scenario.declarations);
    // Edit the middle file: it references the previous file and is referenced by the next one.
    const target = documents[Math.floor(documents.length / 2)];
    const edits = await measureEdits(services, target, EDITS);
    rows.push({
        scenario: scenario.name,
        build: `${format(measurement.buildMs)} (CPU ${format(measurement.buildCpuMs)})` + (scenario.buildTargetMs ? (measurement.buildMs < scenario.buildTargetMs ? ' ✓' : ` ✗ (target ${scenario.buildTargetMs} ms)`) : ''),
        diagnostics: `${format(median(edits.diagnosticsMs))} (p90 ${format(percentile(edits.diagnosticsMs, 0.9))})`
            + (median(edits.diagnosticsMs) < scenario.editTargetMs ? ' ✓' : ` ✗ (target ${scenario.editTargetMs} ms)`)
            + `, CPU ${format(median(edits.diagnosticsCpuMs))}`,
        settled: format(median(edits.settledMs)),
        heap: `${measurement.heapMb.toFixed(1)} MB (${(measurement.heapMb * 1024 / scenario.declarations).toFixed(1)} KB/decl.)`,
        errors: measurement.errors
    });
}

const header = ['scenario', 'full build (parse, link, validate)', 'edit → diagnostics (median)', 'edit → workspace settled', 'retained heap', 'errors'];
const lines = [
    `| ${header.join(' | ')} |`,
    `|${header.map(() => '---').join('|')}|`,
    ...rows.map(row => `| ${row.scenario} | ${row.build} | ${row.diagnostics} | ${row.settled} | ${row.heap} | ${row.errors} |`)
];
const load = os.loadavg()[0].toFixed(1);
console.log(`MQ language benchmark — Node ${process.version}, ${os.cpus().length} CPUs, load average ${load} at the end, ${EDITS} one-character edits per scenario${globalThis.gc ? '' : ' (run with --expose-gc for exact heap figures)'}`);
console.log('Targets: 10,000 declarations built in < 1,500 ms; edit → diagnostics < 80 ms (workspace), < 150 ms (single file). ✓/✗ compare wall time.\n');
console.log(lines.join('\n'));
