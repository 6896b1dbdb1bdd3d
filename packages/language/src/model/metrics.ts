import type { ExpectationUnit, ResourceKind } from './architecture-model.js';

/** A metric a scenario can `expect` on (and scaling rules can watch), with its unit and CloudWatch name. */
export interface MetricInfo {
    name: string;
    unit: ExpectationUnit;
    /** The CloudWatch metric (or the report series) it corresponds to. */
    cloudWatch: string;
    /** Statistic the expectation applies to over the scenario. */
    statistic: 'max' | 'sum' | 'final' | 'p99' | 'p50' | 'mean';
    description: string;
}

const m = (name: string, unit: ExpectationUnit, cloudWatch: string, statistic: MetricInfo['statistic'], description: string): MetricInfo =>
    ({ name, unit, cloudWatch, statistic, description });

/**
 * Metrics by resource kind. `expect shipping.age-of-oldest < 5m` compares the statistic (here the maximum over the
 * run) with the value. Shared by the validator (MQ080), completion, hover and the engine's expectations.
 */
export const METRICS: Readonly<Record<ResourceKind, readonly MetricInfo[]>> = {
    queue: [
        m('visible', 'count', 'ApproximateNumberOfMessagesVisible', 'max', 'messages available for retrieval (peak over the run)'),
        m('in-flight', 'count', 'ApproximateNumberOfMessagesNotVisible', 'max', 'messages received but not deleted (peak)'),
        m('delayed', 'count', 'ApproximateNumberOfMessagesDelayed', 'max', 'messages waiting out a delay (peak)'),
        m('age-of-oldest', 'ms', 'ApproximateAgeOfOldestMessage', 'max', 'age of the oldest message (peak)'),
        m('sent', 'count', 'NumberOfMessagesSent', 'sum', 'messages added to the queue'),
        m('received', 'count', 'NumberOfMessagesReceived', 'sum', 'messages returned by ReceiveMessage'),
        m('deleted', 'count', 'NumberOfMessagesDeleted', 'sum', 'messages deleted'),
        m('moved-to-dlq', 'count', 'NumberOfMessagesMovedToDLQ', 'sum', 'messages moved to the dead-letter queue'),
        m('expired', 'count', 'NumberOfMessagesExpired', 'sum', 'messages deleted by retention'),
        m('final-visible', 'count', 'ApproximateNumberOfMessagesVisible', 'final', 'messages visible at the end of the run'),
        m('latency-p50', 'ms', 'EndToEndLatency', 'p50', 'median time from send to delete'),
        m('latency-p99', 'ms', 'EndToEndLatency', 'p99', '99th percentile of time from send to delete')
    ],
    topic: [
        m('published', 'count', 'NumberOfMessagesPublished', 'sum', 'messages published'),
        m('delivered', 'count', 'NumberOfNotificationsDelivered', 'sum', 'deliveries to subscriptions'),
        m('filtered-out', 'count', 'NumberOfNotificationsFilteredOut', 'sum', 'deliveries skipped by filter policies'),
        m('failed', 'count', 'NumberOfNotificationsFailed', 'sum', 'deliveries that failed after all retries'),
        m('redriven-to-dlq', 'count', 'NumberOfNotificationsRedrivenToDlq', 'sum', 'deliveries sent to subscription dead-letter queues')
    ],
    stream: [
        m('incoming-records', 'count', 'IncomingRecords', 'sum', 'records written'),
        m('incoming-bytes', 'bytes', 'IncomingBytes', 'sum', 'bytes written'),
        m('write-throttled', 'count', 'WriteProvisionedThroughputExceeded', 'sum', 'records rejected by shard write limits'),
        m('read-throttled', 'count', 'ReadProvisionedThroughputExceeded', 'sum', 'GetRecords calls rejected by shard read limits'),
        m('iterator-age', 'ms', 'GetRecords.IteratorAgeMilliseconds', 'max', 'age of the last record read (peak)'),
        m('expired', 'count', 'ExpiredRecords', 'sum', 'records trimmed by retention before a reader group read them')
    ],
    function: [
        m('invocations', 'count', 'Invocations', 'sum', 'invocations'),
        m('errors', 'count', 'Errors', 'sum', 'failed invocations'),
        m('throttles', 'count', 'Throttles', 'sum', 'invocations rejected by the concurrency limit'),
        m('concurrency', 'count', 'ConcurrentExecutions', 'max', 'concurrent executions (peak)')
    ],
    firehose: [
        m('incoming-records', 'count', 'IncomingRecords', 'sum', 'records received'),
        m('delivered-records', 'count', 'DeliveryToS3.Records', 'sum', 'records delivered to the destination'),
        m('delivered-bytes', 'bytes', 'DeliveryToS3.Bytes', 'sum', 'bytes delivered to the destination'),
        m('deliveries', 'count', 'DeliveryToS3.Success', 'sum', 'objects (flushes) delivered'),
        m('dropped', 'count', 'ExecuteProcessing.Dropped', 'sum', 'records dropped by the transform'),
        m('processing-failed', 'count', 'ExecuteProcessing.Failed', 'sum', 'records that failed processing'),
        m('data-freshness', 'ms', 'DeliveryToS3.DataFreshness', 'max', 'age of the oldest undelivered record (peak)')
    ],
    producer: [
        m('sent', 'count', 'MessagesSent', 'sum', 'messages sent'),
        m('throttled', 'count', 'Throttled', 'sum', 'sends rejected by a throughput limit'),
        m('rate', 'per-second', 'SendRate', 'max', 'send rate (peak)')
    ],
    consumer: [
        m('processed', 'count', 'MessagesProcessed', 'sum', 'messages processed successfully'),
        m('failed', 'count', 'MessagesFailed', 'sum', 'messages whose processing failed'),
        m('instances', 'count', 'GroupInServiceInstances', 'max', 'in-service instances (peak)'),
        m('min-instances', 'count', 'GroupInServiceInstances', 'final', 'in-service instances at the end'),
        m('latency-p50', 'ms', 'EndToEndLatency', 'p50', 'median time from production to processed'),
        m('latency-p99', 'ms', 'EndToEndLatency', 'p99', '99th percentile of time from production to processed'),
        m('duplicates', 'count', 'DuplicatesProcessed', 'sum', 'messages processed more than once')
    ]
};

export function findMetric(kind: ResourceKind, name: string): MetricInfo | undefined {
    return METRICS[kind].find(metric => metric.name === name);
}
