/** What happened to one published message at one subscription; the simulator turns these into traces. */
export type SnsDeliveryEvent =
    | { type: 'filtered'; at: number; topicArn: string; subscriptionArn: string; messageId: string; reason: string }
    | { type: 'delivered'; at: number; topicArn: string; subscriptionArn: string; messageId: string; attempt: number }
    | {
        type: 'attempt-failed'; at: number; topicArn: string; subscriptionArn: string; messageId: string;
        attempt: number; error: string; clientError: boolean; nextAttemptAt?: number;
    }
    | { type: 'failed'; at: number; topicArn: string; subscriptionArn: string; messageId: string; attempts: number; error: string }
    | { type: 'redriven'; at: number; topicArn: string; subscriptionArn: string; messageId: string; deadLetterQueueArn: string }
    | { type: 'redrive-failed'; at: number; topicArn: string; subscriptionArn: string; messageId: string; deadLetterQueueArn: string; error: string };

/** A delivery to an endpoint the engine does not model (email, SMS, HTTP/S, mobile push, unregistered Lambda). */
export interface RecordedDelivery {
    at: number;
    topicArn: string;
    subscriptionArn: string;
    protocol: string;
    endpoint: string;
    messageId: string;
    /** The body as the endpoint receives it (JSON envelope, raw message, or email text). */
    body: string;
    /** HTTP/S requests carry SNS's x-amz-sns-* headers. */
    headers?: Record<string, string>;
    type: 'Notification' | 'SubscriptionConfirmation';
    /** The confirmation token of a SubscriptionConfirmation. */
    token?: string;
}

/**
 * Counters for reports, named after the CloudWatch metrics they stand for: published = NumberOfMessagesPublished,
 * delivered = NumberOfNotificationsDelivered, filteredOut = NumberOfNotificationsFilteredOut, failed =
 * NumberOfNotificationsFailed (retries exhausted or client error), redrivenToDlq = NumberOfNotificationsRedrivenToDlq,
 * failedToRedriveToDlq = NumberOfNotificationsFailedToRedriveToDlq; failedAttempts counts every failed try.
 */
export interface SnsCounters {
    published: number;
    publishedBytes: number;
    deduplicated: number;
    delivered: number;
    filteredOut: number;
    failed: number;
    failedAttempts: number;
    redrivenToDlq: number;
    failedToRedriveToDlq: number;
}

export function emptySnsCounters(): SnsCounters {
    return {
        published: 0, publishedBytes: 0, deduplicated: 0, delivered: 0, filteredOut: 0,
        failed: 0, failedAttempts: 0, redrivenToDlq: 0, failedToRedriveToDlq: 0
    };
}
