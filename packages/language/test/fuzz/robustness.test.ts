import { afterAll, describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { EmptyFileSystem, TextDocument } from 'langium';
import type { LangiumDocument } from 'langium';
import { clearDocuments, parseHelper } from 'langium/test';
import type { Diagnostic, Position, Range } from 'vscode-languageserver';
import { ResponseError } from 'vscode-languageserver';
import { createMqServices } from '../../src/mq-module.js';
import { applyMutation, mutationArb } from './mutations.js';

/**
 * Bad input never crashes anything: random edits of the example files go through parsing, linking and
 * validation and through the editor services at random positions. Nothing may throw, no validator may
 * fail internally, and every diagnostic must point inside the document.
 */
const { mq } = createMqServices(EmptyFileSystem);
const parse = parseHelper(mq);
const examplesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../examples');
const examples = readdirSync(examplesDir).filter(name => name.endsWith('.mq')).map(name => readFileSync(path.join(examplesDir, name), 'utf8'));
// No example uses target-tracking yet (the engine side comes first), so the fuzzer gets its own seed with every MQ072 case.
const targetTracking = `queue shipping { }
stream clicks { }
consumer shippers {
  poll: shipping
  instances: 2..20
  target-tracking: backlog-per-instance 100
  scale-out: when age-of-oldest > 5m for 1m add 5
}
consumer fixed { poll: shipping  instances: 3  target-tracking: backlog-per-instance 0 }
consumer dashboard { read: clicks  instances: 1..4  target-tracking: backlog-per-instance 10 }
`;
const corpus = [...examples, targetTracking];
const RUNS = Number(process.env.MQ_FUZZ_RUNS ?? 200);

afterAll(() => clearDocuments(mq));

function isInside(position: Position, lines: string[]): boolean {
    return position.line >= 0 && position.line < lines.length && position.character >= 0 && position.character <= lines[position.line]!.length;
}

function isOrdered(range: Range): boolean {
    return range.start.line < range.end.line || (range.start.line === range.end.line && range.start.character <= range.end.character);
}

function checkDiagnostics(text: string, diagnostics: Diagnostic[]): void {
    // LSP lines end at \n, \r\n or \r.
    const lines = text.split(/\r\n|\r|\n/);
    for (const diagnostic of diagnostics) {
        const where = `${diagnostic.code ?? ''} ${diagnostic.message} @ ${JSON.stringify(diagnostic.range)}`;
        expect(diagnostic.message, where).not.toMatch(/An error occurred during (validation|set-up|tear-down)/);
        expect(isInside(diagnostic.range.start, lines), `start outside the document: ${where}`).toBe(true);
        expect(isInside(diagnostic.range.end, lines), `end outside the document: ${where}`).toBe(true);
        expect(isOrdered(diagnostic.range), `range ends before it starts: ${where}`).toBe(true);
    }
}

async function exerciseServices(document: LangiumDocument, offset: number): Promise<void> {
    const textDocument = { uri: document.uri.toString() };
    const position = document.textDocument.positionAt(offset);
    const fullRange = { start: { line: 0, character: 0 }, end: document.textDocument.positionAt(document.textDocument.getText().length) };
    await mq.lsp.CompletionProvider!.getCompletion(document, { textDocument, position });
    await mq.lsp.HoverProvider!.getHoverContent(document, { textDocument, position });
    await mq.lsp.DefinitionProvider!.getDefinition(document, { textDocument, position });
    await mq.lsp.DocumentSymbolProvider!.getSymbols(document, { textDocument });
    await mq.lsp.FoldingRangeProvider!.getFoldingRanges(document, { textDocument });
    await mq.lsp.SemanticTokenProvider!.semanticHighlight(document, { textDocument });
    await mq.lsp.InlayHintProvider!.getInlayHints(document, { textDocument, range: fullRange });
    await mq.lsp.RenameProvider!.prepareRename(document, { textDocument, position });
    for (const newName of ['renamed', 'renamed.fifo', 'queue', 'bad name']) {
        // A refused rename is an LSP error response with an explanation; anything else thrown is a crash.
        try {
            await mq.lsp.RenameProvider!.rename(document, { textDocument, position, newName });
        } catch (error) {
            expect(error).toBeInstanceOf(ResponseError);
        }
    }
    const edits = await mq.lsp.Formatter!.formatDocument(document, { textDocument, options: { tabSize: 2, insertSpaces: true } });
    // Formatting may only change whitespace, even in a broken document.
    const formatted = TextDocument.applyEdits(document.textDocument, edits);
    expect(formatted.replace(/\s+/g, '')).toBe(document.textDocument.getText().replace(/\s+/g, ''));
}

describe('robustness under random edits', () => {
    test(`${RUNS} mutated example files: no crash, diagnostics inside the document, services answer`, async () => {
        let run = 0;
        await fc.assert(
            fc.asyncProperty(
                fc.nat({ max: corpus.length - 1 }),
                fc.array(mutationArb, { minLength: 1, maxLength: 3 }),
                fc.double({ min: 0, max: 1, noNaN: true }),
                async (exampleIndex, mutations, cursor) => {
                    const text = mutations.reduce(applyMutation, corpus[exampleIndex]!);
                    const document = await parse(text, { documentUri: `file:///fuzz/run-${run++}.mq`, validation: true });
                    try {
                        checkDiagnostics(text, document.diagnostics ?? []);
                        await exerciseServices(document, Math.floor(cursor * text.length));
                    } finally {
                        await clearDocuments(mq, [document]);
                    }
                }
            ),
            { numRuns: RUNS, seed: process.env.MQ_FUZZ_SEED ? Number(process.env.MQ_FUZZ_SEED) : undefined }
        );
    }, 120_000);

    test('there are examples to mutate', () => {
        expect(examples.length).toBeGreaterThan(0);
    });
});
