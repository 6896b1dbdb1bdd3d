import type { SnsProtocol } from './types.js';

/** [API-SNS] Publish: 262,144 bytes, message and attributes together; SNS did not get SQS's 1 MiB raise. */
export const SNS_MAX_MESSAGE_BYTES = 262_144;
export const SNS_MAX_BATCH_ENTRIES = 10;
export const SNS_MAX_SUBJECT_LENGTH = 99;
export const SNS_FIFO_DEDUP_INTERVAL_MS = 5 * 60 * 1000;
export const SNS_MAX_FILTER_POLICIES_PER_TOPIC = 200;
/** Subscription confirmation tokens are valid for 2 days ([API-SNS] Subscribe). */
export const SNS_CONFIRMATION_TOKEN_TTL_MS = 2 * 24 * 3600 * 1000;
export const SNS_MAX_NUMBER_ATTRIBUTE = 1e9;

export const SNS_PROTOCOLS: readonly SnsProtocol[] = ['http', 'https', 'email', 'email-json', 'sms', 'sqs', 'application', 'lambda', 'firehose'];

/** Protocols whose subscriptions stay pending until ConfirmSubscription. */
export const CONFIRMATION_PROTOCOLS = new Set<SnsProtocol>(['http', 'https', 'email', 'email-json']);

/** Protocols that accept RawMessageDelivery=true ([API-SNS] Subscribe.Attributes). */
export const RAW_DELIVERY_PROTOCOLS = new Set<SnsProtocol>(['sqs', 'http', 'https', 'firehose']);

/** [API-SNS] CreateTopic: topics per account. */
export const SNS_MAX_STANDARD_TOPICS = 100_000;
export const SNS_MAX_FIFO_TOPICS = 1_000;
/** [API-SNS] Subscribe is throttled at 100 transactions per second. */
export const SNS_SUBSCRIBE_TPS = 100;
/** [SNS-DG] subscription-filter-policy-constraints: filter policies per account. */
export const SNS_MAX_FILTER_POLICIES_PER_ACCOUNT = 10_000;
/** [API-SNS] CreateTopic.FifoThroughputScope=Topic: 3,000 messages or 20 MB per second per topic. */
export const SNS_FIFO_TOPIC_MAX_MESSAGES_PER_SECOND = 3_000;
export const SNS_FIFO_TOPIC_MAX_BYTES_PER_SECOND = 20 * 1024 * 1024;
