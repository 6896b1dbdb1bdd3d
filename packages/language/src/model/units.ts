/**
 * Unit conversion for MQ literals. Every parser accepts `undefined` (a half-typed document has holes in its
 * AST) and answers `undefined` for anything that is not a well-formed literal.
 *
 * Durations `ms s m h d`; sizes `B KB MB GB` (powers of 1000) and
 * `KiB MiB GiB` (powers of 1024); rates `/s /m /h`; percentages `%`.
 */

const DURATION_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
const SIZE_BYTES: Record<string, number> = {
    B: 1, KB: 1000, MB: 1000 ** 2, GB: 1000 ** 3, KiB: 1024, MiB: 1024 ** 2, GiB: 1024 ** 3
};
const RATE_PER_SECOND: Record<string, number> = { s: 1, m: 1 / 60, h: 1 / 3600 };

const DURATION_RE = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)$/;
const SIZE_RE = /^(\d+(?:\.\d+)?)(KiB|MiB|GiB|KB|MB|GB|B)$/;
const RATE_RE = /^(\d+(?:\.\d+)?)\/(s|m|h)$/;
const PERCENT_RE = /^(\d+(?:\.\d+)?)%$/;

/** `45s` → 45000. Returns undefined for text that is not a duration. */
export function parseDuration(text: string | undefined): number | undefined {
    if (typeof text !== 'string') return undefined;
    const match = DURATION_RE.exec(text.trim());
    return match ? Number(match[1]) * DURATION_MS[match[2]!]! : undefined;
}

/** `256KiB` → 262144. */
export function parseSize(text: string | undefined): number | undefined {
    if (typeof text !== 'string') return undefined;
    const match = SIZE_RE.exec(text.trim());
    return match ? Math.round(Number(match[1]) * SIZE_BYTES[match[2]!]!) : undefined;
}

/** `50/s` → 50; `30/m` → 0.5. */
export function parseRate(text: string | undefined): number | undefined {
    if (typeof text !== 'string') return undefined;
    const match = RATE_RE.exec(text.trim());
    return match ? Number(match[1]) * RATE_PER_SECOND[match[2]!]! : undefined;
}

/** `2%` → 0.02. */
export function parsePercent(text: string | undefined): number | undefined {
    if (typeof text !== 'string') return undefined;
    const match = PERCENT_RE.exec(text.trim());
    return match ? Number(match[1]) / 100 : undefined;
}

export type QuantityKind = 'duration' | 'size' | 'rate' | 'percent' | 'number';

/** Classifies and converts any MQ quantity literal to its canonical unit (ms, bytes, per second, fraction). */
export function parseQuantity(text: string | number | undefined): { kind: QuantityKind; value: number } | undefined {
    if (typeof text === 'number') return Number.isFinite(text) ? { kind: 'number', value: text } : undefined;
    if (typeof text !== 'string') return undefined;
    const duration = parseDuration(text);
    if (duration !== undefined) return { kind: 'duration', value: duration };
    const size = parseSize(text);
    if (size !== undefined) return { kind: 'size', value: size };
    const rate = parseRate(text);
    if (rate !== undefined) return { kind: 'rate', value: rate };
    const percent = parsePercent(text);
    if (percent !== undefined) return { kind: 'percent', value: percent };
    const number = Number(text);
    return text.trim() !== '' && Number.isFinite(number) ? { kind: 'number', value: number } : undefined;
}

/** 90000 → `1m 30s`; 250 → `250ms`. The shortest exact rendering, for messages, hovers and inlay hints. */
export function formatDuration(ms: number): string {
    if (ms === 0) return '0s';
    if (ms < 1000 || ms % 1000 !== 0) return `${+ms.toFixed(3)}ms`;
    const parts: string[] = [];
    let rest = ms / 1000;
    for (const [unit, seconds] of [['d', 86400], ['h', 3600], ['m', 60], ['s', 1]] as const) {
        if (rest >= seconds) {
            const count = Math.floor(rest / seconds);
            parts.push(`${count}${unit}`);
            rest -= count * seconds;
        }
    }
    return parts.join(' ');
}

/** 262144 → `256KiB`; 1000000 → `1MB`; 1500 → `1500B`. */
export function formatSize(bytes: number): string {
    for (const [unit, factor] of [['GiB', 1024 ** 3], ['MiB', 1024 ** 2], ['KiB', 1024], ['GB', 1e9], ['MB', 1e6], ['KB', 1e3]] as const) {
        if (bytes >= factor && bytes % factor === 0) return `${bytes / factor}${unit}`;
    }
    return `${bytes}B`;
}
