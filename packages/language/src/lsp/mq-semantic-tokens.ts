import type { AstNode } from 'langium';
import { AstUtils, GrammarUtils } from 'langium';
import type { SemanticTokenAcceptor } from 'langium/lsp';
import { AbstractSemanticTokenProvider } from 'langium/lsp';
import { SemanticTokenModifiers, SemanticTokenTypes } from 'vscode-languageserver';
import { isDeclaration, isExpectation, isScaleProperty } from '../generated/ast.js';

/**
 * One token type per resource kind, so that a queue, a topic and a stream named alike read differently in
 * the editor; the same colour is used where the name is declared (with the `declaration` modifier) and
 * where it is referenced. Property keys are properties, numbers with units are numbers, keyword values
 * (`fifo`, `sqs-managed`, `enhanced`) are enum members.
 */
const TOKEN_TYPE_OF_KIND: Readonly<Record<string, string>> = {
    Queue: SemanticTokenTypes.class,
    Topic: SemanticTokenTypes.interface,
    Stream: SemanticTokenTypes.struct,
    Firehose: SemanticTokenTypes.type,
    LambdaFunction: SemanticTokenTypes.function,
    Producer: SemanticTokenTypes.event,
    Consumer: SemanticTokenTypes.method,
    Scenario: SemanticTokenTypes.namespace
};

const QUANTITY = /^-?\d/;

export class MqSemanticTokenProvider extends AbstractSemanticTokenProvider {

    protected highlightElement(node: AstNode, acceptor: SemanticTokenAcceptor): void {
        if (isDeclaration(node)) {
            if (node.name) acceptor({ node, property: 'name', type: TOKEN_TYPE_OF_KIND[node.$type]!, modifier: SemanticTokenModifiers.declaration });
            return;
        }
        for (const reference of AstUtils.streamReferences(node)) {
            const target = 'ref' in reference.reference ? reference.reference.ref : undefined;
            if (!target || reference.container !== node) continue;
            const type = TOKEN_TYPE_OF_KIND[target.$type];
            if (type) acceptor({ node, property: reference.property as never, index: reference.index, type });
        }
        const entry = node as AstNode & { key?: unknown; value?: unknown };
        if (typeof entry.key === 'string' && GrammarUtils.findNodeForProperty(node.$cstNode, 'key')) {
            acceptor({ node, property: 'key' as never, type: SemanticTokenTypes.property });
            if (typeof entry.value === 'string' && GrammarUtils.findNodeForProperty(node.$cstNode, 'value')) {
                acceptor({ node, property: 'value' as never, type: QUANTITY.test(entry.value) ? SemanticTokenTypes.number : SemanticTokenTypes.enumMember });
            }
        }
        if ((isExpectation(node) || isScaleProperty(node)) && node.metric) {
            acceptor({ node, property: 'metric', type: SemanticTokenTypes.property });
        }
    }
}
