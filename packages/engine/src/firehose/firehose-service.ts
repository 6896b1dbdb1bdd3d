import type { CloudContext } from '../core/context.js';
import { AwsError } from '../errors.js';
import type { KinesisEngine } from '../kinesis/kinesis-engine.js';
import { checkInput } from '../kinesis/errors.js';
import type { DeliveredObject, DeliveryLog, DeliveryStreamMetrics, FirehoseEvent, ObjectKind } from './delivery-log.js';
import type { InjectedFailure } from './delivery-stream.js';
import type { FirehoseOptions } from './firehose-engine.js';
import { FirehoseEngine } from './firehose-engine.js';
import type { Blob, CreateDeliveryStreamInput, PutRecordBatchResponseEntry, TransformFunction } from './types.js';

function toBytes(data: Blob): Uint8Array {
    if (typeof data === 'string') return Buffer.from(data, 'utf8');
    if (data instanceof Uint8Array) return data;
    throw new AwsError('ValidationException', 'Record.Data must be a Uint8Array or a string.');
}

/**
 * `cloud.firehose`: Amazon Data Firehose with AWS's action names and shapes. Actions act at the current
 * virtual time and resolve without the clock moving; buffering, transforms, retries and deliveries
 * happen as the clock runs. Test hooks: `registerTransform` (a processor with Lambda's
 * record-transformation contract), `injectFailure` (a destination or backup outage for a time window),
 * `objects` / `log` / `metrics` (what was delivered where) and `onEvent`.
 */
export class FirehoseService {
    readonly engine: FirehoseEngine;

    constructor(private readonly ctx: CloudContext, kinesis: KinesisEngine, options: FirehoseOptions = {}) {
        this.engine = new FirehoseEngine(ctx, kinesis, options);
    }

    async createDeliveryStream(input: CreateDeliveryStreamInput): Promise<{ DeliveryStreamARN: string }> {
        checkInput(input);
        return { DeliveryStreamARN: this.engine.createDeliveryStream(input).arn };
    }

    async deleteDeliveryStream(input: { DeliveryStreamName: string }): Promise<Record<string, never>> {
        checkInput(input);
        this.engine.deleteDeliveryStream(input.DeliveryStreamName);
        return {};
    }

    async listDeliveryStreams(): Promise<{ DeliveryStreamNames: string[]; HasMoreDeliveryStreams: false }> {
        return { DeliveryStreamNames: this.engine.listNames(), HasMoreDeliveryStreams: false };
    }

    async describeDeliveryStream(input: { DeliveryStreamName: string }): Promise<{
        DeliveryStreamDescription: {
            DeliveryStreamName: string; DeliveryStreamARN: string; DeliveryStreamStatus: 'ACTIVE';
            DeliveryStreamType: 'DirectPut' | 'KinesisStreamAsSource'; VersionId: string; CreateTimestamp: Date;
            Destinations: Array<{ DestinationId: string; DestinationType: string; S3BackupMode: string }>; HasMoreDestinations: false;
        };
    }> {
        checkInput(input);
        const stream = this.engine.streamOf(input.DeliveryStreamName);
        const config = stream.pipeline.config;
        return {
            DeliveryStreamDescription: {
                DeliveryStreamName: stream.name, DeliveryStreamARN: stream.arn, DeliveryStreamStatus: 'ACTIVE',
                DeliveryStreamType: stream.type, VersionId: '1', CreateTimestamp: new Date(this.ctx.epochMs + stream.createdAtMs),
                Destinations: [{ DestinationId: 'destinationId-000000000001', DestinationType: config.kind, S3BackupMode: config.backupModeName }],
                HasMoreDestinations: false
            }
        };
    }

    async putRecord(input: { DeliveryStreamName: string; Record: { Data: Blob } }): Promise<{ RecordId: string; Encrypted: false }> {
        checkInput(input);
        const stream = this.engine.streamOf(input.DeliveryStreamName);
        const data = toBytes(input.Record?.Data);
        this.engine.checkPut(stream, [data.byteLength], false);
        const outcome = this.engine.put(stream, data.byteLength, data);
        if (!outcome.ok) throw new AwsError(outcome.code, outcome.message, { senderFault: false, statusCode: 503 });
        return { RecordId: outcome.recordId, Encrypted: false };
    }

    /** PutRecordBatch: ≤500 records, ≤4 MiB; records over the stream's quota fail one by one (FailedPutCount). */
    async putRecordBatch(input: { DeliveryStreamName: string; Records: Array<{ Data: Blob }> }): Promise<{
        FailedPutCount: number; Encrypted: false; RequestResponses: PutRecordBatchResponseEntry[];
    }> {
        checkInput(input);
        const stream = this.engine.streamOf(input.DeliveryStreamName);
        if (!Array.isArray(input.Records)) throw new AwsError('ValidationException', 'Records must be a list.');
        const blobs = input.Records.map(record => toBytes(record?.Data));
        this.engine.checkPut(stream, blobs.map(blob => blob.byteLength), true);
        let failed = 0;
        const responses = blobs.map((data): PutRecordBatchResponseEntry => {
            const outcome = this.engine.put(stream, data.byteLength, data);
            if (outcome.ok) return { RecordId: outcome.recordId };
            failed++;
            return { ErrorCode: outcome.code, ErrorMessage: outcome.message };
        });
        return { FailedPutCount: failed, Encrypted: false, RequestResponses: responses };
    }

    /**
     * UpdateDestination, for the backup-mode rules (DOMAIN §4.5): Extended S3 / Redshift source backup
     * cannot be disabled once enabled; Splunk may only go FailedEventsOnly → AllEvents; OpenSearch's mode
     * is fixed at creation.
     */
    async updateDestination(input: { DeliveryStreamName: string; S3BackupMode: string; S3BackupConfiguration?: { BucketARN: string; Prefix?: string } }): Promise<Record<string, never>> {
        checkInput(input);
        const pipeline = this.engine.streamOf(input.DeliveryStreamName).pipeline;
        const config = pipeline.config;
        const from = config.backupModeName;
        const to = input.S3BackupMode;
        if (from === to) return {};
        const refuse = (why: string): never => { throw new AwsError('InvalidArgumentException', `S3BackupMode cannot change from ${from} to ${to}: ${why}.`); };
        if ((config.kind === 'ExtendedS3' || config.kind === 'Redshift') && from === 'Enabled') refuse('source record backup cannot be disabled once enabled');
        if (config.kind === 'Splunk' && from === 'AllEvents') refuse('Splunk backup can only be upgraded from FailedEventsOnly to AllEvents');
        if (config.kind === 'AmazonOpenSearchService' || config.kind === 'AmazonOpenSearchServerless') refuse('the OpenSearch backup mode is fixed at creation');
        const upgrades: Record<string, string> = { Disabled: 'Enabled', FailedDataOnly: 'AllData', FailedEventsOnly: 'AllEvents' };
        if (upgrades[from] !== to) refuse(`the valid change is ${from} → ${upgrades[from] ?? 'none'}`);
        const bucketArn = input.S3BackupConfiguration?.BucketARN ?? config.backupBucketArn;
        if (bucketArn === undefined) refuse('an S3BackupConfiguration with a BucketARN is required');
        pipeline.enableSourceBackup(to, bucketArn!, input.S3BackupConfiguration?.Prefix);
        return {};
    }

    // ------------------------------------------------------------------ test hooks and observation

    registerTransform(lambdaArn: string, fn: TransformFunction): void {
        this.engine.registerTransform(lambdaArn, fn);
    }

    injectFailure(deliveryStreamName: string, failure: Partial<InjectedFailure> = {}): void {
        this.engine.injectFailure(deliveryStreamName, failure);
    }

    /** Objects written by a delivery stream, optionally of one kind, in write order. */
    objects(deliveryStreamName: string, kind?: ObjectKind): DeliveredObject[] {
        const objects = this.engine.streamOf(deliveryStreamName).pipeline.log.objects;
        return kind === undefined ? objects.slice() : objects.filter(object => object.kind === kind);
    }

    log(deliveryStreamName: string): DeliveryLog {
        return this.engine.streamOf(deliveryStreamName).pipeline.log;
    }

    metrics(deliveryStreamName: string): DeliveryStreamMetrics {
        const pipeline = this.engine.streamOf(deliveryStreamName).pipeline;
        return { ...pipeline.metrics, dataFreshnessMs: pipeline.dataFreshnessMs() };
    }

    onEvent(listener: (event: FirehoseEvent) => void): () => void {
        return this.engine.onEvent(listener);
    }
}
