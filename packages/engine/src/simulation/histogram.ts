/**
 * Latency histogram with bounded memory: logarithmic buckets 2 % wide from 10 µs up (about 1,300 buckets
 * for ten days), so percentiles are within 2 % whatever the number of samples. Exact count, sum, min, max.
 */
const BASE_MS = 0.01;
const GROWTH = 1.02;
const LOG_GROWTH = Math.log(GROWTH);

function bucketOf(valueMs: number): number {
    return valueMs <= BASE_MS ? 0 : 1 + Math.floor(Math.log(valueMs / BASE_MS) / LOG_GROWTH);
}

/** Upper bound of a bucket in ms. */
function bucketUpper(index: number): number {
    return BASE_MS * Math.pow(GROWTH, index);
}

export interface LatencySummary {
    count: number;
    meanMs: number;
    p50Ms: number;
    p90Ms: number;
    p99Ms: number;
    maxMs: number;
}

export class LatencyHistogram {
    private counts = new Float64Array(256);
    count = 0;
    sum = 0;
    min = Infinity;
    max = 0;

    record(valueMs: number): void {
        const value = valueMs < 0 ? 0 : valueMs;
        const index = bucketOf(value);
        if (index >= this.counts.length) {
            const grown = new Float64Array(Math.max(index + 1, this.counts.length * 2));
            grown.set(this.counts);
            this.counts = grown;
        }
        this.counts[index]!++;
        this.count++;
        this.sum += value;
        if (value < this.min) this.min = value;
        if (value > this.max) this.max = value;
    }

    merge(other: LatencyHistogram): void {
        for (let i = 0; i < other.counts.length; i++) {
            const c = other.counts[i]!;
            if (c === 0) continue;
            if (i >= this.counts.length) {
                const grown = new Float64Array(Math.max(i + 1, this.counts.length * 2));
                grown.set(this.counts);
                this.counts = grown;
            }
            this.counts[i]! += c;
        }
        this.count += other.count;
        this.sum += other.sum;
        this.min = Math.min(this.min, other.min);
        this.max = Math.max(this.max, other.max);
    }

    /** The q-quantile (0..1): the upper bound of the bucket holding it, clamped to the observed range. */
    quantile(q: number): number {
        if (this.count === 0) return 0;
        const rank = Math.max(1, Math.ceil(q * this.count));
        let seen = 0;
        for (let i = 0; i < this.counts.length; i++) {
            seen += this.counts[i]!;
            if (seen >= rank) return round3(Math.min(this.max, Math.max(this.min, bucketUpper(i))));
        }
        return round3(this.max);
    }

    summary(): LatencySummary {
        return {
            count: this.count,
            meanMs: this.count === 0 ? 0 : round3(this.sum / this.count),
            p50Ms: this.quantile(0.5),
            p90Ms: this.quantile(0.9),
            p99Ms: this.quantile(0.99),
            maxMs: round3(this.max)
        };
    }

    /** At most `bins` bars for a chart: geometric bin edges between min and max, counts per bin. */
    distribution(bins = 40): { edgesMs: number[]; counts: number[] } {
        if (this.count === 0) return { edgesMs: [], counts: [] };
        const first = bucketOf(this.min);
        const last = bucketOf(this.max);
        const span = last - first + 1;
        const perBin = Math.max(1, Math.ceil(span / bins));
        const edgesMs: number[] = [];
        const counts: number[] = [];
        for (let start = first; start <= last; start += perBin) {
            let total = 0;
            for (let i = start; i < start + perBin && i <= last; i++) total += this.counts[i] ?? 0;
            edgesMs.push(round3(start === 0 ? 0 : bucketUpper(start - 1)));
            counts.push(total);
        }
        edgesMs.push(round3(bucketUpper(Math.min(last, first + perBin * counts.length - 1))));
        return { edgesMs, counts };
    }
}

/** Three decimals keep reports readable and byte-stable. */
export function round3(value: number): number {
    return Math.round(value * 1000) / 1000;
}
