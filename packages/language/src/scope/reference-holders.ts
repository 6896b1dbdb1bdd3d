import type { AstNode } from 'langium';
import { isModel } from '../generated/ast.js';

/**
 * The AST nodes that can hold cross-references: in MQ every reference sits on a declaration's direct
 * children (a property, a subscription, a scenario statement), never deeper (JSON values, duration ranges).
 * Walking the known shape instead of every node of the tree is what makes linking and reference indexing
 * cheap on files full of message templates and filter policies. `test/lsp/scoping.test.ts` checks against
 * a full tree walk that no reference of the examples is missed, so a grammar change that nests a reference
 * deeper fails there.
 */
export function* referenceHolders(root: AstNode): Generator<AstNode> {
    if (!isModel(root)) return;
    for (const declaration of root.declarations) {
        yield declaration;
        const children = declaration as { properties?: AstNode[]; subscriptions?: AstNode[]; statements?: AstNode[] };
        if (children.properties) yield* children.properties;
        if (children.subscriptions) yield* children.subscriptions;
        if (children.statements) yield* children.statements;
    }
}
