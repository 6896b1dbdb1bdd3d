import { describe, expect, it } from 'vitest';
import { describeFilterPolicy, filterSummaryLines, summarizeFilterPolicy } from '../src/graph/filter-summary.js';

describe('filter policy summaries', () => {
    it('shows exact-value lists as set membership and joins keys with semicolons', () => {
        expect(describeFilterPolicy({ eventType: ['order_placed', 'order_updated'], amount: [{ numeric: ['>', 100] }] }))
            .toBe('eventType ∈ {order_placed, order_updated}; amount > 100');
    });

    it('shows a single exact value as equality', () => {
        expect(describeFilterPolicy({ store: ['example_corp'] })).toBe('store = example_corp');
    });

    it('renders numeric ranges with ≥ / ≤ and both bounds', () => {
        expect(describeFilterPolicy({ price: [{ numeric: ['>=', 0, '<', 150] }] })).toBe('price ≥ 0, < 150');
        expect(describeFilterPolicy({ price: [{ numeric: ['=', 301.5] }] })).toBe('price = 301.5');
    });

    it('covers every SNS operator', () => {
        expect(describeFilterPolicy({
            country: [{ 'anything-but': ['test', 'dev'] }],
            env: [{ 'anything-but': 'prod' }],
            sku: [{ 'anything-but': { prefix: 'tmp-' } }],
            name: [{ prefix: 'bas' }],
            file: [{ suffix: '.png' }],
            sport: [{ 'equals-ignore-case': 'Tennis' }],
            ip: [{ cidr: '10.0.0.0/24' }],
            coupon: [{ exists: true }],
            debug: [{ exists: false }]
        })).toBe('country ∉ {test, dev}; env ≠ prod; not (sku starts with tmp-); name starts with bas; file ends with .png; '
            + 'sport ≈ Tennis; ip in 10.0.0.0/24; has coupon; no debug');
    });

    it('joins mixed alternatives inside one key with ∨', () => {
        expect(describeFilterPolicy({ size: ['small', { prefix: 'x' }] })).toBe('size = small ∨ size starts with x');
    });

    it('flattens nested payload keys into dotted paths', () => {
        expect(describeFilterPolicy({ order: { customer: { tier: ['gold'] } } })).toBe('order.customer.tier = gold');
    });

    it('shows $or branches in parentheses', () => {
        expect(describeFilterPolicy({ source: ['aws.cloudwatch'], $or: [{ metricName: ['CPUUtilization'] }, { namespace: [{ prefix: 'AWS/' }] }] }))
            .toBe('source = aws.cloudwatch; (metricName = CPUUtilization) ∨ (namespace starts with AWS/)');
    });

    it('summarises an empty policy and malformed input without throwing', () => {
        expect(describeFilterPolicy({})).toBe('matches all');
        expect(describeFilterPolicy(undefined)).toBeUndefined();
        expect(describeFilterPolicy('not a policy')).toBe('not a policy');
        expect(describeFilterPolicy({ a: 5, b: [{ numeric: 'x' }], c: [{ bogus: 1 }], d: [{ prefix: 'p', suffix: 's' }] }))
            .toBe('a = 5; b numeric x; c bogus 1; d {"prefix":"p","suffix":"s"}');
    });

    it('truncates long summaries with an ellipsis', () => {
        const summary = summarizeFilterPolicy({ eventType: ['order_placed', 'order_updated', 'order_cancelled', 'order_refunded'] }, 40);
        expect(summary).toHaveLength(40);
        expect(summary?.endsWith('…')).toBe(true);
    });

    it('wraps clauses into label lines and cuts what does not fit', () => {
        const policy = { eventType: ['order_placed', 'order_updated'], amount: [{ numeric: ['>', 100] }], country: [{ 'anything-but': ['test'] }] };
        expect(filterSummaryLines(policy)).toEqual(['eventType ∈ {order_placed, order_updated};', 'amount > 100; country ∉ {test}']);
        const long = Object.fromEntries(Array.from({ length: 5 }, (_, i) => [`attribute${i}`, ['a-fairly-long-value', 'another-long-value']]));
        const lines = filterSummaryLines(long, 44, 3) ?? [];
        expect(lines).toHaveLength(3);
        expect(lines[2].endsWith('…')).toBe(true);
        for (const line of lines) expect(Array.from(line).length).toBeLessThanOrEqual(44);
    });
});
