import type { AstNode, AstNodeDescription } from 'langium';
import { isAstNodeDescription } from 'langium';
import type { NodeKindProvider } from 'langium/lsp';
import { CompletionItemKind, SymbolKind } from 'vscode-languageserver';

/** LSP has no vocabulary for messaging resources; these kinds give each MQ kind a distinct, fitting icon. */
const SYMBOL_KINDS: Readonly<Record<string, SymbolKind>> = {
    Queue: SymbolKind.Array,
    Topic: SymbolKind.Event,
    Stream: SymbolKind.Struct,
    LambdaFunction: SymbolKind.Function,
    Firehose: SymbolKind.Package,
    Producer: SymbolKind.Constructor,
    Consumer: SymbolKind.Method,
    Scenario: SymbolKind.Namespace
};

const COMPLETION_KINDS: Readonly<Record<string, CompletionItemKind>> = {
    Queue: CompletionItemKind.Value,
    Topic: CompletionItemKind.Event,
    Stream: CompletionItemKind.Struct,
    LambdaFunction: CompletionItemKind.Function,
    Firehose: CompletionItemKind.Module,
    Producer: CompletionItemKind.Constructor,
    Consumer: CompletionItemKind.Method,
    Scenario: CompletionItemKind.Folder
};

export class MqNodeKindProvider implements NodeKindProvider {

    getSymbolKind(node: AstNode | AstNodeDescription): SymbolKind {
        return SYMBOL_KINDS[typeOf(node)] ?? SymbolKind.Field;
    }

    getCompletionItemKind(node: AstNode | AstNodeDescription): CompletionItemKind {
        return COMPLETION_KINDS[typeOf(node)] ?? CompletionItemKind.Reference;
    }
}

function typeOf(node: AstNode | AstNodeDescription): string {
    return isAstNodeDescription(node) ? node.type : node.$type;
}
