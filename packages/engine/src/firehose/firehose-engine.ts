import { FIREHOSE } from '@mq-architect/language/model';
import type { CloudContext } from '../core/context.js';
import { arn } from '../core/context.js';
import { AwsError } from '../errors.js';
import type { KinesisEngine } from '../kinesis/kinesis-engine.js';
import { TokenBucket } from '../kinesis/token-bucket.js';
import { parseDeliveryConfig } from './config.js';
import type { DeliveryConfig } from './config.js';
import type { FirehoseEvent } from './delivery-log.js';
import type { InjectedFailure } from './delivery-stream.js';
import { DeliveryPipeline } from './delivery-stream.js';
import { KinesisSource } from './kinesis-source.js';
import type { FirehoseRecord } from './record.js';
import type { CreateDeliveryStreamInput, TransformFunction } from './types.js';

const STREAM_NAME = /^[a-zA-Z0-9_.-]{1,64}$/;
const MiB = 1024 * 1024;

/** Default Direct PUT quota per delivery stream (raisable on AWS; configurable here). */
export interface DirectPutQuota {
    callsPerSecond: number;
    recordsPerSecond: number;
    bytesPerSecond: number;
}

export interface FirehoseOptions {
    directPutQuota?: Partial<DirectPutQuota>;
    /** Keep every delivered object, attempt and invocation in memory (default true). A long simulation may turn it off and listen to events. */
    keepLog?: boolean;
}

export interface DeliveryStream {
    readonly name: string;
    readonly ordinal: number;
    readonly arn: string;
    readonly type: 'DirectPut' | 'KinesisStreamAsSource';
    readonly createdAtMs: number;
    readonly pipeline: DeliveryPipeline;
    source: KinesisSource | undefined;
    readonly quota: { calls: TokenBucket; records: TokenBucket; bytes: TokenBucket } | undefined;
    nextRecord: number;
}

export type IngestOutcome = { ok: true; recordId: string } | { ok: false; code: 'ServiceUnavailableException'; message: string };

/**
 * Data Firehose in virtual time, synchronous (the async `FirehoseService` wraps it; the simulator calls
 * `put` directly). Every method acts at the clock's current time.
 */
export class FirehoseEngine {
    private readonly streams = new Map<string, DeliveryStream>();
    private readonly transforms = new Map<string, TransformFunction>();
    private readonly listeners = new Set<(event: FirehoseEvent) => void>();
    private readonly quota: DirectPutQuota;
    private readonly keepLog: boolean;
    private nextStreamOrdinal = 0;

    constructor(readonly ctx: CloudContext, private readonly kinesis: KinesisEngine, options: FirehoseOptions = {}) {
        this.quota = { callsPerSecond: 2000, recordsPerSecond: 5000, bytesPerSecond: 5 * MiB, ...options.directPutQuota };
        this.keepLog = options.keepLog ?? true;
    }

    private get now(): number {
        return this.ctx.clock.now();
    }

    createDeliveryStream(input: CreateDeliveryStreamInput): DeliveryStream {
        const name = input.DeliveryStreamName;
        if (typeof name !== 'string' || !STREAM_NAME.test(name)) {
            throw new AwsError('ValidationException', `1 validation error detected: Value '${String(name)}' at 'deliveryStreamName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+ and have length 1-64`);
        }
        if (this.streams.has(name)) throw new AwsError('ResourceInUseException', `Firehose ${name} under account ${this.ctx.accountId} already exists.`);
        if (this.streams.size >= 5000) throw new AwsError('LimitExceededException', 'You have reached the limit of 5,000 Firehose streams per Region.');
        const type = input.DeliveryStreamType ?? 'DirectPut';
        if (type !== 'DirectPut' && type !== 'KinesisStreamAsSource') {
            throw new AwsError('InvalidArgumentException', `DeliveryStreamType ${String(type)} is not supported by the engine (DirectPut or KinesisStreamAsSource).`);
        }
        const config: DeliveryConfig = parseDeliveryConfig(input);
        const sourceStream = type === 'KinesisStreamAsSource' ? this.sourceStream(input) : undefined;
        const streamArn = arn(this.ctx, 'firehose', `deliverystream/${name}`);
        const ordinal = this.nextStreamOrdinal++;
        const pipeline = new DeliveryPipeline(this.ctx, name, streamArn, config, {
            transformFor: lambdaArn => this.transforms.get(lambdaArn),
            emit: event => { for (const listener of this.listeners) listener(event); },
            keepLog: this.keepLog
        });
        const now = this.now;
        const stream: DeliveryStream = {
            name, ordinal, arn: streamArn, type, createdAtMs: now, pipeline, nextRecord: 0, source: undefined,
            quota: type === 'DirectPut' ? {
                calls: new TokenBucket(this.quota.callsPerSecond, this.quota.callsPerSecond, now),
                records: new TokenBucket(this.quota.recordsPerSecond, this.quota.recordsPerSecond, now),
                bytes: new TokenBucket(this.quota.bytesPerSecond, this.quota.bytesPerSecond, now)
            } : undefined
        };
        if (sourceStream !== undefined) {
            stream.source = new KinesisSource(this.ctx.clock, this.kinesis, sourceStream,
                () => recordId(ordinal, stream.nextRecord++), records => pipeline.ingest(records));
        }
        this.streams.set(name, stream);
        return stream;
    }

    private sourceStream(input: CreateDeliveryStreamInput) {
        const source = input.KinesisStreamSourceConfiguration;
        if (source?.KinesisStreamARN === undefined) {
            throw new AwsError('InvalidArgumentException', 'KinesisStreamSourceConfiguration.KinesisStreamARN is required for a KinesisStreamAsSource stream.');
        }
        try {
            return this.kinesis.streamOf({ StreamARN: source.KinesisStreamARN });
        } catch {
            throw new AwsError('InvalidArgumentException', `Kinesis stream ${source.KinesisStreamARN} does not exist.`);
        }
    }

    deleteDeliveryStream(name: string): void {
        const stream = this.streamOf(name);
        stream.source?.stop();
        this.streams.delete(name);
    }

    streamOf(name: string): DeliveryStream {
        const stream = typeof name === 'string' ? this.streams.get(name) : undefined;
        if (stream === undefined) throw new AwsError('ResourceNotFoundException', `Firehose ${String(name)} under account ${this.ctx.accountId} not found.`);
        return stream;
    }

    listNames(): string[] {
        return [...this.streams.keys()];
    }

    /**
     * Checks a put request against the stream type and the record/request limits (≤1,000 KiB per
     * record before base64; PutRecordBatch ≤500 records and ≤4 MiB) and the per-call quota.
     */
    checkPut(stream: DeliveryStream, sizes: number[], batch: boolean): void {
        if (stream.type !== 'DirectPut') {
            throw new AwsError('InvalidArgumentException',
                `This operation is not permitted on KinesisStreamAsSource delivery stream type (${stream.name}); write to the source stream instead.`);
        }
        if (batch && (sizes.length < 1 || sizes.length > FIREHOSE.putRecordBatchRecords)) {
            throw new AwsError('ValidationException', `1 validation error detected: Value at 'records' failed to satisfy constraint: Member must have length between 1 and ${FIREHOSE.putRecordBatchRecords}`);
        }
        let total = 0;
        for (const size of sizes) {
            if (size > FIREHOSE.recordSizeBytes) {
                throw new AwsError('ValidationException', `1 validation error detected: Value at 'record.data' failed to satisfy constraint: Member must have length less than or equal to ${FIREHOSE.recordSizeBytes} (got ${size} bytes)`);
            }
            total += size;
        }
        if (batch && total > FIREHOSE.putRecordBatchBytes) {
            throw new AwsError('InvalidArgumentException', `Records size ${total} bytes exceeds the PutRecordBatch limit of ${FIREHOSE.putRecordBatchBytes} bytes (4 MiB) per request.`);
        }
        const quota = stream.quota!;  // DirectPut streams always have one (checked above)
        if (quota.calls.available(this.now) < 1) {
            stream.pipeline.metrics.throttledRecords += sizes.length;
            throw new AwsError('ServiceUnavailableException', 'Slow down.', { senderFault: false, statusCode: 503 });
        }
        quota.calls.spend(1, this.now);
    }

    /** One record into a Direct PUT stream (after `checkPut`): accepted or throttled by the records/bytes quota. */
    put(stream: DeliveryStream, size: number, data: Uint8Array | undefined, payload?: unknown): IngestOutcome {
        const now = this.now;
        const quota = stream.quota;
        if (quota === undefined) {
            throw new AwsError('InvalidArgumentException', `This operation is not permitted on KinesisStreamAsSource delivery stream type (${stream.name}).`);
        }
        if (quota.records.available(now) < 1 || quota.bytes.available(now) < Math.min(size, this.quota.bytesPerSecond)) {
            stream.pipeline.metrics.throttledRecords++;
            return { ok: false, code: 'ServiceUnavailableException', message: 'Slow down.' };
        }
        quota.records.spend(1, now);
        quota.bytes.spend(size, now);
        const id = recordId(stream.ordinal, stream.nextRecord++);
        const record: FirehoseRecord = { recordId: id, data, size, arrivalMs: now, payload, transformed: false };
        stream.pipeline.ingest([record]);
        return { ok: true, recordId: id };
    }

    /** Test hook: the function a Lambda processor ARN stands for (Lambda's record-transformation contract). */
    registerTransform(lambdaArn: string, fn: TransformFunction): void {
        this.transforms.set(lambdaArn, fn);
    }

    /** Test hook: destination (or backup bucket) attempts in [fromMs, toMs) fail. */
    injectFailure(name: string, failure: Partial<InjectedFailure>): void {
        const stream = this.streamOf(name);
        const target = failure.target ?? 'destination';
        stream.pipeline.failures.push({
            target,
            fromMs: failure.fromMs ?? this.now,
            toMs: failure.toMs ?? Number.POSITIVE_INFINITY,
            errorCode: failure.errorCode ?? (stream.pipeline.config.kind === 'HttpEndpoint' ? 'HttpEndpoint.ResponseErrorCode' : `${stream.pipeline.config.destinationName}.ServiceUnavailable`),
            errorMessage: failure.errorMessage ?? 'injected failure'
        });
    }

    onEvent(listener: (event: FirehoseEvent) => void): () => void {
        this.listeners.add(listener);
        return () => this.listeners.delete(listener);
    }
}

/** Record IDs are opaque on AWS; here they are deterministic and unique per cloud. */
function recordId(streamOrdinal: number, counter: number): string {
    return `${streamOrdinal.toString(36)}-${counter.toString(36).padStart(8, '0')}`;
}
