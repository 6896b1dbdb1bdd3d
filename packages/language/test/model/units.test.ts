import { describe, expect, it } from 'vitest';
import { formatDuration, formatSize, parseDuration, parsePercent, parseQuantity, parseRate, parseSize } from '../../src/model/units.js';

describe('units', () => {
    it('converts durations to milliseconds', () => {
        expect([parseDuration('250ms'), parseDuration('45s'), parseDuration('5m'), parseDuration('24h'), parseDuration('14d'), parseDuration('1.5s')])
            .toEqual([250, 45_000, 300_000, 86_400_000, 1_209_600_000, 1500]);
    });

    it('distinguishes decimal and binary sizes', () => {
        expect([parseSize('1KB'), parseSize('1KiB'), parseSize('5MiB'), parseSize('1MB'), parseSize('500B')])
            .toEqual([1000, 1024, 5 * 1_048_576, 1_000_000, 500]);
    });

    it('converts rates to per second and percentages to fractions', () => {
        expect(parseRate('50/s')).toBe(50);
        expect(parseRate('30/m')).toBe(0.5);
        expect(parseRate('360/h')).toBe(0.1);
        expect(parsePercent('2%')).toBe(0.02);
    });

    it('classifies quantities', () => {
        expect(parseQuantity('5m')).toEqual({ kind: 'duration', value: 300_000 });
        expect(parseQuantity('2MiB')).toEqual({ kind: 'size', value: 2_097_152 });
        expect(parseQuantity('1000')).toEqual({ kind: 'number', value: 1000 });
        expect(parseQuantity(1000)).toEqual({ kind: 'number', value: 1000 });
        expect(parseQuantity('1%')).toEqual({ kind: 'percent', value: 0.01 });
    });

    it('answers undefined for holes and garbage instead of throwing (half-typed documents)', () => {
        expect(parseDuration(undefined)).toBeUndefined();
        expect(parseSize(undefined)).toBeUndefined();
        expect(parseRate(undefined)).toBeUndefined();
        expect(parsePercent(undefined)).toBeUndefined();
        expect(parseQuantity(undefined)).toBeUndefined();
        expect(parseDuration('5 parsecs')).toBeUndefined();
        expect(parseQuantity('')).toBeUndefined();
    });

    it('formats durations and sizes compactly', () => {
        expect(formatDuration(90_000)).toBe('1m 30s');
        expect(formatDuration(250)).toBe('250ms');
        expect(formatDuration(0)).toBe('0s');
        expect(formatSize(262_144)).toBe('256KiB');
        expect(formatSize(1_000_000)).toBe('1MB');
        expect(formatSize(1500)).toBe('1500B');
    });
});
