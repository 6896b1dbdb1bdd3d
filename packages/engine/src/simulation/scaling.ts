import type { ConsumerModel, ScalingRule } from '@mq-architect/language/model';
import { formatMs } from '../report/format.js';
import { MetricAlarm, PeriodAggregator } from './alarm.js';
import type { PeriodStatistic } from './alarm.js';
import type { World } from './world.js';

function describe(rule: ScalingRule): string {
    const threshold = rule.metric === 'age-of-oldest' || rule.metric === 'iterator-age' ? formatMs(rule.threshold) : String(rule.threshold);
    return `${rule.metric} ${rule.op} ${threshold} for ${formatMs(rule.forMs)}`;
}

/** What Auto Scaling acts on: a queue consumer group, or a stream reader group. */
export interface ScalableGroup {
    /** Instances that exist (warming up or in service). */
    readonly desired: number;
    readonly warming: number;
    addWorker(warmUpMs: number): void;
    removeWorkers(count: number): void;
}

/**
 * Step scaling of one consumer group from CloudWatch alarms (DOMAIN.md §5): the watched metric is sampled
 * every second and turned into 1-minute data points (Average of a queue gauge, Maximum of a stream's
 * iterator age); every minute each alarm takes the new data point
 * and, while in ALARM, its Auto Scaling action runs again (actions repeat every minute in the state).
 * Scale-out adds `change` instances (up to max) that start polling after the warm-up; while instances
 * from an earlier scale-out are still warming up, a repeated scale-out adds nothing (warming capacity
 * counts toward the step). Scale-in removes `change` instances (down to min).
 */
export class ScalingController {
    private readonly outPeriod: PeriodAggregator;
    private readonly inPeriod: PeriodAggregator;
    private readonly out: MetricAlarm | undefined;
    private readonly in: MetricAlarm | undefined;

    /**
     * `metric(name)` reads the current value of a scaling metric of the consumer's source (undefined: not
     * emitted in this second); `statistic` makes the 1-minute data point of those samples.
     */
    constructor(private readonly world: World, private readonly model: ConsumerModel, private readonly group: ScalableGroup,
        private readonly metric: (name: ScalingRule['metric']) => number | undefined, statistic: PeriodStatistic = 'Average') {
        this.outPeriod = new PeriodAggregator(statistic);
        this.inPeriod = new PeriodAggregator(statistic);
        this.out = model.scaleOut ? new MetricAlarm(model.scaleOut) : undefined;
        this.in = model.scaleIn ? new MetricAlarm(model.scaleIn) : undefined;
    }

    get active(): boolean {
        return this.out !== undefined || this.in !== undefined;
    }

    sample(): void {
        if (this.model.scaleOut) this.outPeriod.add(this.metric(this.model.scaleOut.metric));
        if (this.model.scaleIn) this.inPeriod.add(this.metric(this.model.scaleIn.metric));
    }

    evaluate(): void {
        const outPoint = this.outPeriod.close();
        const inPoint = this.inPeriod.close();
        const now = this.world.clock.now();
        const outState = this.out?.evaluate(outPoint);
        const inState = this.in?.evaluate(inPoint);
        const { min, max } = this.model.instances;
        const desired = this.group.desired;
        if (outState === 'ALARM' && this.model.scaleOut) {
            if (this.group.warming > 0) return;
            const target = Math.min(max, desired + this.model.scaleOut.change);
            if (target > desired) {
                for (let i = desired; i < target; i++) this.group.addWorker(this.model.warmUpMs);
                this.world.scaling.push({
                    atMs: now, consumer: this.model.name, action: 'scale-out', from: desired, to: target,
                    reason: `alarm ${describe(this.model.scaleOut)} in ALARM (data point ${round(outPoint)}); new instances warm up for ${formatMs(this.model.warmUpMs)}`
                });
            }
            return;
        }
        if (inState === 'ALARM' && this.model.scaleIn) {
            const target = Math.max(min, desired - this.model.scaleIn.change);
            if (target < desired) {
                this.group.removeWorkers(desired - target);
                this.world.scaling.push({
                    atMs: now, consumer: this.model.name, action: 'scale-in', from: desired, to: target,
                    reason: `alarm ${describe(this.model.scaleIn)} in ALARM (data point ${round(inPoint)})`
                });
            }
        }
    }
}

function round(value: number | undefined): string {
    return value === undefined ? 'missing' : String(Math.round(value * 100) / 100);
}
