/**
 * Request and response shapes of the SQS actions, with AWS's field names (API reference, botocore
 * `sqs/2012-11-05/service-2.json`). Attribute values are strings as on the wire; numbers are accepted
 * where AWS's SDKs accept them loosely.
 */

export type QueueAttributeName =
    | 'All' | 'Policy' | 'VisibilityTimeout' | 'MaximumMessageSize' | 'MessageRetentionPeriod'
    | 'ApproximateNumberOfMessages' | 'ApproximateNumberOfMessagesNotVisible' | 'CreatedTimestamp'
    | 'LastModifiedTimestamp' | 'QueueArn' | 'ApproximateNumberOfMessagesDelayed' | 'DelaySeconds'
    | 'ReceiveMessageWaitTimeSeconds' | 'RedrivePolicy' | 'FifoQueue' | 'ContentBasedDeduplication'
    | 'KmsMasterKeyId' | 'KmsDataKeyReusePeriodSeconds' | 'DeduplicationScope' | 'FifoThroughputLimit'
    | 'RedriveAllowPolicy' | 'SqsManagedSseEnabled';

export type MessageSystemAttributeName =
    | 'All' | 'SenderId' | 'SentTimestamp' | 'ApproximateReceiveCount' | 'ApproximateFirstReceiveTimestamp'
    | 'SequenceNumber' | 'MessageDeduplicationId' | 'MessageGroupId' | 'AWSTraceHeader'
    | 'DeadLetterQueueSourceArn';

/** Attribute values may be given as numbers or (RedrivePolicy, RedriveAllowPolicy) objects; AWS's own form is a string. */
export type QueueAttributeInput = Record<string, string | number | boolean | object>;

export interface MessageAttributeValue {
    DataType: string;
    StringValue?: string;
    BinaryValue?: Uint8Array | string;
    StringListValues?: string[];
    BinaryListValues?: (Uint8Array | string)[];
}
export type MessageAttributeMap = Record<string, MessageAttributeValue>;

export interface CreateQueueRequest { QueueName: string; Attributes?: QueueAttributeInput; tags?: Record<string, string> }
export interface CreateQueueResult { QueueUrl: string }
export interface GetQueueUrlRequest { QueueName: string; QueueOwnerAWSAccountId?: string }
export interface GetQueueUrlResult { QueueUrl: string }
export interface DeleteQueueRequest { QueueUrl: string }
export interface ListQueuesRequest { QueueNamePrefix?: string; MaxResults?: number }
export interface ListQueuesResult { QueueUrls: string[] }
export interface GetQueueAttributesRequest { QueueUrl: string; AttributeNames?: (QueueAttributeName | string)[] }
export interface GetQueueAttributesResult { Attributes: Record<string, string> }
export interface SetQueueAttributesRequest { QueueUrl: string; Attributes: QueueAttributeInput }
export interface TagQueueRequest { QueueUrl: string; Tags: Record<string, string> }
export interface UntagQueueRequest { QueueUrl: string; TagKeys: string[] }
export interface ListQueueTagsResult { Tags: Record<string, string> }

export interface SendMessageRequest {
    QueueUrl: string;
    MessageBody: string;
    DelaySeconds?: number;
    MessageAttributes?: MessageAttributeMap;
    MessageSystemAttributes?: MessageAttributeMap;
    MessageDeduplicationId?: string;
    MessageGroupId?: string;
}
export interface SendMessageResult {
    MessageId: string;
    MD5OfMessageBody: string;
    MD5OfMessageAttributes?: string;
    SequenceNumber?: string;
}

export interface SendMessageBatchRequestEntry extends Omit<SendMessageRequest, 'QueueUrl'> { Id: string }
export interface SendMessageBatchRequest { QueueUrl: string; Entries: SendMessageBatchRequestEntry[] }
export interface SendMessageBatchResultEntry extends SendMessageResult { Id: string }
export interface BatchResultErrorEntry { Id: string; SenderFault: boolean; Code: string; Message?: string }
export interface SendMessageBatchResult { Successful: SendMessageBatchResultEntry[]; Failed: BatchResultErrorEntry[] }

export interface ReceiveMessageRequest {
    QueueUrl: string;
    MaxNumberOfMessages?: number;
    WaitTimeSeconds?: number;
    VisibilityTimeout?: number;
    /** Deprecated by AWS in favour of MessageSystemAttributeNames, still accepted. */
    AttributeNames?: (MessageSystemAttributeName | string)[];
    MessageSystemAttributeNames?: (MessageSystemAttributeName | string)[];
    MessageAttributeNames?: string[];
    ReceiveRequestAttemptId?: string;
}
export interface Message {
    MessageId: string;
    ReceiptHandle: string;
    MD5OfBody: string;
    Body: string;
    Attributes?: Record<string, string>;
    MD5OfMessageAttributes?: string;
    MessageAttributes?: MessageAttributeMap;
}
export interface ReceiveMessageResult { Messages: Message[] }

export interface DeleteMessageRequest { QueueUrl: string; ReceiptHandle: string }
export interface DeleteMessageBatchRequest { QueueUrl: string; Entries: { Id: string; ReceiptHandle: string }[] }
export interface BatchResult { Successful: { Id: string }[]; Failed: BatchResultErrorEntry[] }
export interface ChangeMessageVisibilityRequest { QueueUrl: string; ReceiptHandle: string; VisibilityTimeout: number }
export interface ChangeMessageVisibilityBatchRequest {
    QueueUrl: string;
    Entries: { Id: string; ReceiptHandle: string; VisibilityTimeout: number }[];
}
export interface PurgeQueueRequest { QueueUrl: string }
export interface ListDeadLetterSourceQueuesRequest { QueueUrl: string; MaxResults?: number }
export interface ListDeadLetterSourceQueuesResult { queueUrls: string[] }

export interface StartMessageMoveTaskRequest { SourceArn: string; DestinationArn?: string; MaxNumberOfMessagesPerSecond?: number }
export interface StartMessageMoveTaskResult { TaskHandle: string }
export interface CancelMessageMoveTaskRequest { TaskHandle: string }
export interface CancelMessageMoveTaskResult { ApproximateNumberOfMessagesMoved: number }
export interface ListMessageMoveTasksRequest { SourceArn: string; MaxResults?: number }
export interface MessageMoveTaskResult {
    TaskHandle?: string;
    Status: 'RUNNING' | 'COMPLETED' | 'CANCELLING' | 'CANCELLED' | 'FAILED';
    SourceArn: string;
    DestinationArn?: string;
    MaxNumberOfMessagesPerSecond?: number;
    ApproximateNumberOfMessagesMoved: number;
    ApproximateNumberOfMessagesToMove?: number;
    FailureReason?: string;
    StartedTimestamp: number;
}
export interface ListMessageMoveTasksResult { Results: MessageMoveTaskResult[] }
