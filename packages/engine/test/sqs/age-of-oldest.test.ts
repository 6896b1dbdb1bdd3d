import { describe, expect, it } from 'vitest';
import { setup } from './helpers.js';

/** ApproximateAgeOfOldestMessage as the simulator reads it: now − the queue's oldest age base. */
describe('§5 ApproximateAgeOfOldestMessage', () => {
    it('§5 counts from the oldest enqueue time', async () => {
        const { sqs, queue, send, at, cloud } = setup();
        const url = await queue('q');
        const core = sqs.getQueue(url);
        expect(core.oldestAgeBase()).toBeUndefined();
        await at(5);
        await send(url, 'first');
        await at(12);
        await send(url, 'second');
        await at(30);
        expect(cloud.now() - core.oldestAgeBase()!).toBe(25_000);
    });

    it('§5 a message received 3 times goes to the back for the metric, which then points at the second-oldest', async () => {
        const { sqs, queue, send, poll, at } = setup();
        const url = await queue('q', { VisibilityTimeout: '1' });
        const core = sqs.getQueue(url);
        await send(url, 'poison');
        await at(1);
        await send(url, 'next');
        // Receive only the poison message (the oldest comes first), three times, 10 s apart.
        for (const t of [2, 12, 22]) {
            await at(t);
            const [m] = await poll(url, 1);
            expect(m!.Body).toBe('poison');
            if (t < 22) expect(core.oldestAgeBase()).toBe(0);
        }
        // Third receive at 22 s: the poison message is behind 'next' (enqueued at 1 s).
        expect(core.oldestAgeBase()).toBe(1_000);
        const [next] = await poll(url, 1, { VisibilityTimeout: 0 });
        expect(next!.Body).toBe('next');
        await sqs.deleteMessage({ QueueUrl: url, ReceiptHandle: next!.ReceiptHandle });
        // Alone again, it counts from its third receive, not from its send.
        expect(core.oldestAgeBase()).toBe(22_000);
    });

    it('§5 in a dead-letter queue the age counts from the move, while a standard DLQ keeps the enqueue time for retention', async () => {
        const { sqs, queue, arn, send, poll, at } = setup();
        const dlq = await queue('dlq', { MessageRetentionPeriod: '120' });
        const src = await queue('src', { VisibilityTimeout: '1', RedrivePolicy: JSON.stringify({ deadLetterTargetArn: await arn(dlq), maxReceiveCount: 1 }) });
        await send(src, 'm');
        await poll(src);
        await at(100);
        expect(await poll(src)).toHaveLength(0); // moved on this receive attempt
        const dead = sqs.getQueue(dlq);
        expect(dead.oldestAgeBase()).toBe(100_000);
        expect(dead.messages()[0]!.enqueueAt).toBe(0);
        await at(121);
        expect(dead.oldestAgeBase()).toBeUndefined(); // retention (120 s) counted from the original send
    });
});
