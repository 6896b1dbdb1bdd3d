/** SQS limits and defaults (DOMAIN.md §1 and §8; [API-SQS] CreateQueue, SendMessage, ReceiveMessage). */
export const SQS = {
    maxQueueNameLength: 80,
    delaySeconds: { min: 0, max: 900, default: 0 },
    maximumMessageSize: { min: 1024, max: 1_048_576, default: 1_048_576 },
    messageRetentionPeriod: { min: 60, max: 1_209_600, default: 345_600 },
    receiveMessageWaitTimeSeconds: { min: 0, max: 20, default: 0 },
    visibilityTimeout: { min: 0, max: 43_200, default: 30 },
    kmsDataKeyReusePeriodSeconds: { min: 60, max: 86_400, default: 300 },
    maxReceiveCount: { min: 1, max: 1000, default: 10 },
    maxNumberOfMessages: { min: 1, max: 10 },
    maxMessageAttributes: 10,
    maxBatchEntries: 10,
    maxBatchPayloadBytes: 1_048_576,
    maxGroupOrDedupIdLength: 128,
    maxBatchEntryIdLength: 80,
    maxRedriveAllowSourceQueues: 10,
    /** Visibility may not extend past this many seconds after the ReceiveMessage that returned the message. */
    maxVisibilitySinceReceiveSeconds: 43_200,
    dedupIntervalMs: 5 * 60_000,
    receiveRequestAttemptIdMs: 5 * 60_000,
    purgeIntervalMs: 60_000,
    deletedNameReuseMs: 60_000,
    inFlightLimitStandard: 120_000,
    inFlightLimitFifo: 120_000,
    /** FIFO receives look at the first this-many messages only ([SQS-DG] avoid-backlog-with-the-same-message-group-id). */
    fifoScanWindow: 120_000,
    /** With fewer visible messages than this, a sampled short poll may return fewer than requested. */
    shortPollSamplingThreshold: 1000
} as const;
