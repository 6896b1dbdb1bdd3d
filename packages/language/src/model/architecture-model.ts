/**
 * The architecture model: what an MQ workspace means, with every default applied, every unit converted
 * (durations in milliseconds, sizes in bytes, rates per second, percentages as fractions 0..1) and
 * every reference resolved to the object it names. The engine, the diagram and the CLI consume this
 * model and never the Langium AST.
 *
 * The model is an object graph: references point at the referenced model objects, so it may contain
 * cycles (an invalid dead-letter cycle, a subscription back to its topic's queue). It survives
 * structured cloning (worker threads, postMessage) but not JSON.stringify; use `toModelJson` for that.
 *
 * A reference that did not resolve is `undefined`; lowering never throws on a broken document, so
 * tools can still draw what is there. Check diagnostics before simulating.
 */

/** Zero-based LSP positions. */
export interface SourcePosition {
    line: number;
    character: number;
}

export interface SourceRange {
    start: SourcePosition;
    end: SourcePosition;
}

/** Where an element was declared: document URI (file:// for files on disk) and range. */
export interface SourceLocation {
    uri: string;
    range: SourceRange;
}

export type ResourceKind = 'queue' | 'topic' | 'stream' | 'function' | 'firehose' | 'producer' | 'consumer';

interface ElementBase {
    name: string;
    location: SourceLocation;
    /** Location of the name token only (for go-to and highlights). */
    nameLocation: SourceLocation;
    /** Property keys the author wrote explicitly (e.g. `visibility`); everything else is a default. */
    declared: string[];
}

export interface DurationRangeMs {
    minMs: number;
    maxMs: number;
}

export type Encryption =
    | { type: 'none' }
    | { type: 'sqs-managed' }
    | { type: 'kms'; keyId: string };

// ------------------------------------------------------------------ SQS

export interface DeadLetterTarget {
    queue: QueueModel | undefined;
    /** Name as written, so broken references can still be shown. */
    queueName: string;
    maxReceiveCount: number;
    location: SourceLocation;
}

export interface QueueModel extends ElementBase {
    kind: 'queue';
    fifo: boolean;
    /** VisibilityTimeout, default 30 s. */
    visibilityTimeoutMs: number;
    /** ReceiveMessageWaitTimeSeconds, default 0. */
    receiveWaitTimeMs: number;
    /** DelaySeconds, default 0. */
    delayMs: number;
    /** MessageRetentionPeriod, default 4 days. */
    retentionMs: number;
    /** MaximumMessageSize, default 1 MiB. */
    maxMessageSizeBytes: number;
    /** Default: SSE-SQS (sqs-managed), as AWS creates new queues. */
    encryption: Encryption;
    deadLetter?: DeadLetterTarget;
    /** FIFO only: ContentBasedDeduplication. */
    contentBasedDeduplication: boolean;
    /** FIFO only: DeduplicationScope (`messageGroup` when `throughput: per-group`). */
    deduplicationScope: 'queue' | 'messageGroup';
    /** FIFO only: FifoThroughputLimit (`perMessageGroupId` when `throughput: per-group`). */
    fifoThroughputLimit: 'perQueue' | 'perMessageGroupId';
    /** RedriveAllowPolicy of this queue when it is used as a dead-letter queue. */
    redriveAllow: { permission: 'allowAll' | 'denyAll' | 'byQueue'; sourceQueues: QueueModel[] };
}

// ------------------------------------------------------------------ SNS

export type SubscriptionProtocol =
    | 'sqs' | 'lambda' | 'firehose' | 'email' | 'email-json' | 'sms' | 'http' | 'https' | 'application';

export type FilterPolicyScope = 'MessageAttributes' | 'MessageBody';

export interface SubscriptionModel {
    /** Stable id: `${topic}:${index}` (index among the topic's subscriptions). */
    id: string;
    topic: TopicModel;
    protocol: SubscriptionProtocol;
    /** For sqs / lambda / firehose: the resolved target (undefined when unresolved). */
    target?: QueueModel | FunctionModel | FirehoseModel;
    /** Target name for sqs/lambda/firehose, address for the others (email, URL, phone number, ARN). */
    endpoint: string;
    raw: boolean;
    /** The FilterPolicy as parsed JSON (AWS syntax), if any. */
    filterPolicy?: unknown;
    filterPolicyScope: FilterPolicyScope;
    /** The subscription's own redrive policy (an SQS dead-letter queue). */
    deadLetter?: QueueModel;
    location: SourceLocation;
}

export interface TopicModel extends ElementBase {
    kind: 'topic';
    fifo: boolean;
    contentBasedDeduplication: boolean;
    /** FIFO only: FifoThroughputScope. */
    throughputScope: 'Topic' | 'MessageGroup';
    encryption: Encryption;
    subscriptions: SubscriptionModel[];
}

// ------------------------------------------------------------------ Kinesis Data Streams

export type StreamCapacity = { mode: 'provisioned'; shards: number } | { mode: 'on-demand' };

export interface StreamModel extends ElementBase {
    kind: 'stream';
    capacity: StreamCapacity;
    /** Default 24 h. */
    retentionMs: number;
    /** MaxRecordSizeInKiB, default 1 MiB. */
    maxRecordSizeBytes: number;
    encryption: Encryption;
    /** Write capacity derived from the shard count (on-demand: the initial 4 MB/s, 4,000 records/s). */
    writeCapacity: { bytesPerSecond: number; recordsPerSecond: number };
}

// ------------------------------------------------------------------ Lambda

export interface FunctionModel extends ElementBase {
    kind: 'function';
    /** Invocation duration, uniform between min and max. Default 100 ms. */
    duration: DurationRangeMs;
    /** Fraction of invocations that fail (0..1). */
    errorRate: number;
    /** As a Firehose transform: fraction of records returned as `Dropped` (0..1). */
    dropRate: number;
    /** Reserved concurrency; default 1000 (the account's default regional limit). */
    concurrency: number;
}

// ------------------------------------------------------------------ Data Firehose

export type DestinationType = 's3' | 'redshift' | 'opensearch' | 'http' | 'splunk' | 'datadog' | 'newrelic' | 'mongodb';

export interface FirehoseModel extends ElementBase {
    kind: 'firehose';
    source: { kind: 'direct' } | { kind: 'stream'; stream: StreamModel | undefined; streamName: string };
    transform?: {
        function: FunctionModel | undefined;
        functionName: string;
        /** Lambda processing buffer (ProcessorParameter), default 1 MB (1,000,000 B) / 60 s. */
        bufferSizeBytes: number;
        bufferIntervalMs: number;
        /** NumberOfRetries, default 3. */
        retries: number;
    };
    /** BufferingHints; defaults per destination (S3: 5 MiB / 300 s). */
    buffer: { sizeBytes: number; intervalMs: number };
    destination: { type: DestinationType; target: string; intermediateS3?: string };
    /** none | failed (failed data only) | all (source record backup). */
    backup: 'none' | 'failed' | 'all';
    /** RetryOptions.DurationInSeconds (S3: 24 h; Redshift 3,600 s; OpenSearch 300 s; HTTP/Splunk 300 s). */
    retryDurationMs: number;
    /** Dynamic partitioning key (a record field), S3 only. */
    partitionBy?: string;
}

// ------------------------------------------------------------------ producers

/** A message template: JSON with generator calls, evaluated per message by the engine. */
export type TemplateValue =
    | { type: 'object'; fields: Array<[string, TemplateValue]> }
    | { type: 'array'; items: TemplateValue[] }
    | { type: 'literal'; value: string | number | boolean | null }
    | { type: 'generator'; name: GeneratorName; args: TemplateValue[] };

/** `uniform(a, b)`, `one-of(v...)`, `uuid()`, `sequence()`. */
export type GeneratorName = 'uniform' | 'one-of' | 'uuid' | 'sequence';

export type PublishTarget = QueueModel | TopicModel | StreamModel | FirehoseModel;

export interface ProducerModel extends ElementBase {
    kind: 'producer';
    target: PublishTarget | undefined;
    targetName: string;
    /** Messages per second (a `N/m` rate is divided by 60). Default 1/s. */
    ratePerSecond: number;
    /** Message size in bytes; default: the size of the rendered template (at least 1 B). */
    messageSizeBytes: number | undefined;
    message: TemplateValue | undefined;
    /** Message fields also sent as message attributes. */
    attributes: string[];
    /** MessageGroupId taken from this message field. */
    groupField?: string;
    /** MessageDeduplicationId taken from this message field. */
    dedupIdField?: string;
    /** Kinesis partition key taken from this message field (default: a random key per record). */
    partitionKeyField?: string;
}

// ------------------------------------------------------------------ consumers

export type QueueMetric = 'visible' | 'in-flight' | 'delayed' | 'age-of-oldest';
export type StreamMetric = 'iterator-age';
export type ScalingMetric = QueueMetric | StreamMetric;
export type ComparisonOp = '<' | '<=' | '>' | '>=' | '==' | '!=';

export interface ScalingRule {
    metric: ScalingMetric;
    op: ComparisonOp;
    /** Count, or milliseconds for age-of-oldest / iterator-age. */
    threshold: number;
    /** How long the condition must hold (alarm evaluation: whole minutes, 1-minute periods). */
    forMs: number;
    /** Instances added (scale-out) or removed (scale-in); always positive. */
    change: number;
    location: SourceLocation;
}

/**
 * A target tracking scaling policy on a queue consumer group (DOMAIN.md §5): keep the backlog per instance,
 * ApproximateNumberOfMessagesVisible ÷ in-service instances, near `target` (AWS's recipe: acceptable latency
 * ÷ average processing time per message).
 */
export interface TargetTrackingPolicy {
    metric: 'backlog-per-instance';
    /** Messages per in-service instance. */
    target: number;
    location: SourceLocation;
}

export type ConsumerSource =
    | { kind: 'queue'; queue: QueueModel | undefined; queueName: string }
    | { kind: 'stream'; stream: StreamModel | undefined; streamName: string; fanOut: 'shared' | 'enhanced' };

export interface ConsumerModel extends ElementBase {
    kind: 'consumer';
    source: ConsumerSource | undefined;
    /** MaxNumberOfMessages for SQS (default 1, as ReceiveMessage); GetRecords Limit for streams (default 10,000). */
    batchSize: number;
    /** WaitTimeSeconds; undefined means the queue's ReceiveMessageWaitTimeSeconds. */
    waitMs: number | undefined;
    /** Per-message processing time, uniform between min and max. Default 10 ms. */
    processing: DurationRangeMs;
    /** Fraction of messages that fail and are not deleted (0..1). */
    failureRate: number;
    /** Auto Scaling group bounds; the group starts at min. Default 1..1. */
    instances: { min: number; max: number };
    scaleOut?: ScalingRule;
    scaleIn?: ScalingRule;
    /** `target-tracking: backlog-per-instance N` (queue consumers only). */
    targetTracking?: TargetTrackingPolicy;
    /** Extend visibility by the queue's timeout every heartbeat while processing. */
    heartbeatMs?: number;
    /** Instance warm-up before a new instance starts polling and counts for metrics. Default 60 s. */
    warmUpMs: number;
}

// ------------------------------------------------------------------ scenarios

export interface SurgeModel {
    producer: ProducerModel | undefined;
    producerName: string;
    /** Rate multiplier. */
    factor: number;
    fromMs: number;
    forMs: number;
    location: SourceLocation;
}

export interface OutageModel {
    /** The declared resource that stops; undefined for an endpoint outage or an unresolved name. */
    target: ConsumerModel | FunctionModel | FirehoseModel | ProducerModel | undefined;
    /** The name as written, or the endpoint address for an endpoint outage (`outage "https://…"`). */
    targetName: string;
    /**
     * Set for an endpoint outage only: the subscriptions (of ENDPOINT_OUTAGE_PROTOCOLS, endpoint-outages.ts) whose endpoint is
     * `targetName`, across the workspace; SNS deliveries to them fail during the window.
     */
    subscriptions?: SubscriptionModel[];
    fromMs: number;
    forMs: number;
    location: SourceLocation;
}

export type ExpectationUnit = 'count' | 'ms' | 'bytes' | 'ratio' | 'per-second';

export type ExpectationModel =
    | {
        kind: 'metric';
        resource: QueueModel | TopicModel | StreamModel | FunctionModel | FirehoseModel | ProducerModel | ConsumerModel | undefined;
        resourceName: string;
        /** Metric name as written, e.g. `age-of-oldest` (see METRICS in metrics.ts). */
        metric: string;
        op: ComparisonOp;
        /** Value in the canonical unit (ms, bytes, count, fraction, per second). */
        value: number;
        unit: ExpectationUnit;
        /** The expectation as written, for reports: `shipping.age-of-oldest < 5m`. */
        text: string;
        location: SourceLocation;
    }
    | {
        kind: 'invariant';
        invariant: 'no-loss' | 'in-order' | 'no-duplicates';
        /** Restrict the invariant to one resource; undefined = the whole architecture. */
        scope?: QueueModel | TopicModel | StreamModel | FunctionModel | FirehoseModel | ProducerModel | ConsumerModel;
        text: string;
        location: SourceLocation;
    };

export interface ScenarioModel {
    kind: 'scenario';
    name: string;
    location: SourceLocation;
    nameLocation: SourceLocation;
    /** Default 10 minutes. */
    durationMs: number;
    /** Default 1. */
    seed: number;
    surges: SurgeModel[];
    outages: OutageModel[];
    expectations: ExpectationModel[];
}

// ------------------------------------------------------------------ the whole

export type ResourceModel = QueueModel | TopicModel | StreamModel | FunctionModel | FirehoseModel | ProducerModel | ConsumerModel;

export interface ArchitectureModel {
    queues: QueueModel[];
    topics: TopicModel[];
    streams: StreamModel[];
    functions: FunctionModel[];
    firehoses: FirehoseModel[];
    producers: ProducerModel[];
    consumers: ConsumerModel[];
    scenarios: ScenarioModel[];
}
