/**
 * Request and response shapes of the Kinesis Data Streams API as the engine speaks it (field names as in
 * the AWS API reference). Blobs are `Uint8Array`; a string is accepted on input and means its UTF-8 bytes.
 */
export type Blob = Uint8Array | string;

/** Every stream action names its stream by StreamName or StreamARN. */
export interface StreamRef {
    StreamName?: string;
    StreamARN?: string;
}

export type StreamMode = 'PROVISIONED' | 'ON_DEMAND';
export type StreamStatus = 'CREATING' | 'DELETING' | 'ACTIVE' | 'UPDATING';

export interface CreateStreamInput {
    StreamName: string;
    ShardCount?: number;
    StreamModeDetails?: { StreamMode: StreamMode };
    MaxRecordSizeInKiB?: number;
    /** On-demand only: write capacity to provision up front (MiB/s, ≤10,240). */
    WarmThroughputMiBps?: number;
}

export interface HashKeyRangeShape {
    StartingHashKey: string;
    EndingHashKey: string;
}

export interface ShardShape {
    ShardId: string;
    ParentShardId?: string;
    AdjacentParentShardId?: string;
    HashKeyRange: HashKeyRangeShape;
    SequenceNumberRange: { StartingSequenceNumber: string; EndingSequenceNumber?: string };
}

export interface StreamDescriptionSummary {
    StreamName: string;
    StreamARN: string;
    StreamStatus: StreamStatus;
    StreamModeDetails: { StreamMode: StreamMode };
    RetentionPeriodHours: number;
    StreamCreationTimestamp: Date;
    EnhancedMonitoring: Array<{ ShardLevelMetrics: string[] }>;
    EncryptionType: 'NONE';
    OpenShardCount: number;
    ConsumerCount: number;
    MaxRecordSizeInKiB: number;
}

export interface ListShardsInput extends StreamRef {
    NextToken?: string;
    MaxResults?: number;
    ShardFilter?: { Type: 'AT_LATEST' | 'AT_TRIM_HORIZON' | 'FROM_TRIM_HORIZON' };
}

export interface PutRecordInput extends StreamRef {
    Data: Blob;
    PartitionKey: string;
    ExplicitHashKey?: string;
    SequenceNumberForOrdering?: string;
}

export interface PutRecordOutput {
    ShardId: string;
    SequenceNumber: string;
    EncryptionType: 'NONE';
}

export interface PutRecordsInput extends StreamRef {
    Records: Array<{ Data: Blob; PartitionKey: string; ExplicitHashKey?: string }>;
}

export type PutRecordsResultEntry =
    | { SequenceNumber: string; ShardId: string }
    | { ErrorCode: 'ProvisionedThroughputExceededException' | 'InternalFailure'; ErrorMessage: string };

export interface PutRecordsOutput {
    FailedRecordCount: number;
    Records: PutRecordsResultEntry[];
    EncryptionType: 'NONE';
}

export type ShardIteratorType = 'TRIM_HORIZON' | 'LATEST' | 'AT_SEQUENCE_NUMBER' | 'AFTER_SEQUENCE_NUMBER' | 'AT_TIMESTAMP';

export interface GetShardIteratorInput extends StreamRef {
    ShardId: string;
    ShardIteratorType: ShardIteratorType;
    StartingSequenceNumber?: string;
    /** A Date, or epoch milliseconds of the virtual wall clock. */
    Timestamp?: Date | number;
}

export interface KinesisRecord {
    SequenceNumber: string;
    ApproximateArrivalTimestamp: Date;
    Data: Uint8Array;
    PartitionKey: string;
    EncryptionType?: 'NONE';
}

export interface ChildShard {
    ShardId: string;
    ParentShards: string[];
    HashKeyRange: HashKeyRangeShape;
}

export interface GetRecordsOutput {
    Records: KinesisRecord[];
    /** Absent (null on the wire) once a closed shard has been read to its end. */
    NextShardIterator?: string;
    MillisBehindLatest: number;
    ChildShards?: ChildShard[];
}

export interface Consumer {
    ConsumerName: string;
    ConsumerARN: string;
    ConsumerStatus: 'CREATING' | 'DELETING' | 'ACTIVE';
    ConsumerCreationTimestamp: Date;
}

export interface StartingPosition {
    Type: ShardIteratorType;
    SequenceNumber?: string;
    Timestamp?: Date | number;
}

export interface SubscribeToShardInput {
    ConsumerARN: string;
    ShardId: string;
    StartingPosition: StartingPosition;
}

export interface SubscribeToShardEvent {
    Records: KinesisRecord[];
    ContinuationSequenceNumber: string;
    MillisBehindLatest: number;
    ChildShards?: ChildShard[];
}
