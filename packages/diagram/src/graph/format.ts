import { formatDuration, formatSize } from '@mq-architect/language/model';
import type { DurationRangeMs } from '@mq-architect/language/model';

/** 2000 → `2,000`; 0.25 → `0.25`. Grouping is done by hand so output does not depend on ICU data. */
export function formatNumber(value: number): string {
    const rounded = Math.round(value * 100) / 100;
    const [whole, fraction] = Math.abs(rounded).toString().split('.');
    const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    return `${rounded < 0 ? '-' : ''}${grouped}${fraction ? '.' + fraction : ''}`;
}

/** Messages per second, shown per minute or hour when below one per second. */
export function formatRate(perSecond: number): string {
    if (perSecond >= 1 || perSecond <= 0) return `${formatNumber(perSecond)}/s`;
    if (perSecond * 60 >= 1) return `${formatNumber(perSecond * 60)}/min`;
    return `${formatNumber(perSecond * 3600)}/h`;
}

export function formatDurationRange(range: DurationRangeMs): string {
    return range.minMs === range.maxMs
        ? formatDuration(range.minMs)
        : `${formatDuration(range.minMs)}–${formatDuration(range.maxMs)}`;
}

export function formatPercent(fraction: number): string {
    return `${formatNumber(fraction * 100)}%`;
}

export { formatDuration, formatSize };
