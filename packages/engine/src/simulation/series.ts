/**
 * Time series at a resolution that adapts to the run: the bucket is the smallest "round" width that keeps
 * the series at or under 600 points (1 s for a 10-minute run, 10 s for an hour, 5 min for two days).
 * Counters are summed per bucket; gauges keep the maximum of their samples in the bucket.
 */
const NICE_STEPS_MS = [
    100, 200, 500, 1_000, 2_000, 5_000, 10_000, 15_000, 30_000, 60_000, 120_000, 300_000, 600_000, 900_000,
    1_800_000, 3_600_000, 7_200_000, 21_600_000, 43_200_000, 86_400_000
];
export const MAX_POINTS = 600;

export function bucketWidthFor(durationMs: number): number {
    for (const step of NICE_STEPS_MS) if (durationMs / step <= MAX_POINTS) return step;
    return Math.ceil(durationMs / MAX_POINTS / 86_400_000) * 86_400_000;
}

export type SeriesStatistic = 'Sum' | 'Maximum';
export type SeriesUnit = 'Count' | 'Milliseconds' | 'Bytes';

export class Series {
    readonly values: Float64Array;

    constructor(readonly metric: string, readonly statistic: SeriesStatistic, readonly unit: SeriesUnit, points: number) {
        this.values = new Float64Array(points);
    }
}

export class SeriesSet {
    private readonly byName = new Map<string, Series>();

    constructor(private readonly bucketMs: number, private readonly points: number) {}

    /** Declares a series up front so that it is reported (as zeros) even if nothing happens. */
    declare(metric: string, statistic: SeriesStatistic, unit: SeriesUnit = 'Count'): Series {
        let series = this.byName.get(metric);
        if (!series) {
            series = new Series(metric, statistic, unit, this.points);
            this.byName.set(metric, series);
        }
        return series;
    }

    indexOf(atMs: number): number {
        const index = Math.floor(atMs / this.bucketMs);
        return index < 0 ? 0 : index >= this.points ? this.points - 1 : index;
    }

    add(series: Series, atMs: number, amount = 1): void {
        series.values[this.indexOf(atMs)]! += amount;
    }

    observe(series: Series, atMs: number, value: number): void {
        const index = this.indexOf(atMs);
        if (value > series.values[index]!) series.values[index] = value;
    }

    all(): Series[] {
        return [...this.byName.values()];
    }
}
