// CPU time per one-character edit, split by Langium build phase, for one generated workspace shape.
// node --require ./scripts/polyfill-groupby.cjs --import tsx --expose-gc packages/language/bench/phases.mjs [perFile] [total]
import { DocumentState } from 'langium';
import { generateWorkspace } from './generate.ts';
import { buildWorkspace, measureEdits, median } from './measure.ts';

const perFile = Number(process.argv[2] ?? 500);
const total = Number(process.argv[3] ?? 1000);
const EDITS = 30;
const { measurement, services, documents } = await buildWorkspace(generateWorkspace(total, perFile), total);
const { DocumentBuilder } = services.shared.workspace;
const target = documents[Math.floor(documents.length / 2)];
const cpuMs = () => { const usage = process.cpuUsage(); return (usage.user + usage.system) / 1000; };

const phases = [
    [DocumentState.Parsed, 'parse'], [DocumentState.IndexedContent, 'index exports'], [DocumentState.ComputedScopes, 'scopes'],
    [DocumentState.Linked, 'link'], [DocumentState.IndexedReferences, 'index references']
];
const spent = new Map();
let mark = 0;
DocumentBuilder.onUpdate(() => { mark = cpuMs(); });
for (const [state, name] of phases) {
    DocumentBuilder.onBuildPhase(state, () => { spent.set(name, (spent.get(name) ?? 0) + cpuMs() - mark); mark = cpuMs(); });
}
DocumentBuilder.onDocumentPhase(DocumentState.Validated, document => {
    if (document.uri.toString() === target.uri.toString()) spent.set('validate edited file', (spent.get('validate edited file') ?? 0) + cpuMs() - mark);
});
const edits = await measureEdits(services, target, EDITS);
console.log(`${total} declarations in files of ${perFile}: build ${measurement.buildMs.toFixed(0)} ms (CPU ${measurement.buildCpuMs.toFixed(0)} ms)`);
console.log(`edit → diagnostics: median ${median(edits.diagnosticsMs).toFixed(0)} ms (CPU ${median(edits.diagnosticsCpuMs).toFixed(0)} ms)`);
console.log('CPU per edit by phase:', [...spent].map(([name, ms]) => `${name} ${(ms / EDITS).toFixed(1)} ms`).join(', '));
