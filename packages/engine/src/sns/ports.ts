import type { SnsLambdaEvent, SnsMessageAttributeMap } from './types.js';

/** The SendMessage fields SNS fills in when it delivers to an SQS queue. */
export interface SqsDeliveryRequest {
    MessageBody: string;
    MessageAttributes?: SnsMessageAttributeMap;
    MessageGroupId?: string;
    MessageDeduplicationId?: string;
    /** Not an AWS field: the publisher's tag, handed to the SQS engine for the simulator's bookkeeping. */
    tag?: unknown;
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
    getQueue(queueArnOrUrl: string): {
        url: string;
        /** The synchronous send of the SQS engine: throws AwsError, no promise per delivery. */
        sendFields?(
            body: string, delaySeconds: number | undefined, messageAttributes: SnsMessageAttributeMap | undefined,
            groupId: string | undefined, dedupId: string | undefined, tag: unknown
        ): unknown;
    };
    sendMessage(request: SqsDeliveryRequest & { QueueUrl: string }): Promise<unknown>;
}

/** SendMessage into the SQS service; synchronous when the queue offers `sendFields` (fan-out at simulator volumes). */
export function sqsPort(sqs: SqsLike): NonNullable<SnsDeliveryPorts['sqs']> {
    return (queueArn, request) => {
        const queue = sqs.getQueue(queueArn);
        if (queue.sendFields) {
            queue.sendFields(request.MessageBody, undefined, request.MessageAttributes, request.MessageGroupId, request.MessageDeduplicationId, request.tag);
            return undefined;
        }
        const { tag: _tag, ...fields } = request;
        return sqs.sendMessage({ ...fields, QueueUrl: queue.url });
    };
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
