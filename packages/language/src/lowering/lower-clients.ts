import type * as ast from '../generated/ast.js';
import {
    isAttributesProperty, isBatchProperty, isDedupIdProperty, isFailureProperty, isFanOutProperty, isFirehose, isGroupProperty,
    isHeartbeatProperty, isInstancesProperty, isMessageProperty, isPartitionKeyProperty, isPollProperty, isProcessingProperty,
    isPublishProperty, isQueue, isRateProperty, isReadProperty, isScaleProperty, isSizeProperty, isStream, isTargetTrackingProperty, isTopic,
    isWaitProperty, isWarmUpProperty
} from '../generated/ast.js';
import type {
    ComparisonOp, ConsumerModel, ConsumerSource, ProducerModel, PublishTarget, QueueModel, ScalingMetric, ScalingRule, SourceLocation,
    StreamModel, TargetTrackingPolicy
} from '../model/architecture-model.js';
import { KINESIS, SQS } from '../model/limits.js';
import { parseQuantity, parseRate, parseSize } from '../model/units.js';
import { toTemplate } from './json.js';
import type { ModelIndex } from './lower.js';
import { locationOf } from './location.js';
import { durationOr, durationRange, findProperty, percentOr } from './properties.js';

type Base = { name: string; location: SourceLocation; nameLocation: SourceLocation; declared: string[] };

const DEFAULT_PROCESSING_MS = 10;
const DEFAULT_WARM_UP_MS = 60_000;

export function lowerProducer(node: ast.Producer, base: Base, index: ModelIndex): ProducerModel {
    const props = node.properties;
    const publish = findProperty(props, isPublishProperty);
    const rate = findProperty(props, isRateProperty)?.value;
    const size = findProperty(props, isSizeProperty)?.value;
    const message = findProperty(props, isMessageProperty);
    const producer: ProducerModel = {
        kind: 'producer',
        ...base,
        target: index.get<PublishTarget>(publish?.target?.ref, n => isQueue(n) || isTopic(n) || isStream(n) || isFirehose(n)),
        targetName: publish?.target?.$refText ?? '',
        ratePerSecond: (rate === undefined ? undefined : parseRate(rate)) ?? 1,
        messageSizeBytes: size === undefined ? undefined : parseSize(size),
        message: message ? toTemplate(message.value) : undefined,
        attributes: findProperty(props, isAttributesProperty)?.fields ?? []
    };
    const group = findProperty(props, isGroupProperty)?.field;
    if (group !== undefined) producer.groupField = group;
    const dedupId = findProperty(props, isDedupIdProperty)?.field;
    if (dedupId !== undefined) producer.dedupIdField = dedupId;
    const partitionKey = findProperty(props, isPartitionKeyProperty)?.field;
    if (partitionKey !== undefined) producer.partitionKeyField = partitionKey;
    return producer;
}

function sourceOf(node: ast.Consumer, index: ModelIndex): ConsumerSource | undefined {
    const poll = findProperty(node.properties, isPollProperty);
    if (poll) return { kind: 'queue', queue: index.get<QueueModel>(poll.queue?.ref, isQueue), queueName: poll.queue?.$refText ?? '' };
    const read = findProperty(node.properties, isReadProperty);
    if (read) {
        return {
            kind: 'stream',
            stream: index.get<StreamModel>(read.stream?.ref, isStream),
            streamName: read.stream?.$refText ?? '',
            fanOut: findProperty(node.properties, isFanOutProperty)?.value ?? 'shared'
        };
    }
    return undefined;
}

function scalingRule(node: ast.ScaleProperty | undefined): ScalingRule | undefined {
    if (!node) return undefined;
    const threshold = parseQuantity(String(node.threshold ?? ''))?.value ?? 0;
    return {
        metric: (node.metric ?? 'visible') as ScalingMetric,
        op: (node.op ?? '>') as ComparisonOp,
        threshold,
        forMs: durationOr(node.period, 60_000),
        change: Math.max(0, Math.floor(node.amount ?? 1)),
        location: locationOf(node)
    };
}

// Lowered as written, even on a stream consumer or with a target ≤ 0: MQ072 reports those, and the engine only
// reads the policy of a queue consumer.
function targetTracking(node: ast.TargetTrackingProperty | undefined): TargetTrackingPolicy | undefined {
    if (!node) return undefined;
    return { metric: 'backlog-per-instance', target: node.target ?? 0, location: locationOf(node) };
}

export function lowerConsumer(node: ast.Consumer, base: Base, index: ModelIndex): ConsumerModel {
    const props = node.properties;
    const source = sourceOf(node, index);
    const instances = findProperty(props, isInstancesProperty);
    const min = Math.max(0, Math.floor(instances?.min ?? 1));
    const wait = findProperty(props, isWaitProperty)?.value;
    const scaleRules = props.filter(isScaleProperty);
    const consumer: ConsumerModel = {
        kind: 'consumer',
        ...base,
        source,
        batchSize: findProperty(props, isBatchProperty)?.value
            ?? (source?.kind === 'stream' ? KINESIS.getRecordsMaxRecords : SQS.maxNumberOfMessages.default),
        waitMs: wait === undefined ? undefined : durationOr(wait, 0),
        processing: durationRange(findProperty(props, isProcessingProperty)?.value, DEFAULT_PROCESSING_MS),
        failureRate: percentOr(findProperty(props, isFailureProperty)?.value, 0),
        instances: { min, max: Math.max(min, Math.floor(instances?.max ?? min)) },
        warmUpMs: durationOr(findProperty(props, isWarmUpProperty)?.value, DEFAULT_WARM_UP_MS)
    };
    const scaleOut = scalingRule(scaleRules.filter(rule => rule.key === 'scale-out').at(-1));
    if (scaleOut) consumer.scaleOut = scaleOut;
    const scaleIn = scalingRule(scaleRules.filter(rule => rule.key === 'scale-in').at(-1));
    if (scaleIn) consumer.scaleIn = scaleIn;
    const tracking = targetTracking(findProperty(props, isTargetTrackingProperty));
    if (tracking) consumer.targetTracking = tracking;
    const heartbeat = findProperty(props, isHeartbeatProperty)?.value;
    if (heartbeat !== undefined) consumer.heartbeatMs = durationOr(heartbeat, 0);
    return consumer;
}
