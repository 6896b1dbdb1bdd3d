// Public surface of @mq-architect/engine. Services add their exports in their own section.

// Cloud and core
export { createCloud } from './cloud.js';
export type { Cloud, CloudOptions } from './cloud.js';
export { VirtualClock } from './core/clock.js';
export type { Cancellable } from './core/clock.js';
export type { CloudContext } from './core/context.js';
export { Random, hashString } from './core/random.js';
export { TimerHeap } from './core/timer-heap.js';
export { Deque } from './core/deque.js';
export { AwsError, isAwsError } from './errors.js';

// SNS filter policies (pure function, implemented in the language package)
export { matchesFilterPolicy } from '@mq-architect/language/filter-policy';

// SNS
export { compileFilterPolicy, explainFilterMismatch, validateFilterPolicy } from '@mq-architect/language/filter-policy';
export type { CompiledFilterPolicy, FilterPolicyIssue } from '@mq-architect/language/filter-policy';
export {
    SnsService, sqsPort, firehosePort, AWS_MANAGED_RETRY_POLICY, CUSTOMER_MANAGED_RETRY_POLICY, HTTP_DEFAULT_RETRY_POLICY, retryDelayMs
} from './sns/index.js';
export type { SnsOptions, SnsCounters, SnsDeliveryEvent, RecordedDelivery, EndpointFailureKind, RetryPolicy, SnsDeliveryPorts } from './sns/index.js';
export type * as SnsTypes from './sns/types.js';

// SQS
export { SqsService } from './sqs/sqs-service.js';
export type { SqsOptions } from './sqs/sqs-service.js';
export { QueueCore } from './sqs/queue-core.js';
export type { SqsHooks, SendInput, SendOutcome, ReceiveOptions, ShortPollOptions, FifoQuotaOptions, QuotaAction, DedupEntry } from './sqs/queue-core.js';
export { SqsMessage, DELAYED, VISIBLE, IN_FLIGHT, GONE } from './sqs/message.js';
export type { MessageState, RemovalReason } from './sqs/message.js';
export { SQS } from './sqs/constants.js';
export type * as SqsTypes from './sqs/types.js';

// Kinesis Data Streams
export { KinesisService, KinesisEngine, shardForPartitionKey, hashPartitionKey, evenHashKeyRanges } from './kinesis/index.js';
export type * as KinesisTypes from './kinesis/index.js';

// Data Firehose
export { FirehoseService, FirehoseEngine } from './firehose/index.js';
export type * as FirehoseTypes from './firehose/index.js';

// Scenario simulation and reports
export { simulate, SimulationError, SAMPLE_INTERVAL_MS } from './simulation/simulate.js';
export type { SimulateOptions } from './simulation/simulate.js';
export type * from './report/report-types.js';
export { OUTCOMES, REPORT_SCHEMA_VERSION } from './report/report-types.js';
export { renderReportHtml, escapeHtml } from './report/html.js';
export type { RenderHtmlOptions } from './report/html.js';
export { formatSummary } from './report/summary.js';
export { formatMs } from './report/format.js';
