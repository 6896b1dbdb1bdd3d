/**
 * Text edits that quick fixes compose: add or set a property inside a declaration's braces, remove a node
 * with its line, insert a declaration after another. They keep the author's layout (indentation, one-line
 * declarations) so a fix never reformats code it did not need to touch.
 */
import type { AstNode, LangiumDocument } from 'langium';
import { AstUtils, GrammarUtils } from 'langium';
import type { Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver';

export type Declared = AstNode & { name: string; properties: Array<AstNode & { key: string }> };

/** Collects edits per document URI into one WorkspaceEdit. */
export class EditCollector {
    protected readonly changes: Record<string, TextEdit[]> = {};

    add(document: LangiumDocument, edit: TextEdit): this {
        (this.changes[document.textDocument.uri] ??= []).push(edit);
        return this;
    }

    addOffsets(document: LangiumDocument, start: number, end: number, newText: string): this {
        return this.add(document, { range: rangeOf(document, start, end), newText });
    }

    build(): WorkspaceEdit {
        return { changes: this.changes };
    }
}

export function rangeOf(document: LangiumDocument, start: number, end: number): Range {
    return { start: document.textDocument.positionAt(start), end: document.textDocument.positionAt(end) };
}

function lineStartOf(text: string, offset: number): number {
    return text.lastIndexOf('\n', offset - 1) + 1;
}

function indentationAt(text: string, offset: number): string {
    const start = lineStartOf(text, offset);
    return /^[ \t]*/.exec(text.slice(start))![0];
}

/** Adds `key: value` as the last property of a declaration. */
export function addProperty(edits: EditCollector, declaration: Declared, propertyText: string): void {
    const document = AstUtils.getDocument(declaration);
    const text = document.textDocument.getText();
    const cst = declaration.$cstNode;
    if (!cst) return;
    const close = text.lastIndexOf('}', cst.end - 1);
    const nameEnd = GrammarUtils.findNodeForProperty(cst, 'name')?.end ?? cst.offset;
    const open = text.indexOf('{', nameEnd);
    if (open < 0 || close < open) return;
    const inner = text.slice(open + 1, close);
    const baseIndent = indentationAt(text, cst.offset);
    if (!inner.includes('\n')) {
        const existing = inner.trim();
        edits.addOffsets(document, open + 1, close, existing ? ` ${existing}  ${propertyText} ` : ` ${propertyText} `);
        return;
    }
    const first = declaration.properties[0]?.$cstNode;
    const indent = first && text.slice(lineStartOf(text, first.offset), first.offset).trim() === ''
        ? indentationAt(text, first.offset)
        : `${baseIndent}  `;
    const closeLineStart = lineStartOf(text, close);
    if (text.slice(closeLineStart, close).trim() === '') {
        edits.addOffsets(document, closeLineStart, closeLineStart, `${indent}${propertyText}\n`);
    } else {
        edits.addOffsets(document, close, close, `\n${indent}${propertyText}\n${baseIndent}`);
    }
}

/** Sets a property's `value` if the declaration has it, else adds it. */
export function setProperty(edits: EditCollector, declaration: Declared, key: string, value: string): void {
    const existing = declaration.properties.find(prop => prop.key === key);
    const valueNode = existing && GrammarUtils.findNodeForProperty(existing.$cstNode, 'value');
    if (existing && valueNode) {
        edits.addOffsets(AstUtils.getDocument(declaration), valueNode.offset, valueNode.end, value);
    } else {
        addProperty(edits, declaration, `${key}: ${value}`);
    }
}

/** Removes a node; when it is alone on its line(s), the whole line goes with it. */
export function removeNode(edits: EditCollector, node: AstNode): void {
    const cst = node.$cstNode;
    if (!cst) return;
    const document = AstUtils.getDocument(node);
    const text = document.textDocument.getText();
    const lineStart = lineStartOf(text, cst.offset);
    const newline = text.indexOf('\n', cst.end);
    const lineEnd = newline < 0 ? text.length : newline;
    const before = text.slice(lineStart, cst.offset);
    const after = text.slice(cst.end, lineEnd).trim();
    if (before.trim() === '' && (after === '' || after.startsWith('//'))) {
        edits.addOffsets(document, lineStart, newline < 0 ? lineEnd : lineEnd + 1, '');
        return;
    }
    removeWithLeadingSpace(edits, document, cst.offset, cst.end);
}

/** Removes `start..end` and the blanks in front of it (`subscribe x raw` → `subscribe x`). */
export function removeWithLeadingSpace(edits: EditCollector, document: LangiumDocument, start: number, end: number): void {
    const text = document.textDocument.getText();
    let from = start;
    while (from > 0 && (text[from - 1] === ' ' || text[from - 1] === '\t')) from--;
    edits.addOffsets(document, from, end, '');
}

/** Inserts a new declaration on its own line right after `after`. */
export function insertDeclarationAfter(edits: EditCollector, after: AstNode, declarationText: string): void {
    const cst = after.$cstNode;
    if (!cst) return;
    const document = AstUtils.getDocument(after);
    const text = document.textDocument.getText();
    edits.addOffsets(document, cst.end, cst.end, `\n${indentationAt(text, cst.offset)}${declarationText}`);
}
