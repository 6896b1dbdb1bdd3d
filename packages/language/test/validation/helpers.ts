import type { LangiumDocument } from 'langium';
import { EmptyFileSystem } from 'langium';
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

export function withCode(result: ValidationResult, code: string): Diagnostic[] {
    return result.diagnostics.filter(diagnostic => diagnostic.code === code);
}

export const ERROR = 1;
export const WARNING = 2;
export const HINT = 4;
