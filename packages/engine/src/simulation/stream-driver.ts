import type { ConsumerModel, StreamModel } from '@mq-architect/language/model';
import type { Random } from '../core/random.js';
import type { KinesisEngine } from '../kinesis/kinesis-engine.js';
import type { ShardCursor } from '../kinesis/reader.js';
import type { Shard, StoredRecord } from '../kinesis/shard.js';
import type { KinesisStream } from '../kinesis/stream.js';
import { LatencyHistogram } from './histogram.js';
import { addStep, Delivery } from './ledger.js';
import type { DeliveryPath } from './ledger.js';
import type { Envelope, Sink } from './ports.js';
import { pathFor, rejected } from './sinks.js';
import type { Series } from './series.js';
import type { ResourceState, World } from './world.js';

/** What a stream record carries for the simulator: one delivery per reader of the stream. */
export interface StreamPayload {
    readonly deliveries: Delivery[];
}

/** An idle shared-throughput reader polls again after 1 s (the KCL's default idle time between reads). */
export const SHARED_IDLE_POLL_MS = 1_000;
/** Enhanced fan-out pushes are modelled as reads every 200 ms outside the shared read limits. */
export const ENHANCED_PUSH_INTERVAL_MS = 200;

/** The resources that read a stream, in a fixed order: their index selects the delivery in a record's payload. */
export class StreamReaders {
    readonly names: string[] = [];

    add(name: string): number {
        this.names.push(name);
        return this.names.length - 1;
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
    private readonly throttledByProducer = new Map<string, ResourceState>();

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
    }

    /** Every delivery still riding on a record in the stream (for end-of-run accounting). */
    *remainingDeliveries(): Iterable<Delivery> {
        for (const shard of this.stream.shards) {
            for (let i = shard.firstIndex; i < shard.endIndex; i++) {
                const payload = shard.at(i)?.payload as StreamPayload | undefined;
                if (payload) yield* payload.deliveries;
            }
        }
    }

    finish(): void {
        const metrics = this.stream.metrics;
        const m = this.state.metrics;
        m['incoming-records'] = metrics.incomingRecords;
        m['incoming-bytes'] = metrics.incomingBytes;
        m['write-throttled'] = metrics.writeThrottledRecords;
        m['read-throttled'] = metrics.readThrottledCalls;
        m['iterator-age'] ??= 0;
    }
}

interface ShardReader {
    cursor: ShardCursor;
}

/**
 * A consumer group reading a stream (KCL-like): one record processor per shard, each reading up to
 * `batch` records, processing them one after another (uniform processing time; a failed record is
 * processed again until it succeeds, as a checkpointing consumer would), then reading again at once, or
 * after 1 s when the shard had nothing. Shared fan-out reads count against the shard's 5 reads/s and
 * 2 MiB/s (a throttled read waits 1 s); enhanced fan-out reads are outside those limits. During an
 * outage the group stops and resumes where it left off.
 */
export class StreamConsumerGroup {
    private readonly random: Random;
    readonly state: ResourceState;
    readonly latency = new LatencyHistogram();
    private readonly processedSeries: Series;
    private readonly instancesSeries: Series;
    private readonly seen = new Set<Shard>();

    constructor(private readonly world: World, readonly model: ConsumerModel, private readonly sink: StreamSink, private readonly readerIndex: number,
        private readonly enhanced: boolean) {
        this.random = world.random(`consumer:${model.name}`);
        this.state = world.resource(model.name, 'consumer');
        for (const metric of ['processed', 'failed', 'duplicates']) this.state.metrics[metric] = 0;
        this.processedSeries = this.state.series.declare('MessagesProcessed', 'Sum');
        this.instancesSeries = this.state.series.declare('InServiceInstances', 'Maximum');
    }

    start(): void {
        for (const shard of this.sink.stream.openShards) this.startShard(shard, 0);
    }

    private startShard(shard: Shard, atMs: number): void {
        if (this.seen.has(shard)) return;
        this.seen.add(shard);
        const reader: ShardReader = { cursor: this.sink.engine.cursor(this.sink.stream, shard, { type: 'TRIM_HORIZON' }) };
        this.world.at(atMs, () => this.poll(reader));
    }

    private read(reader: ShardReader): { records: StoredRecord[]; throttled: boolean; drained: boolean } {
        const limit = Math.min(Math.max(1, this.model.batchSize), 10_000);
        if (!this.enhanced) {
            const outcome = this.sink.engine.read(reader.cursor, limit);
            if (outcome.throttled) {
                this.state.series.add(this.sink.state.series.declare('ReadProvisionedThroughputExceeded', 'Sum'), this.world.clock.now());
                return { records: [], throttled: true, drained: false };
            }
            return { records: outcome.records, throttled: false, drained: outcome.drained };
        }
        const { shard } = reader.cursor;
        const records: StoredRecord[] = [];
        for (let i = shard.indexAtCounter(reader.cursor.position); i < shard.endIndex && records.length < limit; i++) {
            const record = shard.at(i);
            if (record) records.push(record);
        }
        if (records.length > 0) reader.cursor.position = records[records.length - 1]!.counter + 1;
        const drained = !shard.isOpen && shard.indexAtCounter(reader.cursor.position) >= shard.endIndex;
        return { records, throttled: false, drained };
    }

    private poll(reader: ShardReader): void {
        const now = this.world.clock.now();
        const outage = this.world.outagesOf(this.model.name).find(window => now >= window.fromMs && now < window.toMs);
        if (outage) {
            this.world.at(outage.toMs, () => this.poll(reader));
            return;
        }
        const { records, throttled, drained } = this.read(reader);
        if (drained) for (const child of this.sink.stream.childrenOf(reader.cursor.shard)) this.startShard(child, now);
        if (throttled || records.length === 0) {
            if (!drained) this.world.at(now + (this.enhanced ? ENHANCED_PUSH_INTERVAL_MS : SHARED_IDLE_POLL_MS), () => this.poll(reader));
            return;
        }
        const age = now - records[records.length - 1]!.arrivalMs;
        this.sink.state.series.observe(this.sink.iteratorAge, now, age);
        this.sink.state.peak('iterator-age', age);
        const { minMs, maxMs } = this.model.processing;
        const metrics = this.state.metrics;
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
                addStep(delivery.trace, t, this.model.name, `read from ${reader.cursor.shard.shardId}${this.enhanced ? ' (enhanced fan-out)' : ''} and processed`);
            }
        }
        this.world.at(t, () => drained ? undefined : this.poll(reader));
    }

    sample(atMs: number): void {
        const inService = this.world.isDown(this.model.name, atMs) ? 0 : this.model.instances.min;
        this.state.series.observe(this.instancesSeries, atMs, inService);
        this.state.peak('instances', inService);
    }

    finish(): void {
        const summary = this.latency.summary();
        this.state.metrics['latency-p50'] = summary.p50Ms;
        this.state.metrics['latency-p99'] = summary.p99Ms;
        this.state.metrics['min-instances'] = this.world.isDown(this.model.name, this.world.clock.now()) ? 0 : this.model.instances.min;
        this.state.metrics['instances'] ??= 0;
    }
}
