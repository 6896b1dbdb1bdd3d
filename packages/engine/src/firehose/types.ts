/**
 * Request and response shapes of the Amazon Data Firehose API as the engine speaks them (field names
 * as in the AWS API reference). Blobs are `Uint8Array`; a string on input means its UTF-8 bytes.
 */
export type Blob = Uint8Array | string;

export interface BufferingHints {
    SizeInMBs?: number;
    IntervalInSeconds?: number;
}

export interface RetryOptions {
    DurationInSeconds?: number;
}

export interface ProcessorParameter {
    ParameterName: 'LambdaArn' | 'NumberOfRetries' | 'BufferSizeInMBs' | 'BufferIntervalInSeconds' | 'MetadataExtractionQuery'
        | 'JsonParsingEngine' | 'Delimiter' | 'RoleArn' | 'SubRecordType' | 'CompressionFormat' | 'DataMessageExtraction';
    ParameterValue: string;
}

export interface ProcessingConfiguration {
    Enabled?: boolean;
    Processors?: Array<{
        Type: 'Lambda' | 'MetadataExtraction' | 'AppendDelimiterToRecord' | 'RecordDeAggregation' | 'Decompression' | 'CloudWatchLogProcessing';
        Parameters?: ProcessorParameter[];
    }>;
}

export interface S3Configuration {
    BucketARN: string;
    Prefix?: string;
    ErrorOutputPrefix?: string;
    BufferingHints?: BufferingHints;
    RoleARN?: string;
    CompressionFormat?: string;
}

export interface ExtendedS3DestinationConfiguration extends S3Configuration {
    ProcessingConfiguration?: ProcessingConfiguration;
    S3BackupMode?: 'Disabled' | 'Enabled';
    S3BackupConfiguration?: S3Configuration;
    DynamicPartitioningConfiguration?: { Enabled?: boolean; RetryOptions?: RetryOptions };
}

interface NonS3Destination {
    BufferingHints?: BufferingHints;
    RetryOptions?: RetryOptions;
    S3Configuration: S3Configuration;
    ProcessingConfiguration?: ProcessingConfiguration;
    RoleARN?: string;
}

export interface HttpEndpointDestinationConfiguration extends NonS3Destination {
    EndpointConfiguration: { Url: string; Name?: string; AccessKey?: string };
    S3BackupMode?: 'FailedDataOnly' | 'AllData';
}

export interface AmazonopensearchserviceDestinationConfiguration extends NonS3Destination {
    IndexName: string;
    DomainARN?: string;
    ClusterEndpoint?: string;
    S3BackupMode?: 'FailedDocumentsOnly' | 'AllDocuments';
}

export interface AmazonOpenSearchServerlessDestinationConfiguration extends NonS3Destination {
    IndexName: string;
    CollectionEndpoint?: string;
    S3BackupMode?: 'FailedDocumentsOnly' | 'AllDocuments';
}

export interface SplunkDestinationConfiguration extends NonS3Destination {
    HECEndpoint: string;
    HECEndpointType?: 'Raw' | 'Event';
    S3BackupMode?: 'FailedEventsOnly' | 'AllEvents';
}

export interface RedshiftDestinationConfiguration extends Omit<NonS3Destination, 'BufferingHints'> {
    ClusterJDBCURL: string;
    CopyCommand: { DataTableName: string; CopyOptions?: string };
    S3BackupMode?: 'Disabled' | 'Enabled';
    S3BackupConfiguration?: S3Configuration;
}

export interface CreateDeliveryStreamInput {
    DeliveryStreamName: string;
    DeliveryStreamType?: 'DirectPut' | 'KinesisStreamAsSource';
    KinesisStreamSourceConfiguration?: { KinesisStreamARN: string; RoleARN?: string };
    S3DestinationConfiguration?: S3Configuration;
    ExtendedS3DestinationConfiguration?: ExtendedS3DestinationConfiguration;
    HttpEndpointDestinationConfiguration?: HttpEndpointDestinationConfiguration;
    AmazonopensearchserviceDestinationConfiguration?: AmazonopensearchserviceDestinationConfiguration;
    AmazonOpenSearchServerlessDestinationConfiguration?: AmazonOpenSearchServerlessDestinationConfiguration;
    SplunkDestinationConfiguration?: SplunkDestinationConfiguration;
    RedshiftDestinationConfiguration?: RedshiftDestinationConfiguration;
}

export interface PutRecordBatchResponseEntry {
    RecordId?: string;
    ErrorCode?: 'ServiceUnavailableException' | 'InternalFailure';
    ErrorMessage?: string;
}

/** Lambda's record-transformation contract (what a transform function receives and returns). */
export interface TransformationInputRecord {
    recordId: string;
    /** Base64 of the record's bytes. */
    data: string;
    /** Epoch milliseconds of the virtual wall clock. */
    approximateArrivalTimestamp: number;
}

export interface TransformationOutputRecord {
    recordId: string;
    result: 'Ok' | 'Dropped' | 'ProcessingFailed';
    /** Base64 of the transformed bytes. */
    data?: string;
    /** Dynamic partitioning keys computed by the function (`partitionKeyFromLambda`). */
    metadata?: { partitionKeys?: Record<string, string> };
}

export interface TransformationEvent {
    invocationId: string;
    deliveryStreamArn: string;
    region: string;
    records: TransformationInputRecord[];
}

/**
 * A Firehose processor: given the buffered records, returns one output per input record, or throws
 * (an invocation error: timeout, throttling, crash), which Firehose retries NumberOfRetries times.
 */
export type TransformFunction = (records: TransformationInputRecord[], event: TransformationEvent) =>
    { records: TransformationOutputRecord[] } | Promise<{ records: TransformationOutputRecord[] }>;
