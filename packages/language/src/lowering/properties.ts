import type { AstNode } from 'langium';
import type { DurationRangeMs, Encryption } from '../model/architecture-model.js';
import type { DurationRange, EncryptionProperty } from '../generated/ast.js';
import { parseDuration, parsePercent, parseSize } from '../model/units.js';

/** The property a declaration sets of the given type; the last one wins when written twice. */
export function findProperty<T extends AstNode>(properties: readonly AstNode[], guard: (node: unknown) => node is T): T | undefined {
    for (let index = properties.length - 1; index >= 0; index--) {
        const property = properties[index];
        if (guard(property)) return property;
    }
    return undefined;
}

/** Keys the author wrote, in order, without repeats. */
export function declaredKeys(properties: readonly AstNode[]): string[] {
    const keys = new Set<string>();
    for (const property of properties) {
        const key = (property as { key?: unknown }).key;
        if (typeof key === 'string') keys.add(key);
    }
    return [...keys];
}

export function durationOr(text: string | undefined, fallback: number): number {
    return (text === undefined ? undefined : parseDuration(text)) ?? fallback;
}

export function sizeOr(text: string | undefined, fallback: number): number {
    return (text === undefined ? undefined : parseSize(text)) ?? fallback;
}

export function percentOr(text: string | undefined, fallback: number): number {
    return (text === undefined ? undefined : parsePercent(text)) ?? fallback;
}

export function durationRange(range: DurationRange | undefined, fallbackMs: number): DurationRangeMs {
    if (!range) return { minMs: fallbackMs, maxMs: fallbackMs };
    const min = durationOr(range.min, fallbackMs);
    const max = range.max === undefined ? min : durationOr(range.max, min);
    return { minMs: Math.min(min, max), maxMs: Math.max(min, max) };
}

export function encryptionOf(property: EncryptionProperty | undefined, fallback: Encryption): Encryption {
    if (!property) return fallback;
    if (property.value === 'kms') return { type: 'kms', keyId: property.keyId ?? 'alias/aws/sqs' };
    return { type: property.value };
}
