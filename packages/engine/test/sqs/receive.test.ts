import { describe, expect, it } from 'vitest';
import { bodies, expectAwsError, setup } from './helpers.js';

describe('§1.3 ReceiveMessage and polling', () => {
    it('§1.3 MaxNumberOfMessages is 1-10 (default 1) and WaitTimeSeconds 0-20, with AWS\'s messages', async () => {
        const { sqs, queue, send } = setup();
        const url = await queue('q');
        for (let i = 0; i < 12; i++) await send(url, `m${i}`);
        expect((await sqs.receiveMessage({ QueueUrl: url })).Messages).toHaveLength(1);
        expect((await sqs.receiveMessage({ QueueUrl: url, MaxNumberOfMessages: 10 })).Messages).toHaveLength(10);
        await expectAwsError(sqs.receiveMessage({ QueueUrl: url, MaxNumberOfMessages: 11 }), 'InvalidParameterValue', 'Must be between 1 and 10, if provided.');
        await expectAwsError(sqs.receiveMessage({ QueueUrl: url, MaxNumberOfMessages: 0 }), 'InvalidParameterValue');
        await expectAwsError(sqs.receiveMessage({ QueueUrl: url, WaitTimeSeconds: 21 }), 'InvalidParameterValue', 'Must be >= 0 and <= 20');
        await expectAwsError(sqs.receiveMessage({ QueueUrl: url, WaitTimeSeconds: -1 }), 'InvalidParameterValue');
    });

    it('§1.3 omitted WaitTimeSeconds means the queue\'s ReceiveMessageWaitTimeSeconds; an explicit 0 is a short poll', async () => {
        const { queue, longPoll, at, send } = setup();
        const url = await queue('q', { ReceiveMessageWaitTimeSeconds: '10' });
        const defaulted = longPoll(url);
        const short = longPoll(url, { WaitTimeSeconds: 0 });
        await at(0);
        expect(short.record).toEqual({ messages: [], at: 0 });
        expect(defaulted.record.at).toBeUndefined();
        await at(4);
        await send(url, 'hello');
        await at(5);
        expect(defaulted.record.at).toBe(4000);
        expect(bodies(defaulted.record.messages!)).toEqual(['hello']);
    });

    it('§1.3 full-sample short poll returns min(max, available)', async () => {
        const { queue, send, poll } = setup();
        const url = await queue('q');
        for (let i = 0; i < 7; i++) await send(url, `m${i}`);
        expect(await poll(url, 5)).toHaveLength(5);
        expect(await poll(url, 5)).toHaveLength(2);
        expect(await poll(url, 5)).toHaveLength(0);
    });

    it('§1.3 sampled short poll may return fewer than available, is seeded, and repeated polls eventually see every message', async () => {
        const run = async (seed: number) => {
            const { queue, send, poll, sqs } = setup({ seed, sqs: { shortPoll: { mode: 'sampled', sampleRate: 0.5 } } });
            const url = await queue('q');
            for (let i = 0; i < 20; i++) await send(url, `m${i}`);
            const sizes: number[] = [];
            const seen = new Set<string>();
            for (let i = 0; i < 40 && seen.size < 20; i++) {
                const got = await poll(url, 10);
                sizes.push(got.length);
                for (const m of got) {
                    seen.add(m.Body);
                    await sqs.deleteMessage({ QueueUrl: url, ReceiptHandle: m.ReceiptHandle });
                }
            }
            return { sizes, seen: seen.size };
        };
        const a = await run(1);
        expect(a.seen).toBe(20);
        expect(a.sizes.some(n => n < 10 && n > 0) || a.sizes.includes(0)).toBe(true);
        expect(await run(1)).toEqual(a);
        // Long polls are never sampled.
        const { queue, send, sqs } = setup({ sqs: { shortPoll: { mode: 'sampled', sampleRate: 0.01 } } });
        const url = await queue('q');
        for (let i = 0; i < 10; i++) await send(url, `m${i}`);
        expect((await sqs.receiveMessage({ QueueUrl: url, MaxNumberOfMessages: 10, WaitTimeSeconds: 5 })).Messages).toHaveLength(10);
    });

    it('§1.3 a long poll returns as soon as a message is sent, with the whole batch that arrived at that instant', async () => {
        const { queue, longPoll, at, sqs } = setup();
        const url = await queue('q');
        const poll = longPoll(url, { WaitTimeSeconds: 20, MaxNumberOfMessages: 10 });
        await at(3.25);
        await sqs.sendMessageBatch({ QueueUrl: url, Entries: [{ Id: 'a', MessageBody: 'a' }, { Id: 'b', MessageBody: 'b' }, { Id: 'c', MessageBody: 'c' }] });
        await at(20);
        expect(poll.record.at).toBe(3250);
        expect(bodies(poll.record.messages!).sort()).toEqual(['a', 'b', 'c']);
    });

    it('§1.3 a long poll is woken when a delay ends', async () => {
        const { queue, longPoll, at, send } = setup();
        const url = await queue('q');
        await send(url, 'd', { DelaySeconds: 7 });
        await at(1);
        const poll = longPoll(url, { WaitTimeSeconds: 20 });
        await at(30);
        expect(poll.record.at).toBe(7000);
        expect(bodies(poll.record.messages!)).toEqual(['d']);
    });

    it('§1.3 a long poll on a FIFO queue is woken when the in-flight head of its only group is deleted', async () => {
        const { queue, longPoll, at, send, poll, sqs } = setup();
        const url = await queue('q.fifo', { ContentBasedDeduplication: 'true', VisibilityTimeout: '60' });
        await send(url, 'g1', { MessageGroupId: 'g' });
        await send(url, 'g2', { MessageGroupId: 'g' });
        const [head] = await poll(url, 1);
        // g2 is stored but blocked behind the in-flight head: the long poll waits.
        const waiting = longPoll(url, { WaitTimeSeconds: 20 });
        await at(4);
        expect(waiting.record.at).toBeUndefined();
        await sqs.deleteMessage({ QueueUrl: url, ReceiptHandle: head!.ReceiptHandle });
        await at(30);
        expect(waiting.record.at).toBe(4000);
        expect(waiting.record.messages!.map(m => m.Body)).toEqual(['g2']);
    });

    it('§1.3 a long poll is woken when a visibility timeout expires', async () => {
        const { queue, longPoll, at, send, poll } = setup();
        const url = await queue('q', { VisibilityTimeout: '5' });
        await send(url, 'v');
        await at(1);
        await poll(url);
        const waiting = longPoll(url, { WaitTimeSeconds: 20 });
        await at(30);
        expect(waiting.record.at).toBe(6000);
        expect(waiting.record.messages![0]!.Attributes!['ApproximateReceiveCount']).toBe('2');
    });

    it('§1.3 a long poll is woken by ChangeMessageVisibility(0) at the time of the call', async () => {
        const { queue, longPoll, at, send, poll, sqs } = setup();
        const url = await queue('q', { VisibilityTimeout: '600' });
        await send(url, 'v');
        const [m] = await poll(url);
        const waiting = longPoll(url, { WaitTimeSeconds: 20 });
        await at(2.5);
        await sqs.changeMessageVisibility({ QueueUrl: url, ReceiptHandle: m!.ReceiptHandle, VisibilityTimeout: 0 });
        await at(30);
        expect(waiting.record.at).toBe(2500);
        expect(bodies(waiting.record.messages!)).toEqual(['v']);
    });

    it('§1.3 an empty long poll returns only when its wait expires', async () => {
        const { queue, longPoll, at } = setup();
        const url = await queue('q');
        const poll = longPoll(url, { WaitTimeSeconds: 13 });
        await at(12.9);
        expect(poll.record.at).toBeUndefined();
        await at(14);
        expect(poll.record).toEqual({ messages: [], at: 13000 });
    });

    it('§1.3 concurrent long polls each end at their own WaitTimeSeconds, whichever started first or was served early', async () => {
        const { queue, longPoll, at, send } = setup();
        const url = await queue('q');
        const long = longPoll(url, { WaitTimeSeconds: 20 });
        const served = longPoll(url, { WaitTimeSeconds: 20 });
        await at(1);
        const short = longPoll(url, { WaitTimeSeconds: 5 });
        const later = longPoll(url, { WaitTimeSeconds: 3 });
        await at(2);
        await send(url, 'x');
        await at(2.5);
        expect(long.record.at).toBe(2000);
        await at(30);
        expect(served.record).toEqual({ messages: [], at: 20000 });
        expect(short.record).toEqual({ messages: [], at: 6000 });
        expect(later.record).toEqual({ messages: [], at: 4000 });
    });

    it('§1.3 waiting long polls are served in arrival order', async () => {
        const { queue, longPoll, at, send } = setup();
        const url = await queue('q');
        const first = longPoll(url, { WaitTimeSeconds: 20 });
        await at(1);
        const second = longPoll(url, { WaitTimeSeconds: 20 });
        await at(2);
        await send(url, 'one');
        await at(3);
        await send(url, 'two');
        await at(4);
        expect(bodies(first.record.messages!)).toEqual(['one']);
        expect(first.record.at).toBe(2000);
        expect(bodies(second.record.messages!)).toEqual(['two']);
        expect(second.record.at).toBe(3000);
    });

    it('§1.3 every receive issues a new ReceiptHandle; ApproximateReceiveCount, SentTimestamp and ApproximateFirstReceiveTimestamp are epoch ms', async () => {
        const { queue, send, poll, at } = setup({ epochMs: 1_700_000_000_000 });
        const url = await queue('q', { VisibilityTimeout: '1' });
        await at(2);
        await send(url, 'm');
        await at(3);
        const [first] = await poll(url);
        await at(5);
        const [second] = await poll(url);
        expect(second!.ReceiptHandle).not.toBe(first!.ReceiptHandle);
        expect(second!.MessageId).toBe(first!.MessageId);
        expect(second!.Attributes).toMatchObject({
            ApproximateReceiveCount: '2', SentTimestamp: '1700000002000', ApproximateFirstReceiveTimestamp: '1700000003000', SenderId: '000000000000'
        });
        expect(first!.Attributes!['ApproximateReceiveCount']).toBe('1');
    });

    it('§1.3 only the requested system attributes are returned', async () => {
        const { queue, send, sqs } = setup();
        const url = await queue('q');
        await send(url, 'a');
        await send(url, 'b');
        const none = await sqs.receiveMessage({ QueueUrl: url });
        expect(none.Messages[0]!.Attributes).toBeUndefined();
        const some = await sqs.receiveMessage({ QueueUrl: url, AttributeNames: ['SentTimestamp'] });
        expect(some.Messages[0]!.Attributes).toEqual({ SentTimestamp: '0' });
    });

    it('§1.3 FIFO ReceiveRequestAttemptId: a retry within 5 min returns the same messages and handles and resets the visibility timeout', async () => {
        const { queue, send, poll, at, counts, sqs } = setup();
        const url = await queue('q.fifo', { ContentBasedDeduplication: 'true', VisibilityTimeout: '30' });
        await send(url, 'a', { MessageGroupId: 'g' });
        await send(url, 'b', { MessageGroupId: 'g' });
        const first = await poll(url, 10, { ReceiveRequestAttemptId: 'try-1' });
        await at(20);
        const retry = await poll(url, 10, { ReceiveRequestAttemptId: 'try-1' });
        expect(retry.map(m => m.ReceiptHandle)).toEqual(first.map(m => m.ReceiptHandle));
        expect(bodies(retry)).toEqual(['a', 'b']);
        await at(35);
        expect(await counts(url)).toEqual([0, 2, 0]); // the retry at 20 s extended visibility to 50 s
        await sqs.deleteMessage({ QueueUrl: url, ReceiptHandle: first[0]!.ReceiptHandle });
        await at(51);
        // Something changed (a message was deleted): the ID no longer replays, a fresh receive happens.
        const fresh = await poll(url, 10, { ReceiveRequestAttemptId: 'try-1' });
        expect(bodies(fresh)).toEqual(['b']);
        expect(fresh[0]!.ReceiptHandle).not.toBe(first[1]!.ReceiptHandle);
    });
});
