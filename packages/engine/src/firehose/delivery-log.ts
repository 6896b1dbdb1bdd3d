/** What a delivery stream wrote where: the observable outcome of every record. */
export type ObjectKind =
    /** Delivered to the destination (an S3 object, an HTTP request, an OpenSearch bulk, a Redshift COPY). */
    | 'delivery'
    /** Redshift's intermediate S3 object, before the COPY. */
    | 'intermediate'
    /** Source-record backup (S3BackupMode Enabled / AllData / AllDocuments / AllEvents). */
    | 'backup'
    /** Data the destination rejected after all retries, written to the backup bucket (FailedDataOnly, …). */
    | 'failed-data'
    /** Records the transform could not process, under `processing-failed/`. */
    | 'processing-failed'
    /** Dynamic partitioning: records beyond the active-partition limit, under the `activePartitionExceeded` error prefix. */
    | 'partition-overflow';

export interface ObjectRecord {
    recordId: string;
    size: number;
    data: Uint8Array | undefined;
    payload: unknown;
    transformed: boolean;
    /** For processing-failed and failed-data objects, the JSON document AWS writes per record. */
    error?: {
        attemptsMade: number;
        arrivalTimestamp: number;
        errorCode: string;
        errorMessage: string;
        attemptEndingTimestamp: number;
        rawData: string;
        lambdaArn?: string;
    };
}

export interface DeliveredObject {
    kind: ObjectKind;
    /** 'S3' for S3 objects (deliveries to S3, backups, error outputs), else the destination type. */
    destination: string;
    bucketArn?: string;
    /** S3 object key, or the endpoint / index for other destinations. */
    key: string;
    partition?: string;
    partitionKeys?: Record<string, string>;
    records: ObjectRecord[];
    bytes: number;
    /** Virtual time of the write. */
    timeMs: number;
    /** Delivery attempts it took (1 = first try). */
    attempts: number;
    reason?: string;
}

export interface DeliveryAttempt {
    timeMs: number;
    target: 'destination' | 'backup';
    recordIds: string[];
    ok: boolean;
    errorCode?: string;
}

export interface LostRecords {
    timeMs: number;
    recordIds: string[];
    reason: string;
}

/** Cumulative counters of a delivery stream, named after the CloudWatch metrics they feed. */
export interface DeliveryStreamMetrics {
    /** IncomingRecords / IncomingBytes (accepted puts or records read from the source stream). */
    incomingRecords: number;
    incomingBytes: number;
    /** ThrottledRecords: rejected by the Direct PUT quota. */
    throttledRecords: number;
    /** DeliveryToS3.Records / .Bytes / .Success (or DeliveryToHttpEndpoint.*, …): what reached the destination. */
    deliveredRecords: number;
    deliveredBytes: number;
    deliveredObjects: number;
    /** Failed delivery attempts (each retry counts). */
    failedDeliveryAttempts: number;
    /** ExecuteProcessing.Success counts Ok and Dropped records; Dropped and Failed are broken out. */
    processingSuccessRecords: number;
    droppedRecords: number;
    processingFailedRecords: number;
    lambdaInvocations: number;
    lambdaInvocationErrors: number;
    /** Source records written to the backup bucket. */
    backupRecords: number;
    /** Records that went to the backup bucket because the destination rejected them. */
    failedDataRecords: number;
    partitionOverflowRecords: number;
    /** Records given up on (S3 unreachable for 24 h, or destination and backup both down). */
    lostRecords: number;
    /** DeliveryToS3.DataFreshness: age of the oldest record not yet delivered (now), and the peak seen at deliveries. */
    dataFreshnessMs: number;
    maxDataFreshnessMs: number;
}

export function emptyDeliveryMetrics(): DeliveryStreamMetrics {
    return {
        incomingRecords: 0, incomingBytes: 0, throttledRecords: 0, deliveredRecords: 0, deliveredBytes: 0, deliveredObjects: 0,
        failedDeliveryAttempts: 0, processingSuccessRecords: 0, droppedRecords: 0, processingFailedRecords: 0,
        lambdaInvocations: 0, lambdaInvocationErrors: 0, backupRecords: 0, failedDataRecords: 0, partitionOverflowRecords: 0,
        lostRecords: 0, dataFreshnessMs: 0, maxDataFreshnessMs: 0
    };
}

/** Everything observable about one delivery stream; `keepLog: false` keeps only counters and events. */
export interface DeliveryLog {
    objects: DeliveredObject[];
    attempts: DeliveryAttempt[];
    invocations: Array<{ timeMs: number; attempt: number; recordIds: string[]; error?: string }>;
    lost: LostRecords[];
}

/** Pushed to listeners as things happen (the simulator's per-message accounting listens here). */
export type FirehoseEvent =
    | { type: 'object'; stream: string; object: DeliveredObject }
    | { type: 'dropped'; stream: string; timeMs: number; recordIds: string[]; payloads: unknown[] }
    | { type: 'lost'; stream: string; lost: LostRecords; payloads: unknown[] };
