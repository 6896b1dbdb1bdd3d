import { describe, expect, it } from 'vitest';
import { compileFilterPolicy, explainFilterMismatch, matchesFilterPolicy } from '../../src/filter-policy/match.js';

type Attr = [type: string, value: string];

function attrs(entries: Record<string, Attr>) {
    return {
        Message: 'hello',
        MessageAttributes: Object.fromEntries(Object.entries(entries).map(([k, [t, v]]) => [k, { DataType: t, StringValue: v }]))
    };
}

const body = (value: unknown) => ({ Message: JSON.stringify(value) });

describe('matchesFilterPolicy on message attributes', () => {
    it.each([
        ['exact string, case-sensitive', { k: ['Tennis'] }, { k: ['String', 'tennis'] }, false],
        ['prefix', { k: [{ prefix: 'typ' }] }, { k: ['String', 'type1'] }, true],
        ['suffix on a String.Array element', { k: [{ suffix: 'gby' }] }, { k: ['String.Array', '["soccer", "rugby"]'] }, true],
        ['equals-ignore-case on a String.Array element', { k: [{ 'equals-ignore-case': 'RuGbY' }] }, { k: ['String.Array', '["soccer", "rugby"]'] }, true],
        ['numeric = with an exponent value (3.015e2 == 301.5)', { k: [{ numeric: ['=', 301.5] }] }, { k: ['Number', '3.015e2'] }, true],
        ['numeric on a String attribute never matches', { k: [{ numeric: ['=', 300] }] }, { k: ['String', '300'] }, false],
        ['numeric on non-numeric text never matches', { k: [{ numeric: ['>', 0] }] }, { k: ['String', 'test'] }, false],
        ['numeric >= lower bound inclusive, <= upper inclusive', { k: [{ numeric: ['>=', 0, '<=', 150] }] }, { k: ['Number', '150'] }, true],
        ['Number with a custom type label', { k: [{ numeric: ['>', 1] }] }, { k: ['Number.float', '1.5'] }, true],
        ['bare number matches a Number value', { k: [100] }, { k: ['Number', '100.0'] }, true],
        ['anything-but numeric list compares numerically', { k: [{ 'anything-but': [100, 500] }] }, { k: ['Number', '500.00'] }, false],
        ['anything-but prefix', { k: [{ 'anything-but': { prefix: 'order-' } }] }, { k: ['String', 'order-1'] }, false],
        ['multiple anything-but: the second one matches', { k: [{ 'anything-but': 'a' }, { 'anything-but': 'b' }] }, { k: ['String', 'b'] }, true],
        ['cidr IPv4 outside the block', { k: [{ cidr: '10.0.0.0/24' }] }, { k: ['String', '10.0.1.255'] }, false],
        ['cidr IPv6 compressed form', { k: [{ cidr: '2001:db8::/32' }] }, { k: ['String', '2001:db8:ffff::1'] }, true],
        ['cidr on an IPv6 value against an IPv4 block', { k: [{ cidr: '10.0.0.0/8' }] }, { k: ['String', '::ffff:10.0.0.1'] }, false],
        ['Binary attributes are ignored', { k: [{ exists: true }] }, { k: ['Binary', 'AAEC'] }, false],
        ['String.Array that is not JSON never matches', { k: ['anything'] }, { k: ['String.Array', "['anything']"] }, false],
        ['null never matches an attribute', { k: [null] }, { k: ['String', 'null'] }, false],
        ['exists:false together with another attribute', { k: [{ exists: false }] }, { other: ['String', 'x'] }, true]
    ] as const)('%s', (_title, policy, attributes, expected) => {
        expect(matchesFilterPolicy(policy, 'MessageAttributes', attrs(attributes as unknown as Record<string, Attr>))).toBe(expected);
    });

    it('needs the key to be present for anything-but (no attributes → no match)', () => {
        expect(matchesFilterPolicy({ k: [null, { 'anything-but': 'whatever' }] }, 'MessageAttributes', { Message: 'm' })).toBe(false);
    });

    it('exists:false does not match a message without attributes', () => {
        expect(matchesFilterPolicy({ store: [{ exists: false }] }, 'MessageAttributes', { Message: 'm' })).toBe(false);
        expect(matchesFilterPolicy({ store: [{ exists: false }] }, 'MessageAttributes', { Message: 'm', MessageAttributes: {} })).toBe(false);
    });

    it('$or matches when one branch matches and is combined with the other keys by AND', () => {
        const policy = { f1: ['v1'], $or: [{ f2: ['v2', 'v3'] }, { f3: ['v4'], $or: [{ f4: ['v5', 'v6'] }, { f5: ['v7', 'v8'] }] }] };
        expect(matchesFilterPolicy(policy, 'MessageAttributes', attrs({ f1: ['String', 'v1'], f2: ['String', 'v2'] }))).toBe(true);
        expect(matchesFilterPolicy(policy, 'MessageAttributes', attrs({ f1: ['String', 'v1'], f3: ['String', 'v4'], f4: ['String', 'v6'] }))).toBe(true);
        expect(matchesFilterPolicy(policy, 'MessageAttributes', attrs({ f1: ['String', 'v0'], f2: ['String', 'v2'] }))).toBe(false);
    });

    it('reads $or as an ordinary key when an object in it uses an operator keyword', () => {
        const policy = { $or: [{ prefix: 'a' }, { suffix: 'z' }] };
        expect(matchesFilterPolicy(policy, 'MessageAttributes', attrs({ $or: ['String', 'abc'] }))).toBe(true);
        expect(matchesFilterPolicy(policy, 'MessageAttributes', attrs({ other: ['String', 'abc'] }))).toBe(false);
    });

    it('accepts the policy as JSON text and an empty or missing policy as deliver-everything', () => {
        expect(matchesFilterPolicy('{"k":["v"]}', 'MessageAttributes', attrs({ k: ['String', 'v'] }))).toBe(true);
        expect(matchesFilterPolicy({}, 'MessageAttributes', { Message: 'm' })).toBe(true);
        expect(matchesFilterPolicy(undefined, 'MessageAttributes', { Message: 'm' })).toBe(true);
    });

    it('never throws on a malformed policy: it matches nothing and explains why', () => {
        expect(matchesFilterPolicy('{"k": [', 'MessageAttributes', attrs({ k: ['String', 'v'] }))).toBe(false);
        expect(explainFilterMismatch('{"k": [', 'MessageAttributes', { Message: 'm' })).toMatch(/^the filter policy is invalid/);
        expect(matchesFilterPolicy({ k: [{ unknown: 1 }] }, 'MessageAttributes', attrs({ k: ['String', 'v'] }))).toBe(false);
    });
});

describe('matchesFilterPolicy on the message body', () => {
    it('requires the body to be a JSON object', () => {
        const policy = { k: [{ exists: false }] };
        expect(matchesFilterPolicy(policy, 'MessageBody', { Message: 'plain text' })).toBe(false);
        expect(matchesFilterPolicy(policy, 'MessageBody', { Message: '"a JSON string"' })).toBe(false);
        expect(matchesFilterPolicy(policy, 'MessageBody', { Message: '[1, 2]' })).toBe(false);
        expect(matchesFilterPolicy(policy, 'MessageBody', body({ other: 1 }))).toBe(true);
    });

    it('matches a dotted key against nested objects and literal dotted keys', () => {
        const policy = { 'object.nested.test': ['v'] };
        for (const payload of [
            { object: { nested: { test: 'v' } } },
            { 'object.nested.test': 'v' },
            { 'object.nested': { test: 'v' } },
            { object: { 'nested.test': 'v' } }
        ]) {
            expect(matchesFilterPolicy(policy, 'MessageBody', body(payload)), JSON.stringify(payload)).toBe(true);
        }
        expect(matchesFilterPolicy(policy, 'MessageBody', body({ object: { nested: { test: 'w' } } }))).toBe(false);
    });

    it('traverses arrays at every level, including arrays of arrays of objects', () => {
        const policy = { f1: { f2: { f3: { f4: ['v1'] } } } };
        expect(matchesFilterPolicy(policy, 'MessageBody', body({ f1: [{ f2: [{ f3: { f4: 'v1' }, f5: { f6: 'v2' } }] }] }))).toBe(true);
        expect(matchesFilterPolicy(policy, 'MessageBody', body({ f1: [{ f2: [[{ f3: { f4: 'v2' } }, { f3: { f4: 'v3' } }]] }] }))).toBe(false);
        expect(matchesFilterPolicy(policy, 'MessageBody', body({ fx: [{ f2: { f3: { f4: 'v1' } } }] }))).toBe(false);
    });

    it('treats a policy expecting an object as not matching a scalar or an array of scalars', () => {
        const policy = { f1: { f2: ['v1'] } };
        expect(matchesFilterPolicy(policy, 'MessageBody', body({ f1: ['v1', 'v3'] }))).toBe(false);
        expect(matchesFilterPolicy(policy, 'MessageBody', body({ f1: 'v1' }))).toBe(false);
    });

    it('is type-aware: booleans, null and numbers match only their own JSON type', () => {
        expect(matchesFilterPolicy({ b: [true] }, 'MessageBody', body({ b: true }))).toBe(true);
        expect(matchesFilterPolicy({ b: [true] }, 'MessageBody', body({ b: 'true' }))).toBe(false);
        expect(matchesFilterPolicy({ n: [null] }, 'MessageBody', body({ n: null }))).toBe(true);
        expect(matchesFilterPolicy({ n: [null] }, 'MessageBody', body({}))).toBe(false);
        expect(matchesFilterPolicy({ p: [100] }, 'MessageBody', body({ p: 1e2 }))).toBe(true);
    });

    it('exists applies to leaves: true needs a non-null, non-empty value, false matches null or absence', () => {
        expect(matchesFilterPolicy({ k: [{ exists: true }] }, 'MessageBody', body({ k: null }))).toBe(false);
        expect(matchesFilterPolicy({ k: [{ exists: true }] }, 'MessageBody', body({ k: '' }))).toBe(false);
        expect(matchesFilterPolicy({ k: [{ exists: true }] }, 'MessageBody', body({ k: ['', 'x'] }))).toBe(true);
        expect(matchesFilterPolicy({ k: [{ exists: true }] }, 'MessageBody', body({ k: 0 }))).toBe(true);
        expect(matchesFilterPolicy({ k: [{ exists: true }] }, 'MessageAttributes', attrs({ k: ['String', ''] }))).toBe(false);
        expect(explainFilterMismatch({ k: [{ exists: true }] }, 'MessageBody', body({ k: '' }))).toBe('k is empty; exists:true needs a non-empty value');
        // An empty string is still a value of the key: exact [""] matches it (DOMAIN §2.5).
        expect(matchesFilterPolicy({ k: [''] }, 'MessageBody', body({ k: '' }))).toBe(true);
        expect(matchesFilterPolicy({ k: [{ exists: true }] }, 'MessageBody', body({ k: { nested: 1 } }))).toBe(false);
        expect(matchesFilterPolicy({ k: [{ exists: false }] }, 'MessageBody', body({ k: null }))).toBe(true);
        expect(matchesFilterPolicy({ k: [{ exists: true }] }, 'MessageBody', body({ k: [] }))).toBe(false);
    });

    it('combines $or inside a nested object with the enclosing path', () => {
        const policy = {
            $or: [{ f1: ['v1', 'v2'] }, { f2: ['v3', 'v4'] }],
            f3: { f4: ['v5'], $or: [{ f5: ['v6'] }, { f6: ['v7'] }] }
        };
        expect(matchesFilterPolicy(policy, 'MessageBody', body({ f2: 'v4', f3: { f4: 'v5', f5: 'v6' } }))).toBe(true);
        expect(matchesFilterPolicy(policy, 'MessageBody', body({ f1: 'v1', f3: { f4: 'v5', f6: 'v7' } }))).toBe(true);
        expect(matchesFilterPolicy(policy, 'MessageBody', body({ f1: 'v1', f3: { f6: 'v7' } }))).toBe(false);
        expect(matchesFilterPolicy(policy, 'MessageBody', body({ f1: 'v1', f3: { f4: 'v5' } }))).toBe(false);
    });

    it('never reads inherited properties: a key named like an Object method is simply missing', () => {
        for (const key of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
            const policy = JSON.parse(`{"${key}": [{"exists": true}]}`) as unknown;
            expect(matchesFilterPolicy(policy, 'MessageBody', body({ other: 1 })), key).toBe(false);
            expect(matchesFilterPolicy(policy, 'MessageAttributes', attrs({ other: ['String', 'x'] })), key).toBe(false);
        }
    });

    it('anything-but on a body array matches when some element is not listed (documented example)', () => {
        expect(matchesFilterPolicy({ k: [{ 'anything-but': ['rugby', 'tennis'] }] }, 'MessageBody', body({ k: ['rugby', 'tennis'] }))).toBe(false);
        expect(matchesFilterPolicy({ k: [{ 'anything-but': ['rugby', 'tennis'] }] }, 'MessageBody', body({ k: ['rugby', 'golf'] }))).toBe(true);
    });
});

describe('explainFilterMismatch', () => {
    it('names the first failing key with its value and the conditions', () => {
        expect(explainFilterMismatch({ amount: [{ numeric: ['>', 100] }] }, 'MessageAttributes', attrs({ amount: ['Number', '42'] })))
            .toBe('amount 42 is not > 100');
        expect(explainFilterMismatch({ eventType: ['order_placed', 'order_updated'] }, 'MessageBody', body({ eventType: 'order_cancelled' })))
            .toBe('eventType "order_cancelled" is not one of order_placed, order_updated');
        expect(explainFilterMismatch({ price: [{ numeric: ['>', 0, '<=', 150] }] }, 'MessageAttributes', attrs({ price: ['Number', '151'] })))
            .toBe('price 151 is not > 0 and <= 150');
    });

    it('says when the key is missing or present against exists:false', () => {
        expect(explainFilterMismatch({ store: ['example_corp'] }, 'MessageAttributes', attrs({ other: ['String', 'x'] })))
            .toBe('store is missing (needs example_corp)');
        expect(explainFilterMismatch({ store: [{ exists: false }] }, 'MessageAttributes', attrs({ store: ['String', 'fans'] })))
            .toBe('store exists ("fans") but must be absent');
        expect(explainFilterMismatch({ store: [{ exists: false }] }, 'MessageAttributes', { Message: 'm' }))
            .toBe('store: exists:false needs at least one message attribute, and the message has none');
    });

    it('explains mixed operators, $or and a body that is not JSON', () => {
        expect(explainFilterMismatch({ k: [{ prefix: 'a' }, { suffix: 'z' }] }, 'MessageAttributes', attrs({ k: ['String', 'mmm'] })))
            .toBe('k "mmm" does not match prefix "a" or suffix "z"');
        expect(explainFilterMismatch({ $or: [{ a: ['1'] }, { b: ['2'] }] }, 'MessageAttributes', attrs({ c: ['String', 'x'] })))
            .toBe('no $or branch matched (a is missing (needs 1); b is missing (needs 2))');
        expect(explainFilterMismatch({ k: ['v'] }, 'MessageBody', { Message: 'not json' }))
            .toBe('the message body is not a JSON object (the filter policy scope is MessageBody)');
    });

    it('returns undefined for a message that matches', () => {
        expect(explainFilterMismatch({ k: ['v'] }, 'MessageAttributes', attrs({ k: ['String', 'v'] }))).toBeUndefined();
    });
});

describe('compileFilterPolicy', () => {
    it('returns a reusable predicate that agrees with matchesFilterPolicy', () => {
        const policy = { store: ['example_corp'], price: [{ numeric: ['>=', 100] }] };
        const predicate = compileFilterPolicy(policy, 'MessageAttributes');
        const hit = attrs({ store: ['String', 'example_corp'], price: ['Number', '210.75'] });
        const miss = attrs({ store: ['String', 'example_corp'], price: ['Number', '99'] });
        expect([predicate(hit), predicate(miss)]).toEqual([true, false]);
        expect(predicate.explain(miss)).toBe('price 99 is not >= 100');
    });

    // Its speed is measured by the engine benchmark (npm run bench:engine, part b), not timed here.
    it('a compiled predicate keeps giving the right answer over 200,000 evaluations', () => {
        const predicate = compileFilterPolicy({ eventType: ['order_placed', 'order_updated'], amount: [{ numeric: ['>', 100] }] }, 'MessageAttributes');
        const messages = Array.from({ length: 1000 }, (_, i) => attrs({ eventType: ['String', i % 2 ? 'order_placed' : 'x'], amount: ['Number', String(i)] }));
        let matched = 0;
        for (let round = 0; round < 200; round++) {
            for (const message of messages) {
                matched += predicate(message) ? 1 : 0;
            }
        }
        expect(matched).toBe(200 * 450);
    });
});
