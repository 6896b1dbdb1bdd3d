/**
 * AWS limits and defaults the language checks and the engine enforces. Each figure cites its source in
 * docs/domain-sources.md (DOMAIN.md §8, "Numbers at a glance").
 */
const KiB = 1024;
const MiB = 1024 * 1024;
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export const SQS = {
    visibilityTimeoutMs: { min: 0, max: 12 * HOUR, default: 30 * SECOND },
    receiveWaitTimeMs: { min: 0, max: 20 * SECOND, default: 0 },
    delayMs: { min: 0, max: 15 * MINUTE, default: 0 },
    retentionMs: { min: 60 * SECOND, max: 14 * DAY, default: 4 * DAY },
    maxMessageSizeBytes: { min: KiB, max: MiB, default: MiB },
    maxReceiveCount: { min: 1, max: 1000, apiDefault: 10 },
    maxNumberOfMessages: { min: 1, max: 10, default: 1 },
    batchEntries: 10,
    batchPayloadBytes: MiB,
    messageAttributes: 10,
    dedupIntervalMs: 5 * MINUTE,
    receiveRequestAttemptIdMs: 5 * MINUTE,
    inFlightStandard: 120_000,
    inFlightFifo: 120_000,
    fifoTpsPerAction: 300,
    fifoBatchedMessagesPerSecond: 3000,
    queueNameLength: 80,
    groupIdLength: 128,
    purgeIntervalMs: 60 * SECOND,
    redriveAllowSourceQueues: 10
} as const;

export const SNS = {
    messageSizeBytes: 262_144,
    publishBatchEntries: 10,
    filterPolicyKeys: 5,
    filterPolicyCombinations: 150,
    filterPolicyBytes: 256 * KiB,
    filterPoliciesPerTopic: 200,
    numericFilterRange: 1_000_000_000,
    numericFilterDecimals: 5,
    fifoTopicMessagesPerSecond: 3000,
    fifoTopicBytesPerSecond: 20 * 1_000_000,
    topicNameLength: 256,
    dedupIntervalMs: 5 * MINUTE
} as const;

export const KINESIS = {
    shardWriteBytesPerSecond: MiB,
    shardWriteRecordsPerSecond: 1000,
    shardReadBytesPerSecond: 2 * MiB,
    shardReadTransactionsPerSecond: 5,
    getRecordsMaxRecords: 10_000,
    getRecordsMaxBytes: 10 * MiB,
    getRecordsPenaltyMs: 5 * SECOND,
    recordSizeBytes: { default: MiB, max: 10 * MiB },
    putRecordsRecords: 500,
    putRecordsBytes: 10 * MiB,
    retentionMs: { min: 24 * HOUR, max: 8760 * HOUR, default: 24 * HOUR },
    iteratorLifetimeMs: 5 * MINUTE,
    enhancedFanOutBytesPerSecondPerShard: 2 * MiB,
    enhancedFanOutSubscriptionMs: 5 * MINUTE,
    enhancedFanOutConsumers: 20,
    sharedConsumersAdvised: 5,
    onDemandInitialWriteBytesPerSecond: 4 * 1_000_000,
    onDemandInitialWriteRecordsPerSecond: 4000,
    partitionKeyLength: { min: 1, max: 256 },
    streamNameLength: 128
} as const;

export const FIREHOSE = {
    recordSizeBytes: 1000 * KiB,
    putRecordBatchRecords: 500,
    putRecordBatchBytes: 4 * MiB,
    bufferSizeBytes: { min: MiB, max: 128 * MiB, default: 5 * MiB },
    bufferIntervalMs: { min: 0, max: 900 * SECOND, default: 300 * SECOND },
    processorBufferBytes: { min: 200_000, max: 3_000_000, default: 1_000_000 },
    processorIntervalMs: { min: 0, max: 900 * SECOND, default: 60 * SECOND },
    processorRetries: 3,
    retryDurationMs: { min: 0, max: 7200 * SECOND },
    s3RetryMs: 24 * HOUR,
    dataRetentionMs: 24 * HOUR,
    activePartitions: 500,
    streamNameLength: 64
} as const;

export const LAMBDA = {
    defaultConcurrency: 1000,
    defaultDurationMs: 100
} as const;
