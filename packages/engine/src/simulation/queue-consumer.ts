import type { ConsumerModel } from '@mq-architect/language/model';
import type { Random } from '../core/random.js';
import { formatMs } from '../report/format.js';
import { finishConsumerGroup, sampleInstances } from './consumer-group-metrics.js';
import { LatencyHistogram } from './histogram.js';
import { addStep } from './ledger.js';
import type { Delivery } from './ledger.js';
import type { LongPoll, QueuePort, ReceivedMessage } from './ports.js';
import type { Series } from './series.js';
import type { ResourceState, World } from './world.js';

/** An idle short-polling worker (wait 0) polls again after this long: real clients loop at once; the simulator rate-limits empty polls. */
export const EMPTY_SHORT_POLL_RETRY_MS = 100;

interface Worker {
    id: number;
    /** Bumped when the worker is stopped or crashes, so its pending rare callbacks (warm-up, retries, heartbeats) become no-ops. */
    generation: number;
    /** The long poll it is waiting in, and the end of the batch in hand: withdrawn when it stops or crashes. */
    longPoll: LongPoll | undefined;
    finish: { cancel(): void } | undefined;
    /** Its callbacks, made once rather than per receive and per batch. */
    onReceive: (messages: ReceivedMessage[]) => void;
    onFinish: () => void;
    warmAt: number;
    removed: boolean;
    busy: boolean;
    batch: ReceivedMessage[] | undefined;
    // Per message of the batch in hand; the arrays are the worker's own and reused from batch to batch.
    /** The receive number each message had when this batch received it (what deletes and heartbeats refer to). */
    receiveCounts: number[];
    finishes: number[];
    oks: boolean[];
    /** FIFO: left unprocessed because an earlier message of its group failed in this batch. */
    skipped: boolean[] | undefined;
}

/**
 * A consumer group polling an SQS queue: each in-service instance receives up to `batch` messages
 * (long polling when a wait applies), processes them one after another for uniform(processing) each,
 * then deletes the successful ones with one DeleteMessageBatch at the end of the batch; failed ones stay
 * and come back after the visibility timeout (on a FIFO queue the rest of a failed message's group in
 * the batch is left unprocessed too, to keep the group's order). With a heartbeat, the messages not yet finished get their
 * visibility extended to the queue's timeout every heartbeat. During an outage the instances crash:
 * batches in hand are abandoned undeleted (processed ones become duplicates when redelivered), and
 * polling resumes when the outage ends. New instances start after their warm-up.
 */
export class QueueConsumerGroup {
    private readonly random: Random;
    readonly state: ResourceState;
    private readonly workers: Worker[] = [];
    private nextId = 1;
    private readonly waitMs: number;
    private readonly visibilityMs: number;
    readonly latency = new LatencyHistogram();
    private readonly instancesSeries: Series;
    private readonly processedSeries: Series;
    private readonly failedSeries: Series;

    constructor(
        private readonly world: World,
        readonly model: ConsumerModel,
        private readonly queue: QueuePort,
        visibilityMs: number,
        queueWaitMs: number
    ) {
        this.random = world.random(`consumer:${model.name}`);
        this.state = world.resource(model.name, 'consumer');
        this.waitMs = model.waitMs ?? queueWaitMs;
        this.visibilityMs = visibilityMs;
        for (const metric of ['processed', 'failed', 'duplicates']) this.state.metrics[metric] = 0;
        this.instancesSeries = this.state.series.declare('InServiceInstances', 'Maximum');
        this.processedSeries = this.state.series.declare('MessagesProcessed', 'Sum');
        this.failedSeries = this.state.series.declare('MessagesFailed', 'Sum');
    }

    start(): void {
        for (let i = 0; i < this.model.instances.min; i++) this.addWorker(0);
        for (const outage of this.world.outagesOf(this.model.name)) {
            this.world.at(outage.fromMs, () => this.crashAll());
            this.world.at(outage.toMs, () => this.resumeAll());
        }
    }

    /** Instances that exist (warming up or in service). */
    get desired(): number {
        return this.workers.filter(worker => !worker.removed).length;
    }

    get inService(): number {
        const now = this.world.clock.now();
        return this.workers.filter(worker => !worker.removed && worker.warmAt <= now).length;
    }

    get warming(): number {
        const now = this.world.clock.now();
        return this.workers.filter(worker => !worker.removed && worker.warmAt > now).length;
    }

    addWorker(warmUpMs: number): void {
        const now = this.world.clock.now();
        const worker: Worker = {
            id: this.nextId++, generation: 0, longPoll: undefined, finish: undefined, onReceive: () => undefined, onFinish: () => undefined,
            warmAt: now + warmUpMs, removed: false, busy: false, batch: undefined, receiveCounts: [], finishes: [], oks: [], skipped: undefined
        };
        worker.onReceive = messages => this.received(worker, messages);
        worker.onFinish = () => this.finishBatch(worker);
        this.workers.push(worker);
        this.world.at(worker.warmAt, () => this.poll(worker, worker.generation));
    }

    /** Scale-in: the newest instances stop after the batch in hand. */
    removeWorkers(count: number): void {
        for (let i = this.workers.length - 1; i >= 0 && count > 0; i--) {
            const worker = this.workers[i]!;
            if (worker.removed) continue;
            worker.removed = true;
            count--;
            if (!worker.busy) this.stop(worker);
        }
        this.compactWorkers();
    }

    private compactWorkers(): void {
        for (let i = this.workers.length - 1; i >= 0; i--) {
            const worker = this.workers[i]!;
            if (worker.removed && !worker.busy) this.workers.splice(i, 1);
        }
    }

    /** Withdraws what the worker waits for: its long poll, the end of its batch and its pending callbacks. */
    private stop(worker: Worker): void {
        worker.generation++;
        worker.longPoll?.cancel();
        worker.longPoll = undefined;
        worker.finish?.cancel();
        worker.finish = undefined;
    }

    private poll(worker: Worker, generation: number): void {
        if (worker.generation !== generation || worker.removed || worker.busy || worker.longPoll !== undefined) return;
        const now = this.world.clock.now();
        if (this.world.isDown(this.model.name, now)) return;
        if (this.waitMs > 0) {
            const received = this.queue.receiveOrWait(this.model.batchSize, this.waitMs, worker.onReceive);
            if (Array.isArray(received)) this.process(worker, received);
            else worker.longPoll = received;
            return;
        }
        const messages = this.queue.receive(this.model.batchSize);
        if (messages.length > 0) this.process(worker, messages);
        else this.world.at(now + EMPTY_SHORT_POLL_RETRY_MS, () => this.poll(worker, generation));
    }

    /** The end of a long poll: messages to process, or none (and the client polls again at once). */
    private received(worker: Worker, messages: ReceivedMessage[]): void {
        worker.longPoll = undefined;
        if (messages.length > 0) this.process(worker, messages);
        else this.poll(worker, worker.generation);
    }

    private process(worker: Worker, messages: ReceivedMessage[]): void {
        const now = this.world.clock.now();
        const { minMs, maxMs } = this.model.processing;
        const finishes = worker.finishes;
        const oks = worker.oks;
        const receiveCounts = worker.receiveCounts;
        // Only the first messages.length entries are read (the loops below go by the batch's length).
        let t = now;
        // A FIFO consumer stops working on a group after a failure, so that the failed message is
        // redelivered before the group's later messages (processing them would break the order).
        let failedGroups: Set<string | undefined> | undefined;
        let skipped: boolean[] | undefined;
        for (let i = 0; i < messages.length; i++) {
            receiveCounts[i] = messages[i]!.receiveCount;
            if (failedGroups !== undefined && failedGroups.has((messages[i]!.tag as Delivery | undefined)?.group)) {
                skipped ??= new Array<boolean>(messages.length).fill(false);
                skipped[i] = true;
                finishes[i] = t;
                oks[i] = false;
                continue;
            }
            t += minMs === maxMs ? minMs : this.random.uniform(minMs, maxMs);
            finishes[i] = t;
            oks[i] = !this.random.chance(this.model.failureRate);
            if (!oks[i] && this.queue.fifo) (failedGroups ??= new Set()).add((messages[i]!.tag as Delivery | undefined)?.group);
        }
        worker.skipped = skipped;
        worker.busy = true;
        worker.batch = messages;
        const generation = worker.generation;
        const heartbeat = this.model.heartbeatMs;
        if (heartbeat !== undefined && heartbeat > 0 && t - now > heartbeat) {
            for (let at = now + heartbeat; at < t; at += heartbeat) this.world.at(at, () => this.heartbeat(worker, generation));
        }
        worker.finish = this.world.at(t, worker.onFinish);
    }

    private heartbeat(worker: Worker, generation: number): void {
        if (worker.generation !== generation || !worker.batch) return;
        const now = this.world.clock.now();
        const batch = worker.batch;
        for (let i = 0; i < batch.length; i++) {
            if (worker.finishes[i]! <= now) continue;
            if (this.queue.changeVisibility(batch[i]!, worker.receiveCounts[i]!, this.visibilityMs)) {
                addStep((batch[i]!.tag as Delivery | undefined)?.trace, now, this.model.name, `heartbeat: visibility extended by ${formatMs(this.visibilityMs)}`);
            }
        }
    }

    /** Records what the batch achieved up to `until` (all of it at the normal end, a prefix on a crash). */
    private settleBatch(worker: Worker, until: number): number {
        const batch = worker.batch ?? [];
        let succeeded = 0;
        const ledger = this.world.ledger;
        const series = this.state.series;
        const metrics = this.state.metrics;
        for (let i = 0; i < batch.length; i++) {
            const finishedAt = worker.finishes[i]!;
            if (finishedAt > until) break;
            const delivery = batch[i]!.tag as Delivery | undefined;
            if (worker.oks[i]) {
                succeeded++;
                metrics['processed']!++;
                series.add(this.processedSeries, finishedAt);
                if (delivery) {
                    const before = delivery.processed;
                    ledger.processed(delivery, finishedAt);
                    if (before === 0) {
                        this.latency.record(finishedAt - delivery.producedAt);
                    } else {
                        metrics['duplicates']!++;
                    }
                    if (delivery.trace) addStep(delivery.trace, finishedAt, this.model.name, before === 0 ? 'processed; deleted at the end of the batch' : 'processed again (a duplicate)');
                }
            } else if (worker.skipped?.[i]) {
                if (delivery?.trace) {
                    addStep(delivery.trace, finishedAt, this.model.name, 'not processed: an earlier message of its group failed in this batch (kept for FIFO order)');
                }
            } else {
                metrics['failed']!++;
                series.add(this.failedSeries, finishedAt);
                if (delivery?.trace) {
                    addStep(delivery.trace, finishedAt, this.model.name,
                        `processing failed: not deleted (visible again when its ${formatMs(this.visibilityMs)} visibility timeout ends)`);
                }
            }
        }
        return succeeded;
    }

    private finishBatch(worker: Worker): void {
        worker.finish = undefined;
        if (this.settleBatch(worker, Infinity) > 0) this.queue.delete(worker.batch!, worker.receiveCounts, worker.oks);
        worker.busy = false;
        worker.batch = undefined;
        if (worker.removed) {
            this.compactWorkers();
            return;
        }
        this.poll(worker, worker.generation);
    }

    private crashAll(): void {
        const now = this.world.clock.now();
        for (const worker of this.workers) {
            if (worker.busy) {
                // Work finished before the crash happened; its delete never ran.
                this.settleBatch(worker, now);
                for (const received of worker.batch ?? []) addStep((received.tag as Delivery | undefined)?.trace, now, this.model.name, 'consumer outage: abandoned undeleted');
            }
            this.stop(worker);
            worker.busy = false;
            worker.batch = undefined;
        }
        this.compactWorkers();
    }

    private resumeAll(): void {
        for (const worker of this.workers) {
            if (worker.removed) continue;
            const generation = worker.generation;
            this.world.at(Math.max(this.world.clock.now(), worker.warmAt), () => this.poll(worker, generation));
        }
    }

    sample(atMs: number): void {
        sampleInstances(this.world, this.state, this.instancesSeries, this.model.name, this.inService, atMs);
    }

    finish(): void {
        finishConsumerGroup(this.world, this.state, this.model.name, this.latency, this.inService);
    }
}
