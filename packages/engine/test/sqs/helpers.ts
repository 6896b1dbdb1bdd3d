import { expect } from 'vitest';
import { createCloud, isAwsError } from '../../src/index.js';
import type { Cloud, CloudOptions, SqsTypes } from '../../src/index.js';

export type Msg = SqsTypes.Message;

/** A cloud plus shorthands for timeline tests (times in seconds of virtual time). */
export function setup(options: CloudOptions = {}) {
    const cloud: Cloud = createCloud({ seed: 7, ...options });
    const sqs = cloud.sqs;
    return {
        cloud,
        sqs,
        /** Runs the clock to `seconds`. */
        at: (seconds: number) => cloud.runUntil(seconds * 1000),
        async queue(name: string, attributes: Record<string, string> = {}): Promise<string> {
            const fifo = name.endsWith('.fifo');
            const { QueueUrl } = await sqs.createQueue({ QueueName: name, Attributes: fifo ? { FifoQueue: 'true', ...attributes } : attributes });
            return QueueUrl;
        },
        async arn(url: string): Promise<string> {
            return (await sqs.getQueueAttributes({ QueueUrl: url, AttributeNames: ['QueueArn'] })).Attributes['QueueArn']!;
        },
        async send(url: string, body: string, extra: Partial<SqsTypes.SendMessageRequest> = {}) {
            return sqs.sendMessage({ QueueUrl: url, MessageBody: body, ...extra });
        },
        /** A short poll (WaitTimeSeconds 0) with every system attribute. */
        async poll(url: string, max = 10, extra: Partial<SqsTypes.ReceiveMessageRequest> = {}): Promise<Msg[]> {
            const { Messages } = await sqs.receiveMessage({ QueueUrl: url, MaxNumberOfMessages: max, WaitTimeSeconds: 0, MessageSystemAttributeNames: ['All'], ...extra });
            return Messages;
        },
        async counts(url: string): Promise<[number, number, number]> {
            const { Attributes: a } = await sqs.getQueueAttributes({ QueueUrl: url, AttributeNames: ['All'] });
            return [Number(a['ApproximateNumberOfMessages']), Number(a['ApproximateNumberOfMessagesNotVisible']), Number(a['ApproximateNumberOfMessagesDelayed'])];
        },
        /** Starts a receive and records when (virtual ms) it completed. */
        longPoll(url: string, request: Partial<SqsTypes.ReceiveMessageRequest> = {}) {
            const record: { messages?: Msg[]; at?: number } = {};
            const promise = sqs.receiveMessage({ QueueUrl: url, MessageSystemAttributeNames: ['All'], ...request }).then(r => {
                record.messages = r.Messages;
                record.at = cloud.now();
                return r.Messages;
            });
            return { record, promise };
        }
    };
}

export const bodies = (messages: readonly Msg[]): string[] => messages.map(m => m.Body);

/** Asserts that `action` rejects with an AwsError of `code` (and, optionally, a message fragment). */
export async function expectAwsError(action: Promise<unknown> | (() => unknown), code: string, contains?: string): Promise<void> {
    let error: unknown;
    try {
        await (typeof action === 'function' ? action() : action);
    } catch (e) {
        error = e;
    }
    expect(error, `expected ${code}`).toBeDefined();
    expect(isAwsError(error, code), `expected ${code}, got ${String((error as Error)?.name)}: ${String((error as Error)?.message)}`).toBe(true);
    if (contains !== undefined) expect((error as Error).message).toContain(contains);
}
