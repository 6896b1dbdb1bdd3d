/**
 * Request and response shapes of the SNS actions, with AWS's field names (API reference, botocore
 * `sns/2010-03-31/service-2.json`). Attribute values are strings as on the wire; the FilterPolicy and
 * RedrivePolicy may also be given as objects (AWS's loose encodings).
 */

export type SnsProtocol = 'http' | 'https' | 'email' | 'email-json' | 'sms' | 'sqs' | 'application' | 'lambda' | 'firehose';

export interface SnsMessageAttribute {
    DataType: string;
    StringValue?: string;
    BinaryValue?: Uint8Array | string;
}
export type SnsMessageAttributeMap = Record<string, SnsMessageAttribute>;

export type AttributeInput = Record<string, string | number | boolean | object>;

export interface CreateTopicRequest { Name: string; Attributes?: AttributeInput; Tags?: Array<{ Key: string; Value: string }> }
export interface CreateTopicResult { TopicArn: string }
export interface DeleteTopicRequest { TopicArn: string }
export interface GetTopicAttributesRequest { TopicArn: string }
export interface GetTopicAttributesResult { Attributes: Record<string, string> }
export interface SetTopicAttributesRequest { TopicArn: string; AttributeName: string; AttributeValue?: string | object }
export interface ListTopicsResult { Topics: Array<{ TopicArn: string }> }

export interface SubscribeRequest {
    TopicArn: string;
    Protocol: string;
    Endpoint?: string;
    Attributes?: AttributeInput;
    ReturnSubscriptionArn?: boolean;
}
export interface SubscribeResult { SubscriptionArn: string }
export interface ConfirmSubscriptionRequest { TopicArn: string; Token: string; AuthenticateOnUnsubscribe?: string }
export interface UnsubscribeRequest { SubscriptionArn: string }
export interface GetSubscriptionAttributesRequest { SubscriptionArn: string }
export interface GetSubscriptionAttributesResult { Attributes: Record<string, string> }
export interface SetSubscriptionAttributesRequest { SubscriptionArn: string; AttributeName: string; AttributeValue?: string | object }
export interface SubscriptionSummary { SubscriptionArn: string; Owner: string; Protocol: string; Endpoint: string; TopicArn: string }
export interface ListSubscriptionsResult { Subscriptions: SubscriptionSummary[] }
export interface ListSubscriptionsByTopicRequest { TopicArn: string }

export interface PublishRequest {
    TopicArn?: string;
    TargetArn?: string;
    Message: string;
    Subject?: string;
    MessageStructure?: string;
    MessageAttributes?: SnsMessageAttributeMap;
    MessageDeduplicationId?: string;
    MessageGroupId?: string;
}
export interface PublishResult { MessageId: string; SequenceNumber?: string }

export interface PublishBatchRequestEntry extends Omit<PublishRequest, 'TopicArn' | 'TargetArn'> { Id: string }
export interface PublishBatchRequest { TopicArn: string; PublishBatchRequestEntries: PublishBatchRequestEntry[] }
export interface PublishBatchResultEntry { Id: string; MessageId: string; SequenceNumber?: string }
export interface BatchResultErrorEntry { Id: string; Code: string; Message?: string; SenderFault: boolean }
export interface PublishBatchResult { Successful: PublishBatchResultEntry[]; Failed: BatchResultErrorEntry[] }

/** The JSON envelope SNS delivers to SQS/HTTP/email-json subscribers unless raw delivery is on. */
export interface SnsEnvelope {
    Type: 'Notification' | 'SubscriptionConfirmation';
    MessageId: string;
    SequenceNumber?: string;
    Token?: string;
    TopicArn: string;
    Subject?: string;
    Message: string;
    Timestamp: string;
    SignatureVersion?: string;
    Signature?: string;
    SigningCertURL?: string;
    SubscribeURL?: string;
    UnsubscribeURL?: string;
    MessageAttributes?: Record<string, { Type: string; Value: string }>;
}

/** The event SNS hands to a Lambda function (one record per invocation). */
export interface SnsLambdaEvent {
    Records: Array<{
        EventSource: 'aws:sns';
        EventVersion: '1.0';
        EventSubscriptionArn: string;
        Sns: {
            Type: 'Notification';
            MessageId: string;
            TopicArn: string;
            Subject: string | null;
            Message: string;
            Timestamp: string;
            SignatureVersion: string;
            Signature: string;
            SigningCertUrl: string;
            UnsubscribeUrl: string;
            MessageAttributes: Record<string, { Type: string; Value: string }>;
        };
    }>;
}
