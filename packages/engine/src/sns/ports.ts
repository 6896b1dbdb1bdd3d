import type { SnsLambdaEvent, SnsMessageAttributeMap } from './types.js';

/** The SendMessage fields SNS fills in when it delivers to an SQS queue. */
export interface SqsDeliveryRequest {
    MessageBody: string;
    MessageAttributes?: SnsMessageAttributeMap;
    MessageGroupId?: string;
    MessageDeduplicationId?: string;
}

/**
 * How SNS reaches the other services of the cloud. Each port may answer synchronously or with a promise;
 * a thrown or rejected AwsError with `senderFault` is a client-side error (not retried), anything else a
 * server-side one (retried by the subscription's policy).
 */
export interface SnsDeliveryPorts {
    /** SendMessage to the queue with this ARN. */
    sqs?: (queueArn: string, request: SqsDeliveryRequest) => unknown;
    /** PutRecord into the Firehose delivery stream with this ARN. */
    firehose?: (deliveryStreamArn: string, data: string) => unknown;
    /** Asynchronous Invoke of the Lambda function with this ARN. */
    lambda?: (functionArn: string, event: SnsLambdaEvent) => unknown;
}

/** The part of the SQS service the SNS→SQS port needs (structural, so SNS does not depend on SQS internals). */
export interface SqsLike {
    getQueue(queueArnOrUrl: string): { url: string };
    sendMessage(request: SqsDeliveryRequest & { QueueUrl: string }): Promise<unknown>;
}

export function sqsPort(sqs: SqsLike): NonNullable<SnsDeliveryPorts['sqs']> {
    return (queueArn, request) => sqs.sendMessage({ ...request, QueueUrl: sqs.getQueue(queueArn).url });
}

/** The part of the Firehose service the SNS→Firehose port needs. */
export interface FirehoseLike {
    putRecord(request: { DeliveryStreamName: string; Record: { Data: string | Uint8Array } }): Promise<unknown>;
}

export function firehosePort(firehose: FirehoseLike): NonNullable<SnsDeliveryPorts['firehose']> {
    return (streamArn, data) => firehose.putRecord({
        DeliveryStreamName: streamArn.slice(streamArn.lastIndexOf('/') + 1),
        Record: { Data: data }
    });
}
