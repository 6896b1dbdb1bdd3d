import { compileTree, explainNode, nodeMatches, type AndNode } from './compile.js';
import { parsePolicyInput } from './parse.js';
import { isPlainObject, type FilterPolicyScope, type SnsFilterableMessage } from './types.js';
import { attributeSource, bodySource, type ValueSource } from './values.js';

/** A compiled filter policy: call it to test a message; `explain` says why a message does not match. */
export interface CompiledFilterPolicy {
    (message: SnsFilterableMessage): boolean;
    /** A short reason for the first failing key, e.g. `amount 42 is not > 100`; undefined when the message matches. */
    explain(message: SnsFilterableMessage): string | undefined;
    readonly scope: FilterPolicyScope;
}

function sourceFor(message: SnsFilterableMessage, scope: FilterPolicyScope): ValueSource | undefined {
    return scope === 'MessageAttributes' ? attributeSource(message) : bodySource(message);
}

function build(tree: AndNode | 'all' | 'none', scope: FilterPolicyScope, invalidReason: string): CompiledFilterPolicy {
    const matches = (message: SnsFilterableMessage): boolean => {
        if (tree === 'all') {
            return true;
        }
        if (tree === 'none' || typeof message !== 'object' || message === null) {
            return false;
        }
        const source = sourceFor(message, scope);
        return source !== undefined && nodeMatches(tree, source);
    };
    const explain = (message: SnsFilterableMessage): string | undefined => {
        if (tree === 'all') {
            return undefined;
        }
        if (tree === 'none') {
            return invalidReason;
        }
        const source = typeof message === 'object' && message !== null ? sourceFor(message, scope) : undefined;
        if (!source) {
            return scope === 'MessageBody'
                ? 'the message body is not a JSON object (the filter policy scope is MessageBody)'
                : 'the message has no readable attributes';
        }
        return explainNode(tree, source);
    };
    return Object.assign(matches, { explain, scope });
}

/**
 * Compiles a FilterPolicy (parsed JSON or JSON text) for repeated evaluation. No policy (undefined, null or an
 * empty object) delivers everything. A policy that is not a JSON object matches nothing rather than throwing.
 */
export function compileFilterPolicy(policy: unknown, scope: FilterPolicyScope = 'MessageAttributes'): CompiledFilterPolicy {
    if (policy === undefined || policy === null || policy === '') {
        return build('all', scope, '');
    }
    const parsed = parsePolicyInput(policy);
    if (!parsed.ok) {
        return build('none', scope, `the filter policy is invalid: ${parsed.issue.message}`);
    }
    if (!isPlainObject(parsed.policy)) {
        return build('none', scope, 'the filter policy is invalid: Filter policy must be a JSON object');
    }
    if (Object.keys(parsed.policy).length === 0) {
        return build('all', scope, '');
    }
    return build(compileTree(parsed.policy, scope), scope, '');
}

const compiledByPolicy = new WeakMap<object, Partial<Record<FilterPolicyScope, CompiledFilterPolicy>>>();
const compiledByText = new Map<string, CompiledFilterPolicy>();
const MAX_TEXT_CACHE = 1000;

function cachedCompile(policy: unknown, scope: FilterPolicyScope): CompiledFilterPolicy {
    if (typeof policy === 'object' && policy !== null) {
        let perScope = compiledByPolicy.get(policy);
        if (!perScope) {
            perScope = {};
            compiledByPolicy.set(policy, perScope);
        }
        return (perScope[scope] ??= compileFilterPolicy(policy, scope));
    }
    if (typeof policy === 'string') {
        const key = `${scope}\u0000${policy}`;
        let compiled = compiledByText.get(key);
        if (!compiled) {
            if (compiledByText.size >= MAX_TEXT_CACHE) {
                compiledByText.clear();
            }
            compiled = compileFilterPolicy(policy, scope);
            compiledByText.set(key, compiled);
        }
        return compiled;
    }
    return compileFilterPolicy(policy, scope);
}

/**
 * Would SNS deliver `message` (as given to Publish) to a subscription with this FilterPolicy and FilterPolicyScope?
 * Compiled policies are cached by policy object identity (or by text), so calling this in a loop is cheap.
 */
export function matchesFilterPolicy(policy: unknown, scope: FilterPolicyScope, message: SnsFilterableMessage): boolean {
    return cachedCompile(policy, scope)(message);
}

/** Why `message` is filtered out, e.g. `eventType "order_cancelled" is not one of order_placed, order_updated`. */
export function explainFilterMismatch(policy: unknown, scope: FilterPolicyScope, message: SnsFilterableMessage): string | undefined {
    return cachedCompile(policy, scope).explain(message);
}
