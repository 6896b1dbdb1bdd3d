import type { ConsumerModel, StreamModel } from '@mq-architect/language/model';
import type { Random } from '../core/random.js';
import type { KinesisEngine } from '../kinesis/kinesis-engine.js';
import type { ShardCursor } from '../kinesis/reader.js';
import type { Shard, StoredRecord } from '../kinesis/shard.js';
import type { KinesisStream } from '../kinesis/stream.js';
import { formatMs } from '../report/format.js';
import { finishConsumerGroup, sampleInstances } from './consumer-group-metrics.js';
import { LatencyHistogram } from './histogram.js';
import { addStep, Delivery } from './ledger.js';
import type { DeliveryPath } from './ledger.js';
import type { Envelope, Sink } from './ports.js';
import { pathFor, rejected } from './sinks.js';
import type { ScalableGroup } from './scaling.js';
import type { Series } from './series.js';
import type { ResourceState, World } from './world.js';

/** What a stream record carries for the simulator: one delivery per reader of the stream. */
export interface StreamPayload {
    readonly deliveries: Delivery[];
}

function settledByEveryReader(record: StoredRecord): boolean {
    const payload = record.payload as StreamPayload | undefined;
    if (payload === undefined) return false;
    for (const delivery of payload.deliveries) if (delivery.settled === undefined) return false;
    return true;
}

/** An idle shared-throughput reader polls again after 1 s (the KCL's default idle time between reads). */
export const SHARED_IDLE_POLL_MS = 1_000;
/** Enhanced fan-out pushes are modelled as reads every 200 ms outside the shared read limits. */
export const ENHANCED_PUSH_INTERVAL_MS = 200;

/** The resources that read a stream, in a fixed order: their index selects the delivery in a record's payload. */
export class StreamReaders {
    readonly names: string[] = [];
    /**
     * Readers whose delivery of a record is settled when they read it (consumer groups), so an unsettled one
     * was never read. A firehose settles only when it delivers, so an unsettled copy may sit in its buffer.
     */
    private readonly settling = new Set<number>();

    add(name: string): number {
        this.names.push(name);
        return this.names.length - 1;
    }

    settlesOnRead(index: number): void {
        this.settling.add(index);
    }

    isSettledOnRead(index: number): boolean {
        return this.settling.has(index);
    }
}

/**
 * A Kinesis stream as a producer's target: each record is written with a partition key taken from the
 * message (or a random one per record) and carries one delivery per reader; a write rejected by the
 * shard limits (ProvisionedThroughputExceeded) is not retried, and all its deliveries end `throttled`.
 */
export class StreamSink implements Sink {
    readonly name: string;
    readonly state: ResourceState;
    private readonly random: Random;
    private readonly paths = new Map<string, DeliveryPath[]>();
    private readonly incomingRecords: Series;
    private readonly incomingBytes: Series;
    private readonly throttledSeries: Series;
    readonly iteratorAge: Series;
    private readonly expiredSeries: Series;
    private readonly throttledByProducer = new Map<string, ResourceState>();
    /** Firehose copies of records retention trimmed before the firehose settled them (see `expire`). */
    private readonly trimmedUnsettled: Delivery[] = [];
    private expiredUnread = 0;

    constructor(private readonly world: World, readonly model: StreamModel, readonly engine: KinesisEngine, readonly stream: KinesisStream,
        readonly readers: StreamReaders) {
        this.name = model.name;
        this.random = world.random(`stream:${model.name}`);
        this.state = world.resource(model.name, 'stream');
        const series = this.state.series;
        this.incomingRecords = series.declare('IncomingRecords', 'Sum');
        this.incomingBytes = series.declare('IncomingBytes', 'Sum', 'Bytes');
        this.throttledSeries = series.declare('WriteProvisionedThroughputExceeded', 'Sum');
        series.declare('ReadProvisionedThroughputExceeded', 'Sum');
        this.iteratorAge = series.declare('GetRecords.IteratorAgeMilliseconds', 'Maximum', 'Milliseconds');
        this.expiredSeries = series.declare('ExpiredRecords', 'Sum');
        // The language checked the range (24 h..8,760 h); the engine's API would insist on whole hours.
        stream.retentionMs = model.retentionMs;
        stream.expiryListeners.add(record => this.expire(record));
    }

    /**
     * Retention trimmed a record (DOMAIN §3.3; trimming is lazy, so this runs when its shard is next touched):
     * every reader that had not read it loses it, and that delivery ends `expired` at the moment the record
     * left the retention window. A firehose polls every shard every second, so an unsettled firehose copy is
     * one it buffers; the firehose settles it, or it is in flight at the end.
     */
    private expire(record: StoredRecord): void {
        const payload = record.payload as StreamPayload | undefined;
        if (!payload) return;
        const now = this.world.clock.now();
        const atMs = Math.min(now, record.arrivalMs + this.stream.retentionMs);
        const retention = this.stream.retentionMs % 3_600_000 === 0 ? `${this.stream.retentionMs / 3_600_000}h` : formatMs(this.stream.retentionMs);
        const names = this.readers.names;
        let lost = false;
        payload.deliveries.forEach((delivery, index) => {
            if (delivery.settled !== undefined) return;
            const reader = names[index];
            if (reader !== undefined && !this.readers.isSettledOnRead(index)) {
                this.trimmedUnsettled.push(delivery);
                return;
            }
            this.world.ledger.settle(delivery, 'expired');
            lost = true;
            addStep(delivery.trace, atMs, this.name, reader !== undefined
                ? `expired: trimmed by the stream's ${retention} retention before ${reader} read it`
                : `expired: trimmed by the stream's ${retention} retention (nobody reads the stream)`);
        });
        // Trimming records every reader has had is routine; the metric counts records some reader lost.
        if (lost) {
            this.expiredUnread++;
            this.state.series.add(this.expiredSeries, atMs);
        }
    }

    downstream(): readonly string[] {
        return this.readers.names;
    }

    private pathsFor(envelope: Envelope): DeliveryPath[] {
        let paths = this.paths.get(envelope.routeKey);
        if (!paths) {
            paths = this.readers.names.length === 0
                ? [pathFor(this.world, envelope, this.name, [], false)]
                : this.readers.names.map(reader => pathFor(this.world, { ...envelope, route: [...envelope.route, this.name] }, reader, [], false));
            this.paths.set(envelope.routeKey, paths);
        }
        return paths;
    }

    accept(envelope: Envelope): void {
        const now = this.world.clock.now();
        const deliveries = this.pathsFor(envelope).map(path =>
            // Kinesis orders records per shard, and each reader here reads a shard in order; partition keys
            // are often unique per record, so they are not tracked as ordering groups.
            new Delivery(path, envelope.producedAt, envelope.sequence, undefined, envelope.trace));
        const payload: StreamPayload = { deliveries };
        const partitionKey = envelope.message.partitionKey ?? this.random.uuid();
        let outcome: ReturnType<KinesisEngine['put']>;
        try {
            outcome = this.engine.put(this.stream, partitionKey, envelope.message.sizeBytes, { payload });
        } catch (error) {
            for (const delivery of deliveries) rejected(this.world, delivery, this.name, error);
            return;
        }
        const series = this.state.series;
        if (!outcome.ok) {
            for (const delivery of deliveries) this.world.ledger.settle(delivery, 'throttled');
            series.add(this.throttledSeries, now);
            let producer = this.throttledByProducer.get(envelope.producer);
            if (!producer) {
                producer = this.world.resource(envelope.producer, 'producer');
                this.throttledByProducer.set(envelope.producer, producer);
            }
            producer.add('throttled');
            addStep(envelope.trace, now, this.name, `write rejected (ProvisionedThroughputExceeded on ${outcome.shard.shardId}); not retried`);
            return;
        }
        series.add(this.incomingRecords, now);
        series.add(this.incomingBytes, now, envelope.message.sizeBytes);
        addStep(envelope.trace, now, this.name, `written to ${outcome.shard.shardId} (partition key ${partitionKey})`);
        // Nothing in a scenario reads a record again once every reader's delivery of it is settled.
        outcome.shard.releaseLeading(settledByEveryReader);
    }

    /** Every delivery still riding on a record in the stream (for end-of-run accounting; call after `finish`). */
    *remainingDeliveries(): Iterable<Delivery> {
        yield* this.trimmedUnsettled;
        for (const shard of this.stream.shards) {
            for (let i = shard.firstIndex; i < shard.endIndex; i++) {
                const payload = shard.at(i)?.payload as StreamPayload | undefined;
                if (payload) yield* payload.deliveries;
            }
        }
    }

    finish(): void {
        // Trimming is lazy: records past retention at the end expire now rather than count as in flight.
        this.stream.trimAll(this.world.clock.now());
        const metrics = this.stream.metrics;
        const m = this.state.metrics;
        m['expired'] = this.expiredUnread;
        m['incoming-records'] = metrics.incomingRecords;
        m['incoming-bytes'] = metrics.incomingBytes;
        m['write-throttled'] = metrics.writeThrottledRecords;
        m['read-throttled'] = metrics.readThrottledCalls;
        m['iterator-age'] ??= 0;
    }
}

/** A shard lease of a reader group (KCL): its read position, and which worker holds it. */
interface Lease {
    readonly cursor: ShardCursor;
    holder: Worker | undefined;
    /**
     * The lease's last batch is processed until then. A worker that takes the lease over waits for it (KCL
     * checkpoints before handing a lease on), so a shard's records are never processed by two workers at once.
     */
    busyUntil: number;
}

interface Worker {
    readonly warmAt: number;
    removed: boolean;
    /** A run is pending (or under way); a rebalance wakes only idle workers. */
    scheduled: boolean;
    /** Bumped by each scheduling, so that only the latest scheduled run of a worker happens. */
    token: number;
    /** The leases it holds (a new array at each rebalance), and its round-robin turn over them. */
    held: Lease[];
    turn: number;
}

/**
 * A consumer group reading a stream, modelled on the KCL: each shard has one lease, held by one in-service
 * instance (worker); leases are spread evenly over the workers (shard i → worker i mod n, re-spread whenever
 * workers or shards change), so the effective parallelism is min(instances, shards) and further instances
 * idle. A worker serves its leases in turn: it reads up to `batch` records from the next lease that has any,
 * processes them one after another (uniform processing time; a failed record is processed again until it
 * succeeds, as a checkpointing consumer would), then goes on at once, or after 1 s (200 ms with enhanced
 * fan-out) when none of its shards had anything. Shared fan-out reads count against the shard's 5 reads/s and
 * 2 MiB/s (a throttled read counts as empty); enhanced fan-out reads are outside those limits. A closed shard
 * read to its end gives way to its children once all their parents are. During an outage the group stops and resumes where it left off.
 *
 * Without `instances` or a scaling rule the group is sized to the stream: one worker per shard lease. With
 * them it is an Auto Scaling group (min..max, scaled by the iterator-age alarms like queue consumers).
 */
export class StreamConsumerGroup implements ScalableGroup {
    private readonly random: Random;
    readonly state: ResourceState;
    readonly latency = new LatencyHistogram();
    private readonly processedSeries: Series;
    private readonly instancesSeries: Series;
    private readonly leaseOf = new Map<Shard, Lease>();
    /** Shards this group has read to the end. */
    private readonly finished = new Set<Shard>();
    /** Leases not yet read to the end of a closed shard, by shard ordinal. */
    private readonly leases: Lease[] = [];
    private readonly workers: Worker[] = [];
    private readonly sizedToStream: boolean;
    /** Largest GetRecords iterator age of this group's reads since the last sample, and in the last sampled second. */
    private pendingAgeMs: number | undefined;
    private sampledAgeMs: number | undefined;

    constructor(private readonly world: World, readonly model: ConsumerModel, private readonly sink: StreamSink, private readonly readerIndex: number,
        private readonly enhanced: boolean) {
        this.random = world.random(`consumer:${model.name}`);
        this.state = world.resource(model.name, 'consumer');
        for (const metric of ['processed', 'failed', 'duplicates']) this.state.metrics[metric] = 0;
        this.processedSeries = this.state.series.declare('MessagesProcessed', 'Sum');
        this.instancesSeries = this.state.series.declare('InServiceInstances', 'Maximum');
        this.sizedToStream = !model.declared.includes('instances') && model.scaleOut === undefined && model.scaleIn === undefined;
        sink.readers.settlesOnRead(readerIndex);
    }

    start(): void {
        for (const shard of this.sink.stream.openShards) this.addLease(shard);
        if (this.sizedToStream) this.sizeToLeases();
        else for (let i = 0; i < this.model.instances.min; i++) this.addWorker(0);
        this.rebalance();
    }

    // ------------------------------------------------------------------ instances (Auto Scaling)

    /** Instances that exist (warming up or in service). */
    get desired(): number {
        let count = 0;
        for (const worker of this.workers) if (!worker.removed) count++;
        return count;
    }

    get inService(): number {
        const now = this.world.clock.now();
        let count = 0;
        for (const worker of this.workers) if (!worker.removed && worker.warmAt <= now) count++;
        return count;
    }

    get warming(): number {
        return this.desired - this.inService;
    }

    /** A new instance takes leases once its warm-up is over. */
    addWorker(warmUpMs: number): void {
        const worker: Worker = { warmAt: this.world.clock.now() + warmUpMs, removed: false, scheduled: false, token: 0, held: [], turn: 0 };
        this.workers.push(worker);
        this.world.at(worker.warmAt, () => this.rebalance());
    }

    /** Scale-in: the newest instances leave; their leases go to the others (after the batch in hand). */
    removeWorkers(count: number): void {
        for (let i = this.workers.length - 1; i >= 0 && count > 0; i--) {
            const worker = this.workers[i]!;
            if (worker.removed) continue;
            worker.removed = true;
            worker.token++;
            count--;
            this.workers.splice(i, 1);
        }
        this.rebalance();
    }

    /** The sized-to-stream group keeps one worker per lease (at least one). */
    private sizeToLeases(): void {
        const wanted = Math.max(1, this.leases.length);
        const current = this.desired;
        if (wanted > current) for (let i = current; i < wanted; i++) this.addWorker(0);
        else if (wanted < current) this.removeWorkers(current - wanted);
    }

    // ------------------------------------------------------------------ leases

    private addLease(shard: Shard): void {
        if (this.leaseOf.has(shard)) return;
        const lease: Lease = { cursor: this.sink.engine.cursor(this.sink.stream, shard, { type: 'TRIM_HORIZON' }), holder: undefined, busyUntil: 0 };
        this.leaseOf.set(shard, lease);
        // Children have higher ordinals than their parents: appending usually keeps the order.
        let at = this.leases.length;
        while (at > 0 && this.leases[at - 1]!.cursor.shard.ordinal > shard.ordinal) at--;
        this.leases.splice(at, 0, lease);
    }

    /**
     * A closed shard read to its end: its lease ends, and a child's lease begins once every parent of the
     * child is finished (a merged child has two), so a partition key's records are read in order (DOMAIN §3.4).
     */
    private finishLease(lease: Lease): void {
        const index = this.leases.indexOf(lease);
        if (index < 0) return;
        this.leases.splice(index, 1);
        lease.holder = undefined;
        const stream = this.sink.stream;
        this.finished.add(lease.cursor.shard);
        for (const child of stream.childrenOf(lease.cursor.shard)) {
            if (stream.parentsOf(child).every(parent => this.finished.has(parent))) this.addLease(child);
        }
        if (this.sizedToStream) this.sizeToLeases();
        this.rebalance();
    }

    /** Spreads the leases evenly over the in-service workers and wakes those that were idle. */
    private rebalance(): void {
        const now = this.world.clock.now();
        const ready = this.workers.filter(worker => !worker.removed && worker.warmAt <= now);
        for (const worker of this.workers) worker.held = [];
        for (let i = 0; i < this.leases.length; i++) {
            const lease = this.leases[i]!;
            lease.holder = ready.length > 0 ? ready[i % ready.length] : undefined;
            lease.holder?.held.push(lease);
        }
        for (const worker of ready) if (!worker.scheduled) this.schedule(worker, now);
    }

    private schedule(worker: Worker, atMs: number): void {
        worker.scheduled = true;
        const token = ++worker.token;
        this.world.at(atMs, () => {
            if (worker.token === token) this.run(worker);
        });
    }

    // ------------------------------------------------------------------ reading and processing

    private run(worker: Worker): void {
        if (worker.removed) return;
        const now = this.world.clock.now();
        const outage = this.world.outagesOf(this.model.name).find(window => now >= window.fromMs && now < window.toMs);
        if (outage) {
            this.schedule(worker, outage.toMs);
            return;
        }
        const held = worker.held;
        if (held.length === 0) {
            worker.scheduled = false; // idle until a rebalance hands it a lease
            return;
        }
        let next = now + (this.enhanced ? ENHANCED_PUSH_INTERVAL_MS : SHARED_IDLE_POLL_MS);
        for (let k = 0; k < held.length; k++) {
            const lease = held[(worker.turn + k) % held.length]!;
            // A lineage change in this turn re-spread the leases: one may have gone to another worker.
            if (lease.holder !== worker) continue;
            if (lease.busyUntil > now) {
                // Handed over while its previous holder still processes a batch: wait for that batch.
                next = Math.min(next, lease.busyUntil);
                continue;
            }
            const { records, drained } = this.read(lease);
            if (drained) this.finishLease(lease);
            if (records.length === 0) continue;
            const end = this.process(lease, records);
            lease.busyUntil = end;
            worker.turn = (worker.turn + k + 1) % held.length;
            this.schedule(worker, end);
            return;
        }
        this.schedule(worker, next);
    }

    private read(lease: Lease): { records: StoredRecord[]; drained: boolean } {
        const limit = Math.min(Math.max(1, this.model.batchSize), 10_000);
        const now = this.world.clock.now();
        let records: StoredRecord[];
        let drained: boolean;
        if (!this.enhanced) {
            const outcome = this.sink.engine.read(lease.cursor, limit);
            if (outcome.throttled) {
                this.state.series.add(this.sink.state.series.declare('ReadProvisionedThroughputExceeded', 'Sum'), now);
                return { records: [], drained: false };
            }
            records = outcome.records;
            drained = outcome.drained;
        } else {
            const { shard } = lease.cursor;
            this.sink.stream.applyRetention(now);
            this.sink.stream.trimmed(shard);
            records = [];
            for (let i = shard.indexAtCounter(lease.cursor.position); i < shard.endIndex && records.length < limit; i++) {
                const record = shard.at(i);
                if (record) records.push(record);
            }
            if (records.length > 0) lease.cursor.position = records[records.length - 1]!.counter + 1;
            drained = !shard.isOpen && shard.indexAtCounter(lease.cursor.position) >= shard.endIndex;
        }
        // GetRecords.IteratorAgeMilliseconds of this call: the age of the last record returned, 0 when caught up.
        const age = records.length > 0 ? now - records[records.length - 1]!.arrivalMs : 0;
        if (this.pendingAgeMs === undefined || age > this.pendingAgeMs) this.pendingAgeMs = age;
        return { records, drained };
    }

    /** Processes a batch on the worker holding `lease`; returns when the worker is done with it. */
    private process(lease: Lease, records: StoredRecord[]): number {
        const now = this.world.clock.now();
        const age = now - records[records.length - 1]!.arrivalMs;
        this.sink.state.series.observe(this.sink.iteratorAge, now, age);
        this.sink.state.peak('iterator-age', age);
        const { minMs, maxMs } = this.model.processing;
        const metrics = this.state.metrics;
        const shardId = lease.cursor.shard.shardId;
        let t = now;
        for (const record of records) {
            const delivery = (record.payload as StreamPayload | undefined)?.deliveries[this.readerIndex];
            for (;;) {
                t += minMs === maxMs ? minMs : this.random.uniform(minMs, maxMs);
                if (!this.random.chance(this.model.failureRate)) break;
                metrics['failed']!++;
                addStep(delivery?.trace, t, this.model.name, 'processing failed; the record is processed again');
            }
            metrics['processed']!++;
            this.state.series.add(this.processedSeries, t);
            if (delivery) {
                if (delivery.processed === 0) this.latency.record(t - delivery.producedAt);
                this.world.ledger.processed(delivery, t);
                addStep(delivery.trace, t, this.model.name, `read from ${shardId}${this.enhanced ? ' (enhanced fan-out)' : ''} and processed`);
            }
        }
        return t;
    }

    /** The scaling metric: the largest iterator age of the group's reads in the last second (undefined: no read). */
    iteratorAgeMetric(): number | undefined {
        return this.sampledAgeMs;
    }

    sample(atMs: number): void {
        this.sampledAgeMs = this.pendingAgeMs;
        this.pendingAgeMs = undefined;
        sampleInstances(this.world, this.state, this.instancesSeries, this.model.name, this.inService, atMs);
    }

    finish(): void {
        finishConsumerGroup(this.world, this.state, this.model.name, this.latency, this.inService);
    }
}
