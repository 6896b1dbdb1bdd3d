import { describe, expect, test } from 'vitest';
import { durationLiteral, grouped, sizeLiteral } from '../../src/validation/ast-queries.js';
import { closest } from '../../src/validation/did-you-mean.js';

describe('literals that messages and quick fixes write back', () => {
    test('durations use the largest exact unit the grammar accepts', () => {
        expect([43_200_000, 1_209_600_000, 60_000, 135_000, 0, 250].map(durationLiteral)).toEqual(['12h', '14d', '1m', '135s', '0s', '250ms']);
    });

    test('sizes prefer binary units when exact', () => {
        expect([1_048_576, 262_144, 1_000_000, 300_000, 1500].map(sizeLiteral)).toEqual(['1MiB', '256KiB', '1MB', '300KB', '1500B']);
    });

    test('numbers are grouped by thousands with at most two decimals', () => {
        expect([43_200, 2500, 0.25, 1_234_567.891, 12].map(grouped)).toEqual(['43,200', '2,500', '0.25', '1,234,567.89', '12']);
    });
});

describe('did you mean', () => {
    test('suggests the closest name within a few edits, swaps included', () => {
        expect(closest('shiping', ['shipping', 'shipping-dlq', 'orders'])).toBe('shipping');
        expect(closest('shpiping', ['shipping'])).toBe('shipping');
        expect(closest('orders', ['shipping'])).toBeUndefined();
    });

    test('very short names need a near-exact match', () => {
        expect(closest('t', ['a', 'b'])).toBeUndefined();
        expect(closest('ab', ['ac'])).toBe('ac');
    });
});
