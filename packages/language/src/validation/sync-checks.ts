/**
 * Langium wraps every registered check in its own async function and awaits it, per AST node: with ~40 MQ
 * checks over every property node that bookkeeping cost as much as the rules. All MQ checks are synchronous,
 * so the checks registered for one AST type run as one registry entry. Each still fails alone, reported
 * exactly as Langium's registry reports a throwing check.
 */
import type { AstNode, ValidationAcceptor, ValidationChecks } from 'langium';
import { isOperationCancelled } from 'langium';
import type { MqAstType } from '../generated/ast.js';

type SyncCheck = (node: AstNode, accept: ValidationAcceptor) => void;

const CONTEXT = 'An error occurred during validation';

function runAll(checks: readonly SyncCheck[], node: AstNode, accept: ValidationAcceptor): void {
    for (const check of checks) {
        try {
            check(node, accept);
        } catch (err) {
            if (isOperationCancelled(err)) throw err;
            console.error(`${CONTEXT}:`, err);
            if (err instanceof Error && err.stack) console.error(err.stack);
            const details = err instanceof Error ? err.message : String(err);
            accept('error', `${CONTEXT}: ${details}`, { node });
        }
    }
}

/** One entry per AST type, running that type's checks in their registration order. */
export function combineChecks(checks: ValidationChecks<MqAstType>): ValidationChecks<MqAstType> {
    const combined: Record<string, SyncCheck> = {};
    for (const [type, entry] of Object.entries(checks)) {
        const list = (Array.isArray(entry) ? entry : [entry]) as SyncCheck[];
        combined[type] = (node, accept) => runAll(list, node, accept);
    }
    return combined as ValidationChecks<MqAstType>;
}
