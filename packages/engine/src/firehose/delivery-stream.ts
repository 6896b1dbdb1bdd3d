import { FIREHOSE } from '@mq-architect/language/model';
import type { CloudContext } from '../core/context.js';
import type { Random } from '../core/random.js';
import { RecordBuffer } from './buffer.js';
import type { DeliveryConfig } from './config.js';
import type { DeliveredObject, DeliveryLog, DeliveryStreamMetrics, FirehoseEvent, ObjectKind, ObjectRecord } from './delivery-log.js';
import { emptyDeliveryMetrics } from './delivery-log.js';
import type { AttemptError, QueuedBatch } from './delivery-queue.js';
import { DeliveryQueue } from './delivery-queue.js';
import { extractPartitionKeys } from './partitioning.js';
import type { FailedRecord, TransformOutcome } from './processor.js';
import { runTransform } from './processor.js';
import type { FirehoseRecord } from './record.js';
import { expandPrefix, objectName } from './s3-keys.js';
import type { TransformFunction } from './types.js';

/** A destination or backup outage injected by a test or a scenario: attempts in [fromMs, toMs) fail. */
export interface InjectedFailure {
    target: 'destination' | 'backup';
    fromMs: number;
    toMs: number;
    errorCode: string;
    errorMessage: string;
}

export interface PipelineHooks {
    transformFor(lambdaArn: string): TransformFunction | undefined;
    emit(event: FirehoseEvent): void;
    keepLog: boolean;
}

/**
 * One delivery stream's pipeline (DOMAIN §4.6): ingest → [Lambda buffer → transform] → destination
 * buffer (one per partition with dynamic partitioning) → serial delivery with retries → backup or loss;
 * source records also go to a backup buffer when the backup mode is "all".
 */
export class DeliveryPipeline {
    readonly metrics: DeliveryStreamMetrics = emptyDeliveryMetrics();
    readonly log: DeliveryLog = { objects: [], attempts: [], invocations: [], lost: [] };
    readonly failures: InjectedFailure[] = [];
    private readonly processingBuffer: RecordBuffer<FirehoseRecord> | undefined;
    private readonly partitions = new Map<string, { buffer: RecordBuffer<FirehoseRecord>; keys: Record<string, string> | undefined }>();
    private backupBuffer: RecordBuffer<FirehoseRecord> | undefined;
    private readonly destinationQueue: DeliveryQueue;
    private readonly backupQueue: DeliveryQueue;
    /** Transforms whose (async) result has not come back yet. */
    private readonly inTransform = new Set<FirehoseRecord[]>();
    private objectCounter = 0;
    /** Own generator for object-key suffixes, so deliveries do not shift other services' random draws. */
    private readonly random: Random;

    constructor(
        private readonly ctx: CloudContext,
        readonly name: string,
        readonly arn: string,
        readonly config: DeliveryConfig,
        private readonly hooks: PipelineHooks
    ) {
        const clock = ctx.clock;
        this.random = ctx.random.fork(`firehose/${name}`);
        const processing = config.processing;
        if (processing !== undefined) {
            this.processingBuffer = new RecordBuffer(clock, { sizeBytes: processing.bufferBytes, intervalMs: processing.intervalMs },
                records => this.transform(records));
        }
        if (config.backupMode === 'all') this.createBackupBuffer();
        const handlers = {
            attempt: (queued: QueuedBatch) => this.attempt(queued),
            retryDeadline: (queued: QueuedBatch, nowMs: number) => this.retryDeadline(queued, nowMs),
            exhausted: (queued: QueuedBatch, error: AttemptError) => this.exhausted(queued, error)
        };
        this.destinationQueue = new DeliveryQueue(clock, handlers);
        this.backupQueue = new DeliveryQueue(clock, handlers);
    }

    private get now(): number {
        return this.ctx.clock.now();
    }

    private createBackupBuffer(): void {
        this.backupBuffer = new RecordBuffer(this.ctx.clock, this.config.backupBuffer, records => this.backupQueue.enqueue(batch('backup', records)));
    }

    /** UpdateDestination to a backup-everything mode: records arriving from now on are also backed up. */
    enableSourceBackup(modeName: string, bucketArn: string, prefix: string | undefined): void {
        this.config.backupModeName = modeName;
        this.config.backupMode = 'all';
        this.config.backupBucketArn = bucketArn;
        if (prefix !== undefined) this.config.backupPrefix = prefix;
        this.createBackupBuffer();
    }

    /** Records accepted by PutRecord(Batch) or read from the source stream. */
    ingest(records: FirehoseRecord[]): void {
        for (const record of records) {
            this.metrics.incomingRecords++;
            this.metrics.incomingBytes += record.size;
            this.backupBuffer?.add(record, record.arrivalMs);
            if (this.processingBuffer !== undefined) this.processingBuffer.add(record, record.arrivalMs);
            else this.toDestinationBuffer(record);
        }
    }

    // ------------------------------------------------------------------ transform

    private transform(records: FirehoseRecord[]): void {
        const processing = this.config.processing!;
        this.inTransform.add(records);
        runTransform(this.ctx.clock, this.hooks.transformFor(processing.lambdaArn), processing,
            { deliveryStreamArn: this.arn, region: this.ctx.region }, this.ctx.epochMs, records,
            invocation => {
                this.metrics.lambdaInvocations++;
                if (invocation.error !== undefined) this.metrics.lambdaInvocationErrors++;
                if (this.hooks.keepLog) this.log.invocations.push(invocation);
            },
            outcome => {
                this.inTransform.delete(records);
                this.afterTransform(outcome);
            });
    }

    private afterTransform(outcome: TransformOutcome): void {
        const metrics = this.metrics;
        metrics.processingSuccessRecords += outcome.ok.length + outcome.dropped.length;
        metrics.droppedRecords += outcome.dropped.length;
        metrics.processingFailedRecords += outcome.failed.length;
        if (outcome.dropped.length > 0) {
            this.hooks.emit({
                type: 'dropped', stream: this.name, timeMs: this.now,
                recordIds: outcome.dropped.map(record => record.recordId), payloads: outcome.dropped.map(record => record.payload)
            });
        }
        if (outcome.failed.length > 0) this.writeErrorOutput('processing-failed', outcome.failed, outcome.attemptsMade);
        for (const record of outcome.ok) this.toDestinationBuffer(record);
    }

    // ------------------------------------------------------------------ destination buffers

    private toDestinationBuffer(input: FirehoseRecord): void {
        const record = this.config.appendDelimiter ? withDelimiter(input) : input;
        let partition = '';
        let keys: Record<string, string> | undefined;
        if (this.config.dynamicPartitioning) {
            const extracted = extractPartitionKeys(record, this.config.metadataQuery);
            if (typeof extracted === 'string') {
                this.writeErrorOutput('processing-failed', [{ record, errorCode: 'DynamicPartitioning.MetadataExtractionFailed', errorMessage: extracted }], 1);
                return;
            }
            keys = extracted;
            partition = Object.values(keys).join('/');
        }
        let entry = this.partitions.get(partition);
        if (entry === undefined || entry.buffer.size === 0) {
            if (this.config.dynamicPartitioning && this.activePartitions() >= this.config.activePartitionLimit) {
                this.metrics.partitionOverflowRecords++;
                this.writeObject('partition-overflow', 'S3', this.config.bucketArn, this.errorKey('activePartitionExceeded'),
                    [record], 1, { reason: `more than ${this.config.activePartitionLimit} active partitions` });
                return;
            }
        }
        if (entry === undefined) {
            const partitionKeys = keys;
            const name = partition;
            const dynamic = this.config.dynamicPartitioning;
            entry = {
                buffer: new RecordBuffer(this.ctx.clock, this.config.buffer, records => {
                    // A flushed partition is forgotten, so memory follows active partitions, not every key ever seen.
                    if (dynamic) this.partitions.delete(name);
                    this.destinationQueue.enqueue(batch('delivery', records, dynamic ? name : undefined, partitionKeys));
                }),
                keys
            };
            this.partitions.set(partition, entry);
        }
        entry.buffer.add(record, record.arrivalMs);
    }

    private activePartitions(): number {
        let active = 0;
        for (const entry of this.partitions.values()) if (entry.buffer.size > 0) active++;
        return active;
    }

    // ------------------------------------------------------------------ delivery

    private activeFailure(target: InjectedFailure['target']): InjectedFailure | undefined {
        const now = this.now;
        return this.failures.find(failure => failure.target === target && now >= failure.fromMs && now < failure.toMs);
    }

    private attempt(queued: QueuedBatch): AttemptError | undefined {
        const target = queued.kind === 'delivery' ? 'destination' : 'backup';
        const failure = this.activeFailure(target);
        if (this.hooks.keepLog) {
            this.log.attempts.push({
                timeMs: this.now, target, recordIds: queued.records.map(record => record.recordId), ok: failure === undefined,
                ...(failure !== undefined ? { errorCode: failure.errorCode } : {})
            });
        }
        if (failure !== undefined) {
            this.metrics.failedDeliveryAttempts++;
            return { errorCode: failure.errorCode, errorMessage: failure.errorMessage };
        }
        if (queued.kind === 'delivery') this.deliver(queued);
        else if (queued.kind === 'backup') {
            this.metrics.backupRecords += queued.records.length;
            this.writeObject('backup', 'S3', this.config.backupBucketArn, this.s3Key(this.config.backupPrefix), queued.records, queued.attempts);
        } else {
            this.metrics.failedDataRecords += queued.records.length;
            this.writeObject('failed-data', 'S3', this.config.backupBucketArn ?? this.config.bucketArn,
                this.errorKey(this.config.failedPrefix || 'failed'), queued.records, queued.attempts, { reason: queued.reason });
        }
        return undefined;
    }

    private deliver(queued: QueuedBatch): void {
        const config = this.config;
        const now = this.now;
        if (config.kind === 'Redshift') {
            this.writeObject('intermediate', 'S3', config.bucketArn, this.s3Key(config.prefix), queued.records, queued.attempts);
        }
        const key = config.destinationName === 'S3'
            ? this.s3Key(config.prefix, queued.partitionKeys)
            : `${config.kind}#${++this.objectCounter}`;
        const object = this.writeObject('delivery', config.destinationName, config.destinationName === 'S3' ? config.bucketArn : undefined,
            key, queued.records, queued.attempts, { partition: queued.partition, partitionKeys: queued.partitionKeys });
        const metrics = this.metrics;
        metrics.deliveredRecords += queued.records.length;
        metrics.deliveredBytes += object.bytes;
        metrics.deliveredObjects++;
        const freshness = now - oldestArrival(queued.records);
        if (freshness > metrics.maxDataFreshnessMs) metrics.maxDataFreshnessMs = freshness;
        // Every record is also kept in the backup bucket in "all" mode: that happens from the backup buffer.
    }

    /** S3 retries for up to 24 h; other destinations for RetryOptions.DurationInSeconds. Data older than 24 h is gone either way. */
    private retryDeadline(queued: QueuedBatch, nowMs: number): number {
        const oldest = oldestArrival(queued.records);
        const storedUntil = oldest + FIREHOSE.dataRetentionMs;
        if (queued.kind !== 'delivery') return Math.max(nowMs, storedUntil);
        return Math.min(nowMs + this.config.retryDurationMs, Math.max(nowMs, storedUntil));
    }

    private exhausted(queued: QueuedBatch, error: AttemptError): QueuedBatch | undefined {
        if (queued.kind === 'delivery' && this.config.destinationName !== 'S3' && this.config.backupBucketArn !== undefined) {
            return { ...batch('failed-data', queued.records, queued.partition, queued.partitionKeys), reason: `retry duration exhausted: ${error.errorCode}` };
        }
        const lost = { timeMs: this.now, recordIds: queued.records.map(record => record.recordId), reason: `${queued.kind} failed until the retry window ended: ${error.errorCode}` };
        this.metrics.lostRecords += queued.records.length;
        if (this.hooks.keepLog) this.log.lost.push(lost);
        this.hooks.emit({ type: 'lost', stream: this.name, lost, payloads: queued.records.map(record => record.payload) });
        return undefined;
    }

    // ------------------------------------------------------------------ objects

    private randomString(): string {
        const hex = (value: number): string => value.toString(16).padStart(8, '0');
        return hex(this.random.nextUint32()) + hex(this.random.nextUint32());
    }

    private s3Key(prefix: string, partitionKeys?: Record<string, string>): string {
        const epochMs = this.ctx.epochMs + this.now;
        const randomString = this.randomString();
        return expandPrefix(prefix, { epochMs, partitionKeys, randomString }) + objectName(this.name, epochMs, randomString);
    }

    private errorKey(errorType: string): string {
        const epochMs = this.ctx.epochMs + this.now;
        const randomString = this.randomString();
        const base = this.config.errorOutputPrefix;
        const prefix = base.includes('!{') ? base : `${base}${errorType.endsWith('/') ? errorType : `${errorType}/`}`;
        return expandPrefix(prefix, { epochMs, errorOutputType: errorType.replace(/\/$/, ''), randomString }) + objectName(this.name, epochMs, randomString);
    }

    /** Records the transform failed (or partitioning could not key) go to S3 under processing-failed/ as AWS's JSON documents. */
    private writeErrorOutput(kind: 'processing-failed', failed: FailedRecord[], attemptsMade: number): void {
        const now = this.now;
        const lambdaArn = this.config.processing?.lambdaArn;
        const records: ObjectRecord[] = failed.map(({ record, errorCode, errorMessage }) => ({
            recordId: record.recordId, size: record.size, data: record.data, payload: record.payload, transformed: false,
            error: {
                attemptsMade, arrivalTimestamp: this.ctx.epochMs + record.arrivalMs, errorCode, errorMessage,
                attemptEndingTimestamp: this.ctx.epochMs + now,
                rawData: record.data !== undefined ? Buffer.from(record.data).toString('base64') : '',
                ...(lambdaArn !== undefined ? { lambdaArn } : {})
            }
        }));
        this.emitObject({
            kind, destination: 'S3', bucketArn: this.config.destinationName === 'S3' ? this.config.bucketArn : this.config.backupBucketArn,
            key: this.errorKey('processing-failed'), records, bytes: sum(records), timeMs: now, attempts: 1
        });
    }

    private writeObject(kind: ObjectKind, destination: string, bucketArn: string | undefined, key: string, source: FirehoseRecord[],
        attempts: number, extra: Partial<DeliveredObject> = {}): DeliveredObject {
        const records = source.map(record => ({
            recordId: record.recordId, size: record.size, data: record.data, payload: record.payload, transformed: record.transformed
        }));
        const object: DeliveredObject = {
            kind, destination, ...(bucketArn !== undefined ? { bucketArn } : {}), key, records, bytes: sum(records),
            timeMs: this.now, attempts, ...stripUndefined(extra)
        };
        this.emitObject(object);
        return object;
    }

    private emitObject(object: DeliveredObject): void {
        if (this.hooks.keepLog) this.log.objects.push(object);
        this.hooks.emit({ type: 'object', stream: this.name, object });
    }

    /** Age of the oldest record not yet delivered (or given up), now. */
    dataFreshnessMs(): number {
        let oldest = Number.POSITIVE_INFINITY;
        const consider = (arrivalMs: number | undefined): void => {
            if (arrivalMs !== undefined && arrivalMs < oldest) oldest = arrivalMs;
        };
        consider(this.processingBuffer?.firstArrivalMs);
        for (const records of this.inTransform) for (const record of records) consider(record.arrivalMs);
        for (const entry of this.partitions.values()) consider(entry.buffer.firstArrivalMs);
        for (const queued of this.destinationQueue.pending) for (const record of queued.records) consider(record.arrivalMs);
        return oldest === Number.POSITIVE_INFINITY ? 0 : this.now - oldest;
    }
}

function batch(kind: QueuedBatch['kind'], records: FirehoseRecord[], partition?: string, partitionKeys?: Record<string, string>): QueuedBatch {
    return { kind, records, partition, partitionKeys, attempts: 0, firstAttemptMs: undefined, deadlineMs: undefined };
}

function withDelimiter(record: FirehoseRecord): FirehoseRecord {
    const data = record.data !== undefined ? Buffer.concat([record.data, Buffer.from('\n')]) : undefined;
    return { ...record, data, size: record.size + 1 };
}

/** A loop, not Math.min(...): a 128 MiB buffer can hold more records than a call may take arguments. */
function oldestArrival(records: FirehoseRecord[]): number {
    let oldest = Number.POSITIVE_INFINITY;
    for (const record of records) if (record.arrivalMs < oldest) oldest = record.arrivalMs;
    return oldest;
}

function sum(records: Array<{ size: number }>): number {
    let total = 0;
    for (const record of records) total += record.size;
    return total;
}

function stripUndefined<T extends object>(value: T): Partial<T> {
    return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as Partial<T>;
}
