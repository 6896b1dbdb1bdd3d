import type { AstNode } from 'langium';
import { AstUtils } from 'langium';
import { isDurationRange, isJsonValue } from '../generated/ast.js';

/**
 * The AST nodes that can hold cross-references. JSON values (message templates, filter policies) and
 * duration ranges never do, and they make up most nodes of a typical file, so their subtrees are skipped
 * when linking and indexing references. Everything else is visited, so a new reference anywhere outside
 * JSON keeps working without touching this file.
 */
export function* referenceHolders(root: AstNode): Generator<AstNode> {
    const iterator = AstUtils.streamAst(root).iterator();
    for (let next = iterator.next(); !next.done; next = iterator.next()) {
        const node = next.value;
        if (isJsonValue(node) || isDurationRange(node)) {
            iterator.prune();
            continue;
        }
        yield node;
    }
}
