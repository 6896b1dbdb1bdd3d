import { describe, expect, it } from 'vitest';
import { bodies, expectAwsError, setup } from './helpers.js';

describe('§1.6 FIFO semantics', () => {
    it('§1.6 MessageGroupId is required on FIFO queues', async () => {
        const { queue, send } = setup();
        const url = await queue('q.fifo', { ContentBasedDeduplication: 'true' });
        await expectAwsError(send(url, 'x'), 'MissingParameter', 'The request must contain the parameter MessageGroupId.');
    });

    it('§1.6 order is strict within a group; groups are independent', async () => {
        const { queue, send, poll, sqs } = setup();
        const url = await queue('q.fifo', { ContentBasedDeduplication: 'true' });
        for (let i = 1; i <= 4; i++) {
            await send(url, `a${i}`, { MessageGroupId: 'a' });
            await send(url, `b${i}`, { MessageGroupId: 'b' });
        }
        const seen: string[] = [];
        for (let round = 0; round < 8; round++) {
            const got = await poll(url, 1);
            for (const m of got) {
                seen.push(m.Body);
                await sqs.deleteMessage({ QueueUrl: url, ReceiptHandle: m.ReceiptHandle });
            }
        }
        expect(seen.filter(b => b.startsWith('a'))).toEqual(['a1', 'a2', 'a3', 'a4']);
        expect(seen.filter(b => b.startsWith('b'))).toEqual(['b1', 'b2', 'b3', 'b4']);
    });

    it('§1.6 content-based deduplication hashes the body only (attributes ignored); an explicit ID overrides it', async () => {
        const { queue, send, poll, sqs } = setup();
        const url = await queue('q.fifo', { ContentBasedDeduplication: 'true' });
        const first = await send(url, 'same', { MessageGroupId: 'g', MessageAttributes: { a: { DataType: 'String', StringValue: '1' } } });
        const dup = await send(url, 'same', { MessageGroupId: 'g', MessageAttributes: { a: { DataType: 'String', StringValue: '2' } } });
        expect(dup.MessageId).toBe(first.MessageId);
        await send(url, 'same', { MessageGroupId: 'g', MessageDeduplicationId: 'explicit' });
        const got = await poll(url, 10, { MessageAttributeNames: ['All'] });
        expect(bodies(got)).toEqual(['same', 'same']);
        expect(got[0]!.Attributes!['MessageDeduplicationId']).toMatch(/^[0-9a-f]{64}$/);
        expect(got[1]!.Attributes!['MessageDeduplicationId']).toBe('explicit');
        await expectAwsError(sqs.sendMessage({ QueueUrl: (await queue('plain.fifo')), MessageBody: 'x', MessageGroupId: 'g' }),
            'InvalidParameterValue', 'The queue should either have ContentBasedDeduplication enabled or MessageDeduplicationId provided explicitly');
    });

    it('§1.6 a duplicate within 5 minutes is accepted but not delivered, even after the original was deleted; after 5 minutes it is new', async () => {
        const { queue, send, poll, at, sqs } = setup();
        const url = await queue('q.fifo');
        await send(url, 'one', { MessageGroupId: 'g', MessageDeduplicationId: 'd1' });
        const [m] = await poll(url);
        await sqs.deleteMessage({ QueueUrl: url, ReceiptHandle: m!.ReceiptHandle });
        await at(299);
        const dup = await send(url, 'one again', { MessageGroupId: 'g', MessageDeduplicationId: 'd1' });
        expect(dup.MessageId).toBe(m!.MessageId);
        expect(await poll(url)).toEqual([]);
        await at(300);
        await send(url, 'after window', { MessageGroupId: 'g', MessageDeduplicationId: 'd1' });
        expect(bodies(await poll(url))).toEqual(['after window']);
    });

    it('§1.6 DeduplicationScope=queue (default): the same ID in another group is a duplicate; messageGroup scope: it is not', async () => {
        const { queue, send, poll } = setup();
        const byQueue = await queue('a.fifo');
        await send(byQueue, 'x', { MessageGroupId: 'g1', MessageDeduplicationId: 'same' });
        await send(byQueue, 'y', { MessageGroupId: 'g2', MessageDeduplicationId: 'same' });
        expect(bodies(await poll(byQueue))).toEqual(['x']);
        const byGroup = await queue('b.fifo', { DeduplicationScope: 'messageGroup' });
        await send(byGroup, 'x', { MessageGroupId: 'g1', MessageDeduplicationId: 'same' });
        await send(byGroup, 'y', { MessageGroupId: 'g2', MessageDeduplicationId: 'same' });
        await send(byGroup, 'z', { MessageGroupId: 'g2', MessageDeduplicationId: 'same' });
        expect(bodies(await poll(byGroup)).sort()).toEqual(['x', 'y']);
    });

    it('§1.6 PurgeQueue clears the deduplication history', async () => {
        const { queue, send, poll, sqs } = setup();
        const url = await queue('q.fifo');
        await send(url, 'x', { MessageGroupId: 'g', MessageDeduplicationId: 'd' });
        await sqs.purgeQueue({ QueueUrl: url });
        await send(url, 'x2', { MessageGroupId: 'g', MessageDeduplicationId: 'd' });
        expect(bodies(await poll(url))).toEqual(['x2']);
    });

    it('§1.6 an in-flight message blocks later messages of its group until deleted or visible again; other groups are unaffected', async () => {
        const { queue, send, poll, at, sqs } = setup();
        const url = await queue('q.fifo', { ContentBasedDeduplication: 'true', VisibilityTimeout: '10' });
        await send(url, 'g1-m1', { MessageGroupId: 'g1' });
        await send(url, 'g1-m2', { MessageGroupId: 'g1' });
        await send(url, 'g2-m1', { MessageGroupId: 'g2' });
        const [first] = await poll(url, 1);
        expect(first!.Body).toBe('g1-m1');
        expect(bodies(await poll(url, 10))).toEqual(['g2-m1']);
        expect(await poll(url, 10)).toEqual([]);
        await at(10.5);
        // g1-m1 is visible again: the group resumes at its head, g1-m2 stays behind it.
        const [again] = await poll(url, 1);
        expect(again!.Body).toBe('g1-m1');
        // g2-m1's own timeout also lapsed at 10 s; g1 stays blocked behind its in-flight head.
        expect(bodies(await poll(url, 10))).toEqual(['g2-m1']);
        await sqs.deleteMessage({ QueueUrl: url, ReceiptHandle: again!.ReceiptHandle });
        expect(bodies(await poll(url, 10))).toEqual(['g1-m2']);
    });

    it('§1.6 when the first in-flight message becomes visible again the group is receivable up to the next still-in-flight message', async () => {
        const { queue, send, poll, at, sqs } = setup();
        const url = await queue('q.fifo', { ContentBasedDeduplication: 'true', VisibilityTimeout: '10' });
        for (const b of ['m1', 'm2', 'm3', 'm4']) await send(url, b, { MessageGroupId: 'g' });
        const got = await poll(url, 10);
        expect(bodies(got)).toEqual(['m1', 'm2', 'm3', 'm4']);
        await at(5);
        // Extend a middle message: after the timeout only the messages before it are returned.
        await sqs.changeMessageVisibility({ QueueUrl: url, ReceiptHandle: got[2]!.ReceiptHandle, VisibilityTimeout: 60 });
        await at(10.5);
        expect(bodies(await poll(url, 10))).toEqual(['m1', 'm2']);
    });

    it('§1.6 receiving part of a group blocks the rest; ChangeMessageVisibility(0) on the head reopens the group', async () => {
        const { queue, send, poll, sqs } = setup();
        const url = await queue('q.fifo', { ContentBasedDeduplication: 'true', VisibilityTimeout: '60' });
        for (const b of ['m1', 'm2', 'm3']) await send(url, b, { MessageGroupId: 'g' });
        const [head] = await poll(url, 1);
        expect(await poll(url, 10)).toEqual([]);
        await sqs.changeMessageVisibility({ QueueUrl: url, ReceiptHandle: head!.ReceiptHandle, VisibilityTimeout: 0 });
        expect(bodies(await poll(url, 10))).toEqual(['m1', 'm2', 'm3']);
    });

    it('§1.6 one receive fills the batch from one group first (g1-m1, g2-m1, g1-m2, g1-m3 → g1 ×3 then g2)', async () => {
        const { queue, send, poll } = setup();
        const url = await queue('q.fifo', { ContentBasedDeduplication: 'true' });
        await send(url, 'g1-m1', { MessageGroupId: 'g1' });
        await send(url, 'g2-m1', { MessageGroupId: 'g2' });
        await send(url, 'g1-m2', { MessageGroupId: 'g1' });
        await send(url, 'g1-m3', { MessageGroupId: 'g1' });
        expect(bodies(await poll(url, 10))).toEqual(['g1-m1', 'g1-m2', 'g1-m3', 'g2-m1']);
    });

    it('§1.6 SequenceNumber increases with each message; MessageGroupId and MessageDeduplicationId are returned as attributes', async () => {
        const { queue, send, poll } = setup();
        const url = await queue('q.fifo', { ContentBasedDeduplication: 'true' });
        const a = await send(url, 'a', { MessageGroupId: 'g' });
        const b = await send(url, 'b', { MessageGroupId: 'g' });
        expect(BigInt(b.SequenceNumber!)).toBeGreaterThan(BigInt(a.SequenceNumber!));
        const got = await poll(url);
        expect(got[0]!.Attributes).toMatchObject({ MessageGroupId: 'g', SequenceNumber: a.SequenceNumber });
    });

    it('§0 standard queues accept MessageGroupId (fair queues) and return it; they reject MessageDeduplicationId', async () => {
        const { queue, send, poll } = setup();
        const url = await queue('q');
        await send(url, 'tenant', { MessageGroupId: 'tenant-1' });
        expect((await poll(url))[0]!.Attributes!['MessageGroupId']).toBe('tenant-1');
        await expectAwsError(send(url, 'x', { MessageDeduplicationId: 'd' }), 'InvalidParameterValue');
    });

    it('§1.6 FIFO throughput: 300 transactions per second per API action, a batch is one (3,000 messages/s); excess → ThrottlingException', async () => {
        const { sqs, queue, at } = setup();
        const url = await queue('q.fifo', { ContentBasedDeduplication: 'true' });
        await at(10.1);
        for (let i = 0; i < 300; i++) {
            await sqs.sendMessageBatch({ QueueUrl: url, Entries: Array.from({ length: 10 }, (_, j) => ({ Id: `e${j}`, MessageBody: `${i}-${j}`, MessageGroupId: `g${j}` })) });
        }
        await expectAwsError(sqs.sendMessage({ QueueUrl: url, MessageBody: 'one too many', MessageGroupId: 'g' }), 'ThrottlingException');
        // Receives have their own quota, and the next second starts afresh.
        expect((await sqs.receiveMessage({ QueueUrl: url, MaxNumberOfMessages: 10 })).Messages).toHaveLength(10);
        await at(11);
        await sqs.sendMessage({ QueueUrl: url, MessageBody: 'next second', MessageGroupId: 'g' });
        const counts = await sqs.getQueueAttributes({ QueueUrl: url, AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'] });
        expect(Number(counts.Attributes['ApproximateNumberOfMessages']) + Number(counts.Attributes['ApproximateNumberOfMessagesNotVisible'])).toBe(3001);
    });

    it('§1.6 high-throughput FIFO (perMessageGroupId) has a higher, configurable quota; standard queues have none', async () => {
        const { sqs, queue } = setup({ sqs: { fifoQuota: { highThroughputTps: 1000 } } });
        const ht = await queue('ht.fifo', { ContentBasedDeduplication: 'true', DeduplicationScope: 'messageGroup', FifoThroughputLimit: 'perMessageGroupId' });
        for (let i = 0; i < 1000; i++) await sqs.sendMessage({ QueueUrl: ht, MessageBody: `m${i}`, MessageGroupId: `g${i % 50}` });
        await expectAwsError(sqs.sendMessage({ QueueUrl: ht, MessageBody: 'x', MessageGroupId: 'g' }), 'ThrottlingException');
        const std = await queue('std');
        for (let i = 0; i < 2000; i++) await sqs.sendMessage({ QueueUrl: std, MessageBody: `m${i}` });
    });

    it('§1.6 FIFO scans only the first 120,000 messages: a backlog in one group hides later groups', async () => {
        const { sqs, queue, poll } = setup();
        const url = await queue('q.fifo', { VisibilityTimeout: '600' });
        const core = sqs.getQueue(url);
        for (let i = 0; i < 120_000; i++) core.send({ body: `a${i}`, groupId: 'A', dedupId: `a${i}` });
        core.send({ body: 'b0', groupId: 'B', dedupId: 'b0' });
        // Group A's head goes in flight, so A is blocked; B's only message is the 120,001st.
        const [a0] = await poll(url, 1);
        expect(a0!.Body).toBe('a0');
        expect(await poll(url, 10)).toEqual([]);
        // Deleting A's head shrinks the backlog: B enters the window (and A is receivable again).
        await sqs.deleteMessage({ QueueUrl: url, ReceiptHandle: a0!.ReceiptHandle });
        const next = bodies(await poll(url, 10));
        expect(next).toContain('b0');
    });
});
