import type { VirtualClock } from '../core/clock.js';
import { Random } from '../core/random.js';
import type { ReportResourceKind, ScalingEventReport } from '../report/report-types.js';
import { Ledger } from './ledger.js';
import { bucketWidthFor, SeriesSet } from './series.js';

export interface Window {
    fromMs: number;
    toMs: number;
}

/** Whether `atMs` falls in one of the windows (each from `fromMs` inclusive to `toMs` exclusive). */
export function inAnyWindow(windows: readonly Window[], atMs: number): boolean {
    for (const window of windows) if (atMs >= window.fromMs && atMs < window.toMs) return true;
    return false;
}

/** A resource's report under construction: its series and its run metrics (`sent`, `visible`, ...). */
export class ResourceState {
    readonly metrics: Record<string, number> = {};

    constructor(readonly name: string, readonly kind: ReportResourceKind, readonly series: SeriesSet) {}

    add(metric: string, amount = 1): void {
        this.metrics[metric] = (this.metrics[metric] ?? 0) + amount;
    }

    peak(metric: string, value: number): void {
        const current = this.metrics[metric];
        if (current === undefined || value > current) this.metrics[metric] = value;
    }
}

/** State shared by every driver of one run. */
export class World {
    readonly ledger = new Ledger();
    readonly bucketMs: number;
    readonly points: number;
    readonly notes: string[] = [];
    readonly scaling: ScalingEventReport[] = [];
    private readonly resources = new Map<string, ResourceState>();
    private readonly outages = new Map<string, Window[]>();

    constructor(readonly clock: VirtualClock, readonly durationMs: number, readonly seed: number, readonly traceSample: number) {
        this.bucketMs = bucketWidthFor(durationMs);
        this.points = Math.max(1, Math.ceil(durationMs / this.bucketMs));
    }

    /** An independent random stream per component, so components do not shift each other's draws. */
    random(label: string): Random {
        return new Random(`${this.seed}:${label}`);
    }

    resource(name: string, kind: ReportResourceKind): ResourceState {
        const key = `${kind}:${name}`;
        let state = this.resources.get(key);
        if (!state) {
            state = new ResourceState(name, kind, new SeriesSet(this.bucketMs, this.points));
            this.resources.set(key, state);
        }
        return state;
    }

    allResources(): ResourceState[] {
        return [...this.resources.values()];
    }

    addOutage(target: string, window: Window): void {
        const list = this.outages.get(target) ?? [];
        list.push(window);
        this.outages.set(target, list);
    }

    outagesOf(target: string): readonly Window[] {
        return this.outages.get(target) ?? [];
    }

    isDown(target: string, atMs: number): boolean {
        const list = this.outages.get(target);
        return list !== undefined && inAnyWindow(list, atMs);
    }

    /** Runs `fn` at `atMs` as an engine-internal event (no promise drain). */
    at(atMs: number, fn: () => void): { cancel(): void } {
        return this.clock.scheduleInternal(atMs, fn);
    }
}
