import type { FirehoseModel, FunctionModel } from '@mq-architect/language/model';
import type { FirehoseEngine, DeliveryStream } from '../firehose/firehose-engine.js';
import type { FirehoseEvent } from '../firehose/delivery-log.js';
import type { CreateDeliveryStreamInput, TransformFunction } from '../firehose/types.js';
import type { Outcome } from '../report/report-types.js';
import { addStep, Delivery } from './ledger.js';
import type { Envelope, Sink } from './ports.js';
import { PathCache, rejected } from './sinks.js';
import type { StreamPayload } from './stream-driver.js';
import type { Series } from './series.js';
import type { ResourceState, World } from './world.js';

const MiB = 1024 * 1024;

function bucketArn(target: string, fallback: string): string {
    const match = /^s3:\/\/([^/]+)/.exec(target);
    return `arn:aws:s3:::${match ? match[1] : fallback}`;
}

function prefixOf(target: string): string | undefined {
    const match = /^s3:\/\/[^/]+\/(.+)$/.exec(target);
    return match ? match[1] : undefined;
}

/** The CreateDeliveryStream request for a model firehose (buffer hints in whole MiB and seconds). */
export function deliveryStreamInput(model: FirehoseModel, streamArn: string | undefined, lambdaArn: string | undefined): CreateDeliveryStreamInput {
    const hints = { SizeInMBs: Math.max(1, Math.round(model.buffer.sizeBytes / MiB)), IntervalInSeconds: Math.round(model.buffer.intervalMs / 1000) };
    const processing = model.transform && lambdaArn ? {
        Enabled: true,
        Processors: [{
            Type: 'Lambda' as const,
            Parameters: [
                { ParameterName: 'LambdaArn' as const, ParameterValue: lambdaArn },
                { ParameterName: 'NumberOfRetries' as const, ParameterValue: String(model.transform.retries) },
                { ParameterName: 'BufferSizeInMBs' as const, ParameterValue: String(Math.min(3, Math.max(0.2, model.transform.bufferSizeBytes / 1_000_000))) },
                { ParameterName: 'BufferIntervalInSeconds' as const, ParameterValue: String(Math.round(model.transform.bufferIntervalMs / 1000)) }
            ]
        }]
    } : undefined;
    const backupBucket = { BucketARN: bucketArn(model.destination.intermediateS3 ?? '', `${model.name}-backup`), BufferingHints: hints };
    const retry = { DurationInSeconds: Math.min(7200, Math.round(model.retryDurationMs / 1000)) };
    const input: CreateDeliveryStreamInput = {
        DeliveryStreamName: model.name,
        DeliveryStreamType: streamArn ? 'KinesisStreamAsSource' : 'DirectPut',
        ...(streamArn ? { KinesisStreamSourceConfiguration: { KinesisStreamARN: streamArn } } : {})
    };
    const target = model.destination.target;
    switch (model.destination.type) {
        case 's3':
            input.ExtendedS3DestinationConfiguration = {
                BucketARN: bucketArn(target, model.name), Prefix: prefixOf(target), BufferingHints: hints, ProcessingConfiguration: processing,
                S3BackupMode: model.backup === 'all' ? 'Enabled' : 'Disabled',
                ...(model.backup === 'all' ? { S3BackupConfiguration: { BucketARN: bucketArn('', `${model.name}-backup`) } } : {})
            };
            break;
        case 'opensearch':
            input.AmazonopensearchserviceDestinationConfiguration = {
                IndexName: target || model.name, BufferingHints: hints, RetryOptions: retry, S3Configuration: backupBucket,
                ProcessingConfiguration: processing, S3BackupMode: model.backup === 'all' ? 'AllDocuments' : 'FailedDocumentsOnly'
            };
            break;
        case 'splunk':
            input.SplunkDestinationConfiguration = {
                HECEndpoint: target, BufferingHints: { SizeInMBs: Math.min(5, hints.SizeInMBs), IntervalInSeconds: Math.min(60, hints.IntervalInSeconds) },
                RetryOptions: retry, S3Configuration: backupBucket, ProcessingConfiguration: processing,
                S3BackupMode: model.backup === 'all' ? 'AllEvents' : 'FailedEventsOnly'
            };
            break;
        case 'redshift':
            input.RedshiftDestinationConfiguration = {
                ClusterJDBCURL: target, CopyCommand: { DataTableName: model.name }, RetryOptions: retry,
                S3Configuration: { ...backupBucket, BucketARN: bucketArn(model.destination.intermediateS3 ?? '', `${model.name}-intermediate`) },
                ProcessingConfiguration: processing
            };
            break;
        default:
            input.HttpEndpointDestinationConfiguration = {
                EndpointConfiguration: { Url: target, Name: model.destination.type }, BufferingHints: { SizeInMBs: Math.min(64, hints.SizeInMBs), IntervalInSeconds: hints.IntervalInSeconds },
                RetryOptions: retry, S3Configuration: backupBucket, ProcessingConfiguration: processing,
                S3BackupMode: model.backup === 'all' ? 'AllData' : 'FailedDataOnly'
            };
    }
    return input;
}

/**
 * A Lambda function as a Firehose transform, by its behaviour: an invocation fails (throws, which
 * Firehose retries) with probability `errors` or during the function's outage; otherwise each record
 * comes back `Dropped` with probability `drops`, else `Ok` with its data unchanged. The invocation's
 * duration is not modelled (Firehose's buffering dominates the timing).
 */
export function transformFor(world: World, model: FunctionModel): TransformFunction {
    const random = world.random(`transform:${model.name}`);
    const state = world.resource(model.name, 'function');
    return records => {
        state.add('invocations');
        if (world.isDown(model.name, world.clock.now()) || random.chance(model.errorRate)) {
            state.add('errors');
            throw new Error(`${model.name} invocation failed`);
        }
        return { records: records.map(record => ({ recordId: record.recordId, result: random.chance(model.dropRate) ? 'Dropped' as const : 'Ok' as const, data: record.data })) };
    };
}

/**
 * Feeds a delivery stream (Direct PUT from producers or SNS, or its Kinesis source) and settles
 * deliveries from the Firehose events: delivered → processed (latency to the destination write),
 * Dropped by the transform → dropped, processing-failed / failed-data / lost → failed; records still
 * buffered at the end are in flight. Destination outages are injected failures in the window.
 */
export class FirehoseDriver implements Sink {
    readonly name: string;
    readonly state: ResourceState;
    private readonly paths: PathCache;
    readonly pending = new Set<Delivery>();
    private readonly delivered: Series;
    private readonly deliveredBytes: Series;
    private readonly freshness: Series;
    private readonly incoming: Series;
    private lastDelivered = 0;
    private lastDeliveredBytes = 0;
    private lastIncoming = 0;

    constructor(private readonly world: World, readonly model: FirehoseModel, private readonly engine: FirehoseEngine,
        readonly stream: DeliveryStream, private readonly readerIndex: number | undefined) {
        this.name = model.name;
        this.paths = new PathCache(world, this, false);
        this.state = world.resource(model.name, 'firehose');
        const series = this.state.series;
        this.incoming = series.declare('IncomingRecords', 'Sum');
        this.delivered = series.declare('DeliveryToS3.Records', 'Sum');
        this.deliveredBytes = series.declare('DeliveryToS3.Bytes', 'Sum', 'Bytes');
        this.freshness = series.declare('DeliveryToS3.DataFreshness', 'Maximum', 'Milliseconds');
        engine.onEvent(event => this.onEvent(event));
        for (const outage of world.outagesOf(model.name)) engine.injectFailure(model.name, { fromMs: outage.fromMs, toMs: outage.toMs, errorMessage: 'scenario outage' });
    }

    downstream(): readonly string[] {
        return [];
    }

    accept(envelope: Envelope): void {
        const delivery = new Delivery(this.paths.get(envelope), envelope.producedAt, envelope.sequence, envelope.message.groupId, envelope.trace);
        const now = this.world.clock.now();
        let outcome: ReturnType<FirehoseEngine['put']>;
        try {
            this.engine.checkPut(this.stream, [envelope.message.sizeBytes], false);
            outcome = this.engine.put(this.stream, envelope.message.sizeBytes, undefined, delivery);
        } catch (error) {
            // Over the call rate, PutRecord answers ServiceUnavailableException: a throttle, not a rejection.
            if ((error as Error).name === 'ServiceUnavailableException') outcome = { ok: false, code: 'ServiceUnavailableException', message: (error as Error).message };
            else {
                rejected(this.world, delivery, this.name, error);
                return;
            }
        }
        if (!outcome.ok) {
            this.world.ledger.settle(delivery, 'throttled');
            this.world.resource(envelope.producer, 'producer').add('throttled');
            addStep(envelope.trace, now, this.name, 'put rejected by the Direct PUT quota (ServiceUnavailableException); not retried');
            return;
        }
        this.pending.add(delivery);
        addStep(envelope.trace, now, this.name, `buffered (flush at ${Math.round(this.model.buffer.sizeBytes / MiB)} MiB or ${Math.round(this.model.buffer.intervalMs / 1000)}s)`);
    }

    private deliveryOf(payload: unknown): Delivery | undefined {
        if (payload instanceof Delivery) return payload;
        if (this.readerIndex !== undefined && payload && typeof payload === 'object' && 'deliveries' in payload) {
            return (payload as StreamPayload).deliveries[this.readerIndex];
        }
        return undefined;
    }

    private settle(payloads: readonly unknown[], outcome: Outcome | 'processed', atMs: number, why: string): void {
        for (const payload of payloads) {
            const delivery = this.deliveryOf(payload);
            if (!delivery) continue;
            this.pending.delete(delivery);
            if (outcome === 'processed') this.world.ledger.processed(delivery, atMs);
            else this.world.ledger.settle(delivery, outcome);
            addStep(delivery.trace, atMs, this.name, why);
        }
    }

    private onEvent(event: FirehoseEvent): void {
        if (event.stream !== this.name) return;
        if (event.type === 'dropped') {
            this.settle(event.payloads, 'dropped', event.timeMs, `dropped by the transform ${this.model.transform?.functionName ?? ''}`.trim());
        } else if (event.type === 'lost') {
            this.settle(event.payloads, 'failed', event.lost.timeMs, `lost: ${event.lost.reason}`);
        } else {
            const object = event.object;
            const payloads = object.records.map(record => record.payload);
            switch (object.kind) {
                case 'delivery':
                    this.settle(payloads, 'processed', object.timeMs, `delivered to ${object.destination} ${object.key} (${object.records.length} records)`);
                    break;
                case 'failed-data':
                case 'processing-failed':
                case 'partition-overflow':
                    this.settle(payloads, 'failed', object.timeMs, `${object.kind === 'processing-failed' ? 'transform failed' : 'delivery failed'}: written to the backup bucket as ${object.key}`);
                    break;
                default:
                    break;
            }
        }
    }

    sample(atMs: number): void {
        const metrics = this.stream.pipeline.metrics;
        const series = this.state.series;
        series.add(this.delivered, atMs, metrics.deliveredRecords - this.lastDelivered);
        series.add(this.deliveredBytes, atMs, metrics.deliveredBytes - this.lastDeliveredBytes);
        series.add(this.incoming, atMs, metrics.incomingRecords - this.lastIncoming);
        this.lastDelivered = metrics.deliveredRecords;
        this.lastDeliveredBytes = metrics.deliveredBytes;
        this.lastIncoming = metrics.incomingRecords;
        const freshness = this.stream.pipeline.dataFreshnessMs();
        series.observe(this.freshness, atMs, freshness);
        this.state.peak('data-freshness', freshness);
    }

    finish(): void {
        const metrics = this.stream.pipeline.metrics;
        const m = this.state.metrics;
        m['incoming-records'] = metrics.incomingRecords;
        m['delivered-records'] = metrics.deliveredRecords;
        m['delivered-bytes'] = metrics.deliveredBytes;
        m['deliveries'] = metrics.deliveredObjects;
        m['dropped'] = metrics.droppedRecords;
        m['processing-failed'] = metrics.processingFailedRecords;
        m['data-freshness'] = Math.max(m['data-freshness'] ?? 0, metrics.maxDataFreshnessMs);
    }
}
