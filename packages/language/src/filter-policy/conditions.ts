import { cidrContains, parseCidr, parseIp } from './cidr.js';
import { NUMERIC_LOWER_OPERATORS } from './operators.js';
import { isPlainObject, type JsonValue } from './types.js';
import type { ValuePredicate } from './values.js';

/** The compiled condition list of one policy key: `exists` tests plus one predicate that ORs the value conditions. */
export interface LeafConditions {
    existsTrue: boolean;
    existsFalse: boolean;
    /** Undefined when the list holds no value condition. */
    test: ValuePredicate | undefined;
    /** Human descriptions of the value conditions, for explanations. */
    descriptions: string[];
    /** True when every value condition is an exact value (so "is not one of ..." reads well). */
    onlyExactValues: boolean;
    /** The single numeric condition's description when that is all the list holds. */
    numericOnly: boolean;
}

function formatScalar(value: unknown): string {
    return typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
}

function compileNumeric(operand: unknown): { test: ValuePredicate; description: string } | undefined {
    if (!Array.isArray(operand) || operand.length < 2) {
        return undefined;
    }
    const [op, value, op2, value2] = operand as [unknown, unknown, unknown, unknown];
    if (typeof op !== 'string' || typeof value !== 'number') {
        return undefined;
    }
    const bound = (operator: string, limit: number): ((v: number) => boolean) | undefined => {
        switch (operator) {
            case '=': return v => v === limit;
            case '>': return v => v > limit;
            case '>=': return v => v >= limit;
            case '<': return v => v < limit;
            case '<=': return v => v <= limit;
            default: return undefined;
        }
    };
    const low = bound(op, value);
    if (!low) {
        return undefined;
    }
    const hasUpper = NUMERIC_LOWER_OPERATORS.has(op) && typeof op2 === 'string' && typeof value2 === 'number';
    const upper = hasUpper ? bound(op2, value2) : undefined;
    const description = upper ? `${op} ${value} and ${op2 as string} ${value2 as number}` : `${op} ${value}`;
    const test: ValuePredicate = upper
        ? (v => typeof v === 'number' && low(v) && upper(v))
        : (v => typeof v === 'number' && low(v));
    return { test, description };
}

function compileAnythingBut(operand: unknown): { test: ValuePredicate; description: string } | undefined {
    if (isPlainObject(operand)) {
        const prefix = operand['prefix'];
        if (typeof prefix !== 'string') {
            return undefined;
        }
        return {
            test: v => typeof v === 'string' && !v.startsWith(prefix),
            description: `anything-but prefix "${prefix}"`
        };
    }
    const listed = Array.isArray(operand) ? operand : [operand];
    const strings = new Set<string>();
    const numbers = new Set<number>();
    for (const member of listed) {
        if (typeof member === 'string') {
            strings.add(member);
        } else if (typeof member === 'number') {
            numbers.add(member);
        }
    }
    // The key must be present with a value; a value of another type than the listed ones is "anything but".
    return {
        test: v => v !== null && !(typeof v === 'string' && strings.has(v)) && !(typeof v === 'number' && numbers.has(v)),
        description: `anything-but ${listed.map(formatScalar).join(', ')}`
    };
}

function compileOperator(operator: string, operand: unknown): { test: ValuePredicate; description: string } | undefined {
    switch (operator) {
        case 'prefix':
            return typeof operand === 'string'
                ? { test: v => typeof v === 'string' && v.startsWith(operand), description: `prefix "${operand}"` }
                : undefined;
        case 'suffix':
            return typeof operand === 'string'
                ? { test: v => typeof v === 'string' && v.endsWith(operand), description: `suffix "${operand}"` }
                : undefined;
        case 'equals-ignore-case': {
            if (typeof operand !== 'string') {
                return undefined;
            }
            const folded = operand.toLowerCase();
            return { test: v => typeof v === 'string' && v.toLowerCase() === folded, description: `equals-ignore-case "${operand}"` };
        }
        case 'numeric':
            return compileNumeric(operand);
        case 'anything-but':
            return compileAnythingBut(operand);
        case 'cidr': {
            const block = typeof operand === 'string' ? parseCidr(operand) : 'not a string';
            if (typeof block === 'string') {
                return undefined;
            }
            return {
                test: v => {
                    if (typeof v !== 'string') {
                        return false;
                    }
                    const address = parseIp(v);
                    return address !== undefined && cidrContains(block, address);
                },
                description: `cidr ${String(operand)}`
            };
        }
        default:
            return undefined;
    }
}

/**
 * Compiles the condition list of one key. Malformed conditions (which validation reports) never match, so a
 * policy that slipped past validation cannot crash a simulation; a bare scalar is read as a one-element list.
 */
export function compileConditions(conditions: unknown): LeafConditions {
    const list: unknown[] = Array.isArray(conditions) ? conditions : [conditions];
    const exactStrings = new Set<string>();
    const exactNumbers = new Set<number>();
    let exactTrue = false;
    let exactFalse = false;
    let exactNull = false;
    const predicates: ValuePredicate[] = [];
    const descriptions: string[] = [];
    let existsTrue = false;
    let existsFalse = false;
    let onlyExactValues = true;
    let numericCount = 0;
    for (const condition of list) {
        if (typeof condition === 'string') {
            exactStrings.add(condition);
        } else if (typeof condition === 'number') {
            exactNumbers.add(condition === 0 ? 0 : condition);
        } else if (condition === true) {
            exactTrue = true;
        } else if (condition === false) {
            exactFalse = true;
        } else if (condition === null) {
            exactNull = true;
        } else if (isPlainObject(condition)) {
            const keys = Object.keys(condition);
            if (keys.length !== 1) {
                continue;
            }
            const operator = keys[0]!;
            if (operator === 'exists') {
                if (condition[operator] === true) {
                    existsTrue = true;
                } else if (condition[operator] === false) {
                    existsFalse = true;
                }
                continue;
            }
            onlyExactValues = false;
            const compiled = compileOperator(operator, condition[operator]);
            if (compiled) {
                predicates.push(compiled.test);
                descriptions.push(compiled.description);
                if (operator === 'numeric') {
                    numericCount++;
                }
            }
            continue;
        } else {
            continue;
        }
        descriptions.push(formatScalar(condition));
    }
    const hasExact = exactStrings.size > 0 || exactNumbers.size > 0 || exactTrue || exactFalse || exactNull;
    const exact: ValuePredicate = v => {
        switch (typeof v) {
            case 'string': return exactStrings.has(v);
            case 'number': return exactNumbers.has(v);
            case 'boolean': return v ? exactTrue : exactFalse;
            default: return v === null && exactNull;
        }
    };
    let test: ValuePredicate | undefined;
    if (hasExact && predicates.length === 0) {
        test = exact;
    } else if (predicates.length > 0) {
        const all = hasExact ? [exact, ...predicates] : predicates;
        test = all.length === 1 ? all[0] : (v => {
            for (const predicate of all) {
                if (predicate(v)) {
                    return true;
                }
            }
            return false;
        });
    }
    return {
        existsTrue,
        existsFalse,
        test,
        descriptions,
        onlyExactValues: onlyExactValues && hasExact,
        numericOnly: numericCount === 1 && descriptions.length === 1
    };
}

export function describeValue(value: JsonValue): string {
    return typeof value === 'string' ? JSON.stringify(value) : String(value);
}
