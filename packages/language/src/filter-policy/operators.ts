import { isPlainObject } from './types.js';

/** Match operators SNS understands inside a condition object. */
export const SNS_OPERATORS = ['prefix', 'suffix', 'equals-ignore-case', 'anything-but', 'numeric', 'exists', 'cidr'] as const;
export type SnsOperator = (typeof SNS_OPERATORS)[number];

/**
 * Words that stop `$or` from being read as the OR operator when they appear as a key of one of its objects;
 * EventBridge-only operators are included because AWS reserves them too.
 */
const RESERVED_KEYWORDS = new Set<string>([...SNS_OPERATORS, 'wildcard']);

export function isSnsOperator(name: string): name is SnsOperator {
    return (SNS_OPERATORS as readonly string[]).includes(name);
}

/**
 * AWS treats `"$or"` as the OR operator only when its value is an array of at least two objects and none of
 * those objects uses a reserved keyword; otherwise `$or` is an ordinary property name.
 */
export function isOrOperator(key: string, value: unknown): value is Array<Record<string, unknown>> {
    if (key !== '$or' || !Array.isArray(value) || value.length < 2) {
        return false;
    }
    return value.every(branch => isPlainObject(branch) && Object.keys(branch).every(k => !RESERVED_KEYWORDS.has(k)));
}

export const NUMERIC_LOWER_OPERATORS = new Set(['>', '>=']);
export const NUMERIC_UPPER_OPERATORS = new Set(['<', '<=']);
export const NUMERIC_OPERATORS = new Set(['=', '>', '>=', '<', '<=']);
