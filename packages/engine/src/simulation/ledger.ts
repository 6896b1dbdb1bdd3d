import type { AccountingReport, LatencyReport, MessageTrace, Outcome, OutcomeCounts, PathAccounting } from '../report/report-types.js';
import { emptyOutcomes, OUTCOMES } from '../report/report-types.js';
import { LatencyHistogram } from './histogram.js';

/**
 * Accounting unit (docs/report-schema.md, "Accounting"): a **delivery** is one copy of a produced message
 * on one path from its producer to one endpoint. A message sent to a queue or a direct-PUT firehose is one
 * delivery; a message published to a topic is one delivery per subscription (filtered-out is an outcome
 * of that delivery); a record written to a stream is one delivery per reader (consumer group or
 * stream-sourced firehose), or one delivery ending at the stream when nobody reads it. Every delivery
 * ends in exactly one outcome. Duplicates (extra processings) and FIFO order violations are counted
 * beside the outcomes, not as outcomes.
 */
export const ACCOUNTING_UNIT =
    'delivery: one copy of a produced message on one path to one endpoint (a topic makes one per subscription, ' +
    'a stream one per reader); each delivery ends in exactly one outcome';

const MAX_TRACE_STEPS = 60;
/** Message groups whose order is tracked per path (the most recently active ones). */
const MAX_TRACKED_GROUPS = 10_000;

export class DeliveryPath {
    deliveries = 0;
    readonly outcomes: OutcomeCounts = emptyOutcomes();
    duplicates = 0;
    orderViolations = 0;
    readonly latency = new LatencyHistogram();
    /**
     * The highest producer sequence processed per message group, on every path whose messages carry a
     * group (FIFO queues promise order per group; on standard queues with groups the check shows what
     * is lost without FIFO).
     */
    private readonly lastSequenceByGroup = new Map<string, number>();
    /** Resources this path passes through, for scoped expectations (`expect shipping...`). */
    readonly resources: Set<string>;
    /** Who finished the path (consumer, function, firehose, endpoint); set when known. */
    terminal: string;

    constructor(readonly label: string, readonly producer: string, resources: string[], readonly fifo: boolean) {
        this.resources = new Set(resources);
        this.terminal = resources[resources.length - 1] ?? producer;
    }

    checkOrder(group: string | undefined, sequence: number): void {
        if (group === undefined) return;
        const groups = this.lastSequenceByGroup;
        const last = groups.get(group);
        if (last !== undefined && sequence < last) {
            this.orderViolations++;
            return;
        }
        // Re-inserting keeps the map in order of last activity, so the least recently active group goes
        // first when the map is full: memory stays bounded even when every message has its own group.
        if (last !== undefined) groups.delete(group);
        groups.set(group, sequence);
        if (groups.size > MAX_TRACKED_GROUPS) groups.delete(groups.keys().next().value!);
    }
}

/** One copy of a produced message on its way along a path. */
export class Delivery {
    /** Times processed successfully. */
    processed = 0;
    settled: Outcome | undefined;

    constructor(
        readonly path: DeliveryPath,
        readonly producedAt: number,
        /** The producer's message number (1, 2, ...); orders messages within a group. */
        readonly sequence: number,
        readonly group: string | undefined,
        readonly trace: MessageTrace | undefined
    ) {
        path.deliveries++;
    }
}

export class Ledger {
    private readonly paths = new Map<string, DeliveryPath>();
    messagesProduced = 0;
    readonly traces: MessageTrace[] = [];

    path(key: string, label: string, producer: string, resources: string[], fifo: boolean): DeliveryPath {
        let path = this.paths.get(key);
        if (!path) {
            path = new DeliveryPath(label, producer, resources, fifo);
            this.paths.set(key, path);
        }
        return path;
    }

    allPaths(): DeliveryPath[] {
        return [...this.paths.values()];
    }

    startTrace(id: string, producer: string, producedAtMs: number, body: string): MessageTrace {
        const trace: MessageTrace = { id, producer, producedAtMs, body: body.length > 500 ? `${body.slice(0, 500)}…` : body, steps: [] };
        this.traces.push(trace);
        return trace;
    }

    /** Settles a delivery in a final outcome (the first settlement wins; later ones are ignored). */
    settle(delivery: Delivery, outcome: Outcome): void {
        if (delivery.settled !== undefined) return;
        delivery.settled = outcome;
        delivery.path.outcomes[outcome]++;
    }

    /**
     * A successful processing at `atMs`: the first one settles the delivery, later ones are duplicates. A
     * message that retention deleted while a consumer had it in hand (retention applies in flight) and that
     * the consumer then finished was processed after all: its `expired` settlement gives way.
     */
    processed(delivery: Delivery, atMs: number): void {
        if (delivery.processed === 0 && delivery.settled === 'expired') {
            delivery.path.outcomes.expired--;
            delivery.settled = undefined;
        }
        delivery.processed++;
        if (delivery.processed > 1) {
            delivery.path.duplicates++;
            return;
        }
        delivery.path.checkOrder(delivery.group, delivery.sequence);
        delivery.path.latency.record(atMs - delivery.producedAt);
        if (delivery.settled === undefined) {
            delivery.settled = 'processed';
            delivery.path.outcomes.processed++;
        }
    }

    accounting(): AccountingReport {
        const totals = emptyOutcomes();
        const paths: PathAccounting[] = [];
        let deliveries = 0;
        let duplicates = 0;
        let orderViolations = 0;
        for (const path of this.sortedPaths()) {
            let sum = 0;
            for (const outcome of OUTCOMES) {
                sum += path.outcomes[outcome];
                totals[outcome] += path.outcomes[outcome];
            }
            deliveries += path.deliveries;
            duplicates += path.duplicates;
            orderViolations += path.orderViolations;
            paths.push({
                path: path.label, producer: path.producer, deliveries: path.deliveries, outcomes: { ...path.outcomes },
                duplicates: path.duplicates, orderViolations: path.orderViolations, balanced: sum === path.deliveries
            });
        }
        return {
            unit: ACCOUNTING_UNIT, messagesProduced: this.messagesProduced, deliveries, outcomes: totals,
            duplicates, orderViolations, balanced: paths.every(path => path.balanced), paths
        };
    }

    latency(): LatencyReport[] {
        return this.sortedPaths().filter(path => path.latency.count > 0).map(path => ({
            path: path.label, producer: path.producer, to: path.terminal, ...path.latency.summary(),
            distribution: path.latency.distribution()
        }));
    }

    private sortedPaths(): DeliveryPath[] {
        return this.allPaths().sort((a, b) => (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
    }
}

export function addStep(trace: MessageTrace | undefined, atMs: number, at: string, event: string): void {
    if (!trace) return;
    if (trace.steps.length < MAX_TRACE_STEPS) trace.steps.push({ atMs: Math.round(atMs * 1000) / 1000, at, event });
    else if (trace.steps.length === MAX_TRACE_STEPS) trace.steps.push({ atMs: Math.round(atMs * 1000) / 1000, at, event: '… (further steps omitted)' });
}
