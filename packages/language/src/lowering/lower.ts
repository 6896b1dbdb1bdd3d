import type { AstNode } from 'langium';
import type * as ast from '../generated/ast.js';
import {
    isCapacityProperty, isConcurrencyProperty, isConsumer, isDeadLetterProperty, isDeduplicationProperty,
    isDelayProperty, isDestinationProperty, isDropsProperty, isDurationProperty, isEncryptionProperty, isErrorsProperty,
    isFirehose, isLambdaFunction, isMaxMessageSizeProperty, isMaxRecordSizeProperty, isProducer, isQueue, isRedriveAllowProperty,
    isRetentionProperty, isScenario, isStream, isThroughputProperty, isTopic, isTypeProperty, isVisibilityProperty, isWaitProperty,
    isBackupProperty, isBufferProperty, isPartitionByProperty, isRetryProperty, isSourceProperty, isTransformProperty
} from '../generated/ast.js';
import type {
    ArchitectureModel, ConsumerModel, DestinationType, FirehoseModel, FunctionModel, ProducerModel, QueueModel, ScenarioModel,
    StreamModel, TopicModel
} from '../model/architecture-model.js';
import { FIREHOSE, KINESIS, LAMBDA, SQS } from '../model/limits.js';
import { lowerConsumer, lowerProducer } from './lower-clients.js';
import { lowerScenario } from './lower-scenario.js';
import { lowerSubscription } from './lower-subscription.js';
import { locationOf, propertyLocationOf } from './location.js';
import { declaredKeys, durationOr, durationRange, encryptionOf, findProperty, percentOr, sizeOr } from './properties.js';

/** Maps AST declarations to their model objects so references resolve to objects, across documents. */
export class ModelIndex {
    private readonly byNode = new Map<AstNode, unknown>();

    set(node: AstNode, model: unknown): void {
        this.byNode.set(node, model);
    }

    get<T>(node: AstNode | undefined, guard: (node: unknown) => boolean): T | undefined {
        return node !== undefined && guard(node) ? this.byNode.get(node) as T | undefined : undefined;
    }
}

function base(node: ast.Declaration & { properties?: AstNode[] }) {
    return {
        name: node.name ?? '',
        location: locationOf(node),
        nameLocation: propertyLocationOf(node, 'name'),
        declared: declaredKeys(node.properties ?? [])
    };
}

/**
 * Lowers parsed MQ documents (their root `Model` nodes) to one ArchitectureModel. Works on broken
 * documents: anything missing gets its default, unresolved references become `undefined`.
 */
export function lowerModel(roots: readonly ast.Model[]): ArchitectureModel {
    const declarations = roots.flatMap(root => root.declarations ?? []);
    const index = new ModelIndex();
    const model: ArchitectureModel = {
        queues: [], topics: [], streams: [], functions: [], firehoses: [], producers: [], consumers: [], scenarios: []
    };

    // Pass 1: every declaration becomes a model object, so pass 2 can point references at them.
    for (const declaration of declarations) {
        if (isQueue(declaration)) model.queues.push(register(index, declaration, createQueue(declaration)));
        else if (isTopic(declaration)) model.topics.push(register(index, declaration, createTopic(declaration)));
        else if (isStream(declaration)) model.streams.push(register(index, declaration, createStream(declaration)));
        else if (isLambdaFunction(declaration)) model.functions.push(register(index, declaration, createFunction(declaration)));
        else if (isFirehose(declaration)) model.firehoses.push(register(index, declaration, createFirehose(declaration)));
        else if (isProducer(declaration)) model.producers.push(register(index, declaration, {} as ProducerModel));
        else if (isConsumer(declaration)) model.consumers.push(register(index, declaration, {} as ConsumerModel));
    }

    // Pass 2: references.
    for (const declaration of declarations) {
        if (isQueue(declaration)) linkQueue(declaration, index.get<QueueModel>(declaration, isQueue)!, index);
        else if (isTopic(declaration)) {
            const topic = index.get<TopicModel>(declaration, isTopic)!;
            topic.subscriptions = declaration.subscriptions.map((subscription, position) => lowerSubscription(subscription, position, topic, index));
        } else if (isFirehose(declaration)) linkFirehose(declaration, index.get<FirehoseModel>(declaration, isFirehose)!, index);
        else if (isProducer(declaration)) Object.assign(index.get<ProducerModel>(declaration, isProducer)!, lowerProducer(declaration, base(declaration), index));
        else if (isConsumer(declaration)) Object.assign(index.get<ConsumerModel>(declaration, isConsumer)!, lowerConsumer(declaration, base(declaration), index));
    }

    // Scenarios last: they point at producers, consumers and subscription endpoints.
    for (const declaration of declarations) {
        if (isScenario(declaration)) model.scenarios.push(lowerScenario(declaration, index, model.topics) satisfies ScenarioModel);
    }
    return model;
}

function register<T>(index: ModelIndex, node: AstNode, model: T): T {
    index.set(node, model);
    return model;
}

function isFifo(node: ast.Queue | ast.Topic): boolean {
    const type = findProperty(node.properties, isTypeProperty);
    return (node.name ?? '').endsWith('.fifo') || type?.value === 'fifo';
}

function createQueue(node: ast.Queue): QueueModel {
    const props = node.properties;
    const throughput = findProperty(props, isThroughputProperty)?.value;
    const highThroughput = throughput === 'per-group';
    return {
        kind: 'queue',
        ...base(node),
        fifo: isFifo(node),
        visibilityTimeoutMs: durationOr(findProperty(props, isVisibilityProperty)?.value, SQS.visibilityTimeoutMs.default),
        receiveWaitTimeMs: durationOr(findProperty(props, isWaitProperty)?.value, SQS.receiveWaitTimeMs.default),
        delayMs: durationOr(findProperty(props, isDelayProperty)?.value, SQS.delayMs.default),
        retentionMs: durationOr(findProperty(props, isRetentionProperty)?.value, SQS.retentionMs.default),
        maxMessageSizeBytes: sizeOr(findProperty(props, isMaxMessageSizeProperty)?.value, SQS.maxMessageSizeBytes.default),
        encryption: encryptionOf(findProperty(props, isEncryptionProperty), { type: 'sqs-managed' }),
        contentBasedDeduplication: findProperty(props, isDeduplicationProperty)?.value === 'content',
        deduplicationScope: highThroughput ? 'messageGroup' : 'queue',
        fifoThroughputLimit: highThroughput ? 'perMessageGroupId' : 'perQueue',
        redriveAllow: { permission: 'allowAll', sourceQueues: [] }
    };
}

function linkQueue(node: ast.Queue, queue: QueueModel, index: ModelIndex): void {
    const deadLetter = findProperty(node.properties, isDeadLetterProperty);
    if (deadLetter) {
        queue.deadLetter = {
            queue: index.get<QueueModel>(deadLetter.queue?.ref, isQueue),
            queueName: deadLetter.queue?.$refText ?? '',
            maxReceiveCount: deadLetter.maxReceives ?? SQS.maxReceiveCount.apiDefault,
            location: locationOf(deadLetter)
        };
    }
    const redrive = findProperty(node.properties, isRedriveAllowProperty);
    if (redrive) {
        const sourceQueues = redrive.queues.map(ref => index.get<QueueModel>(ref.ref, isQueue)).filter((q): q is QueueModel => q !== undefined);
        queue.redriveAllow = redrive.value === 'all' ? { permission: 'allowAll', sourceQueues: [] }
            : redrive.value === 'none' ? { permission: 'denyAll', sourceQueues: [] }
            : { permission: 'byQueue', sourceQueues };
    }
}

function createTopic(node: ast.Topic): TopicModel {
    const props = node.properties;
    return {
        kind: 'topic',
        ...base(node),
        fifo: isFifo(node),
        contentBasedDeduplication: findProperty(props, isDeduplicationProperty)?.value === 'content',
        throughputScope: findProperty(props, isThroughputProperty)?.value === 'per-group' ? 'MessageGroup' : 'Topic',
        encryption: encryptionOf(findProperty(props, isEncryptionProperty), { type: 'none' }),
        subscriptions: []
    };
}

function createStream(node: ast.Stream): StreamModel {
    const props = node.properties;
    const capacity = findProperty(props, isCapacityProperty);
    const shards = capacity?.mode === 'provisioned' ? Math.max(1, Math.floor(capacity.shards ?? 1)) : undefined;
    return {
        kind: 'stream',
        ...base(node),
        capacity: capacity?.mode === 'on-demand' ? { mode: 'on-demand' } : { mode: 'provisioned', shards: shards ?? 1 },
        retentionMs: durationOr(findProperty(props, isRetentionProperty)?.value, KINESIS.retentionMs.default),
        maxRecordSizeBytes: sizeOr(findProperty(props, isMaxRecordSizeProperty)?.value, KINESIS.recordSizeBytes.default),
        encryption: encryptionOf(findProperty(props, isEncryptionProperty), { type: 'none' }),
        writeCapacity: capacity?.mode === 'on-demand'
            ? { bytesPerSecond: KINESIS.onDemandInitialWriteBytesPerSecond, recordsPerSecond: KINESIS.onDemandInitialWriteRecordsPerSecond }
            : { bytesPerSecond: (shards ?? 1) * KINESIS.shardWriteBytesPerSecond, recordsPerSecond: (shards ?? 1) * KINESIS.shardWriteRecordsPerSecond }
    };
}

function createFunction(node: ast.LambdaFunction): FunctionModel {
    const props = node.properties;
    return {
        kind: 'function',
        ...base(node),
        duration: durationRange(findProperty(props, isDurationProperty)?.value, LAMBDA.defaultDurationMs),
        errorRate: percentOr(findProperty(props, isErrorsProperty)?.value, 0),
        dropRate: percentOr(findProperty(props, isDropsProperty)?.value, 0),
        concurrency: findProperty(props, isConcurrencyProperty)?.value ?? LAMBDA.defaultConcurrency
    };
}

/** BufferingHints and RetryOptions defaults differ per destination (DOMAIN.md §4.3, §4.5). */
function destinationDefaults(type: DestinationType): { intervalMs: number; retryMs: number } {
    switch (type) {
        case 's3': return { intervalMs: FIREHOSE.bufferIntervalMs.default, retryMs: FIREHOSE.s3RetryMs };
        case 'redshift': return { intervalMs: FIREHOSE.bufferIntervalMs.default, retryMs: 3600_000 };
        case 'splunk': return { intervalMs: 60_000, retryMs: 300_000 };
        default: return { intervalMs: FIREHOSE.bufferIntervalMs.default, retryMs: 300_000 };
    }
}

function createFirehose(node: ast.Firehose): FirehoseModel {
    const props = node.properties;
    const destination = findProperty(props, isDestinationProperty);
    const type: DestinationType = destination?.type ?? 's3';
    const defaults = destinationDefaults(type);
    const buffer = findProperty(props, isBufferProperty);
    const backup = findProperty(props, isBackupProperty)?.value;
    return {
        kind: 'firehose',
        ...base(node),
        source: { kind: 'direct' },
        buffer: {
            sizeBytes: sizeOr(buffer?.size, FIREHOSE.bufferSizeBytes.default),
            intervalMs: durationOr(buffer?.interval, defaults.intervalMs)
        },
        destination: { type, target: destination?.target ?? '', ...(destination?.intermediate !== undefined ? { intermediateS3: destination.intermediate } : {}) },
        // S3/Redshift S3BackupMode defaults to Disabled; HTTP, Splunk and OpenSearch back up failed data by default.
        backup: backup ?? (type === 's3' || type === 'redshift' ? 'none' : 'failed'),
        retryDurationMs: durationOr(findProperty(props, isRetryProperty)?.value, defaults.retryMs),
        ...(findProperty(props, isPartitionByProperty) ? { partitionBy: findProperty(props, isPartitionByProperty)!.field } : {})
    };
}

function linkFirehose(node: ast.Firehose, firehose: FirehoseModel, index: ModelIndex): void {
    const source = findProperty(node.properties, isSourceProperty);
    if (source && !source.direct) {
        firehose.source = { kind: 'stream', stream: index.get<StreamModel>(source.stream?.ref, isStream), streamName: source.stream?.$refText ?? '' };
    }
    const transform = findProperty(node.properties, isTransformProperty);
    if (transform) {
        firehose.transform = {
            function: index.get<FunctionModel>(transform.function?.ref, isLambdaFunction),
            functionName: transform.function?.$refText ?? '',
            bufferSizeBytes: sizeOr(transform.size, FIREHOSE.processorBufferBytes.default),
            bufferIntervalMs: durationOr(transform.interval, FIREHOSE.processorIntervalMs.default),
            retries: transform.retries ?? FIREHOSE.processorRetries
        };
    }
}
