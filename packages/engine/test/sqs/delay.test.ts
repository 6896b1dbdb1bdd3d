import { describe, expect, it } from 'vitest';
import { bodies, expectAwsError, setup } from './helpers.js';

describe('§1.5 delay', () => {
    it('§1.5 standard: a per-message DelaySeconds overrides the queue delay (0-900)', async () => {
        const { queue, send, poll, at } = setup();
        const url = await queue('q', { DelaySeconds: '10' });
        await send(url, 'queue-delay');
        await send(url, 'no-delay', { DelaySeconds: 0 });
        await send(url, 'long', { DelaySeconds: 20 });
        await expectAwsError(send(url, 'x', { DelaySeconds: 901 }), 'InvalidParameterValue');
        expect(bodies(await poll(url))).toEqual(['no-delay']);
        await at(10.5);
        expect(bodies(await poll(url))).toEqual(['queue-delay']);
        await at(20.5);
        expect(bodies(await poll(url))).toEqual(['long']);
    });

    it('§1.5 standard: changing the queue delay is not retroactive', async () => {
        const { queue, send, poll, at, sqs } = setup();
        const url = await queue('q', { DelaySeconds: '10' });
        await send(url, 'before');
        await at(1);
        await sqs.setQueueAttributes({ QueueUrl: url, Attributes: { DelaySeconds: '0' } });
        await send(url, 'after');
        expect(bodies(await poll(url))).toEqual(['after']);
        await at(9);
        expect(await poll(url)).toEqual([]);
        await at(10.5);
        expect(bodies(await poll(url))).toEqual(['before']);
    });

    it('§1.5 FIFO: per-message DelaySeconds is rejected, an explicit 0 is accepted and the queue delay still applies', async () => {
        const { queue, send, poll, at } = setup();
        const url = await queue('q.fifo', { DelaySeconds: '5', ContentBasedDeduplication: 'true' });
        await expectAwsError(send(url, 'x', { MessageGroupId: 'g', DelaySeconds: 3 }), 'InvalidParameterValue', 'not valid for this queue type');
        await send(url, 'zero', { MessageGroupId: 'g', DelaySeconds: 0 });
        await at(4.9);
        expect(await poll(url)).toEqual([]);
        await at(5.1);
        expect(bodies(await poll(url))).toEqual(['zero']);
    });

    it('§1.5 FIFO: the queue delay is retroactive for messages not yet received', async () => {
        const { queue, send, poll, at, sqs, counts } = setup();
        const url = await queue('q.fifo', { DelaySeconds: '60', ContentBasedDeduplication: 'true' });
        await send(url, 'waiting', { MessageGroupId: 'g' });
        await at(10);
        expect(await counts(url)).toEqual([0, 0, 1]);
        await sqs.setQueueAttributes({ QueueUrl: url, Attributes: { DelaySeconds: '5' } });
        const [waiting] = await poll(url);
        expect(waiting!.Body).toBe('waiting');
        await sqs.deleteMessage({ QueueUrl: url, ReceiptHandle: waiting!.ReceiptHandle });
        await send(url, 'second', { MessageGroupId: 'h' });
        await sqs.setQueueAttributes({ QueueUrl: url, Attributes: { DelaySeconds: '30' } });
        await at(39.9);
        expect(await poll(url)).toEqual([]);
        await at(40.1);
        expect(bodies(await poll(url))).toEqual(['second']);
    });

    it('§1.5 delay hides a message from the moment it is sent (Delayed), visibility only after a receive (NotVisible)', async () => {
        const { queue, send, poll, counts } = setup();
        const url = await queue('q');
        await send(url, 'd', { DelaySeconds: 30 });
        await send(url, 'v');
        expect(await counts(url)).toEqual([1, 0, 1]);
        await poll(url);
        expect(await counts(url)).toEqual([0, 1, 1]);
    });

    it('§1.5 a delayed FIFO message does not block its group: earlier visible messages of the group are returned', async () => {
        const { queue, send, poll, at, sqs } = setup();
        const url = await queue('q.fifo', { DelaySeconds: '5', ContentBasedDeduplication: 'true' });
        await send(url, 'g-1', { MessageGroupId: 'g' });
        await at(3);
        await send(url, 'g-2', { MessageGroupId: 'g' });
        await at(6);
        const [first] = await poll(url);
        expect(first!.Body).toBe('g-1');
        await sqs.deleteMessage({ QueueUrl: url, ReceiptHandle: first!.ReceiptHandle });
        expect(await poll(url)).toEqual([]);
        await at(8.1);
        expect(bodies(await poll(url))).toEqual(['g-2']);
    });
});
