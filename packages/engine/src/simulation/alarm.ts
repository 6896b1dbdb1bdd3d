import type { ComparisonOp, ScalingRule } from '@mq-architect/language/model';

export type AlarmState = 'OK' | 'ALARM' | 'INSUFFICIENT_DATA';

export const ALARM_PERIOD_MS = 60_000;

export function compare(value: number, op: ComparisonOp, threshold: number): boolean {
    switch (op) {
        case '<': return value < threshold;
        case '<=': return value <= threshold;
        case '>': return value > threshold;
        case '>=': return value >= threshold;
        case '==': return value === threshold;
        case '!=': return value !== threshold;
    }
}

/**
 * A CloudWatch metric alarm with 1-minute periods, evaluated every minute: ALARM when M of the last N
 * data points breach (they need not be consecutive), OK otherwise; INSUFFICIENT_DATA until N periods
 * have been seen. Missing data is treated as not breaching (`TreatMissingData: notBreaching`).
 * A scaling rule `when visible > 1000 for 3m` becomes N = M = 3 (DOMAIN.md §5).
 */
export class MetricAlarm {
    readonly periods: number;
    readonly datapointsToAlarm: number;
    private readonly window: boolean[] = [];
    state: AlarmState = 'INSUFFICIENT_DATA';

    constructor(readonly rule: Pick<ScalingRule, 'op' | 'threshold' | 'forMs'>, datapointsToAlarm?: number) {
        this.periods = Math.max(1, Math.ceil(rule.forMs / ALARM_PERIOD_MS));
        this.datapointsToAlarm = Math.min(this.periods, datapointsToAlarm ?? this.periods);
    }

    /** Feeds the data point of the period that just ended and returns the new state. */
    evaluate(datapoint: number | undefined): AlarmState {
        this.window.push(datapoint !== undefined && compare(datapoint, this.rule.op, this.rule.threshold));
        if (this.window.length > this.periods) this.window.shift();
        const breaching = this.window.reduce((count, breach) => count + (breach ? 1 : 0), 0);
        if (breaching >= this.datapointsToAlarm) this.state = 'ALARM';
        else if (this.window.length < this.periods) this.state = 'INSUFFICIENT_DATA';
        else this.state = 'OK';
        return this.state;
    }

    breachingCount(): number {
        return this.window.reduce((count, breach) => count + (breach ? 1 : 0), 0);
    }
}

/** How a period's samples become its data point: Average for sampled gauges, Maximum for per-call metrics. */
export type PeriodStatistic = 'Average' | 'Maximum';

/**
 * Turns samples into 1-minute data points. The data point of a period is the Average (default) or the
 * Maximum of the samples taken in it (the simulator samples gauges every second); an undefined sample is
 * no sample (a metric that was not emitted in that second), and a period without samples has no data point.
 */
export class PeriodAggregator {
    private sum = 0;
    private max = Number.NEGATIVE_INFINITY;
    private count = 0;

    constructor(private readonly statistic: PeriodStatistic = 'Average') {}

    add(value: number | undefined): void {
        if (value === undefined) return;
        this.sum += value;
        if (value > this.max) this.max = value;
        this.count++;
    }

    /** The period's data point (undefined when there was no sample), then starts a new period. */
    close(): number | undefined {
        const value = this.count === 0 ? undefined : this.statistic === 'Maximum' ? this.max : this.sum / this.count;
        this.sum = 0;
        this.max = Number.NEGATIVE_INFINITY;
        this.count = 0;
        return value;
    }
}
