import type { AstNode, LangiumDocument, LangiumParser } from 'langium';
import { CstUtils } from 'langium';
import type { LangiumServices } from 'langium/lsp';
import { DefaultRenameProvider } from 'langium/lsp';
import type { CancellationToken, RenameParams, WorkspaceEdit } from 'vscode-languageserver';
import { LSPErrorCodes, ResponseError } from 'vscode-languageserver';
import { isDeclaration, isQueue, isTopic } from '../generated/ast.js';
import type { IndexManager } from 'langium';
import { declarationKind, isFifoDeclaration } from './effective-config.js';

const VALID_NAME = /^[A-Za-z_][A-Za-z0-9_-]*(\.fifo)?$/;

/**
 * Renames a declaration and every reference to it in all files of the workspace, and refuses a new name
 * that would change what the resource is or break the workspace: a FIFO queue or topic keeps its `.fifo`
 * suffix, a standard one does not gain it, and the name must be free within its kind.
 */
export class MqRenameProvider extends DefaultRenameProvider {

    protected readonly indexManager: IndexManager;
    protected readonly parser: LangiumParser;

    constructor(services: LangiumServices) {
        super(services);
        this.indexManager = services.shared.workspace.IndexManager;
        this.parser = services.parser.LangiumParser;
    }

    override async rename(document: LangiumDocument, params: RenameParams, cancelToken?: CancellationToken): Promise<WorkspaceEdit | undefined> {
        const target = this.findTarget(document, params);
        if (target) {
            const problem = this.checkNewName(target, params.newName);
            if (problem) throw new ResponseError(LSPErrorCodes.RequestFailed, problem);
        }
        return super.rename(document, params, cancelToken);
    }

    protected findTarget(document: LangiumDocument, params: RenameParams): AstNode | undefined {
        const root = document.parseResult.value.$cstNode;
        if (!root) return undefined;
        const leaf = CstUtils.findDeclarationNodeAtOffset(root, document.textDocument.offsetAt(params.position), this.grammarConfig.nameRegexp);
        return leaf ? this.references.findDeclarations(leaf)[0] : undefined;
    }

    /** A message saying why `newName` is refused, or undefined when the rename is safe. */
    checkNewName(target: AstNode, newName: string): string | undefined {
        if (!isDeclaration(target)) return undefined;
        const kind = declarationKind(target) ?? 'declaration';
        const oldName = target.name;
        if (!VALID_NAME.test(newName)) {
            return `'${newName}' is not a valid MQ name: use letters, digits, '-' and '_', starting with a letter or '_', with an optional final '.fifo'.`;
        }
        if (!this.parsesAsName(newName)) {
            return `'${newName}' is a reserved MQ keyword and cannot name a ${kind}.`;
        }
        if ((isQueue(target) || isTopic(target)) && newName !== oldName) {
            const fifo = isFifoDeclaration(target);
            if (fifo && !newName.endsWith('.fifo')) {
                return `Cannot rename ${kind} '${oldName}' to '${newName}': it is a FIFO ${kind}, and AWS requires FIFO ${kind} names to end in '.fifo'. Use '${newName}.fifo'.`;
            }
            if (!fifo && newName.endsWith('.fifo')) {
                return `Cannot rename ${kind} '${oldName}' to '${newName}': a name ending in '.fifo' is reserved for FIFO ${kind}s, and '${oldName}' is a standard ${kind}. Drop the '.fifo' suffix, or declare 'type: fifo' first.`;
            }
        }
        if (newName !== oldName && this.indexManager.allElements(target.$type).some(description => description.name === newName)) {
            return `Cannot rename ${kind} '${oldName}' to '${newName}': a ${kind} named '${newName}' already exists in the workspace.`;
        }
        return undefined;
    }

    /** Words such as `queue` or `subscribe` are keywords everywhere; others (`source`, `rate`) may be names. */
    protected parsesAsName(name: string): boolean {
        const result = this.parser.parse<AstNode & { declarations?: Array<{ name?: string }> }>(`queue ${name} { }`);
        return result.lexerErrors.length === 0 && result.parserErrors.length === 0 && result.value.declarations?.[0]?.name === name;
    }
}
