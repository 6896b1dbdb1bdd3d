import { describe, expect, it } from 'vitest';
import { expectAwsError, setup } from './helpers.js';

describe('§1.2 message lifecycle and counters', () => {
    it('§1.2 ApproximateNumberOfMessages / NotVisible / Delayed count stored, in-flight and delayed messages exactly', async () => {
        const { queue, send, poll, counts, at, sqs } = setup();
        const url = await queue('q', { VisibilityTimeout: '60' });
        for (let i = 0; i < 5; i++) await send(url, `m${i}`);
        await send(url, 'later', { DelaySeconds: 30 });
        expect(await counts(url)).toEqual([5, 0, 1]);
        await at(1);
        const got = await poll(url, 2);
        expect(await counts(url)).toEqual([3, 2, 1]);
        await sqs.deleteMessage({ QueueUrl: url, ReceiptHandle: got[0]!.ReceiptHandle });
        expect(await counts(url)).toEqual([3, 1, 1]);
        await at(30.5);
        expect(await counts(url)).toEqual([4, 1, 0]);
        await at(61.5);
        expect(await counts(url)).toEqual([5, 0, 0]);
    });

    it('§1.2 stored messages are unlimited but a standard queue allows 120,000 in flight: short polls get OverLimit, long polls nothing', async () => {
        const { sqs, queue, at } = setup();
        const url = await queue('q', { VisibilityTimeout: '600' });
        const core = sqs.getQueue(url);
        for (let i = 0; i < 120_001; i++) core.send({ body: 'x' });
        let received = 0;
        while (received < 120_000) received += core.receiveNow({ max: 10 }).length;
        expect(core.counts()).toEqual({ visible: 1, inFlight: 120_000, delayed: 0 });
        await expectAwsError(sqs.receiveMessage({ QueueUrl: url, WaitTimeSeconds: 0 }), 'OverLimit');
        const long = sqs.receiveMessage({ QueueUrl: url, WaitTimeSeconds: 2 });
        await at(3);
        expect((await long).Messages).toEqual([]);
    });

    it('§1.2 a FIFO queue at 120,000 in flight returns no messages and no error', async () => {
        const { sqs, queue } = setup();
        const url = await queue('q.fifo', { VisibilityTimeout: '600', ContentBasedDeduplication: 'true' });
        const core = sqs.getQueue(url);
        for (let i = 0; i < 120_001; i++) core.send({ body: `x${i}`, groupId: `g${i}` });
        let received = 0;
        while (received < 120_000) received += core.receiveNow({ max: 10 }).length;
        expect((await sqs.receiveMessage({ QueueUrl: url, WaitTimeSeconds: 0 })).Messages).toEqual([]);
        expect(core.counts().visible).toBe(1);
    });

    it('§1.2 retention applies to in-flight messages: an in-flight message is deleted when it expires', async () => {
        const { queue, send, poll, counts, at, sqs } = setup();
        const url = await queue('q', { MessageRetentionPeriod: '60', VisibilityTimeout: '300' });
        await send(url, 'm');
        await at(1);
        const [m] = await poll(url);
        expect(await counts(url)).toEqual([0, 1, 0]);
        await at(60.5);
        expect(await counts(url)).toEqual([0, 0, 0]);
        // Deleting an expired message is harmless (AWS answers success).
        await sqs.deleteMessage({ QueueUrl: url, ReceiptHandle: m!.ReceiptHandle });
        await at(302);
        expect(await poll(url)).toEqual([]);
    });

    it('§1.2 GetQueueAttributes(All) answers every attribute AWS does, including QueueArn and timestamps in epoch seconds', async () => {
        const { sqs, at } = setup({ epochMs: Date.UTC(2026, 0, 1) });
        await at(5);
        const { QueueUrl } = await sqs.createQueue({ QueueName: 'q.fifo', Attributes: { FifoQueue: 'true' } });
        const { Attributes } = await sqs.getQueueAttributes({ QueueUrl, AttributeNames: ['All'] });
        expect(Object.keys(Attributes).sort()).toEqual([
            'ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesDelayed', 'ApproximateNumberOfMessagesNotVisible',
            'ContentBasedDeduplication', 'CreatedTimestamp', 'DeduplicationScope', 'DelaySeconds', 'FifoQueue', 'FifoThroughputLimit',
            'LastModifiedTimestamp', 'MaximumMessageSize', 'MessageRetentionPeriod', 'QueueArn', 'ReceiveMessageWaitTimeSeconds',
            'SqsManagedSseEnabled', 'VisibilityTimeout'
        ]);
        expect(Attributes['QueueArn']).toBe('arn:aws:sqs:us-east-1:000000000000:q.fifo');
        expect(Attributes['CreatedTimestamp']).toBe(String(Date.UTC(2026, 0, 1) / 1000 + 5));
        const only = await sqs.getQueueAttributes({ QueueUrl, AttributeNames: ['VisibilityTimeout'] });
        expect(only.Attributes).toEqual({ VisibilityTimeout: '30' });
    });
});
