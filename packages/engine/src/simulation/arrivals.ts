import type { Random } from '../core/random.js';

/** A window in which a producer's rate is multiplied (a surge) or set to zero (an outage: factor 0). */
export interface RateWindow {
    fromMs: number;
    toMs: number;
    factor: number;
}

/** Piecewise-constant rate in messages per millisecond: `rates[i]` holds from `starts[i]` until `starts[i + 1]`. */
export class RateSchedule {
    readonly starts: number[] = [];
    readonly rates: number[] = [];

    constructor(baseRatePerSecond: number, windows: readonly RateWindow[]) {
        const cuts = new Set<number>([0]);
        for (const window of windows) {
            cuts.add(Math.max(0, window.fromMs));
            cuts.add(Math.max(0, window.toMs));
        }
        for (const start of [...cuts].sort((a, b) => a - b)) {
            let factor = 1;
            for (const window of windows) if (start >= window.fromMs && start < window.toMs) factor *= window.factor;
            const rate = Math.max(0, baseRatePerSecond * factor) / 1000;
            if (this.rates.length > 0 && this.rates[this.rates.length - 1] === rate) continue;
            this.starts.push(start);
            this.rates.push(rate);
        }
    }

    /** Messages per second at `atMs`. */
    rateAt(atMs: number): number {
        let index = 0;
        while (index + 1 < this.starts.length && this.starts[index + 1]! <= atMs) index++;
        return this.rates[index]! * 1000;
    }

    /**
     * The time T ≥ from at which the integral of the rate over [from, T] reaches `work`, or Infinity.
     * Inverting the integrated rate turns unit work into evenly spaced arrivals and Exp(1) work into a
     * non-homogeneous Poisson process, with surges and outages handled exactly at their boundaries.
     */
    advance(fromMs: number, work: number): number {
        let index = 0;
        while (index + 1 < this.starts.length && this.starts[index + 1]! <= fromMs) index++;
        let time = fromMs;
        let remaining = work;
        for (;;) {
            const rate = this.rates[index]!;
            const end = index + 1 < this.starts.length ? this.starts[index + 1]! : Infinity;
            if (rate > 0) {
                const needed = remaining / rate;
                if (time + needed < end) return time + needed;
                remaining -= (end - time) * rate;
                if (remaining < 0) remaining = 0;
            }
            if (end === Infinity) return Infinity;
            time = end;
            index++;
        }
    }
}

export type ArrivalProcess = 'uniform' | 'poisson';

/** Rounds away floating-point noise (1e-6 ms) so that arrivals due exactly at a boundary land on it. */
const snap = (ms: number): number => Math.round(ms * 1e6) / 1e6;

/**
 * Arrival times of one producer. `uniform` (the default): evenly spaced at the current rate, the first
 * message at t = 0, so N/s over D seconds gives N·D messages. `poisson`: exponential gaps drawn from the
 * producer's seeded stream. The n-th arrival is computed from the cumulative work (n, or a sum of Exp(1)
 * draws) from t = 0, never by adding gaps, so rounding does not accumulate over a long run.
 */
export class Arrivals {
    private work: number;
    private nextAt: number;

    constructor(private readonly schedule: RateSchedule, private readonly process: ArrivalProcess, private readonly random: Random) {
        this.work = process === 'uniform' ? 0 : exponential(random);
        this.nextAt = this.timeFor(this.work);
    }

    private timeFor(work: number): number {
        const at = this.schedule.advance(0, work);
        return at === Infinity ? at : snap(at);
    }

    peek(): number {
        return this.nextAt;
    }

    /** Consumes the pending arrival and returns its time. */
    take(): number {
        const at = this.nextAt;
        this.work += this.process === 'uniform' ? 1 : exponential(this.random);
        this.nextAt = this.timeFor(this.work);
        return at;
    }
}

/** Exp(1): the work between two Poisson arrivals. */
function exponential(random: Random): number {
    return -Math.log(1 - random.next());
}
