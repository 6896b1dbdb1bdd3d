/**
 * Which unit family a value position expects, judged from the text of the line before the cursor. Used to
 * complete `30` into `30s`, `30ms`, ... where the grammar only sees an unfinished token.
 */
export type UnitFamily = 'duration' | 'size' | 'rate' | 'percent';

export const UNITS: Record<UnitFamily, ReadonlyArray<{ suffix: string; detail: string }>> = {
    duration: [
        { suffix: 'ms', detail: 'milliseconds' }, { suffix: 's', detail: 'seconds' }, { suffix: 'm', detail: 'minutes' },
        { suffix: 'h', detail: 'hours' }, { suffix: 'd', detail: 'days' }
    ],
    size: [
        { suffix: 'B', detail: 'bytes' }, { suffix: 'KB', detail: 'kilobytes (1,000 B)' }, { suffix: 'KiB', detail: 'kibibytes (1,024 B)' },
        { suffix: 'MB', detail: 'megabytes (1,000,000 B)' }, { suffix: 'MiB', detail: 'mebibytes (1,048,576 B)' }
    ],
    rate: [{ suffix: '/s', detail: 'per second' }, { suffix: '/m', detail: 'per minute' }],
    percent: [{ suffix: '%', detail: 'percent' }]
};

const DURATION_KEYS = new Set(['visibility', 'wait', 'delay', 'retention', 'retry', 'heartbeat', 'warm-up', 'duration', 'processing']);
const SIZE_KEYS = new Set(['max-message-size', 'max-record-size', 'size']);
const PERCENT_KEYS = new Set(['errors', 'drops', 'failure']);

/**
 * `linePrefix` is the text of the current line up to the cursor, which ends in the number being typed.
 * Returns the unit family expected there, or undefined where a plain number is expected (batch, shards, seed).
 */
export function expectedUnitFamily(linePrefix: string): UnitFamily | undefined {
    const beforeNumber = linePrefix.replace(/\d+(\.\d+)?$/, '');
    const previous = beforeNumber.trimEnd().split(/\s+/).pop() ?? '';
    // Time windows of scenario statements and scaling rules: `from 2m for 1m`, `for 5m add 1`.
    if (previous === 'from' || previous === 'for') return 'duration';
    const key = /([a-z][a-z-]*)\s*:[^:]*$/.exec(beforeNumber)?.[1];
    if (!key) return undefined;
    if (key === 'buffer') return previous === 'or' ? 'duration' : 'size';
    if (DURATION_KEYS.has(key)) return 'duration';
    if (SIZE_KEYS.has(key)) return 'size';
    if (key === 'rate') return 'rate';
    if (PERCENT_KEYS.has(key)) return 'percent';
    return undefined;
}
