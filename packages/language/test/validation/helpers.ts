import type { LangiumDocument } from 'langium';
import { EmptyFileSystem, URI } from 'langium';
import type { ParseHelperOptions, ValidationResult } from 'langium/test';
import { clearDocuments, parseHelper, validationHelper } from 'langium/test';
import { afterEach } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver';
import { createMqServices } from '../../src/mq-module.js';

export const services = createMqServices(EmptyFileSystem);
const validateOnly = validationHelper(services.mq);
const parseOnly = parseHelper(services.mq);
let otherFiles: LangiumDocument[] = [];

/**
 * Validates `text` as a fresh workspace: documents of earlier calls are removed (names are global per kind, so
 * a leftover `queue q` would capture the references), except files added with `addFile` just before.
 */
export async function validate(text: string, options?: ParseHelperOptions): Promise<ValidationResult> {
    const keep = new Set(otherFiles);
    await clearDocuments(services.shared, services.shared.workspace.LangiumDocuments.all.filter(doc => !keep.has(doc)).toArray());
    otherFiles = [];
    return validateOnly(text, options);
}

/** Adds another file to the workspace of the next `validate` (parsed, linked and indexed, not validated). */
export async function addFile(text: string, options?: ParseHelperOptions): Promise<LangiumDocument> {
    const document = await parseOnly(text, options);
    otherFiles.push(document);
    return document;
}

afterEach(() => clearDocuments(services.shared));

/** Offset and length of the `occurrence`-th appearance of `snippet`, to assert a diagnostic's exact range. */
export function at(result: ValidationResult, snippet: string, occurrence = 0): { offset: number; length: number } {
    const text = result.document.textDocument.getText();
    let offset = -1;
    for (let i = 0; i <= occurrence; i++) {
        offset = text.indexOf(snippet, offset + 1);
        if (offset < 0) throw new Error(`'${snippet}' (occurrence ${occurrence}) not found in the test input`);
    }
    return { offset, length: snippet.length };
}

/**
 * Builds several files together, as a workspace is built, and returns the validation of the first one. Use it
 * when another file refers to a declaration of the file under test (a producer in b.mq writing to a.mq's queue).
 */
export async function validateWorkspace(main: string, ...others: string[]): Promise<ValidationResult> {
    await clearDocuments(services.shared);
    otherFiles = [];
    const { LangiumDocumentFactory, LangiumDocuments, DocumentBuilder } = services.shared.workspace;
    const documents = [main, ...others].map((text, i) => {
        const document = LangiumDocumentFactory.fromString(text, URI.parse(`file:///workspace/file${i + 1}.mq`));
        LangiumDocuments.addDocument(document);
        return document;
    });
    await DocumentBuilder.build(documents, { validation: true });
    const document = documents[0]!;
    return {
        document,
        diagnostics: document.diagnostics ?? [],
        dispose: () => clearDocuments(services.shared, documents)
    } as ValidationResult;
}

/** The range of `snippet` after the first `anchor` (e.g. the `s` in `c6 { read: s`). */
export function after(result: ValidationResult, anchor: string, snippet: string): { offset: number; length: number } {
    const text = result.document.textDocument.getText();
    const start = text.indexOf(anchor);
    if (start < 0) throw new Error(`'${anchor}' not found in the test input`);
    return { offset: text.indexOf(snippet, start + anchor.length), length: snippet.length };
}

export function withCode(result: ValidationResult, code: string): Diagnostic[] {
    return result.diagnostics.filter(diagnostic => diagnostic.code === code);
}

export const ERROR = 1;
export const WARNING = 2;
export const HINT = 4;
