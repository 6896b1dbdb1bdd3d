import { emptySnsCounters, type SnsCounters } from './events.js';
import { FifoDeduplication } from './fifo-dedup.js';
import type { RetryPolicy } from './retry-policy.js';
import { RateWindow } from './rate-window.js';
import type { Subscription } from './subscription.js';

export interface Topic {
    readonly arn: string;
    readonly name: string;
    readonly fifo: boolean;
    /** Attribute strings as given to CreateTopic / SetTopicAttributes. */
    readonly attributes: Map<string, string>;
    contentBasedDeduplication: boolean;
    throughputScope: 'Topic' | 'MessageGroup';
    httpRetryPolicy?: RetryPolicy;
    httpMaxReceivesPerSecond?: number;
    /** Publishes in the current second, for the FIFO topic throughput quota. */
    readonly publishWindow: RateWindow;
    /** In subscription order: fan-out follows it, so runs are repeatable. */
    readonly subscriptions: Map<string, Subscription>;
    readonly dedup: FifoDeduplication;
    nextSequence: bigint;
    deletedSubscriptions: number;
    readonly counters: SnsCounters;
}

export const TOPIC_ATTRIBUTES = new Set([
    'DeliveryPolicy', 'DisplayName', 'FifoTopic', 'Policy', 'SignatureVersion', 'TracingConfig', 'KmsMasterKeyId',
    'ArchivePolicy', 'ContentBasedDeduplication', 'FifoThroughputScope'
]);

/** Attributes that exist only on FIFO topics ([API-SNS] CreateTopic.Attributes). */
export const FIFO_ONLY_TOPIC_ATTRIBUTES = new Set(['ContentBasedDeduplication', 'ArchivePolicy', 'FifoThroughputScope']);

export function newTopic(arn: string, name: string, fifo: boolean): Topic {
    return {
        arn,
        name,
        fifo,
        attributes: new Map(),
        contentBasedDeduplication: false,
        throughputScope: 'Topic',
        subscriptions: new Map(),
        dedup: new FifoDeduplication(),
        publishWindow: new RateWindow(),
        // SNS FIFO sequence numbers are 20-digit, non-consecutive, increasing.
        nextSequence: 10_000_000_000_000_000_000n,
        deletedSubscriptions: 0,
        counters: emptySnsCounters()
    };
}
