import { parseCidr } from './cidr.js';
import { measurePolicy } from './complexity.js';
import {
    decimalPlaces,
    FILTER_POLICY_MAX_COMBINATIONS,
    FILTER_POLICY_MAX_KEYS,
    NUMERIC_FILTER_DECIMALS,
    NUMERIC_FILTER_LIMIT
} from './limits.js';
import { isOrOperator, NUMERIC_LOWER_OPERATORS, NUMERIC_OPERATORS, NUMERIC_UPPER_OPERATORS } from './operators.js';
import { parsePolicyInput } from './parse.js';
import { isPlainObject, type FilterPolicyIssue, type FilterPolicyScope } from './types.js';

type Path = Array<string | number>;

/**
 * Validates an SNS subscription filter policy the way SNS does on Subscribe / SetSubscriptionAttributes.
 * `policy` is the parsed JSON or its JSON text. Messages follow AWS's wording
 * ("Invalid parameter: Attributes Reason: FilterPolicy: <message>"); an empty result means SNS accepts the policy.
 */
export function validateFilterPolicy(policy: unknown, scope: FilterPolicyScope): FilterPolicyIssue[] {
    if (scope !== 'MessageAttributes' && scope !== 'MessageBody') {
        return [{
            message: `FilterPolicyScope: Invalid value [${String(scope)}]. Please use either MessageBody or MessageAttributes`,
            path: []
        }];
    }
    const parsed = parsePolicyInput(policy);
    if (!parsed.ok) {
        return [parsed.issue];
    }
    if (!isPlainObject(parsed.policy)) {
        return [{ message: 'Filter policy must be a JSON object', path: [] }];
    }
    const issues: FilterPolicyIssue[] = [];
    checkPolicyObject(parsed.policy, [], scope, issues);
    if (issues.length > 0) {
        return issues;
    }
    const { maxKeys, combinations } = measurePolicy(parsed.policy);
    if (maxKeys > FILTER_POLICY_MAX_KEYS) {
        issues.push({ message: `Filter policy can not have more than ${FILTER_POLICY_MAX_KEYS} keys`, path: [] });
    }
    if (combinations > FILTER_POLICY_MAX_COMBINATIONS) {
        issues.push({ message: 'Filter policy is too complex', path: [] });
    }
    return issues;
}

function checkPolicyObject(node: Record<string, unknown>, path: Path, scope: FilterPolicyScope, issues: FilterPolicyIssue[]): void {
    for (const [key, value] of Object.entries(node)) {
        const here = [...path, key];
        if (isOrOperator(key, value)) {
            value.forEach((branch, index) => {
                if (Object.keys(branch).length === 0) {
                    issues.push({ message: 'Empty objects are not allowed', path: [...here, index] });
                }
                checkPolicyObject(branch, [...here, index], scope, issues);
            });
        } else if (Array.isArray(value)) {
            if (value.length === 0) {
                issues.push({ message: 'Empty arrays are not allowed', path: here });
            }
            value.forEach((condition, index) => checkCondition(condition, [...here, index], issues));
        } else if (isPlainObject(value)) {
            const before = issues.length;
            if (Object.keys(value).length === 0) {
                issues.push({ message: 'Empty objects are not allowed', path: here });
            }
            checkPolicyObject(value, here, scope, issues);
            // AWS reports malformed content before it looks at the scope.
            if (scope === 'MessageAttributes' && issues.length === before) {
                issues.push({ message: 'Filter policy scope MessageAttributes does not support nested filter policy', path: here });
            }
        } else {
            issues.push({ message: `"${key}" must be an object or an array`, path: here });
        }
    }
}

function checkCondition(condition: unknown, path: Path, issues: FilterPolicyIssue[]): void {
    if (condition === null || typeof condition === 'string' || typeof condition === 'number' || typeof condition === 'boolean') {
        return;
    }
    if (!isPlainObject(condition)) {
        issues.push({ message: 'Match value must be String, number, true, false, or null', path });
        return;
    }
    const keys = Object.keys(condition);
    if (keys.length === 0) {
        issues.push({ message: 'Empty objects are not allowed', path });
        return;
    }
    if (keys.length > 1) {
        issues.push({ message: 'Only one key allowed in match expression', path: [...path, keys[1]!] });
        return;
    }
    const operator = keys[0]!;
    const operand = condition[operator];
    const here = [...path, operator];
    switch (operator) {
        case 'prefix':
        case 'suffix':
        case 'equals-ignore-case':
            if (typeof operand !== 'string') {
                issues.push({ message: `${operator} match pattern must be a string`, path: here });
            }
            return;
        case 'exists':
            if (typeof operand !== 'boolean') {
                issues.push({ message: 'exists match pattern must be either true or false.', path: here });
            }
            return;
        case 'cidr':
            checkCidr(operand, here, issues);
            return;
        case 'anything-but':
            checkAnythingBut(operand, here, issues);
            return;
        case 'numeric':
            checkNumeric(operand, here, issues);
            return;
        default:
            issues.push({ message: `Unrecognized match type ${operator}`, path: here });
    }
}

function checkCidr(operand: unknown, path: Path, issues: FilterPolicyIssue[]): void {
    if (typeof operand !== 'string') {
        issues.push({ message: 'cidr match pattern must be a string', path });
        return;
    }
    const block = parseCidr(operand);
    if (typeof block === 'string') {
        issues.push({ message: block, path });
    }
}

function checkAnythingBut(operand: unknown, path: Path, issues: FilterPolicyIssue[]): void {
    if (typeof operand === 'string' || typeof operand === 'number') {
        return;
    }
    if (Array.isArray(operand)) {
        if (operand.length === 0) {
            issues.push({ message: 'Empty arrays are not allowed', path });
        }
        operand.forEach((member, index) => {
            if (typeof member !== 'string' && typeof member !== 'number') {
                issues.push({ message: 'Inside anything but list, start|null|boolean is not supported.', path: [...path, index] });
            }
        });
        return;
    }
    if (isPlainObject(operand)) {
        const keys = Object.keys(operand);
        if (keys.length !== 1) {
            issues.push({ message: keys.length === 0 ? 'Empty objects are not allowed' : 'Only one key allowed in match expression', path });
            return;
        }
        const nested = keys[0]!;
        if (nested !== 'prefix') {
            // suffix, equals-ignore-case and wildcard under anything-but are EventBridge-only.
            issues.push({ message: `Unsupported anything-but pattern: ${nested}`, path: [...path, nested] });
        } else if (typeof operand[nested] !== 'string') {
            issues.push({ message: 'prefix match pattern must be a string', path: [...path, nested] });
        }
        return;
    }
    issues.push({ message: 'Value of anything-but must be an array or single string/number value.', path });
}

function describeMember(member: unknown): string {
    return typeof member === 'string' ? member : JSON.stringify(member) ?? String(member);
}

function checkNumericValue(operator: string, value: unknown, path: Path, issues: FilterPolicyIssue[]): value is number {
    const name = operator === '=' ? 'equals' : operator;
    if (typeof value !== 'number') {
        issues.push({ message: `Value of ${name} must be numeric`, path });
        return false;
    }
    if (Math.abs(value) > NUMERIC_FILTER_LIMIT) {
        issues.push({ message: `Value of ${name} must be between -1000000000 and 1000000000 (inclusive)`, path });
        return false;
    }
    if (decimalPlaces(value) > NUMERIC_FILTER_DECIMALS) {
        issues.push({ message: `Value of ${name} must have at most ${NUMERIC_FILTER_DECIMALS} digits after the decimal point`, path });
        return false;
    }
    return true;
}

function checkNumeric(operand: unknown, path: Path, issues: FilterPolicyIssue[]): void {
    if (!Array.isArray(operand)) {
        issues.push({ message: 'Value of numeric must be an array.', path });
        return;
    }
    if (operand.length === 0) {
        issues.push({ message: 'Invalid member in numeric match: ]', path });
        return;
    }
    const first = operand[0];
    if (typeof first !== 'string') {
        issues.push({ message: `Invalid member in numeric match: ${describeMember(first)}`, path: [...path, 0] });
        return;
    }
    if (!NUMERIC_OPERATORS.has(first)) {
        issues.push({ message: `Unrecognized numeric range operator: ${first}`, path: [...path, 0] });
        return;
    }
    if (!checkNumericValue(first, operand[1], [...path, operand.length > 1 ? 1 : 0], issues)) {
        return;
    }
    if (!NUMERIC_LOWER_OPERATORS.has(first)) {
        if (operand.length > 2) {
            issues.push({ message: 'Too many elements in numeric expression', path: [...path, 2] });
        }
        return;
    }
    if (operand.length === 2) {
        return;
    }
    const second = operand[2];
    if (typeof second !== 'string') {
        issues.push({ message: `Bad value in numeric range: ${describeMember(second)}`, path: [...path, 2] });
        return;
    }
    if (!NUMERIC_UPPER_OPERATORS.has(second)) {
        issues.push({ message: `Bad numeric range operator: ${second}`, path: [...path, 2] });
        return;
    }
    if (!checkNumericValue(second, operand[3], [...path, operand.length > 3 ? 3 : 2], issues)) {
        return;
    }
    if (operand.length > 4) {
        issues.push({ message: 'Too many terms in numeric range expression', path: [...path, 4] });
        return;
    }
    if ((operand[1] as number) >= (operand[3] as number)) {
        issues.push({ message: 'Bottom must be less than top', path: [...path, 3] });
    }
}
