import { describe, expect, it } from 'vitest';
import { bodies, expectAwsError, setup } from './helpers.js';

async function withDlq(fifo = false, maxReceiveCount: number | string = 1, sourceAttributes: Record<string, string> = {}) {
    const env = setup();
    const suffix = fifo ? '.fifo' : '';
    const extra: Record<string, string> = fifo ? { ContentBasedDeduplication: 'true' } : {};
    const dlq = await env.queue(`dlq${suffix}`, extra);
    const dlqArn = await env.arn(dlq);
    const src = await env.queue(`src${suffix}`, { ...extra, ...sourceAttributes });
    await env.sqs.setQueueAttributes({ QueueUrl: src, Attributes: { RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlqArn, maxReceiveCount }) } });
    return { ...env, dlq, src, dlqArn, srcArn: await env.arn(src) };
}

describe('§1.9 dead-letter queues and redrive', () => {
    it('§1.9 the DLQ must exist and have the same type; maxReceiveCount is 1-1000, as a number or a string', async () => {
        const { sqs, queue, arn } = setup();
        const std = await queue('std');
        const fifo = await queue('f.fifo');
        const other = await queue('other');
        const policy = (target: string, count: unknown) => ({ RedrivePolicy: JSON.stringify({ deadLetterTargetArn: target, maxReceiveCount: count }) });
        await expectAwsError(sqs.setQueueAttributes({ QueueUrl: std, Attributes: policy(await arn(fifo), 5) }), 'InvalidParameterValue');
        await expectAwsError(sqs.setQueueAttributes({ QueueUrl: std, Attributes: policy('arn:aws:sqs:us-east-1:000000000000:missing', 5) }), 'InvalidParameterValue');
        await expectAwsError(sqs.setQueueAttributes({ QueueUrl: std, Attributes: policy(await arn(other), 0) }), 'InvalidParameterValue');
        await expectAwsError(sqs.setQueueAttributes({ QueueUrl: std, Attributes: policy(await arn(other), 1001) }), 'InvalidParameterValue');
        await sqs.setQueueAttributes({ QueueUrl: std, Attributes: policy(await arn(other), '1000') });
        await sqs.setQueueAttributes({ QueueUrl: std, Attributes: { RedrivePolicy: { deadLetterTargetArn: await arn(other), maxReceiveCount: 3 } } });
        const { Attributes } = await sqs.getQueueAttributes({ QueueUrl: std, AttributeNames: ['RedrivePolicy'] });
        expect(JSON.parse(Attributes['RedrivePolicy']!)).toEqual({ deadLetterTargetArn: await arn(other), maxReceiveCount: 3 });
    });

    it('§1.9 a RedrivePolicy without maxReceiveCount takes the API default of 10', async () => {
        const { sqs, queue, arn } = setup();
        const src = await queue('src');
        const dlq = await queue('dlq');
        await sqs.setQueueAttributes({ QueueUrl: src, Attributes: { RedrivePolicy: JSON.stringify({ deadLetterTargetArn: await arn(dlq) }) } });
        const { Attributes } = await sqs.getQueueAttributes({ QueueUrl: src, AttributeNames: ['RedrivePolicy'] });
        expect(JSON.parse(Attributes['RedrivePolicy']!)).toEqual({ deadLetterTargetArn: await arn(dlq), maxReceiveCount: 10 });
    });

    it('§1.9 moves to the DLQ on the receive attempt after maxReceiveCount, not at visibility expiry (maxReceiveCount=1, VT=0)', async () => {
        const { src, dlq, poll, counts, send, at } = await withDlq(false, 1, { VisibilityTimeout: '0' });
        const sent = await send(src, 'poison');
        const [first] = await poll(src);
        expect(first!.Body).toBe('poison');
        await at(100);
        // The visibility timeout lapsed long ago, yet nothing moved: there was no receive attempt.
        expect(await counts(src)).toEqual([1, 0, 0]);
        expect(await counts(dlq)).toEqual([0, 0, 0]);
        expect(await poll(src)).toEqual([]);
        expect(await counts(src)).toEqual([0, 0, 0]);
        const [moved] = await poll(dlq);
        expect(moved!.MessageId).toBe(sent.MessageId);
        expect(moved!.Body).toBe('poison');
    });

    it('§1.9 a message received maxReceiveCount times is returned each time, then moved instead of returned', async () => {
        const { src, dlq, poll, send, at } = await withDlq(false, 3, { VisibilityTimeout: '1' });
        await send(src, 'm');
        for (let i = 1; i <= 3; i++) {
            await at(i * 2);
            const [m] = await poll(src);
            expect(m!.Attributes!['ApproximateReceiveCount']).toBe(String(i));
        }
        await at(8);
        expect(await poll(src)).toEqual([]);
        const [inDlq] = await poll(dlq);
        // ApproximateReceiveCount keeps counting in the DLQ (inferred, DOMAIN.md §1.3).
        expect(inDlq!.Attributes!['ApproximateReceiveCount']).toBe('4');
    });

    it('§1.9 RedriveAllowPolicy on the DLQ: denyAll refuses sources, byQueue only the listed ones', async () => {
        const { sqs, queue, arn } = setup();
        const dlq = await queue('dlq');
        const a = await queue('a');
        const b = await queue('b');
        const policy = { RedrivePolicy: JSON.stringify({ deadLetterTargetArn: await arn(dlq), maxReceiveCount: 2 }) };
        await sqs.setQueueAttributes({ QueueUrl: dlq, Attributes: { RedriveAllowPolicy: JSON.stringify({ redrivePermission: 'denyAll' }) } });
        await expectAwsError(sqs.setQueueAttributes({ QueueUrl: a, Attributes: policy }), 'InvalidParameterValue');
        await sqs.setQueueAttributes({ QueueUrl: dlq, Attributes: { RedriveAllowPolicy: JSON.stringify({ redrivePermission: 'byQueue', sourceQueueArns: [await arn(a)] }) } });
        await sqs.setQueueAttributes({ QueueUrl: a, Attributes: policy });
        await expectAwsError(sqs.setQueueAttributes({ QueueUrl: b, Attributes: policy }), 'InvalidParameterValue');
        const eleven = Array.from({ length: 11 }, (_, i) => `arn:aws:sqs:us-east-1:000000000000:q${i}`);
        await expectAwsError(sqs.setQueueAttributes({ QueueUrl: dlq, Attributes: { RedriveAllowPolicy: JSON.stringify({ redrivePermission: 'byQueue', sourceQueueArns: eleven }) } }), 'InvalidParameterValue');
    });

    it('§1.9 standard DLQ keeps the original enqueue time for retention', async () => {
        const { src, dlq, sqs, poll, send, at, counts } = await withDlq(false, 1, { VisibilityTimeout: '43200' });
        await sqs.setQueueAttributes({ QueueUrl: dlq, Attributes: { MessageRetentionPeriod: '172800' } });
        await send(src, 'm');
        await poll(src);
        await at(86_401);
        await poll(src);
        expect(await counts(dlq)).toEqual([1, 0, 0]);
        await at(172_799);
        expect(await counts(dlq)).toEqual([1, 0, 0]);
        await at(172_801);
        expect(await counts(dlq)).toEqual([0, 0, 0]);
    });

    it('§1.9 FIFO DLQ resets the enqueue time on move and replaces the deduplication ID with the MessageId', async () => {
        const { src, dlq, sqs, poll, send, at, counts } = await withDlq(true, 1, { VisibilityTimeout: '43200' });
        await sqs.setQueueAttributes({ QueueUrl: dlq, Attributes: { MessageRetentionPeriod: '172800' } });
        const sent = await send(src, 'm', { MessageGroupId: 'g' });
        await poll(src);
        await at(86_401);
        await poll(src);
        await at(172_801);
        expect(await counts(dlq)).toEqual([1, 0, 0]);
        const [moved] = await poll(dlq, 1, { VisibilityTimeout: 0 });
        expect(moved!.MessageId).toBe(sent.MessageId);
        expect(moved!.Attributes!['MessageDeduplicationId']).toBe(sent.MessageId);
        expect(moved!.Attributes!['MessageGroupId']).toBe('g');
        await at(86_401 + 172_801);
        expect(await counts(dlq)).toEqual([0, 0, 0]);
    });

    it('§1.9 ListDeadLetterSourceQueues lists the queues whose RedrivePolicy targets the DLQ', async () => {
        const { sqs, src, dlq } = await withDlq();
        expect(await sqs.listDeadLetterSourceQueues({ QueueUrl: dlq })).toEqual({ queueUrls: [src] });
        expect(await sqs.listDeadLetterSourceQueues({ QueueUrl: src })).toEqual({ queueUrls: [] });
    });

    it('§1.9 StartMessageMoveTask redrives DLQ messages back to their source as new messages', async () => {
        const { sqs, src, dlq, dlqArn, srcArn, poll, send, at, counts } = await withDlq(false, 1, { VisibilityTimeout: '0' });
        const originals: string[] = [];
        for (let i = 0; i < 3; i++) originals.push((await send(src, `m${i}`)).MessageId);
        await poll(src, 10);
        await at(10);
        expect(await poll(src, 10)).toEqual([]);
        expect(await counts(dlq)).toEqual([3, 0, 0]);
        await at(20);
        const { TaskHandle } = await sqs.startMessageMoveTask({ SourceArn: dlqArn });
        expect(TaskHandle).toEqual(expect.any(String));
        await at(21);
        expect(await counts(dlq)).toEqual([0, 0, 0]);
        const back = await poll(src, 10);
        expect(bodies(back).sort()).toEqual(['m0', 'm1', 'm2']);
        for (const m of back) {
            expect(originals).not.toContain(m.MessageId);
            expect(m.Attributes).toMatchObject({ ApproximateReceiveCount: '1', SentTimestamp: '20000' });
        }
        const { Results } = await sqs.listMessageMoveTasks({ SourceArn: dlqArn });
        expect(Results[0]).toMatchObject({ Status: 'COMPLETED', SourceArn: dlqArn, ApproximateNumberOfMessagesMoved: 3 });
        await expectAwsError(sqs.startMessageMoveTask({ SourceArn: srcArn }), 'InvalidParameterValue', 'Dead Letter Queue');
    });

    it('§1.9 a message-move task honours MaxNumberOfMessagesPerSecond and only one task runs per queue', async () => {
        const { sqs, src, dlq, dlqArn, poll, send, at, counts } = await withDlq(false, 1, { VisibilityTimeout: '0' });
        for (let i = 0; i < 5; i++) await send(src, `m${i}`);
        await poll(src, 10);
        await at(1);
        await poll(src, 10);
        expect(await counts(dlq)).toEqual([5, 0, 0]);
        const { TaskHandle } = await sqs.startMessageMoveTask({ SourceArn: dlqArn, MaxNumberOfMessagesPerSecond: 2 });
        await expectAwsError(sqs.startMessageMoveTask({ SourceArn: dlqArn }), 'UnsupportedOperation');
        await at(1.5);
        expect(await counts(dlq)).toEqual([3, 0, 0]);
        await at(2.5);
        expect((await sqs.cancelMessageMoveTask({ TaskHandle })).ApproximateNumberOfMessagesMoved).toBe(4);
        await at(10);
        expect(await counts(dlq)).toEqual([1, 0, 0]);
        expect(await counts(src)).toEqual([4, 0, 0]);
        expect((await sqs.listMessageMoveTasks({ SourceArn: dlqArn })).Results[0]!.Status).toBe('CANCELLED');
    });

    it('§1.9 FIFO + DLQ breaks strict ordering: once the head of a group is moved, later messages of the group are served without it', async () => {
        const { src, dlq, poll, send, at } = await withDlq(true, 1, { VisibilityTimeout: '5' });
        for (const body of ['m1', 'm2', 'm3']) await send(src, body, { MessageGroupId: 'g' });
        // The consumer takes only the head and fails it: m2 and m3 wait behind it while it is in flight.
        expect(bodies(await poll(src, 1))).toEqual(['m1']);
        expect(await poll(src)).toEqual([]);
        await at(6);
        // The receive attempt after maxReceiveCount moves m1 and returns the rest of the group: the
        // consumer sees m2 and m3 although m1 was never processed.
        expect(bodies(await poll(src))).toEqual(['m2', 'm3']);
        expect(bodies(await poll(dlq))).toEqual(['m1']);
    });
});
