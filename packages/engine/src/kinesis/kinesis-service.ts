import { KINESIS } from '@mq-architect/language/model';
import type { CloudContext } from '../core/context.js';
import { ConsumerRegistry } from './consumers.js';
import { EventChannel } from './event-channel.js';
import { checkInput, invalidArgument, resourceInUse, throughputExceeded, validation } from './errors.js';
import type { FanOutEvent } from './fan-out.js';
import { recordHashKey } from './hash.js';
import type { KinesisOptions, StartPosition } from './kinesis-engine.js';
import { KinesisEngine } from './kinesis-engine.js';
import { formatSequenceNumber } from './shard.js';
import { childShardShapes, recordShape, shardShape, toBytes, virtualTime } from './shapes.js';
import type { KinesisStream, StreamMetrics } from './stream.js';
import type {
    Consumer, CreateStreamInput, GetRecordsOutput, GetShardIteratorInput, ListShardsInput, PutRecordInput, PutRecordOutput,
    PutRecordsInput, PutRecordsOutput, PutRecordsResultEntry, ShardShape, StreamDescriptionSummary, StreamRef,
    SubscribeToShardEvent, SubscribeToShardInput
} from './types.js';

/**
 * `cloud.kinesis`: Kinesis Data Streams with AWS's action names and shapes. Every action acts at the
 * current virtual time and resolves without the clock moving; errors reject with an `AwsError` whose
 * `name` is the AWS code. `engine` is the synchronous API behind it (for the scenario simulator).
 *
 * SubscribeToShard returns `{ EventStream }`, an async iterator of `{ SubscribeToShardEvent }` fed in
 * virtual time (as the AWS SDK's event stream): iterate it while the clock runs; it ends after 5 min,
 * when a newer subscription takes over, or at the end of a closed shard. Leaving the loop cancels it.
 */
export class KinesisService {
    readonly engine: KinesisEngine;
    readonly consumers: ConsumerRegistry;

    constructor(private readonly ctx: CloudContext, options: KinesisOptions = {}) {
        this.engine = new KinesisEngine(ctx, options);
        this.consumers = new ConsumerRegistry(this.engine);
    }

    async createStream(input: CreateStreamInput): Promise<Record<string, never>> {
        checkInput(input);
        const mode = input.StreamModeDetails?.StreamMode ?? 'PROVISIONED';
        if (mode !== 'PROVISIONED' && mode !== 'ON_DEMAND') throw validation(`StreamMode must be PROVISIONED or ON_DEMAND, got ${String(mode)}.`);
        if (input.WarmThroughputMiBps !== undefined && mode !== 'ON_DEMAND') throw validation('WarmThroughputMiBps applies to ON_DEMAND streams only.');
        const stream = this.engine.createStream(input.StreamName, mode, input.ShardCount, input.MaxRecordSizeInKiB);
        if (input.WarmThroughputMiBps !== undefined) this.engine.setWarmThroughput({ StreamName: stream.name }, input.WarmThroughputMiBps);
        return {};
    }

    async updateStreamWarmThroughput(input: StreamRef & { WarmThroughputMiBps: number }): Promise<{ StreamARN: string; StreamName: string }> {
        checkInput(input);
        const stream = this.engine.setWarmThroughput(input, input.WarmThroughputMiBps);
        return { StreamARN: stream.arn, StreamName: stream.name };
    }

    async deleteStream(input: StreamRef & { EnforceConsumerDeletion?: boolean }): Promise<Record<string, never>> {
        checkInput(input);
        const stream = this.engine.streamOf(input);
        if (stream.consumers.size > 0 && input.EnforceConsumerDeletion !== true) {
            throw resourceInUse(
                `Stream ${stream.name} has registered consumers; set EnforceConsumerDeletion to delete it.`);
        }
        this.engine.deleteStream(input);
        return {};
    }

    async listStreams(): Promise<{ StreamNames: string[]; HasMoreStreams: false }> {
        return { StreamNames: this.engine.listStreamNames(), HasMoreStreams: false };
    }

    async describeStreamSummary(input: StreamRef): Promise<{ StreamDescriptionSummary: StreamDescriptionSummary }> {
        checkInput(input);
        const stream = this.engine.streamOf(input);
        return {
            StreamDescriptionSummary: {
                StreamName: stream.name,
                StreamARN: stream.arn,
                StreamStatus: stream.status,
                StreamModeDetails: { StreamMode: stream.mode },
                RetentionPeriodHours: stream.retentionMs / 3_600_000,
                StreamCreationTimestamp: new Date(this.ctx.epochMs + stream.createdAtMs),
                EnhancedMonitoring: [{ ShardLevelMetrics: [] }],
                EncryptionType: 'NONE',
                OpenShardCount: stream.openShards.length,
                ConsumerCount: stream.consumers.size,
                MaxRecordSizeInKiB: stream.maxRecordSizeBytes / 1024
            }
        };
    }

    /** DescribeStream (the older, paginated-by-shard form): the summary fields plus up to `Limit` (default 100) shards. */
    async describeStream(input: StreamRef & { Limit?: number; ExclusiveStartShardId?: string }): Promise<{
        StreamDescription: Omit<StreamDescriptionSummary, 'OpenShardCount' | 'ConsumerCount' | 'MaxRecordSizeInKiB'> & { Shards: ShardShape[]; HasMoreShards: boolean };
    }> {
        checkInput(input);
        const { StreamDescriptionSummary: summary } = await this.describeStreamSummary(input);
        const stream = this.engine.streamOf(input);
        const limit = input.Limit ?? 100;
        if (!Number.isInteger(limit) || limit < 1 || limit > 10_000) throw invalidArgument('Limit must be between 1 and 10000.');
        const shards = stream.liveShards();
        const start = input.ExclusiveStartShardId === undefined ? 0 : shards.findIndex(shard => shard.shardId === input.ExclusiveStartShardId) + 1;
        const page = shards.slice(start, start + limit);
        const { OpenShardCount: _open, ConsumerCount: _consumers, MaxRecordSizeInKiB: _max, ...description } = summary;
        return { StreamDescription: { ...description, Shards: page.map(shardShape), HasMoreShards: start + limit < shards.length } };
    }

    /** ListShards: live shards (closed ones until retention expires) by ShardId, paginated by MaxResults (default 1,000). */
    async listShards(input: ListShardsInput): Promise<{ Shards: ShardShape[]; NextToken?: string }> {
        checkInput(input);
        let ref: StreamRef = input;
        let offset = 0;
        if (input.NextToken !== undefined) {
            const [name, start] = Buffer.from(input.NextToken, 'base64').toString('utf8').split('\n');
            if (name === undefined || start === undefined || !/^\d+$/.test(start)) throw invalidArgument('Invalid NextToken.');
            ref = { StreamName: name };
            offset = Number(start);
        }
        const stream = this.engine.streamOf(ref);
        const maxResults = input.MaxResults ?? 1000;
        if (!Number.isInteger(maxResults) || maxResults < 1 || maxResults > 10_000) throw invalidArgument('MaxResults must be between 1 and 10000.');
        const shards = input.ShardFilter?.Type === 'AT_LATEST' ? stream.openShards.slice().sort((a, b) => a.ordinal - b.ordinal) : stream.liveShards();
        const page = shards.slice(offset, offset + maxResults);
        const more = offset + maxResults < shards.length;
        return {
            Shards: page.map(shardShape),
            ...(more ? { NextToken: Buffer.from(`${stream.name}\n${offset + maxResults}`, 'utf8').toString('base64') } : {})
        };
    }

    async putRecord(input: PutRecordInput): Promise<PutRecordOutput> {
        checkInput(input);
        const stream = this.engine.streamOf(input);
        if (input.SequenceNumberForOrdering !== undefined && !/^(0|[1-9]\d{0,127})$/.test(input.SequenceNumberForOrdering)) {
            throw invalidArgument(`SequenceNumberForOrdering ${input.SequenceNumberForOrdering} is not a sequence number.`);
        }
        const data = toBytes(input.Data);
        const outcome = this.engine.put(stream, input.PartitionKey, data.byteLength, { data, explicitHashKey: input.ExplicitHashKey });
        if (!outcome.ok) throw throughputExceeded(outcome.message);
        return { ShardId: outcome.shard.shardId, SequenceNumber: formatSequenceNumber(outcome.counter, outcome.shard.ordinal), EncryptionType: 'NONE' };
    }

    /** PutRecords: ≤500 records, ≤10 MiB; each record succeeds or fails on its own (order is not guaranteed by AWS). */
    async putRecords(input: PutRecordsInput): Promise<PutRecordsOutput> {
        checkInput(input);
        const stream = this.engine.streamOf(input);
        const records = input.Records;
        if (!Array.isArray(records) || records.length < 1 || records.length > KINESIS.putRecordsRecords) {
            throw validation(`1 validation error detected: Value at 'records' failed to satisfy constraint: Member must have length between 1 and ${KINESIS.putRecordsRecords}`);
        }
        const blobs = records.map(record => toBytes(record.Data));
        let total = 0;
        records.forEach((record, index) => {
            recordHashKey(record.PartitionKey, record.ExplicitHashKey);
            total += blobs[index]!.byteLength + Buffer.byteLength(record.PartitionKey, 'utf8');
        });
        if (total > KINESIS.putRecordsBytes) {
            throw invalidArgument(`Records size (${total} bytes) exceeds the PutRecords limit of ${KINESIS.putRecordsBytes} bytes per request.`);
        }
        let failed = 0;
        const results: PutRecordsResultEntry[] = records.map((record, index) => {
            const data = blobs[index]!;
            const outcome = this.engine.put(stream, record.PartitionKey, data.byteLength, { data, explicitHashKey: record.ExplicitHashKey });
            if (outcome.ok) return { SequenceNumber: formatSequenceNumber(outcome.counter, outcome.shard.ordinal), ShardId: outcome.shard.shardId };
            failed++;
            return { ErrorCode: outcome.code, ErrorMessage: outcome.message };
        });
        return { FailedRecordCount: failed, Records: results, EncryptionType: 'NONE' };
    }

    async getShardIterator(input: GetShardIteratorInput): Promise<{ ShardIterator: string }> {
        checkInput(input);
        const stream = this.engine.streamOf(input);
        const shard = this.engine.shardOf(stream, input.ShardId);
        return { ShardIterator: this.engine.shardIterator(stream, shard, this.startPosition(input.ShardIteratorType, input.StartingSequenceNumber, input.Timestamp)) };
    }

    /**
     * GetRecords: up to `Limit` (1-10,000) records and 10 MiB. NextShardIterator is absent once a closed
     * shard is read to its end; ChildShards then name its successors.
     */
    async getRecords(input: { ShardIterator: string; Limit?: number; StreamARN?: string }): Promise<GetRecordsOutput> {
        checkInput(input);
        const cursor = this.engine.resolveIterator(input.ShardIterator);
        const outcome = this.engine.read(cursor, input.Limit ?? KINESIS.getRecordsMaxRecords);
        if (outcome.throttled) throw throughputExceeded(`Rate exceeded for shard ${cursor.shard.shardId} in stream ${cursor.stream.name}: ${outcome.reason}.`);
        const { stream, shard } = cursor;
        return {
            Records: outcome.records.map(record => recordShape(record, shard, this.ctx.epochMs)),
            ...(outcome.drained ? { ChildShards: childShardShapes(stream, stream.childrenOf(shard)) } : { NextShardIterator: this.engine.iteratorFor(cursor) }),
            MillisBehindLatest: outcome.millisBehindLatest
        };
    }

    async splitShard(input: StreamRef & { ShardToSplit: string; NewStartingHashKey: string }): Promise<Record<string, never>> {
        checkInput(input);
        this.engine.splitShard(input, input.ShardToSplit, input.NewStartingHashKey);
        return {};
    }

    async mergeShards(input: StreamRef & { ShardToMerge: string; AdjacentShardToMerge: string }): Promise<Record<string, never>> {
        checkInput(input);
        this.engine.mergeShards(input, input.ShardToMerge, input.AdjacentShardToMerge);
        return {};
    }

    async updateShardCount(input: StreamRef & { TargetShardCount: number; ScalingType: 'UNIFORM_SCALING' }): Promise<{
        StreamName: string; StreamARN: string; CurrentShardCount: number; TargetShardCount: number;
    }> {
        checkInput(input);
        const { current, target, stream } = this.engine.updateShardCount(input, input.TargetShardCount, input.ScalingType);
        return { StreamName: stream.name, StreamARN: stream.arn, CurrentShardCount: current, TargetShardCount: target };
    }

    async increaseStreamRetentionPeriod(input: StreamRef & { RetentionPeriodHours: number }): Promise<Record<string, never>> {
        checkInput(input);
        this.engine.increaseRetention(input, input.RetentionPeriodHours);
        return {};
    }

    async decreaseStreamRetentionPeriod(input: StreamRef & { RetentionPeriodHours: number }): Promise<Record<string, never>> {
        checkInput(input);
        this.engine.decreaseRetention(input, input.RetentionPeriodHours);
        return {};
    }

    async updateMaxRecordSize(input: StreamRef & { MaxRecordSizeInKiB: number }): Promise<Record<string, never>> {
        checkInput(input);
        this.engine.updateMaxRecordSize(input, input.MaxRecordSizeInKiB);
        return {};
    }

    async registerStreamConsumer(input: { StreamARN: string; ConsumerName: string }): Promise<{ Consumer: Consumer }> {
        checkInput(input);
        const consumer = this.consumers.register(this.engine.streamOf({ StreamARN: input.StreamARN }), input.ConsumerName);
        return { Consumer: this.consumerShape(consumer) };
    }

    async describeStreamConsumer(input: { ConsumerARN?: string; StreamARN?: string; ConsumerName?: string }): Promise<{
        ConsumerDescription: Consumer & { StreamARN: string };
    }> {
        checkInput(input);
        const stream = input.StreamARN !== undefined ? this.engine.streamOf({ StreamARN: input.StreamARN }) : undefined;
        const consumer = this.consumers.find(input.ConsumerARN, stream, input.ConsumerName);
        return { ConsumerDescription: { ...this.consumerShape(consumer), StreamARN: consumer.stream.arn } };
    }

    async listStreamConsumers(input: { StreamARN: string }): Promise<{ Consumers: Consumer[] }> {
        checkInput(input);
        const stream = this.engine.streamOf({ StreamARN: input.StreamARN });
        return { Consumers: [...stream.consumers.values()].map(consumer => this.consumerShape(consumer)) };
    }

    async deregisterStreamConsumer(input: { ConsumerARN?: string; StreamARN?: string; ConsumerName?: string }): Promise<Record<string, never>> {
        checkInput(input);
        const stream = input.StreamARN !== undefined ? this.engine.streamOf({ StreamARN: input.StreamARN }) : undefined;
        this.consumers.deregister(this.consumers.find(input.ConsumerARN, stream, input.ConsumerName));
        return {};
    }

    async subscribeToShard(input: SubscribeToShardInput): Promise<{ EventStream: AsyncIterableIterator<{ SubscribeToShardEvent: SubscribeToShardEvent }> }> {
        checkInput(input);
        const consumer = this.consumers.find(input.ConsumerARN);
        const position = input.StartingPosition;
        const start = this.startPosition(position?.Type, position?.SequenceNumber, position?.Timestamp);
        const shardOrdinal = this.engine.shardOf(consumer.stream, input.ShardId).ordinal;
        let subscription: { finish(reason: 'cancelled'): void } | undefined;
        const channel = new EventChannel<{ SubscribeToShardEvent: SubscribeToShardEvent }>(this.ctx.clock, () => subscription?.finish('cancelled'));
        subscription = this.consumers.subscribe(consumer, input.ShardId, start, {
            event: (event: FanOutEvent) => channel.push({ SubscribeToShardEvent: this.eventShape(consumer.stream, event, shardOrdinal) }),
            end: () => channel.end()
        });
        return { EventStream: channel };
    }

    /** Cumulative counters of a stream (CloudWatch names in the field docs). */
    metrics(streamName: string): StreamMetrics {
        return { ...this.engine.streamOf({ StreamName: streamName }).metrics };
    }

    private eventShape(stream: KinesisStream, event: FanOutEvent, shardOrdinal: number): SubscribeToShardEvent {
        const shard = stream.shards[shardOrdinal]!;
        return {
            Records: event.records.map(record => recordShape(record, shard, this.ctx.epochMs)),
            ContinuationSequenceNumber: formatSequenceNumber(event.continuationCounter, shardOrdinal),
            MillisBehindLatest: event.millisBehindLatest,
            ...(event.childShards !== undefined ? { ChildShards: childShardShapes(stream, event.childShards) } : {})
        };
    }

    private consumerShape(consumer: { name: string; arn: string; status: Consumer['ConsumerStatus']; createdAtMs: number }): Consumer {
        return {
            ConsumerName: consumer.name,
            ConsumerARN: consumer.arn,
            ConsumerStatus: consumer.status,
            ConsumerCreationTimestamp: new Date(this.ctx.epochMs + consumer.createdAtMs)
        };
    }

    private startPosition(type: StartPosition['type'], sequenceNumber: string | undefined, timestamp: Date | number | undefined): StartPosition {
        const start: StartPosition = { type };
        if (sequenceNumber !== undefined) start.sequenceNumber = sequenceNumber;
        const timeMs = virtualTime(timestamp, this.ctx.epochMs);
        if (timeMs !== undefined) start.timeMs = timeMs;
        return start;
    }
}
