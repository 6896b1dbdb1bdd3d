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
