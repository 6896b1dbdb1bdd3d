import type { TargetTrackingPolicy } from '@mq-architect/language/model';
import { ALARM_PERIOD_MS, MetricAlarm, PeriodAggregator } from './alarm.js';

/**
 * The alarms a target tracking policy creates for itself. AWS does not document their shape (DOMAIN.md §5
 * says to treat it as configurable); these are the commonly observed ones: AlarmHigh on 3 of 3 one-minute
 * data points above the target, AlarmLow on 15 of 15 below 90 % of it. Scale-in is gradual: at most a tenth
 * of the group (at least one instance) per action.
 */
export const TARGET_TRACKING_ALARMS = {
    highPeriods: 3,
    lowPeriods: 15,
    lowRatio: 0.9,
    scaleInFraction: 0.1
} as const;

export interface CapacityProposal {
    direction: 'out' | 'in';
    /** The group's new desired capacity. */
    to: number;
    reason: string;
}

/**
 * Target tracking on backlog per instance (DOMAIN.md §5): the metric is ApproximateNumberOfMessagesVisible
 * ÷ in-service instances, sampled every second and averaged per minute (no data point while no instance is
 * in service, as metric math gives none when dividing by zero). When AlarmHigh is in ALARM the group goes
 * to ⌈in-service × metric ÷ target⌉ instances; when AlarmLow is, it shrinks towards that, a tenth at a time.
 */
export class TargetTracker {
    private readonly period = new PeriodAggregator('Average');
    private readonly high: MetricAlarm;
    private readonly low: MetricAlarm;

    constructor(readonly policy: TargetTrackingPolicy) {
        const target = policy.target;
        this.high = new MetricAlarm({ op: '>', threshold: target, forMs: TARGET_TRACKING_ALARMS.highPeriods * ALARM_PERIOD_MS });
        this.low = new MetricAlarm({ op: '<', threshold: target * TARGET_TRACKING_ALARMS.lowRatio, forMs: TARGET_TRACKING_ALARMS.lowPeriods * ALARM_PERIOD_MS });
    }

    sample(visible: number, inService: number): void {
        this.period.add(inService > 0 ? visible / inService : undefined);
    }

    /** Closes the minute and says whether the policy wants the group to change. */
    evaluate(inService: number, desired: number, min: number, max: number): CapacityProposal | undefined {
        const point = this.period.close();
        const highState = this.high.evaluate(point);
        const lowState = this.low.evaluate(point);
        if (point === undefined) return undefined;
        const target = this.policy.target;
        const needed = Math.ceil((inService * point) / target);
        const shown = Math.round(point * 100) / 100;
        if (highState === 'ALARM') {
            const to = Math.min(max, Math.max(needed, desired));
            return {
                direction: 'out', to,
                reason: `target tracking: backlog per instance ${shown} above the target ${target} for ${this.high.periods} of ${this.high.periods} minutes; ` +
                    `⌈${inService} × ${shown} ÷ ${target}⌉ = ${needed} instances${needed > max ? ` (capped at the maximum, ${max})` : ''}`
            };
        }
        if (lowState === 'ALARM') {
            const step = Math.max(1, Math.floor(desired * TARGET_TRACKING_ALARMS.scaleInFraction));
            const to = Math.max(min, needed, desired - step);
            return {
                direction: 'in', to,
                reason: `target tracking: backlog per instance ${shown} below ${Math.round(TARGET_TRACKING_ALARMS.lowRatio * 100)} % of the target ${target} ` +
                    `for ${this.low.periods} of ${this.low.periods} minutes; scale-in is gradual (at most ${step} per action)`
            };
        }
        return undefined;
    }
}
