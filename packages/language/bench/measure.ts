import { DocumentState, EmptyFileSystem, TextDocument, URI } from 'langium';
import type { LangiumDocument } from 'langium';
import { createMqServices } from '../src/mq-module.js';

export interface BuildMeasurement {
    declarations: number;
    files: number;
    buildMs: number;
    /** CPU time of the build (user + system, all threads): less sensitive than wall time to other processes on the machine. */
    buildCpuMs: number;
    errors: number;
    heapMb: number;
}

export interface EditMeasurement {
    /** Edit applied → the edited document's diagnostics are ready (what the editor shows). */
    diagnosticsMs: number[];
    /** Edit applied → every affected document is rebuilt and revalidated. */
    settledMs: number[];
    /** CPU time from the edit to the edited document's diagnostics. */
    diagnosticsCpuMs: number[];
}

const gc = (globalThis as { gc?: () => void }).gc;

function heapUsed(): number {
    gc?.();
    gc?.();
    return process.memoryUsage().heapUsed;
}

/** A language server's worth of services holding the given files as open or indexed documents. */
export async function buildWorkspace(files: Map<string, string>, declarations: number): Promise<{ measurement: BuildMeasurement; services: ReturnType<typeof createMqServices>; documents: LangiumDocument[] }> {
    const services = createMqServices(EmptyFileSystem);
    const { LangiumDocumentFactory, LangiumDocuments, DocumentBuilder } = services.shared.workspace;
    // Warm the parser and validators once so the figure is the steady-state build, not JIT warm-up.
    const warm = LangiumDocumentFactory.fromString('queue warm { }', URI.parse('memory:///warm.mq'));
    LangiumDocuments.addDocument(warm);
    await DocumentBuilder.build([warm], { validation: true });
    LangiumDocuments.deleteDocument(warm.uri);
    const baseline = heapUsed();
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    const documents = [...files].map(([name, text]) => {
        const document = LangiumDocumentFactory.fromString(text, URI.parse(`memory:///ws/${name}`));
        LangiumDocuments.addDocument(document);
        return document;
    });
    await DocumentBuilder.build(documents, { validation: true });
    const buildMs = performance.now() - started;
    const cpu = process.cpuUsage(cpuStarted);
    const buildCpuMs = (cpu.user + cpu.system) / 1000;
    const errors = documents.reduce((sum, document) => sum + (document.diagnostics ?? []).filter(d => d.severity === 1).length, 0);
    const heapMb = (heapUsed() - baseline) / 1024 / 1024;
    return { measurement: { declarations, files: files.size, buildMs, buildCpuMs, errors, heapMb }, services, documents };
}

/**
 * Applies `count` one-character edits (`visibility: 60s` ↔ `61s`) to `document`, the way the language server
 * does on didChange (without its debounce), and times each one.
 */
export async function measureEdits(services: ReturnType<typeof createMqServices>, document: LangiumDocument, count: number): Promise<EditMeasurement> {
    const { TextDocuments, DocumentBuilder } = services.shared.workspace;
    const uri = document.uri.toString();
    let text = document.textDocument.getText();
    const offset = text.indexOf('visibility: 60s') + 'visibility: 6'.length;
    let textDocument = TextDocument.create(uri, 'mq', 1, text);
    // An open editor document: Langium validates open documents first.
    (TextDocuments as unknown as { set(document: TextDocument): void }).set(textDocument);
    const result: EditMeasurement = { diagnosticsMs: [], settledMs: [], diagnosticsCpuMs: [] };
    for (let i = 0; i < count; i++) {
        const replacement = text[offset] === '0' ? '1' : '0';
        text = text.slice(0, offset) + replacement + text.slice(offset + 1);
        textDocument = TextDocument.update(textDocument, [{ range: { start: textDocument.positionAt(offset), end: textDocument.positionAt(offset + 1) }, text: replacement }], textDocument.version + 1);
        (TextDocuments as unknown as { set(document: TextDocument): void }).set(textDocument);
        let diagnosticsAt = 0;
        let diagnosticsCpu: NodeJS.CpuUsage | undefined;
        const started = performance.now();
        const cpuStarted = process.cpuUsage();
        const listener = DocumentBuilder.onDocumentPhase(DocumentState.Validated, validated => {
            if (validated.uri.toString() === uri && diagnosticsAt === 0) {
                diagnosticsAt = performance.now();
                diagnosticsCpu = process.cpuUsage(cpuStarted);
            }
        });
        await DocumentBuilder.update([document.uri], []);
        const settled = performance.now();
        listener.dispose();
        result.diagnosticsMs.push((diagnosticsAt || settled) - started);
        result.settledMs.push(settled - started);
        const cpu = diagnosticsCpu ?? process.cpuUsage(cpuStarted);
        result.diagnosticsCpuMs.push((cpu.user + cpu.system) / 1000);
    }
    return result;
}

export function median(values: number[]): number {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

export function percentile(values: number[], p: number): number {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? NaN;
}
