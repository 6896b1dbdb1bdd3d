import { compileConditions, describeValue, type LeafConditions } from './conditions.js';
import { isOrOperator } from './operators.js';
import { isPlainObject, type FilterPolicyScope } from './types.js';
import type { ValueSource } from './values.js';

/** One key of the policy: its dotted path from the body root (or the attribute name) and its conditions. */
interface LeafTerm {
    kind: 'leaf';
    path: string;
    conditions: LeafConditions;
}

/** `$or`: at least one branch must match. */
interface OrTerm {
    kind: 'or';
    branches: AndNode[];
}

type Term = LeafTerm | OrTerm;

/** Every term must match. */
export interface AndNode {
    terms: Term[];
}

const notNull = (value: unknown): boolean => value !== null;
/** What `exists: true` needs: "a non-null and non-empty value" ([SNS-DG] attribute-key-matching; DOMAIN.md §2.5). */
const nonEmpty = (value: unknown): boolean => value !== null && value !== '';

/**
 * Turns a policy object into an AND/OR tree of leaves with full dotted paths. Nested objects (MessageBody scope)
 * become path prefixes; `$or` inside a nested object keeps that prefix on its branches.
 */
export function compileTree(policy: Record<string, unknown>, scope: FilterPolicyScope): AndNode {
    const node: AndNode = { terms: [] };
    addTerms(node, policy, '', scope);
    return node;
}

function addTerms(node: AndNode, policy: Record<string, unknown>, prefix: string, scope: FilterPolicyScope): void {
    for (const [key, value] of Object.entries(policy)) {
        if (isOrOperator(key, value)) {
            node.terms.push({
                kind: 'or',
                branches: value.map(branch => {
                    const branchNode: AndNode = { terms: [] };
                    addTerms(branchNode, branch, prefix, scope);
                    return branchNode;
                })
            });
        } else if (isPlainObject(value) && scope === 'MessageBody') {
            addTerms(node, value, `${prefix}${key}.`, scope);
        } else {
            node.terms.push({ kind: 'leaf', path: prefix + key, conditions: compileConditions(value) });
        }
    }
}

function leafMatches(leaf: LeafTerm, source: ValueSource): boolean {
    const { existsTrue, existsFalse, test } = leaf.conditions;
    if (test && source.some(leaf.path, test)) {
        return true;
    }
    if (existsTrue && source.some(leaf.path, nonEmpty)) {
        return true;
    }
    return existsFalse && source.allowsExistsFalse && !source.some(leaf.path, notNull);
}

export function nodeMatches(node: AndNode, source: ValueSource): boolean {
    for (const term of node.terms) {
        if (term.kind === 'leaf') {
            if (!leafMatches(term, source)) {
                return false;
            }
        } else if (!term.branches.some(branch => nodeMatches(branch, source))) {
            return false;
        }
    }
    return true;
}

/** A short reason why the first failing key of `node` does not match, or undefined when the node matches. */
export function explainNode(node: AndNode, source: ValueSource): string | undefined {
    for (const term of node.terms) {
        if (term.kind === 'leaf') {
            if (!leafMatches(term, source)) {
                return explainLeaf(term, source);
            }
        } else if (!term.branches.some(branch => nodeMatches(branch, source))) {
            const reasons = term.branches.map(branch => explainNode(branch, source) ?? 'matched');
            return `no $or branch matched (${reasons.join('; ')})`;
        }
    }
    return undefined;
}

function explainLeaf(leaf: LeafTerm, source: ValueSource): string {
    const { existsTrue, existsFalse, descriptions, onlyExactValues, numericOnly } = leaf.conditions;
    const present = source.values(leaf.path).filter(notNull);
    if (present.length === 0) {
        if (existsFalse && !source.allowsExistsFalse) {
            return `${leaf.path}: exists:false needs at least one message attribute, and the message has none`;
        }
        const wanted = descriptions.length > 0 ? ` (needs ${describeWanted(leaf.conditions)})` : '';
        return `${leaf.path} is missing${wanted}`;
    }
    const shown = present.length === 1 ? describeValue(present[0]!) : `[${present.map(describeValue).join(', ')}]`;
    if (descriptions.length === 0) {
        if (existsTrue && !present.some(nonEmpty)) return `${leaf.path} is empty; exists:true needs a non-empty value`;
        return existsFalse && !existsTrue ? `${leaf.path} exists (${shown}) but must be absent` : `${leaf.path} ${shown} does not match`;
    }
    if (onlyExactValues) {
        return descriptions.length === 1
            ? `${leaf.path} ${shown} is not ${descriptions[0]}`
            : `${leaf.path} ${shown} is not one of ${descriptions.join(', ')}`;
    }
    if (numericOnly) {
        return `${leaf.path} ${shown} is not ${descriptions[0]}`;
    }
    const absent = existsFalse ? ' and is present' : '';
    return `${leaf.path} ${shown} does not match ${descriptions.join(' or ')}${absent}`;
}

function describeWanted(conditions: LeafConditions): string {
    if (conditions.onlyExactValues) {
        return conditions.descriptions.length === 1 ? conditions.descriptions[0]! : `one of ${conditions.descriptions.join(', ')}`;
    }
    return conditions.descriptions.join(' or ');
}
