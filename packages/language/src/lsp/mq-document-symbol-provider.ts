import type { AstNode, CstNode, LangiumDocument } from 'langium';
import { DefaultDocumentSymbolProvider } from 'langium/lsp';
import type { DocumentSymbol } from 'vscode-languageserver';
import { declarationKind, isFifoDeclaration } from './effective-config.js';
import { isDeclaration } from '../generated/ast.js';

/** Outline entries carry the MQ kind as detail (`queue · FIFO`), since several kinds share an icon family. */
export class MqDocumentSymbolProvider extends DefaultDocumentSymbolProvider {

    protected override createSymbol(document: LangiumDocument, astNode: AstNode, cstNode: CstNode, nameNode: CstNode, computedName?: string): DocumentSymbol {
        const symbol = super.createSymbol(document, astNode, cstNode, nameNode, computedName);
        if (isDeclaration(astNode)) {
            const kind = declarationKind(astNode);
            symbol.detail = kind && isFifoDeclaration(astNode) ? `${kind} · FIFO` : kind;
        }
        return symbol;
    }
}
