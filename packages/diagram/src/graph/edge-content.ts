import type { ConsumerModel, FirehoseModel, ProducerModel, QueueModel, SubscriptionModel } from '@mq-architect/language/model';
import { describeFilterPolicy, filterSummaryLines } from './filter-summary.js';
import { formatNumber, formatRate, formatSize } from './format.js';

/** Label lines and tooltip of each kind of edge. */
export interface EdgeContent {
    label: string[];
    tooltip: string;
}

export function publishContent(producer: ProducerModel, isStream: boolean): EdgeContent {
    const rate = formatRate(producer.ratePerSecond);
    return {
        label: [isStream ? `${rate} records` : rate],
        tooltip: `${producer.name} publishes ${rate} to ${producer.targetName}`
    };
}

export function subscriptionContent(subscription: SubscriptionModel): EdgeContent {
    const label: string[] = [];
    const filter = filterSummaryLines(subscription.filterPolicy);
    if (subscription.raw) label.push('raw');
    if (filter !== undefined) {
        if (subscription.filterPolicyScope === 'MessageBody') filter[0] = `body: ${filter[0]}`;
        label.push(...filter);
    }
    const full = describeFilterPolicy(subscription.filterPolicy);
    const tooltip = [
        `subscription ${subscription.id}: ${subscription.topic.name} → ${subscription.protocol} ${subscription.endpoint}`,
        subscription.raw ? 'raw message delivery' : '',
        full !== undefined ? `filter (${subscription.filterPolicyScope}): ${full}` : ''
    ].filter((line) => line !== '').join('\n');
    return { label, tooltip };
}

export function redriveContent(queue: QueueModel, receives: number, dlqName: string): EdgeContent {
    const label = `after ${formatNumber(receives)} receive${receives === 1 ? '' : 's'}`;
    return { label: [label], tooltip: `${queue.name} moves a message to ${dlqName} ${label}` };
}

export function subscriptionDlqContent(subscription: SubscriptionModel, dlqName: string): EdgeContent {
    return {
        label: ['undeliverable'],
        tooltip: `messages ${subscription.topic.name} cannot deliver to ${subscription.endpoint} go to ${dlqName}`
    };
}

export function sourceContent(firehose: FirehoseModel, streamName: string): EdgeContent {
    return { label: [], tooltip: `${firehose.name} reads ${streamName}` };
}

export function deliverContent(firehose: FirehoseModel): EdgeContent {
    const label = firehose.backup === 'none' ? [] : [`backup: ${firehose.backup}`];
    return {
        label,
        tooltip: `${firehose.name} delivers to ${firehose.destination.type} ${firehose.destination.target}`
            + ` (buffer ${formatSize(firehose.buffer.sizeBytes)} or ${formatNumber(firehose.buffer.intervalMs / 1000)} s)`
    };
}

export function transformContent(firehose: FirehoseModel, functionName: string): EdgeContent {
    return { label: ['transform'], tooltip: `${firehose.name} transforms records with ${functionName}` };
}

export function consumeContent(consumer: ConsumerModel, sourceName: string): EdgeContent {
    const source = consumer.source;
    if (source?.kind === 'stream') {
        const enhanced = source.fanOut === 'enhanced';
        return {
            label: [enhanced ? 'read · enhanced fan-out' : 'read'],
            tooltip: `${consumer.name} reads ${sourceName}${enhanced ? ' with enhanced fan-out (dedicated 2 MB/s per shard)' : ' (shared throughput)'}`
        };
    }
    const batch = consumer.batchSize > 1 ? ` · batch ${consumer.batchSize}` : '';
    return { label: [`poll${batch}`], tooltip: `${consumer.name} polls ${sourceName}, up to ${consumer.batchSize} per receive` };
}
