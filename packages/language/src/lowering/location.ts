import type { AstNode, CstNode } from 'langium';
import { AstUtils, GrammarUtils } from 'langium';
import type { SourceLocation } from '../model/architecture-model.js';

const NOWHERE = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

function uriOf(node: AstNode): string {
    try {
        return AstUtils.getDocument(node).uri.toString();
    } catch {
        return '';
    }
}

function fromCst(node: AstNode, cst: CstNode | undefined): SourceLocation {
    return { uri: uriOf(node), range: cst ? { start: { ...cst.range.start }, end: { ...cst.range.end } } : NOWHERE };
}

/** Where a node is written, as a tool-neutral location. */
export function locationOf(node: AstNode): SourceLocation {
    return fromCst(node, node.$cstNode);
}

/** Where a node's property is written (the name token of a declaration, say); falls back to the node. */
export function propertyLocationOf(node: AstNode, property: string): SourceLocation {
    return fromCst(node, GrammarUtils.findNodeForProperty(node.$cstNode, property) ?? node.$cstNode);
}

/** The node's source text, whitespace collapsed (for expectation texts in reports). */
export function sourceTextOf(node: AstNode): string {
    return (node.$cstNode?.text ?? '').replace(/\s+/g, ' ').trim();
}
