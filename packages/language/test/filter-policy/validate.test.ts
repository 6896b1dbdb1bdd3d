import { describe, expect, it } from 'vitest';
// The conformance cases are the engine's test data; one resolver finds them for both packages.
import { readConformance } from '../../../engine/test/conformance/cases.js';
import { validateFilterPolicy } from '../../src/filter-policy/validate.js';
import type { FilterPolicyScope } from '../../src/filter-policy/types.js';

interface ConformanceCase {
    id: string;
    scope: FilterPolicyScope;
    policy: unknown;
}

const conformance = readConformance<{ cases: ConformanceCase[] }>('sns-filter-policy.json');

function firstIssue(policy: unknown, scope: FilterPolicyScope = 'MessageAttributes') {
    const issues = validateFilterPolicy(policy, scope);
    expect(issues.length, JSON.stringify(policy)).toBeGreaterThan(0);
    return issues[0]!;
}

describe('validateFilterPolicy accepts valid policies', () => {
    it.each(conformance.cases.map(c => [c.id, c] as const))('conformance policy %s is accepted', (_id, testCase) => {
        expect(validateFilterPolicy(testCase.policy, testCase.scope)).toEqual([]);
    });

    it('accepts the policy as JSON text (AWS loose encoding)', () => {
        expect(validateFilterPolicy('{"store":["example_corp"],"price":[{"numeric":[">=",100]}]}', 'MessageAttributes')).toEqual([]);
    });

    it('accepts exactly 150 combinations with $or branches summed (18 + 48 + 84)', () => {
        const policy = {
            source: ['a', 'b', 'c'],
            $or: [
                { metricName: ['1', '2', '3', '4', '5', '6'] },
                { metricType: ['t1', 't2', 't3', 't4'], $or: [{ metricId: [1, 2, 3, 4] }, { spaceId: [1, 2, 3, 4, 5, 6, 7] }] }
            ]
        };
        expect(validateFilterPolicy(policy, 'MessageAttributes')).toEqual([]);
    });

    it('accepts anything-but with a prefix, a list and a single value', () => {
        expect(validateFilterPolicy({ key: [{ 'anything-but': { prefix: 'test-' } }] }, 'MessageAttributes')).toEqual([]);
        expect(validateFilterPolicy({ key: [{ 'anything-but': ['test', 'test2'] }] }, 'MessageAttributes')).toEqual([]);
        expect(validateFilterPolicy({ key: [{ 'anything-but': 'test' }] }, 'MessageAttributes')).toEqual([]);
    });

    it('reads $or with a reserved keyword as an ordinary key', () => {
        expect(validateFilterPolicy({ $or: [{ prefix: 'a' }, { suffix: 'b' }] }, 'MessageAttributes')).toEqual([]);
    });
});

describe('validateFilterPolicy rejects malformed policies with AWS messages and a JSON path', () => {
    it.each([
        [{ key: [] }, 'Empty arrays are not allowed', ['key']],
        [{ key: [['value']] }, 'Match value must be String, number, true, false, or null', ['key', 0]],
        [{ key: [{ 'wrong-operator': true }] }, 'Unrecognized match type wrong-operator', ['key', 0, 'wrong-operator']],
        [{ key: [{ wildcard: 'a*' }] }, 'Unrecognized match type wildcard', ['key', 0, 'wildcard']],
        [{ key: [{ suffix: 'value', prefix: 'value2' }] }, 'Only one key allowed in match expression', ['key', 0, 'prefix']],
        [{ key: [{ suffix: 100 }] }, 'suffix match pattern must be a string', ['key', 0, 'suffix']],
        [{ key: [{ prefix: null }] }, 'prefix match pattern must be a string', ['key', 0, 'prefix']],
        [{ key: [{ 'equals-ignore-case': ['a'] }] }, 'equals-ignore-case match pattern must be a string', ['key', 0, 'equals-ignore-case']],
        [{ key: { suffix: 'value' } }, '"suffix" must be an object or an array', ['key', 'suffix']],
        [{ key_a: 'value_one' }, '"key_a" must be an object or an array', ['key_a']],
        [{ key: [{ exists: null }] }, 'exists match pattern must be either true or false.', ['key', 0, 'exists']],
        [{ key: [{ exists: 'no' }] }, 'exists match pattern must be either true or false.', ['key', 0, 'exists']],
        [{ key: [{ numeric: [] }] }, 'Invalid member in numeric match: ]', ['key', 0, 'numeric']],
        [{ key: [{ numeric: ['operator'] }] }, 'Unrecognized numeric range operator: operator', ['key', 0, 'numeric', 0]],
        [{ key: [{ numeric: [1, '<='] }] }, 'Invalid member in numeric match: 1', ['key', 0, 'numeric', 0]],
        [{ key: [{ numeric: ['=', '000'] }] }, 'Value of equals must be numeric', ['key', 0, 'numeric', 1]],
        [{ key: [{ numeric: ['>='] }] }, 'Value of >= must be numeric', ['key', 0, 'numeric', 0]],
        [{ key: [{ numeric: ['<', 100, '>', 10] }] }, 'Too many elements in numeric expression', ['key', 0, 'numeric', 2]],
        [{ key: [{ numeric: ['>=', 1, '>', 2] }] }, 'Bad numeric range operator: >', ['key', 0, 'numeric', 2]],
        [{ key: [{ numeric: ['>', 3, '<', 1] }] }, 'Bottom must be less than top', ['key', 0, 'numeric', 3]],
        [{ key: [{ numeric: ['>', 20, '<='] }] }, 'Value of <= must be numeric', ['key', 0, 'numeric', 2]],
        [{ key: [{ numeric: ['>', 20, 30] }] }, 'Bad value in numeric range: 30', ['key', 0, 'numeric', 2]],
        [{ key: [{ numeric: ['>', 20, 'test'] }] }, 'Bad numeric range operator: test', ['key', 0, 'numeric', 2]],
        [{ key: [{ numeric: ['>', '20', '<', '30'] }] }, 'Value of > must be numeric', ['key', 0, 'numeric', 1]],
        [{ key: [{ numeric: ['>', 20, '<', '30'] }] }, 'Value of < must be numeric', ['key', 0, 'numeric', 3]],
        [{ key: [{ numeric: ['>', 20, '<', 30, '<', 50] }] }, 'Too many terms in numeric range expression', ['key', 0, 'numeric', 4]],
        [{ key: [{ numeric: ['>', 1_000_000_001] }] }, 'Value of > must be between -1000000000 and 1000000000 (inclusive)', ['key', 0, 'numeric', 1]],
        [{ key: [{ numeric: ['=', 1.123456] }] }, 'Value of equals must have at most 5 digits after the decimal point', ['key', 0, 'numeric', 1]],
        [{ key: [{ cidr: '10.0.0.0' }] }, "Malformed CIDR, one '/' required: 10.0.0.0", ['key', 0, 'cidr']],
        [{ key: [{ cidr: '10.0.0.256/24' }] }, 'Nonstandard IP address: 10.0.0.256', ['key', 0, 'cidr']],
        [{ key: [{ cidr: '10.0.0.0/33' }] }, 'Malformed CIDR, mask bits must be between 0 and 32: 10.0.0.0/33', ['key', 0, 'cidr']],
        [{ key: [{ 'anything-but': { suffix: 'test' } }] }, 'Unsupported anything-but pattern: suffix', ['key', 0, 'anything-but', 'suffix']],
        [{ key: [{ 'anything-but': { wildcard: 'a*' } }] }, 'Unsupported anything-but pattern: wildcard', ['key', 0, 'anything-but', 'wildcard']],
        [{ key: [{ 'anything-but': { 'equals-ignore-case': 'a' } }] }, 'Unsupported anything-but pattern: equals-ignore-case', ['key', 0, 'anything-but', 'equals-ignore-case']],
        [{ key: [{ 'anything-but': { exists: false } }] }, 'Unsupported anything-but pattern: exists', ['key', 0, 'anything-but', 'exists']],
        [{ key: [{ 'anything-but': { prefix: false } }] }, 'prefix match pattern must be a string', ['key', 0, 'anything-but', 'prefix']],
        [{ key: [{ 'anything-but': [true] }] }, 'Inside anything but list, start|null|boolean is not supported.', ['key', 0, 'anything-but', 0]]
    ] as const)('%j → %s', (policy, message, path) => {
        const issue = firstIssue(policy);
        expect(issue.message).toBe(message);
        expect(issue.path).toEqual(path);
    });

    it('rejects a nested policy in MessageAttributes scope but accepts it in MessageBody scope', () => {
        const nested = { object: { key: [{ prefix: 'auto-' }] } };
        expect(firstIssue(nested)).toEqual({
            message: 'Filter policy scope MessageAttributes does not support nested filter policy',
            path: ['object']
        });
        expect(validateFilterPolicy(nested, 'MessageBody')).toEqual([]);
    });

    it('rejects more than 5 keys', () => {
        const policy = { k1: ['a'], k2: ['a'], k3: ['a'], k4: ['a'], k5: ['a'], k6: ['a'] };
        expect(firstIssue(policy).message).toBe('Filter policy can not have more than 5 keys');
    });

    it('counts only parent keys of a nested policy toward the 5-key limit', () => {
        const policy = { a: { b: ['1'], c: ['1'], d: ['1'], e: ['1'], f: ['1'], g: ['1'] } };
        expect(validateFilterPolicy(policy, 'MessageBody')).toEqual([]);
    });

    it('rejects 151 values in one condition and 100 × 51 across two keys as too complex', () => {
        const values = (n: number) => Array.from({ length: n }, (_, i) => `value${i}`);
        expect(firstIssue({ key: values(151) }).message).toBe('Filter policy is too complex');
        expect(firstIssue({ key1: values(100), key2: values(51) }).message).toBe('Filter policy is too complex');
        expect(validateFilterPolicy({ key: values(150) }, 'MessageAttributes')).toEqual([]);
    });

    it('rejects nested combinations weighted by depth (3×4 × 2×3 × 1×3 = 216)', () => {
        const policy = {
            key_a: { key_b: { key_c: ['1', '2', '3', '4'] } },
            key_d: { key_e: ['1', '2', '3'] },
            key_f: ['1', '2', '3']
        };
        expect(firstIssue(policy, 'MessageBody').message).toBe('Filter policy is too complex');
    });

    it('sums $or branches: 24 + 64 + 64 = 152 is too complex', () => {
        const policy = {
            source: ['a', 'b', 'c', 'd'],
            $or: [
                { metricName: ['1', '2', '3', '4', '5', '6'] },
                { metricType: ['t1', 't2', 't3', 't4'], $or: [{ metricId: [1, 2, 3, 4] }, { spaceId: [1, 2, 3, 4] }] }
            ]
        };
        expect(firstIssue(policy).message).toBe('Filter policy is too complex');
    });

    it('sums nested $or branches in body scope: 24 + 72 + 16 + 48 = 160 is too complex', () => {
        const policy = {
            $or: [{ metricName: ['a', 'b', 'c'] }, { namespace: ['x', 'y'] }],
            detail: { scope: ['s', 't'], $or: [{ source: ['aws'] }, { type: ['1', '2', '3'] }] }
        };
        expect(firstIssue(policy, 'MessageBody').message).toBe('Filter policy is too complex');
    });

    it('rejects a policy over 256 KB', () => {
        const big = { key: ['x'.repeat(262_144)] };
        expect(firstIssue(big).message).toMatch(/^Filter policy is too large/);
    });

    it('rejects JSON text that does not parse and JSON that is not an object', () => {
        expect(firstIssue('{"key": [').message).toMatch(/^Filter policy is not valid JSON/);
        expect(firstIssue('["a"]').message).toBe('Filter policy must be a JSON object');
        expect(firstIssue(42).message).toBe('Filter policy must be a JSON object');
    });

    it('rejects an unknown scope with the AWS message', () => {
        expect(firstIssue({ a: ['b'] }, 'RandomValue' as FilterPolicyScope).message)
            .toBe('FilterPolicyScope: Invalid value [RandomValue]. Please use either MessageBody or MessageAttributes');
    });

    it('reports every malformed condition, each at its own path', () => {
        const issues = validateFilterPolicy({ a: [{ prefix: 1 }], b: [{ exists: 'x' }] }, 'MessageAttributes');
        expect(issues.map(i => i.path)).toEqual([['a', 0, 'prefix'], ['b', 0, 'exists']]);
    });

    it('rejects an empty $or branch', () => {
        expect(firstIssue({ a: ['x'], $or: [{ b: ['y'] }, {}] })).toEqual({ message: 'Empty objects are not allowed', path: ['$or', 1] });
    });

    it('validates inside $or branches', () => {
        const issue = firstIssue({ $or: [{ a: ['x'] }, { b: [{ numeric: ['>', 'x'] }] }] });
        expect(issue).toEqual({ message: 'Value of > must be numeric', path: ['$or', 1, 'b', 0, 'numeric', 1] });
    });
});
