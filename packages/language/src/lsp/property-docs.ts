/**
 * What each property keyword means, its AWS default and range, and where that comes from. One table feeds
 * hover, completion documentation and the inlay hints, so the three never disagree. Sources are the
 * abbreviations of DOMAIN.md (API-SQS = SQS API reference, SQS-DG = SQS developer guide, and so on).
 */
export type DeclarationKind = 'queue' | 'topic' | 'stream' | 'function' | 'firehose' | 'producer' | 'consumer' | 'scenario';

export interface PropertyDoc {
    key: string;
    summary: string;
    /** The value AWS (or the simulator) uses when the property is left out. */
    defaultValue?: string;
    range?: string;
    /** Allowed keyword values, offered by completion after the colon. */
    values?: readonly string[];
    /** Snippet body inserted after `key: ` by completion. */
    snippet: string;
    source: string;
}

type Table = Record<DeclarationKind, readonly PropertyDoc[]>;

const ENCRYPTION: PropertyDoc = {
    key: 'encryption', summary: 'Server-side encryption at rest.', defaultValue: 'sqs-managed (SSE-SQS) for queues, none for topics and streams',
    values: ['none', 'sqs-managed', 'kms'], snippet: '${1|none,sqs-managed,kms "alias/key"|}', source: 'API-SQS CreateQueue.Attributes; API-SNS CreateTopic'
};
const FIFO_DEDUP: PropertyDoc = {
    key: 'deduplication', summary: 'FIFO only. `content`: the deduplication ID is a SHA-256 of the body (ContentBasedDeduplication); `explicit`: every message carries a dedup-id. Duplicates within 5 minutes are accepted but not delivered.',
    defaultValue: 'explicit', values: ['content', 'explicit'], snippet: '${1|content,explicit|}', source: 'API-SQS SendMessage.MessageDeduplicationId'
};

export const PROPERTY_DOCS: Table = {
    queue: [
        { key: 'type', summary: 'Queue type. A FIFO queue must be named `*.fifo`, a standard queue must not.', defaultValue: 'standard (fifo when the name ends in .fifo)', values: ['fifo', 'standard'], snippet: '${1|fifo,standard|}', source: 'API-SQS CreateQueue.QueueName' },
        { key: 'visibility', summary: 'Visibility timeout: how long a received message stays hidden from other consumers before it becomes visible again.', defaultValue: '30s', range: '0s..12h', snippet: '${1:30s}', source: 'API-SQS CreateQueue.Attributes VisibilityTimeout' },
        { key: 'wait', summary: 'Receive wait time (long polling). 0 means short polling, which may return nothing even when messages exist.', defaultValue: '0s', range: '0s..20s', snippet: '${1:20s}', source: 'API-SQS CreateQueue.Attributes ReceiveMessageWaitTimeSeconds' },
        { key: 'delay', summary: 'Delivery delay: new messages stay invisible this long after they are sent.', defaultValue: '0s', range: '0s..15m', snippet: '${1:0s}', source: 'API-SQS CreateQueue.Attributes DelaySeconds' },
        { key: 'retention', summary: 'Message retention period: messages older than this are deleted, even while in flight.', defaultValue: '4d', range: '60s..14d', snippet: '${1:4d}', source: 'API-SQS CreateQueue.Attributes MessageRetentionPeriod' },
        { key: 'max-message-size', summary: 'Largest message the queue accepts.', defaultValue: '1MiB', range: '1KiB..1MiB', snippet: '${1:256KiB}', source: 'API-SQS CreateQueue.Attributes MaximumMessageSize' },
        ENCRYPTION,
        { key: 'dead-letter', summary: 'Redrive policy: after a message has been received this many times without being deleted, the next receive moves it to the dead-letter queue. The dead-letter queue must be of the same type (FIFO or standard).', range: '1..1000 receives (API default 10)', snippet: '${1:queue} after ${2:5} receives', source: 'API-SQS CreateQueue.Attributes RedrivePolicy; SQS-DG sqs-dead-letter-queues' },
        FIFO_DEDUP,
        { key: 'throughput', summary: 'FIFO only. `per-group` enables high throughput (FifoThroughputLimit=perMessageGroupId, DeduplicationScope=messageGroup).', defaultValue: 'per-queue (300 TPS per API action, 3,000 msg/s batched)', values: ['per-queue', 'per-group'], snippet: '${1|per-queue,per-group|}', source: 'SQS-DG high-throughput-fifo' },
        { key: 'redrive-allow', summary: 'Which source queues may use this queue as their dead-letter queue (RedriveAllowPolicy).', defaultValue: 'all', range: 'all | none | up to 10 queues', snippet: '${1|all,none,[]|}', source: 'API-SQS CreateQueue.Attributes RedriveAllowPolicy' }
    ],
    topic: [
        { key: 'type', summary: 'Topic type. A FIFO topic must be named `*.fifo`.', defaultValue: 'standard (fifo when the name ends in .fifo)', values: ['fifo', 'standard'], snippet: '${1|fifo,standard|}', source: 'API-SNS CreateTopic' },
        FIFO_DEDUP,
        { key: 'throughput', summary: 'FIFO only. FifoThroughputScope: `per-topic` caps the topic at 3,000 msg/s or 20 MB/s; `per-group` applies the limit per message group.', defaultValue: 'per-topic', values: ['per-topic', 'per-group'], snippet: '${1|per-topic,per-group|}', source: 'API-SNS CreateTopic' },
        ENCRYPTION
    ],
    stream: [
        { key: 'capacity', summary: 'Capacity mode. Each provisioned shard accepts 1 MiB/s and 1,000 records/s of writes and serves 2 MiB/s of reads; on-demand starts at 4 MB/s write and scales.', defaultValue: 'provisioned 1 shard', values: ['provisioned', 'on-demand'], snippet: '${1|provisioned 2 shards,on-demand|}', source: 'API-KDS CreateStream; KDS-DG service-sizes-and-limits' },
        { key: 'retention', summary: 'How long records stay readable in the stream.', defaultValue: '24h', range: '24h..8760h', snippet: '${1:24h}', source: 'API-KDS IncreaseStreamRetentionPeriod' },
        ENCRYPTION,
        { key: 'max-record-size', summary: 'Largest record the stream accepts (data plus partition key).', defaultValue: '1MiB', range: '1MiB..10MiB', snippet: '${1:1MiB}', source: 'API-KDS UpdateMaxRecordSize' }
    ],
    function: [
        { key: 'duration', summary: 'How long one invocation takes: a single duration or a uniform range `min..max`.', defaultValue: '100ms', snippet: '${1:20ms..80ms}', source: 'simulator model' },
        { key: 'errors', summary: 'Share of invocations that fail.', defaultValue: '0%', range: '0%..100%', snippet: '${1:1%}', source: 'simulator model' },
        { key: 'drops', summary: 'Share of records the function drops (result `Dropped`) when used as a Firehose transform.', defaultValue: '0%', range: '0%..100%', snippet: '${1:1%}', source: 'FH-DG data-transformation-status-model' },
        { key: 'concurrency', summary: 'Maximum concurrent executions.', defaultValue: '1000 (account default)', snippet: '${1:100}', source: 'Lambda quotas' }
    ],
    firehose: [
        { key: 'source', summary: 'Where records come from: `direct` (PutRecord / PutRecordBatch) or a Kinesis stream (direct puts are then rejected).', defaultValue: 'direct', snippet: '${1:direct}', source: 'API-FH CreateDeliveryStream' },
        { key: 'transform', summary: 'A Lambda function that transforms each buffered batch (processor buffer 1 MB or 60 s, 3 retries by default).', snippet: '${1:function}', source: 'API-FH ProcessorParameter; FH-DG data-transformation' },
        { key: 'buffer', summary: 'Buffering hints: delivery happens when either the size or the interval is reached first.', defaultValue: '5MiB or 300s', range: '1MiB..128MiB, 0s..900s', snippet: '${1:5MiB} or ${2:300s}', source: 'API-FH BufferingHints' },
        { key: 'destination', summary: 'Where batches are delivered. Redshift needs an s3 intermediate bucket (`via s3 "..."`).', values: ['s3', 'redshift', 'opensearch', 'http', 'splunk', 'datadog', 'newrelic', 'mongodb'], snippet: '${1|s3,redshift,opensearch,http,splunk,datadog,newrelic,mongodb|} "${2:s3://bucket/prefix/}"', source: 'API-FH CreateDeliveryStream' },
        { key: 'backup', summary: 'Which records are also written to the S3 backup bucket.', defaultValue: 'none for s3 and redshift, failed for the others', values: ['none', 'failed', 'all'], snippet: '${1|none,failed,all|}', source: 'API-FH S3BackupMode' },
        { key: 'retry', summary: 'How long delivery to a failing destination is retried (S3 retries for up to 24 h).', defaultValue: '300s (OpenSearch), 3600s (Redshift)', range: '0s..7200s', snippet: '${1:300s}', source: 'API-FH RetryOptions' },
        { key: 'partition-by', summary: 'Dynamic partitioning key (S3 only): one buffer per value, at most 500 active partitions.', snippet: '${1:field}', source: 'FH-DG dynamic-partitioning' }
    ],
    producer: [
        { key: 'publish', summary: 'Where the producer sends: a topic, a queue, a stream or a firehose with a direct source.', snippet: '${1:target}', source: 'MQ language' },
        { key: 'rate', summary: 'Messages per second (`N/s`) or per minute (`N/m`).', defaultValue: '1/s', snippet: '${1:10/s}', source: 'MQ language' },
        { key: 'size', summary: 'Size of each message. Limits: SQS 1 MiB, SNS 256 KB, Kinesis record 1 MiB, Firehose record 1,000 KiB.', snippet: '${1:1KiB}', source: 'API-SQS, API-SNS Publish, API-KDS, API-FH PutRecord' },
        { key: 'message', summary: 'JSON message template; values may be generators `uniform(a, b)`, `one-of(...)`, `uuid()`, `sequence()`.', snippet: '{ "${1:field}": ${2:uuid()} }', source: 'MQ language' },
        { key: 'attributes', summary: 'Message fields also sent as message attributes (what attribute filter policies see). At most 10.', snippet: '[${1:field}]', source: 'SQS-DG quotas-messages' },
        { key: 'group', summary: 'Message field used as MessageGroupId (required for FIFO queues and topics).', snippet: '${1:field}', source: 'API-SQS SendMessage.MessageGroupId' },
        { key: 'dedup-id', summary: 'Message field used as MessageDeduplicationId (FIFO without content-based deduplication).', snippet: '${1:field}', source: 'API-SQS SendMessage.MessageDeduplicationId' },
        { key: 'partition-key', summary: 'Message field used as the Kinesis partition key (MD5-hashed to pick a shard).', snippet: '${1:field}', source: 'API-KDS PutRecord' }
    ],
    consumer: [
        { key: 'poll', summary: 'The SQS queue this consumer group receives from.', snippet: '${1:queue}', source: 'API-SQS ReceiveMessage' },
        { key: 'read', summary: 'The Kinesis stream this consumer reads.', snippet: '${1:stream}', source: 'API-KDS GetRecords' },
        { key: 'fan-out', summary: '`shared`: all consumers share 2 MiB/s and 5 reads/s per shard; `enhanced`: 2 MiB/s per consumer per shard, pushed.', defaultValue: 'shared', values: ['shared', 'enhanced'], snippet: '${1|shared,enhanced|}', source: 'API-KDS SubscribeToShard' },
        { key: 'batch', summary: 'Messages per receive (SQS MaxNumberOfMessages) or records per GetRecords.', defaultValue: '1 (SQS), 10000 (stream)', range: '1..10 (SQS), 1..10000 (stream)', snippet: '${1:10}', source: 'API-SQS ReceiveMessage; API-KDS GetRecords' },
        { key: 'wait', summary: 'Long-polling wait per receive; overrides the queue\'s wait.', defaultValue: 'the queue\'s wait', range: '0s..20s', snippet: '${1:20s}', source: 'API-SQS ReceiveMessage.WaitTimeSeconds' },
        { key: 'processing', summary: 'Processing time per message: a duration or a uniform range `min..max`.', defaultValue: '10ms', snippet: '${1:100ms..300ms}', source: 'simulator model' },
        { key: 'failure', summary: 'Share of messages not deleted after processing (redelivered after the visibility timeout).', defaultValue: '0%', range: '0%..100%', snippet: '${1:1%}', source: 'simulator model' },
        { key: 'instances', summary: 'Number of consumer instances, or an Auto Scaling range `min..max` (starts at min).', defaultValue: '1', snippet: '${1:1}..${2:10}', source: 'simulator model' },
        { key: 'scale-out', summary: 'Step scaling rule on a queue metric (`visible`, `in-flight`, `delayed`, `age-of-oldest`) or `iterator-age`.', snippet: 'when ${1:visible} > ${2:1000} for ${3:1m} add ${4:1}', source: 'CloudWatch alarms and Auto Scaling on SQS' },
        { key: 'scale-in', summary: 'Step scaling rule that removes instances.', snippet: 'when ${1:visible} < ${2:100} for ${3:5m} remove ${4:1}', source: 'CloudWatch alarms and Auto Scaling on SQS' },
        {
            key: 'target-tracking',
            summary: 'Target tracking scaling (queue consumers only): keeps the backlog per instance — the queue\'s ApproximateNumberOfMessagesVisible ÷ the group\'s in-service instances — near the target. '
                + 'AWS\'s recipe for the target: acceptable latency ÷ average processing time per message (10 s ÷ 0.1 s = 100). '
                + 'The policy owns two alarms: AlarmHigh, 3 of 3 one-minute data points above the target, scales out in proportion to the excess (to about in-service × backlog per instance ÷ target); '
                + 'AlarmLow, 15 of 15 one-minute data points below 90 % of the target, scales in gradually. '
                + 'With `scale-out`/`scale-in` step rules on the same group, it scales out if any policy says so and scales in only if all do. Needs `instances: MIN..MAX` with MAX above MIN.',
            values: ['backlog-per-instance'],
            snippet: 'backlog-per-instance ${1:100}',
            source: 'DOMAIN §5; EC2 Auto Scaling user guide, Scaling policy based on Amazon SQS; target tracking scaling policies'
        },
        { key: 'heartbeat', summary: 'While processing, extend the message\'s visibility by the queue\'s visibility timeout every DURATION.', snippet: '${1:10s}', source: 'API-SQS ChangeMessageVisibility' },
        { key: 'warm-up', summary: 'Time a new instance needs before it starts receiving.', defaultValue: '60s', snippet: '${1:30s}', source: 'simulator model' }
    ],
    scenario: [
        { key: 'duration', summary: 'Simulated time the scenario runs.', defaultValue: '10m', snippet: '${1:15m}', source: 'simulator model' },
        { key: 'seed', summary: 'Random seed: the same seed gives the same run.', defaultValue: '1', snippet: '${1:42}', source: 'simulator model' },
        { key: 'surge', summary: 'Multiplies a producer\'s rate for a time window.', snippet: '${1:producer} x${2:10} from ${3:1m} for ${4:1m}', source: 'MQ language' },
        { key: 'outage', summary: 'Stops a consumer group, function, firehose or producer for a time window; a quoted address (`outage "https://hooks.example.com/orders"`) takes down a subscription endpoint, so SNS retries and dead-letters its deliveries.', snippet: '${1:consumer} from ${2:1m} for ${3:1m}', source: 'MQ language' },
        { key: 'expect', summary: 'An assertion checked after the run: `RESOURCE.METRIC OP VALUE`, or an invariant `no-loss`, `in-order`, `no-duplicates`.', snippet: '${1:no-loss}', source: 'MQ language' }
    ]
};

const BY_KIND = new Map<DeclarationKind, Map<string, PropertyDoc>>(
    (Object.keys(PROPERTY_DOCS) as DeclarationKind[]).map(kind => [kind, new Map(PROPERTY_DOCS[kind].map(doc => [doc.key, doc]))])
);

export function propertyDoc(kind: DeclarationKind, key: string): PropertyDoc | undefined {
    return BY_KIND.get(kind)?.get(key);
}

/** Markdown shown by hover and completion. */
export function renderPropertyDoc(doc: PropertyDoc): string {
    const lines = [`**${doc.key}** — ${doc.summary}`, ''];
    if (doc.defaultValue) lines.push(`- Default: \`${doc.defaultValue}\``);
    if (doc.range) lines.push(`- Range: \`${doc.range}\``);
    if (doc.values) lines.push(`- Values: ${doc.values.map(value => `\`${value}\``).join(', ')}`);
    lines.push(`- Source: ${doc.source}`);
    return lines.join('\n');
}

/** AST type of a declaration → its MQ keyword. */
export const KIND_OF_TYPE: Readonly<Record<string, DeclarationKind>> = {
    Queue: 'queue', Topic: 'topic', Stream: 'stream', LambdaFunction: 'function', Firehose: 'firehose',
    Producer: 'producer', Consumer: 'consumer', Scenario: 'scenario'
};
