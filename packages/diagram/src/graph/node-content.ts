import type {
    ConsumerModel, DestinationType, FirehoseModel, FunctionModel, ProducerModel, QueueModel, StreamModel,
    SubscriptionProtocol, TopicModel
} from '@mq-architect/language/model';
import type { NodeKind, NodeText } from './diagram-graph.js';
import { formatDuration, formatDurationRange, formatNumber, formatPercent, formatRate, formatSize } from './format.js';

/** What a node shows before it is measured: its text, tag and the extra facts that only the tooltip carries. */
export interface NodeContent {
    kind: NodeKind;
    name: string;
    lines: NodeText[];
    tag?: string;
    shards?: number | 'on-demand';
    variant?: string;
    /** Tooltip lines after the first line of `lines`. */
    facts: string[];
}

function lines(title: string, subtitle: string, ...details: string[]): NodeText[] {
    return [
        { text: title, role: 'title' },
        { text: subtitle, role: 'subtitle' },
        ...details.filter((d) => d !== '').map((text) => ({ text, role: 'detail' as const }))
    ];
}

function joinFacts(...facts: Array<string | false | undefined>): string {
    return facts.filter((f): f is string => typeof f === 'string' && f !== '').join(' · ');
}

export function queueContent(queue: QueueModel): NodeContent {
    const detail = joinFacts(
        `visibility ${formatDuration(queue.visibilityTimeoutMs)}`,
        queue.receiveWaitTimeMs > 0 && `wait ${formatDuration(queue.receiveWaitTimeMs)}`,
        queue.delayMs > 0 && `delay ${formatDuration(queue.delayMs)}`,
        // Written retention matters on the diagram (dead-letter queues keep messages for 14 days).
        queue.declared.includes('retention') && `retention ${formatDuration(queue.retentionMs)}`
    );
    return {
        kind: queue.fifo ? 'fifo-queue' : 'queue',
        name: queue.name,
        lines: lines(queue.name, queue.fifo ? 'SQS FIFO queue' : 'SQS queue', detail),
        tag: queue.fifo ? 'FIFO' : undefined,
        facts: [
            `retention ${formatDuration(queue.retentionMs)}, max message ${formatSize(queue.maxMessageSizeBytes)}`,
            `encryption ${queue.encryption.type}`,
            ...(queue.fifo ? [`deduplication ${queue.contentBasedDeduplication ? 'content' : 'explicit'}, throughput ${queue.fifoThroughputLimit}`] : []),
            ...(queue.deadLetter ? [`dead-letter ${queue.deadLetter.queueName} after ${queue.deadLetter.maxReceiveCount} receives`] : [])
        ]
    };
}

export function topicContent(topic: TopicModel): NodeContent {
    const count = topic.subscriptions.length;
    return {
        kind: topic.fifo ? 'fifo-topic' : 'topic',
        name: topic.name,
        lines: lines(topic.name, topic.fifo ? 'SNS FIFO topic' : 'SNS topic', `${count} subscription${count === 1 ? '' : 's'}`),
        tag: topic.fifo ? 'FIFO' : undefined,
        facts: [`encryption ${topic.encryption.type}`]
    };
}

export function streamContent(stream: StreamModel): NodeContent {
    const capacity = stream.capacity;
    const shards = capacity.mode === 'provisioned' ? capacity.shards : 'on-demand';
    const tag = capacity.mode === 'provisioned' ? `${capacity.shards} shard${capacity.shards === 1 ? '' : 's'}` : 'on-demand';
    return {
        kind: 'stream',
        name: stream.name,
        lines: lines(stream.name, 'Kinesis stream', `retention ${formatDuration(stream.retentionMs)}`),
        tag,
        shards,
        facts: [
            `write capacity ${formatSize(stream.writeCapacity.bytesPerSecond)}/s, ${formatNumber(stream.writeCapacity.recordsPerSecond)} records/s`,
            `encryption ${stream.encryption.type}`
        ]
    };
}

export function functionContent(fn: FunctionModel): NodeContent {
    return {
        kind: 'function',
        name: fn.name,
        lines: lines(fn.name, 'Lambda function', joinFacts(formatDurationRange(fn.duration), fn.errorRate > 0 && `${formatPercent(fn.errorRate)} errors`)),
        facts: [`concurrency ${formatNumber(fn.concurrency)}`, ...(fn.dropRate > 0 ? [`drops ${formatPercent(fn.dropRate)} as a transform`] : [])]
    };
}

export function firehoseContent(firehose: FirehoseModel): NodeContent {
    return {
        kind: 'firehose',
        name: firehose.name,
        lines: lines(firehose.name, 'Data Firehose', `buffer ${formatSize(firehose.buffer.sizeBytes)} / ${formatDuration(firehose.buffer.intervalMs)}`),
        facts: [
            `source ${firehose.source.kind === 'direct' ? 'direct' : firehose.source.streamName}`,
            `backup ${firehose.backup}, retry ${formatDuration(firehose.retryDurationMs)}`,
            ...(firehose.partitionBy ? [`partition by ${firehose.partitionBy}`] : [])
        ]
    };
}

const DESTINATION_LABELS: Record<DestinationType, string> = {
    s3: 'Amazon S3', redshift: 'Amazon Redshift', opensearch: 'OpenSearch', http: 'HTTP endpoint',
    splunk: 'Splunk', datadog: 'Datadog', newrelic: 'New Relic', mongodb: 'MongoDB'
};

export function destinationContent(firehose: FirehoseModel): NodeContent {
    const destination = firehose.destination;
    const label = DESTINATION_LABELS[destination.type] ?? destination.type;
    return {
        kind: 'destination',
        name: destination.target,
        lines: lines(destination.target || label, label),
        variant: destination.type,
        facts: [`delivered by ${firehose.name}`, ...(destination.intermediateS3 ? [`intermediate S3 ${destination.intermediateS3}`] : [])]
    };
}

export function producerContent(producer: ProducerModel): NodeContent {
    const size = producer.messageSizeBytes !== undefined ? formatSize(producer.messageSizeBytes) : undefined;
    return {
        kind: 'producer',
        name: producer.name,
        lines: lines(producer.name, 'Producer', joinFacts(formatRate(producer.ratePerSecond), size)),
        facts: [
            ...(producer.groupField ? [`group ${producer.groupField}`] : []),
            ...(producer.partitionKeyField ? [`partition key ${producer.partitionKeyField}`] : []),
            ...(producer.attributes.length > 0 ? [`attributes ${producer.attributes.join(', ')}`] : [])
        ]
    };
}

export function consumerContent(consumer: ConsumerModel): NodeContent {
    const { min, max } = consumer.instances;
    const instances = min === max ? `${min} instance${min === 1 ? '' : 's'}` : `${min}..${max} instances`;
    return {
        kind: 'consumer',
        name: consumer.name,
        lines: lines(consumer.name, 'Consumer group', joinFacts(instances, formatDurationRange(consumer.processing))),
        facts: [
            `batch ${consumer.batchSize}`,
            ...(consumer.failureRate > 0 ? [`failure ${formatPercent(consumer.failureRate)}`] : []),
            ...(consumer.scaleOut ? [`scale-out when ${consumer.scaleOut.metric} ${consumer.scaleOut.op} ${formatNumber(consumer.scaleOut.threshold)}`] : []),
            ...(consumer.scaleIn ? [`scale-in when ${consumer.scaleIn.metric} ${consumer.scaleIn.op} ${formatNumber(consumer.scaleIn.threshold)}`] : []),
            ...(consumer.targetTracking ? [`target tracking: ${formatNumber(consumer.targetTracking.target)} messages per instance`] : [])
        ]
    };
}

const PROTOCOL_LABELS: Partial<Record<SubscriptionProtocol, string>> = {
    email: 'email', 'email-json': 'email (JSON)', sms: 'SMS', http: 'HTTP', https: 'HTTPS', application: 'mobile push'
};

export function endpointContent(protocol: SubscriptionProtocol, endpoint: string): NodeContent {
    return {
        kind: 'endpoint',
        name: endpoint,
        lines: lines(endpoint, PROTOCOL_LABELS[protocol] ?? protocol),
        variant: protocol,
        facts: []
    };
}

export function missingContent(name: string, expected: string): NodeContent {
    return {
        kind: 'missing',
        name,
        lines: lines(name, `unknown ${expected}`),
        facts: ['not declared in the workspace']
    };
}
