import type {
    ArchitectureModel, ConsumerModel, FirehoseModel, FunctionModel, ProducerModel, QueueModel, SourceLocation,
    StreamModel, SubscriptionModel, TopicModel
} from '@mq-architect/language/model';

/**
 * Hand-built ArchitectureModels for tests and benchmarks: every element gets the language defaults
 * and its own line range in `uri`, so diagnostics can be placed inside it.
 */
export class ModelBuilder {
    readonly model: ArchitectureModel = { queues: [], topics: [], streams: [], functions: [], firehoses: [], producers: [], consumers: [], scenarios: [] };
    private line = 0;

    constructor(readonly uri = 'file:///workspace/test.mq') {}

    /** A fresh 3-line range for the next declaration. */
    nextLocation(lines = 3): SourceLocation {
        const start = this.line;
        this.line += lines;
        return { uri: this.uri, range: { start: { line: start, character: 0 }, end: { line: start + lines - 1, character: 1 } } };
    }

    private base(name: string) {
        const location = this.nextLocation();
        const nameLocation = { uri: this.uri, range: { start: { line: location.range.start.line, character: 6 }, end: { line: location.range.start.line, character: 6 + name.length } } };
        return { name, location, nameLocation, declared: [] as string[] };
    }

    queue(name: string, props: Partial<QueueModel> = {}): QueueModel {
        const queue: QueueModel = {
            ...this.base(name), kind: 'queue', fifo: name.endsWith('.fifo'), visibilityTimeoutMs: 30_000, receiveWaitTimeMs: 0,
            delayMs: 0, retentionMs: 4 * 86_400_000, maxMessageSizeBytes: 1_048_576, encryption: { type: 'sqs-managed' },
            contentBasedDeduplication: false, deduplicationScope: 'queue', fifoThroughputLimit: 'perQueue',
            redriveAllow: { permission: 'allowAll', sourceQueues: [] }, ...props
        };
        this.model.queues.push(queue);
        return queue;
    }

    deadLetter(queue: QueueModel, dlq: QueueModel | undefined, maxReceiveCount: number, queueName = dlq?.name ?? '?'): void {
        queue.deadLetter = { queue: dlq, queueName, maxReceiveCount, location: this.nextLocation(1) };
    }

    topic(name: string, props: Partial<TopicModel> = {}): TopicModel {
        const topic: TopicModel = {
            ...this.base(name), kind: 'topic', fifo: name.endsWith('.fifo'), contentBasedDeduplication: false,
            throughputScope: 'Topic', encryption: { type: 'none' }, subscriptions: [], ...props
        };
        this.model.topics.push(topic);
        return topic;
    }

    subscribe(topic: TopicModel, props: Partial<SubscriptionModel> & Pick<SubscriptionModel, 'protocol' | 'endpoint'>): SubscriptionModel {
        const subscription: SubscriptionModel = {
            id: `${topic.name}:${topic.subscriptions.length}`, topic, raw: false, filterPolicyScope: 'MessageAttributes',
            location: this.nextLocation(1), ...props
        };
        topic.subscriptions.push(subscription);
        return subscription;
    }

    stream(name: string, shards: number | 'on-demand' = 1): StreamModel {
        const stream: StreamModel = {
            ...this.base(name), kind: 'stream',
            capacity: shards === 'on-demand' ? { mode: 'on-demand' } : { mode: 'provisioned', shards },
            retentionMs: 86_400_000, maxRecordSizeBytes: 1_048_576, encryption: { type: 'none' },
            writeCapacity: shards === 'on-demand' ? { bytesPerSecond: 4_000_000, recordsPerSecond: 4000 } : { bytesPerSecond: shards * 1_000_000, recordsPerSecond: shards * 1000 }
        };
        this.model.streams.push(stream);
        return stream;
    }

    fn(name: string, props: Partial<FunctionModel> = {}): FunctionModel {
        const fn: FunctionModel = { ...this.base(name), kind: 'function', duration: { minMs: 100, maxMs: 100 }, errorRate: 0, dropRate: 0, concurrency: 1000, ...props };
        this.model.functions.push(fn);
        return fn;
    }

    firehose(name: string, props: Partial<FirehoseModel> = {}): FirehoseModel {
        const firehose: FirehoseModel = {
            ...this.base(name), kind: 'firehose', source: { kind: 'direct' }, buffer: { sizeBytes: 5 * 1_048_576, intervalMs: 300_000 },
            destination: { type: 's3', target: `s3://bucket/${name}/` }, backup: 'none', retryDurationMs: 86_400_000, ...props
        };
        this.model.firehoses.push(firehose);
        return firehose;
    }

    producer(name: string, target: ProducerModel['target'], props: Partial<ProducerModel> = {}): ProducerModel {
        const producer: ProducerModel = {
            ...this.base(name), kind: 'producer', target, targetName: target?.name ?? '?', ratePerSecond: 1,
            messageSizeBytes: undefined, message: undefined, attributes: [], ...props
        };
        this.model.producers.push(producer);
        return producer;
    }

    consumer(name: string, source: ConsumerModel['source'], props: Partial<ConsumerModel> = {}): ConsumerModel {
        const consumer: ConsumerModel = {
            ...this.base(name), kind: 'consumer', source, batchSize: 1, waitMs: undefined, processing: { minMs: 10, maxMs: 10 },
            failureRate: 0, instances: { min: 1, max: 1 }, warmUpMs: 60_000, ...props
        };
        this.model.consumers.push(consumer);
        return consumer;
    }
}

export function pollSource(queue: QueueModel): ConsumerModel['source'] {
    return { kind: 'queue', queue, queueName: queue.name };
}

export function readSource(stream: StreamModel, fanOut: 'shared' | 'enhanced' = 'shared'): ConsumerModel['source'] {
    return { kind: 'stream', stream, streamName: stream.name, fanOut };
}
