import type { ConsumerModel, ScalingRule } from '@mq-architect/language/model';
import { formatMs } from '../report/format.js';
import { MetricAlarm, PeriodAggregator } from './alarm.js';
import type { PeriodStatistic } from './alarm.js';
import type { World } from './world.js';
import { TargetTracker } from './target-tracking.js';
import type { CapacityProposal } from './target-tracking.js';

const isDuration = (rule: ScalingRule): boolean => rule.metric === 'age-of-oldest' || rule.metric === 'iterator-age';

function describe(rule: ScalingRule): string {
    return `${rule.metric} ${rule.op} ${isDuration(rule) ? formatMs(rule.threshold) : String(rule.threshold)} for ${formatMs(rule.forMs)}`;
}

/** A data point in the rule's unit: a duration for ages, a count rounded to 2 decimals otherwise. */
function point(rule: ScalingRule, value: number | undefined): string {
    if (value === undefined) return 'missing';
    return isDuration(rule) ? formatMs(value) : String(Math.round(value * 100) / 100);
}

/** What Auto Scaling acts on: a queue consumer group, or a stream reader group. */
export interface ScalableGroup {
    /** Instances that exist (warming up or in service). */
    readonly desired: number;
    readonly warming: number;
    readonly inService: number;
    addWorker(warmUpMs: number): void;
    removeWorkers(count: number): void;
}

/**
 * Auto Scaling of one consumer group from CloudWatch alarms (DOMAIN.md §5). Step rules: the watched
 * metric is sampled every second and turned into 1-minute data points (Average of a queue gauge, Maximum
 * of a stream's iterator age); every minute each alarm takes the new data point and, while in ALARM, its
 * action runs again (Auto Scaling actions repeat every minute in the state). Scale-out adds `change`
 * instances (up to max) that start polling after the warm-up; while instances from an earlier scale-out
 * are still warming up, a repeated step scale-out adds nothing. Scale-in removes `change` (down to min).
 * A target tracking policy (queue consumers) proposes its own capacity (target-tracking.ts). With several
 * policies the group scales out if any says so (to the largest proposal) and scales in only if all the
 * policies that can scale in say so (to the largest, most cautious, proposal).
 */
export class ScalingController {
    private readonly outPeriod: PeriodAggregator;
    private readonly inPeriod: PeriodAggregator;
    private readonly out: MetricAlarm | undefined;
    private readonly in: MetricAlarm | undefined;
    private readonly tracker: TargetTracker | undefined;

    /**
     * `metric(name)` reads the current value of a scaling metric of the consumer's source (undefined: not
     * emitted in this second); `statistic` makes the 1-minute data point of those samples. Target tracking
     * applies only where the source has a visible backlog (`tracksBacklog`: queue consumers).
     */
    constructor(private readonly world: World, private readonly model: ConsumerModel, private readonly group: ScalableGroup,
        private readonly metric: (name: ScalingRule['metric']) => number | undefined, statistic: PeriodStatistic = 'Average',
        tracksBacklog = true) {
        this.outPeriod = new PeriodAggregator(statistic);
        this.inPeriod = new PeriodAggregator(statistic);
        this.out = model.scaleOut ? new MetricAlarm(model.scaleOut) : undefined;
        this.in = model.scaleIn ? new MetricAlarm(model.scaleIn) : undefined;
        this.tracker = model.targetTracking && tracksBacklog ? new TargetTracker(model.targetTracking) : undefined;
    }

    get active(): boolean {
        return this.out !== undefined || this.in !== undefined || this.tracker !== undefined;
    }

    sample(): void {
        if (this.model.scaleOut) this.outPeriod.add(this.metric(this.model.scaleOut.metric));
        if (this.model.scaleIn) this.inPeriod.add(this.metric(this.model.scaleIn.metric));
        if (this.tracker) this.tracker.sample(this.metric('visible') ?? 0, this.group.inService);
    }

    evaluate(): void {
        const outPoint = this.outPeriod.close();
        const inPoint = this.inPeriod.close();
        const outState = this.out?.evaluate(outPoint);
        const inState = this.in?.evaluate(inPoint);
        const { min, max } = this.model.instances;
        const desired = this.group.desired;
        const tracked = this.tracker?.evaluate(this.group.inService, desired, min, max);
        const outs: CapacityProposal[] = [];
        // A step scale-out in ALARM blocks scale-in even while it waits for warming instances.
        let outAlarm = false;
        if (outState === 'ALARM' && this.model.scaleOut) {
            outAlarm = true;
            if (this.group.warming === 0) {
                outs.push({
                    direction: 'out', to: Math.min(max, desired + this.model.scaleOut.change),
                    reason: `alarm ${describe(this.model.scaleOut)} in ALARM (data point ${point(this.model.scaleOut, outPoint)}); new instances warm up for ${formatMs(this.model.warmUpMs)}`
                });
            }
        }
        if (tracked?.direction === 'out') outs.push(tracked);
        if (outAlarm || outs.length > 0) {
            const best = outs.reduce<CapacityProposal | undefined>((a, b) => (a === undefined || b.to > a.to ? b : a), undefined);
            if (best !== undefined && best.to > desired) this.apply(desired, best);
            return;
        }
        const ins: CapacityProposal[] = [];
        if (inState === 'ALARM' && this.model.scaleIn) {
            ins.push({ direction: 'in', to: Math.max(min, desired - this.model.scaleIn.change), reason: `alarm ${describe(this.model.scaleIn)} in ALARM (data point ${point(this.model.scaleIn, inPoint)})` });
        }
        if (tracked?.direction === 'in') ins.push(tracked);
        const policiesThatScaleIn = (this.in ? 1 : 0) + (this.tracker ? 1 : 0);
        if (ins.length === 0 || ins.length < policiesThatScaleIn) return;
        const cautious = ins.reduce((a, b) => (b.to > a.to ? b : a));
        if (cautious.to < desired) this.apply(desired, cautious);
    }

    private apply(desired: number, proposal: CapacityProposal): void {
        const now = this.world.clock.now();
        if (proposal.direction === 'out') {
            for (let i = desired; i < proposal.to; i++) this.group.addWorker(this.model.warmUpMs);
        } else {
            this.group.removeWorkers(desired - proposal.to);
        }
        this.world.scaling.push({
            atMs: now, consumer: this.model.name, action: proposal.direction === 'out' ? 'scale-out' : 'scale-in', from: desired, to: proposal.to,
            reason: proposal.reason
        });
    }
}
