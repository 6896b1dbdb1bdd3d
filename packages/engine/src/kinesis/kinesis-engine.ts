import { KINESIS } from '@mq-architect/language/model';
import type { CloudContext } from '../core/context.js';
import { arn } from '../core/context.js';
import { AwsError } from '../errors.js';
import { invalidArgument, limitExceeded, resourceInUse, streamNotFound, throughputExceeded, validation } from './errors.js';
import { parseExplicitHashKey, validatePartitionKey } from './hash.js';
import { decodeIterator, encodeIterator } from './iterator-token.js';
import { defaultOnDemandModel, OnDemandCapacity } from './on-demand.js';
import type { OnDemandScalingModel } from './on-demand.js';
import type { ReadOutcome, ShardCursor } from './reader.js';
import { readShard } from './reader.js';
import { checkMerge, checkSplit, mergeShards, rescaleUniformly, splitShard } from './resharding.js';
import type { Shard } from './shard.js';
import { parseSequenceNumber } from './shard.js';
import { KinesisStream } from './stream.js';
import { TokenBucket } from './token-bucket.js';
import type { ShardIteratorType, StreamMode, StreamRef } from './types.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const STREAM_NAME = /^[a-zA-Z0-9_.-]{1,128}$/;
const LARGE_REGIONS = new Set(['us-east-1', 'us-west-2', 'eu-west-1']);

export interface KinesisOptions {
    /**
     * Virtual time a control-plane change takes (CREATING → ACTIVE, UPDATING → ACTIVE, consumer
     * CREATING → ACTIVE). Default 0: changes apply at once. AWS takes seconds to minutes.
     */
    controlPlaneDelayMs?: number;
    /** Account open-shard quota. Default 20,000 in us-east-1/us-west-2/eu-west-1, else 1,000. */
    shardLimit?: number;
    /**
     * Enforce the control-plane call rates (CreateStream 5/s, SplitShard+MergeShards 5/s,
     * GetShardIterator 5/s per open shard → LimitExceededException / ProvisionedThroughputExceededException).
     * Default false: AWS SDKs retry these throttles transparently, so a model that creates many streams
     * at time 0 should not fail on them.
     */
    controlPlaneRateLimits?: boolean;
    /** On-demand streams per account (default 50). */
    onDemandStreamLimit?: number;
    /** The on-demand capacity curve (a model; see on-demand.ts). */
    onDemand?: Partial<OnDemandScalingModel>;
}

/** Result of a fast-path write: accepted (with the shard and counter) or throttled. */
export type PutOutcome =
    | { ok: true; shard: Shard; counter: number }
    | { ok: false; shard: Shard; code: 'ProvisionedThroughputExceededException'; message: string };

export interface PutOptions {
    data?: Uint8Array;
    payload?: unknown;
    explicitHashKey?: string;
}

export interface StartPosition {
    type: ShardIteratorType;
    sequenceNumber?: string;
    /** Virtual milliseconds (not epoch). */
    timeMs?: number;
}

/**
 * Kinesis Data Streams in virtual time, synchronous. The async `KinesisService` wraps this; the
 * scenario simulator calls it directly (`put`, `cursor`, `read`, `subscribe`) to avoid a promise per
 * record. Every method acts at the clock's current time.
 */
export class KinesisEngine {
    private readonly streams = new Map<string, KinesisStream>();
    private readonly streamsByOrdinal = new Map<number, KinesisStream>();
    private nextStreamOrdinal = 0;
    private readonly createStreamRate: TokenBucket;
    private readonly reshardRate: TokenBucket;
    private readonly iteratorRate = new WeakMap<Shard, TokenBucket>();
    private creating = 0;
    readonly delayMs: number;
    readonly rateLimits: boolean;
    readonly shardLimit: number;
    readonly onDemandStreamLimit: number;
    readonly onDemandModel: OnDemandScalingModel;

    constructor(readonly ctx: CloudContext, options: KinesisOptions = {}) {
        const now = ctx.clock.now();
        this.delayMs = options.controlPlaneDelayMs ?? 0;
        this.rateLimits = options.controlPlaneRateLimits ?? false;
        this.shardLimit = options.shardLimit ?? (LARGE_REGIONS.has(ctx.region) ? 20_000 : 1_000);
        this.onDemandStreamLimit = options.onDemandStreamLimit ?? 50;
        this.onDemandModel = { ...defaultOnDemandModel(ctx.region), ...options.onDemand };
        // CreateStream and SplitShard/MergeShards: 5 transactions per second per account.
        this.createStreamRate = new TokenBucket(5, 5, now);
        this.reshardRate = new TokenBucket(5, 5, now);
    }

    private get now(): number {
        return this.ctx.clock.now();
    }

    // ------------------------------------------------------------------ streams

    createStream(name: string, mode: StreamMode, shardCount: number | undefined, maxRecordSizeInKiB?: number): KinesisStream {
        const now = this.now;
        if (typeof name !== 'string' || !STREAM_NAME.test(name)) {
            throw validation(`1 validation error detected: Value '${String(name)}' at 'streamName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+ and have length 1-128`);
        }
        if (this.streams.has(name)) throw resourceInUse(`Stream ${name} under account ${this.ctx.accountId} already exists.`);
        if (maxRecordSizeInKiB !== undefined) checkMaxRecordSize(maxRecordSizeInKiB);
        let shards: number;
        if (mode === 'ON_DEMAND') {
            const onDemandStreams = [...this.streams.values()].filter(stream => stream.mode === 'ON_DEMAND').length;
            if (onDemandStreams >= this.onDemandStreamLimit) {
                throw limitExceeded(`This request would exceed the limit of ${this.onDemandStreamLimit} on-demand streams in account ${this.ctx.accountId}.`);
            }
            shards = Math.max(1, Math.ceil(this.onDemandModel.initialWriteBytesPerSecond / KINESIS.shardWriteBytesPerSecond));
        } else {
            if (shardCount === undefined) throw invalidArgument('ShardCount is required for a PROVISIONED stream.');
            if (!Number.isInteger(shardCount) || shardCount < 1) {
                throw validation(`1 validation error detected: Value '${shardCount}' at 'shardCount' failed to satisfy constraint: Member must have value greater than or equal to 1`);
            }
            shards = shardCount;
        }
        this.checkShardQuota(shards);
        if (this.creating >= 5) throw limitExceeded('Only 5 streams can be in the CREATING state at the same time.');
        if (this.rateLimits && this.createStreamRate.available(now) < 1) throw limitExceeded('Rate exceeded for CreateStream (5 transactions per second per account).');
        this.createStreamRate.spend(1, now);
        const ordinal = this.nextStreamOrdinal++;
        const stream = new KinesisStream(ordinal, name, arn(this.ctx, 'kinesis', `stream/${name}`), mode, now,
            KINESIS.retentionMs.default, (maxRecordSizeInKiB ?? KINESIS.recordSizeBytes.default / 1024) * 1024);
        stream.createEvenShards(shards, now);
        if (mode === 'ON_DEMAND') stream.onDemand = new OnDemandCapacity(this.onDemandModel, now);
        this.streams.set(name, stream);
        this.streamsByOrdinal.set(ordinal, stream);
        if (this.delayMs > 0) {
            stream.status = 'CREATING';
            this.creating++;
            this.ctx.clock.scheduleInternal(now + this.delayMs, () => {
                this.creating--;
                if (stream.status === 'CREATING') stream.status = 'ACTIVE';
            });
        }
        return stream;
    }

    /**
     * Warm throughput (WarmThroughputMiBps, ≤10 GiB/s) on an on-demand stream: write capacity is raised to it
     * at once (shards added by uniform splitting) instead of waiting for demand to grow.
     */
    setWarmThroughput(ref: StreamRef, mibps: number): KinesisStream {
        const stream = this.streamOf(ref);
        const onDemand = stream.onDemand;
        if (onDemand === undefined) throw validation('Warm throughput applies to ON_DEMAND streams only.');
        if (!Number.isInteger(mibps) || mibps < 1 || mibps > 10_240) throw validation(`WarmThroughputMiBps must be an integer in 1-10240, got ${mibps}.`);
        const wanted = onDemand.shardCountFor(mibps * KINESIS.shardWriteBytesPerSecond);
        if (wanted > stream.openShards.length) this.checkShardQuota(wanted - stream.openShards.length);
        const shards = onDemand.raiseTo(mibps * KINESIS.shardWriteBytesPerSecond, this.now);
        if (shards > stream.openShards.length) rescaleUniformly(stream, shards, this.now);
        return stream;
    }

    deleteStream(ref: StreamRef): void {
        const stream = this.streamOf(ref);
        for (const consumer of stream.consumers.values()) {
            for (const subscription of consumer.subscriptions.values()) subscription.finish('deregistered');
        }
        stream.status = 'DELETING';
        this.streams.delete(stream.name);
        this.streamsByOrdinal.delete(stream.ordinal);
    }

    /** The stream named by StreamName or StreamARN, or ResourceNotFoundException. */
    streamOf(ref: StreamRef): KinesisStream {
        let name = ref.StreamName;
        if (name === undefined && ref.StreamARN !== undefined) {
            const index = ref.StreamARN.lastIndexOf(':stream/');
            if (index < 0) throw invalidArgument(`Invalid StreamARN ${ref.StreamARN}.`);
            name = ref.StreamARN.slice(index + ':stream/'.length);
        }
        if (name === undefined) throw validation('Either StreamName or StreamARN must be provided.');
        const stream = this.streams.get(name);
        if (stream === undefined) throw streamNotFound(name, this.ctx.accountId);
        stream.applyRetention(this.now);
        return stream;
    }

    hasStream(name: string): boolean {
        return this.streams.has(name);
    }

    listStreamNames(): string[] {
        return [...this.streams.keys()];
    }

    shardOf(stream: KinesisStream, shardId: string): Shard {
        const shard = stream.findShard(shardId);
        if (shard === undefined) {
            throw new AwsError('ResourceNotFoundException', `Shard ${shardId} in stream ${stream.name} under account ${this.ctx.accountId} does not exist.`);
        }
        return shard;
    }

    private checkShardQuota(additional: number): void {
        let open = 0;
        for (const stream of this.streams.values()) open += stream.openShards.length;
        if (open + additional > this.shardLimit) {
            throw limitExceeded(`This request would exceed the shard limit for the account ${this.ctx.accountId} in ${this.ctx.region}. Current shard count for the account: ${open}. Limit: ${this.shardLimit}. Number of additional shards that would have resulted from this request: ${additional}.`);
        }
    }

    // ------------------------------------------------------------------ retention and record size

    increaseRetention(ref: StreamRef, hours: number): void {
        const stream = this.streamOf(ref);
        const current = stream.retentionMs / HOUR;
        if (!Number.isInteger(hours) || hours > KINESIS.retentionMs.max / HOUR) {
            throw invalidArgument(`Maximum allowed retention period is ${KINESIS.retentionMs.max / HOUR} hours. Requested retention period (${hours} hours) is too long.`);
        }
        if (hours < current) {
            throw invalidArgument(`Requested retention period (${hours} hours) for stream ${stream.name} can not be shorter than existing retention period (${current} hours). Use DecreaseRetentionPeriod API.`);
        }
        // Data already past the old retention stays gone: the horizon was raised by streamOf() just now.
        stream.retentionMs = hours * HOUR;
    }

    decreaseRetention(ref: StreamRef, hours: number): void {
        const stream = this.streamOf(ref);
        const current = stream.retentionMs / HOUR;
        if (!Number.isInteger(hours) || hours < KINESIS.retentionMs.min / HOUR) {
            throw invalidArgument(`Minimum allowed retention period is ${KINESIS.retentionMs.min / HOUR} hours. Requested retention period (${hours} hours) is too short.`);
        }
        if (hours > current) {
            throw invalidArgument(`Requested retention period (${hours} hours) for stream ${stream.name} can not be longer than existing retention period (${current} hours). Use IncreaseRetentionPeriod API.`);
        }
        stream.retentionMs = hours * HOUR;
        stream.applyRetention(this.now);
    }

    updateMaxRecordSize(ref: StreamRef, kib: number): void {
        const stream = this.streamOf(ref);
        checkMaxRecordSize(kib);
        stream.maxRecordSizeBytes = kib * 1024;
    }

    // ------------------------------------------------------------------ resharding

    splitShard(ref: StreamRef, shardId: string, newStartingHashKey: string): void {
        const stream = this.reshardableStream(ref, 'SplitShard');
        const shard = this.shardOf(stream, shardId);
        if (typeof newStartingHashKey !== 'string' || !/^(0|[1-9]\d{0,38})$/.test(newStartingHashKey)) {
            throw validation(`1 validation error detected: Value '${String(newStartingHashKey)}' at 'newStartingHashKey' failed to satisfy constraint: Member must satisfy regular expression pattern: 0|([1-9]\\d{0,38})`);
        }
        this.checkShardQuota(1);
        const hashKey = BigInt(newStartingHashKey);
        // Validate now (the caller sees errors synchronously), apply after the control-plane delay.
        checkSplit(stream, shard, hashKey);
        this.spendReshard();
        this.applyUpdate(stream, () => splitShard(stream, shard, hashKey, this.now));
    }

    mergeShards(ref: StreamRef, shardId: string, adjacentShardId: string): void {
        const stream = this.reshardableStream(ref, 'MergeShards');
        const shard = this.shardOf(stream, shardId);
        const adjacent = this.shardOf(stream, adjacentShardId);
        checkMerge(stream, shard, adjacent);
        this.spendReshard();
        this.applyUpdate(stream, () => mergeShards(stream, shard, adjacent, this.now));
    }

    updateShardCount(ref: StreamRef, target: number, scalingType: string): { current: number; target: number; stream: KinesisStream } {
        const stream = this.reshardableStream(ref, 'UpdateShardCount');
        const now = this.now;
        if (scalingType !== 'UNIFORM_SCALING') throw validation(`ScalingType must be UNIFORM_SCALING, got ${String(scalingType)}.`);
        if (!Number.isInteger(target) || target < 1) throw validation(`TargetShardCount must be an integer ≥ 1, got ${target}.`);
        const current = stream.openShards.length;
        if (target > 2 * current) {
            throw limitExceeded(`UpdateShardCount cannot scale up over double your current open shard count. Current open shard count: ${current} Target shard count: ${target}`);
        }
        if (2 * target < current) {
            throw limitExceeded(`UpdateShardCount cannot scale down below half your current open shard count. Current open shard count: ${current} Target shard count: ${target}`);
        }
        if (target > 10_000) throw limitExceeded(`UpdateShardCount cannot scale up to more than 10000 shards in a stream. Target shard count: ${target}`);
        const recent = stream.shardCountUpdates.filter(at => at > now - DAY);
        if (recent.length >= 10) {
            throw limitExceeded(`UpdateShardCount can be called at most 10 times per rolling 24-hour period for stream ${stream.name}.`);
        }
        if (target > current) this.checkShardQuota(target - current);
        stream.shardCountUpdates.splice(0, stream.shardCountUpdates.length, ...recent, now);
        if (target !== current) this.applyUpdate(stream, () => rescaleUniformly(stream, target, this.now));
        return { current, target, stream };
    }

    private reshardableStream(ref: StreamRef, action: string): KinesisStream {
        const stream = this.streamOf(ref);
        if (stream.mode === 'ON_DEMAND') throw validation(`${action} is not supported for streams in ON_DEMAND mode.`);
        if (stream.status !== 'ACTIVE') {
            throw resourceInUse(`Stream ${stream.name} under account ${this.ctx.accountId} is not ACTIVE (status ${stream.status}).`);
        }
        if (this.rateLimits && action !== 'UpdateShardCount' && this.reshardRate.available(this.now) < 1) {
            throw limitExceeded(`Rate exceeded for ${action} (5 transactions per second per account).`);
        }
        return stream;
    }

    private spendReshard(): void {
        this.reshardRate.spend(1, this.now);
    }

    /** ACTIVE → UPDATING → ACTIVE; reads and writes continue on the old shards until the change applies. */
    private applyUpdate(stream: KinesisStream, change: () => void): void {
        if (this.delayMs === 0) {
            change();
            return;
        }
        stream.status = 'UPDATING';
        this.ctx.clock.scheduleInternal(this.now + this.delayMs, () => {
            if (!this.streams.has(stream.name)) return;
            change();
            stream.status = 'ACTIVE';
        });
    }

    // ------------------------------------------------------------------ writes

    /**
     * Writes one record (fast path). `dataBytes` is the blob size; the partition key's UTF-8 bytes are
     * added for the limits. Invalid input throws; throttling is returned, not thrown.
     */
    put(stream: KinesisStream, partitionKey: string, dataBytes: number, options: PutOptions = {}): PutOutcome {
        const now = this.now;
        if (stream.status !== 'ACTIVE' && stream.status !== 'UPDATING') {
            throw new AwsError('ResourceNotFoundException', `Stream ${stream.name} under account ${this.ctx.accountId} is not ACTIVE (status ${stream.status}).`);
        }
        stream.applyRetention(now);
        validatePartitionKey(partitionKey);
        const explicit = options.explicitHashKey;
        const routed = explicit === undefined
            ? stream.routeKey(partitionKey)
            : stream.route(parseExplicitHashKey(explicit));
        if (!Number.isFinite(dataBytes) || dataBytes < 0) throw validation(`Record data size must be a non-negative number of bytes, got ${dataBytes}.`);
        const size = dataBytes + (isAscii(partitionKey) ? partitionKey.length : Buffer.byteLength(partitionKey, 'utf8'));
        if (size > stream.maxRecordSizeBytes) {
            throw invalidArgument(`Record size ${size} bytes (data plus partition key) exceeds the stream's maximum record size of ${stream.maxRecordSizeBytes} bytes.`);
        }
        const shard = stream.trimmed(routed);
        const onDemand = stream.onDemand;
        if (onDemand !== undefined) {
            const target = onDemand.observe(size, now);
            if (target !== undefined) this.scheduleScaleUp(stream, onDemand);
            if (!onDemand.admits(size, now)) return this.throttled(stream, shard);
        }
        const burst = Math.min(size, KINESIS.shardWriteBytesPerSecond);
        if (shard.writeRecords.available(now) < 1 || shard.writeBytes.available(now) < burst) return this.throttled(stream, shard);
        shard.writeRecords.spend(1, now);
        shard.writeBytes.spend(size, now);
        onDemand?.spend(size, now);
        const counter = stream.takeCounter();
        shard.append({ counter, partitionKey, data: options.data, payload: options.payload, size, arrivalMs: now });
        stream.metrics.incomingRecords++;
        stream.metrics.incomingBytes += dataBytes;
        if (shard.appendListeners.size > 0) for (const listener of shard.appendListeners) listener();
        return { ok: true, shard, counter };
    }

    private throttled(stream: KinesisStream, shard: Shard): PutOutcome {
        stream.metrics.writeThrottledRecords++;
        return {
            ok: false,
            shard,
            code: 'ProvisionedThroughputExceededException',
            message: `Rate exceeded for shard ${shard.shardId} in stream ${stream.name} under account ${this.ctx.accountId}.`
        };
    }

    private scheduleScaleUp(stream: KinesisStream, onDemand: OnDemandCapacity): void {
        this.ctx.clock.scheduleInternal(this.now + onDemand.model.scaleUpDelayMs, () => {
            if (!this.streams.has(stream.name)) return;
            const shards = onDemand.applyScaleUp(this.now);
            if (shards > stream.openShards.length) rescaleUniformly(stream, shards, this.now);
        });
    }

    // ------------------------------------------------------------------ reads

    /** A read position on a shard (GetShardIterator without the string). */
    cursor(stream: KinesisStream, shard: Shard, start: StartPosition): ShardCursor {
        stream.applyRetention(this.now);
        stream.trimmed(shard);
        let position: number;
        switch (start.type) {
            case 'TRIM_HORIZON':
                position = 0;
                break;
            case 'LATEST':
                position = stream.nextCounter;
                break;
            case 'AT_SEQUENCE_NUMBER':
            case 'AFTER_SEQUENCE_NUMBER': {
                const parsed = start.sequenceNumber === undefined ? undefined : parseSequenceNumber(start.sequenceNumber);
                if (parsed === undefined || parsed.shardOrdinal !== shard.ordinal) {
                    throw invalidArgument(`StartingSequenceNumber ${String(start.sequenceNumber)} used in GetShardIterator on shard ${shard.shardId} in stream ${stream.name} under account ${this.ctx.accountId} is invalid because it did not come from this stream.`);
                }
                position = start.type === 'AT_SEQUENCE_NUMBER' ? parsed.counter : parsed.counter + 1;
                break;
            }
            case 'AT_TIMESTAMP': {
                if (start.timeMs === undefined || !Number.isFinite(start.timeMs)) {
                    throw invalidArgument('Timestamp is required for ShardIteratorType AT_TIMESTAMP.');
                }
                const record = shard.at(shard.indexAtTime(start.timeMs));
                position = record !== undefined ? record.counter : stream.nextCounter;
                break;
            }
            default:
                throw validation(`1 validation error detected: Value '${String(start.type)}' at 'shardIteratorType' failed to satisfy constraint: Member must satisfy enum value set: [AFTER_SEQUENCE_NUMBER, AT_SEQUENCE_NUMBER, AT_TIMESTAMP, TRIM_HORIZON, LATEST]`);
        }
        return { stream, shard, position };
    }

    /** GetShardIterator: 5 calls per second per open shard, else ProvisionedThroughputExceededException. */
    shardIterator(stream: KinesisStream, shard: Shard, start: StartPosition): string {
        const now = this.now;
        const cursor = this.cursor(stream, shard, start);
        let rate = this.iteratorRate.get(shard);
        if (rate === undefined) {
            rate = new TokenBucket(5, 5, now);
            this.iteratorRate.set(shard, rate);
        }
        if (this.rateLimits && rate.available(now) < 1) {
            throw throughputExceeded(`Rate exceeded for GetShardIterator on shard ${shard.shardId} in stream ${stream.name} (5 transactions per second per open shard).`);
        }
        rate.spend(1, now);
        return this.iteratorFor(cursor);
    }

    iteratorFor(cursor: ShardCursor): string {
        return encodeIterator({
            streamOrdinal: cursor.stream.ordinal,
            shardOrdinal: cursor.shard.ordinal,
            position: cursor.position,
            issuedAtMs: this.now
        });
    }

    /** Resolves a ShardIterator string: InvalidArgumentException if malformed, ExpiredIteratorException after 5 min. */
    resolveIterator(iterator: string): ShardCursor {
        const state = decodeIterator(iterator);
        if (state === undefined) throw invalidArgument(`Invalid ShardIterator.`);
        if (this.now >= state.issuedAtMs + KINESIS.iteratorLifetimeMs) {
            throw new AwsError('ExpiredIteratorException',
                `Iterator expired. The iterator was created at time ${state.issuedAtMs} ms while right now it is ${this.now} ms which is further in the future than the tolerated delay of ${KINESIS.iteratorLifetimeMs} milliseconds.`);
        }
        const stream = this.streamsByOrdinal.get(state.streamOrdinal);
        if (stream === undefined) throw new AwsError('ResourceNotFoundException', 'The stream of this ShardIterator no longer exists.');
        stream.applyRetention(this.now);
        const shard = stream.shards[state.shardOrdinal];
        if (shard === undefined || stream.isExpired(shard)) {
            throw new AwsError('ResourceNotFoundException', `Shard of this ShardIterator in stream ${stream.name} no longer exists (retention expired).`);
        }
        return { stream, shard, position: state.position };
    }

    /** GetRecords on a cursor (fast path): throttling is returned, not thrown. */
    read(cursor: ShardCursor, limit: number = KINESIS.getRecordsMaxRecords): ReadOutcome {
        if (!Number.isInteger(limit) || limit < 1 || limit > KINESIS.getRecordsMaxRecords) {
            throw invalidArgument(`Limit must be between 1 and ${KINESIS.getRecordsMaxRecords}, got ${limit}.`);
        }
        return readShard(cursor, limit, this.now);
    }
}

function checkMaxRecordSize(kib: number): void {
    if (!Number.isInteger(kib) || kib < 1024 || kib > 10_240) {
        throw validation(`MaxRecordSizeInKiB must be between 1024 and 10240, got ${kib}.`);
    }
}

function isAscii(text: string): boolean {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
    return true;
}
