/**
 * One-line summaries of SNS filter policies (AWS JSON syntax) for edge labels:
 * `{"eventType": ["order_placed", "order_updated"], "amount": [{"numeric": [">", 100]}]}` becomes
 * `eventType ∈ {order_placed, order_updated}; amount > 100`. Keys are joined with `; ` (AND),
 * alternatives inside a key with ` ∨ `, `$or` branches with ` ∨ ` in parentheses. Nested payload
 * keys are shown as dotted paths. Anything malformed is summarised as literally as possible:
 * the validator reports it, the diagram only has to stay readable.
 */

const DEFAULT_MAX_LENGTH = 60;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function isObject(value: unknown): value is Record<string, Json> {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function literal(value: unknown): string {
    if (typeof value === 'string') return value;
    if (value === null) return 'null';
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    return JSON.stringify(value) ?? String(value);
}

function set(values: unknown): string {
    const list = Array.isArray(values) ? values : [values];
    return `{${list.map(literal).join(', ')}}`;
}

const NUMERIC_OPS: Record<string, string> = { '=': '=', '>': '>', '>=': '≥', '<': '<', '<=': '≤' };

function numeric(key: string, terms: unknown): string {
    if (!Array.isArray(terms)) return `${key} numeric ${literal(terms)}`;
    const parts: string[] = [];
    for (let i = 0; i + 1 < terms.length; i += 2) {
        const op = NUMERIC_OPS[String(terms[i])] ?? String(terms[i]);
        parts.push(`${op} ${literal(terms[i + 1])}`);
    }
    if (terms.length % 2 === 1) parts.push(literal(terms[terms.length - 1]));
    return `${key} ${parts.join(', ')}`;
}

function operator(key: string, condition: Record<string, Json>): string {
    const entries = Object.entries(condition);
    if (entries.length !== 1) return `${key} ${literal(condition)}`;
    const [op, operand] = entries[0];
    switch (op) {
        case 'prefix': return `${key} starts with ${literal(operand)}`;
        case 'suffix': return `${key} ends with ${literal(operand)}`;
        case 'equals-ignore-case': return `${key} ≈ ${literal(operand)}`;
        case 'cidr': return `${key} in ${literal(operand)}`;
        case 'wildcard': return `${key} like ${literal(operand)}`;
        case 'exists': return operand === false ? `no ${key}` : `has ${key}`;
        case 'numeric': return numeric(key, operand);
        case 'anything-but':
            if (isObject(operand)) return `not (${operator(key, operand)})`;
            return Array.isArray(operand) ? `${key} ∉ ${set(operand)}` : `${key} ≠ ${literal(operand)}`;
        default: return `${key} ${op} ${literal(operand)}`;
    }
}

function keyConditions(key: string, conditions: unknown): string {
    const list = Array.isArray(conditions) ? conditions : [conditions];
    const values = list.filter((c) => !isObject(c));
    const operators = list.filter(isObject).map((c) => operator(key, c));
    const parts: string[] = [];
    if (values.length === 1) parts.push(`${key} = ${literal(values[0])}`);
    else if (values.length > 1) parts.push(`${key} ∈ ${set(values)}`);
    parts.push(...operators);
    return parts.length > 1 ? parts.join(' ∨ ') : parts[0] ?? `${key} ∈ {}`;
}

function isOrBranchList(value: unknown): value is Array<Record<string, Json>> {
    return Array.isArray(value) && value.length >= 2 && value.every(isObject);
}

function policyParts(policy: Record<string, Json>, path: string): string[] {
    const parts: string[] = [];
    for (const [key, value] of Object.entries(policy)) {
        if (key === '$or' && isOrBranchList(value)) {
            const branches = value.map((branch) => policyParts(branch, path).join('; '));
            parts.push(`(${branches.join(') ∨ (')})`);
        } else if (isObject(value)) {
            parts.push(...policyParts(value, `${path}${key}.`));
        } else {
            parts.push(keyConditions(`${path}${key}`, value));
        }
    }
    return parts;
}

/** The conditions of a policy, one per top-level key (AND-ed); `undefined` when there is no policy. */
export function filterPolicyClauses(policy: unknown): string[] | undefined {
    if (policy === undefined) return undefined;
    if (!isObject(policy)) return [literal(policy)];
    const parts = policyParts(policy, '');
    return parts.length === 0 ? ['matches all'] : parts;
}

/** The full, untruncated summary of a filter policy; `undefined` when there is no policy. */
export function describeFilterPolicy(policy: unknown): string | undefined {
    return filterPolicyClauses(policy)?.join('; ');
}

function truncate(text: string, maxLength: number): string {
    const chars = Array.from(text);
    return chars.length <= maxLength ? text : chars.slice(0, maxLength - 1).join('').trimEnd() + '…';
}

/**
 * The summary wrapped for a multi-line label: clauses packed into lines of at most `maxLineLength`
 * characters, at most `maxLines` lines; whatever does not fit is cut with `…`.
 */
export function filterSummaryLines(policy: unknown, maxLineLength = 44, maxLines = 3): string[] | undefined {
    const clauses = filterPolicyClauses(policy);
    if (clauses === undefined) return undefined;
    const lines: string[] = [];
    let current = '';
    for (const clause of clauses) {
        const candidate = current === '' ? clause : `${current}; ${clause}`;
        if (current !== '' && Array.from(candidate).length > maxLineLength) {
            lines.push(current + ';');
            current = clause;
        } else {
            current = candidate;
        }
    }
    lines.push(current);
    const kept = lines.slice(0, maxLines).map((line) => truncate(line, maxLineLength));
    if (lines.length > maxLines) kept[maxLines - 1] = truncate(kept[maxLines - 1].replace(/;$/, '') + ' …', maxLineLength);
    return kept;
}

/** A summary short enough for an edge label: at most `maxLength` characters, ending in `…` when cut. */
export function summarizeFilterPolicy(policy: unknown, maxLength = DEFAULT_MAX_LENGTH): string | undefined {
    const full = describeFilterPolicy(policy);
    return full === undefined ? undefined : truncate(full, maxLength);
}
