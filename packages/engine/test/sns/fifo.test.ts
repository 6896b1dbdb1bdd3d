import { describe, expect, it } from 'vitest';
import { snsCloud } from './helpers.js';

async function fifoTopic(attributes: Record<string, string> = {}) {
    const t = snsCloud();
    const { TopicArn } = await t.sns.createTopic({ Name: 'orders.fifo', Attributes: { FifoTopic: 'true', ...attributes } });
    const q = await t.queue('orders.fifo');
    await t.sns.subscribe({ TopicArn, Protocol: 'sqs', Endpoint: q.arn, Attributes: { RawMessageDelivery: 'true' } });
    return { ...t, TopicArn, q };
}

describe('DOMAIN §2.4 FIFO topics', () => {
    it('rule "FIFO topics require MessageGroupId on every publish"', async () => {
        const { sns, TopicArn } = await fifoTopic();
        await expect(sns.publish({ TopicArn, Message: 'm', MessageDeduplicationId: 'd' }))
            .rejects.toMatchObject({ name: 'InvalidParameter', message: 'Invalid parameter: The MessageGroupId parameter is required for FIFO topics' });
    });

    it('rule "dedup via MessageDeduplicationId or ContentBasedDeduplication": neither is an error', async () => {
        const { sns, TopicArn } = await fifoTopic();
        await expect(sns.publish({ TopicArn, Message: 'm', MessageGroupId: 'g' })).rejects.toMatchObject({ name: 'InvalidParameter' });
    });

    it('rule "5-minute deduplication interval": a repeated dedup ID within 5 min succeeds but is not delivered; after 5 min it is', async () => {
        const { sns, TopicArn, cloud, bodies, q } = await fifoTopic();
        const first = await sns.publish({ TopicArn, Message: 'a', MessageGroupId: 'g', MessageDeduplicationId: 'order-1' });
        await cloud.runUntil(299_000);
        const repeat = await sns.publish({ TopicArn, Message: 'a again', MessageGroupId: 'g', MessageDeduplicationId: 'order-1' });
        expect(repeat).toEqual(first);
        await cloud.runUntil(301_000);
        const later = await sns.publish({ TopicArn, Message: 'a later', MessageGroupId: 'g', MessageDeduplicationId: 'order-1' });
        expect(later.MessageId).not.toBe(first.MessageId);
        expect(BigInt(later.SequenceNumber!)).toBeGreaterThan(BigInt(first.SequenceNumber!));
        expect(await bodies(q.url)).toEqual(['a', 'a later']);
        expect(sns.counters(TopicArn)).toMatchObject({ published: 2, deduplicated: 1 });
    });

    it('rule "ContentBasedDeduplication: SHA-256 of the body"', async () => {
        const { sns, TopicArn, bodies, q } = await fifoTopic({ ContentBasedDeduplication: 'true' });
        await sns.publish({ TopicArn, Message: 'same', MessageGroupId: 'g1' });
        await sns.publish({ TopicArn, Message: 'same', MessageGroupId: 'g2' });
        await sns.publish({ TopicArn, Message: 'other', MessageGroupId: 'g1' });
        expect(await bodies(q.url)).toEqual(['same', 'other']);
    });

    it('rule "FifoThroughputScope=MessageGroup deduplicates per message group" (and the queue\'s own dedup scope still applies)', async () => {
        const t = snsCloud();
        const { TopicArn } = await t.sns.createTopic({ Name: 'orders.fifo', Attributes: { FifoTopic: 'true', FifoThroughputScope: 'MessageGroup' } });
        const perGroupQueue = await t.queue('per-group.fifo', { DeduplicationScope: 'messageGroup', FifoThroughputLimit: 'perMessageGroupId' });
        const perQueueQueue = await t.queue('per-queue.fifo');
        for (const queue of [perGroupQueue, perQueueQueue]) {
            await t.sns.subscribe({ TopicArn, Protocol: 'sqs', Endpoint: queue.arn, Attributes: { RawMessageDelivery: 'true' } });
        }
        await t.sns.publish({ TopicArn, Message: 'g1', MessageGroupId: 'g1', MessageDeduplicationId: 'd' });
        await t.sns.publish({ TopicArn, Message: 'g2', MessageGroupId: 'g2', MessageDeduplicationId: 'd' });
        await t.sns.publish({ TopicArn, Message: 'g1 again', MessageGroupId: 'g1', MessageDeduplicationId: 'd' });
        expect(t.sns.counters(TopicArn)).toMatchObject({ published: 2, deduplicated: 1, delivered: 4 });
        expect((await t.bodies(perGroupQueue.url)).sort()).toEqual(['g1', 'g2']);
        // The queue deduplicates queue-wide: the same dedup ID from another group is dropped there.
        expect(await t.bodies(perQueueQueue.url)).toEqual(['g1']);
    });

    it('rule "FIFO batches are published in order and deduplicated within and across batches"', async () => {
        const { sns, TopicArn, bodies, q } = await fifoTopic();
        const batch1 = await sns.publishBatch({
            TopicArn,
            PublishBatchRequestEntries: [
                { Id: '1', Message: 'm1', MessageGroupId: 'g', MessageDeduplicationId: 'd1' },
                { Id: '2', Message: 'm2', MessageGroupId: 'g', MessageDeduplicationId: 'd2' },
                { Id: '3', Message: 'm1 dup', MessageGroupId: 'g', MessageDeduplicationId: 'd1' },
                { Id: '4', Message: 'no group', MessageDeduplicationId: 'd4' }
            ]
        });
        expect(batch1.Successful.map(s => s.Id)).toEqual(['1', '2', '3']);
        expect(batch1.Successful[2]!.MessageId).toBe(batch1.Successful[0]!.MessageId);
        expect(batch1.Failed).toEqual([expect.objectContaining({ Id: '4', Code: 'InvalidParameter', SenderFault: true })]);
        const batch2 = await sns.publishBatch({
            TopicArn,
            PublishBatchRequestEntries: [
                { Id: 'a', Message: 'm2 dup', MessageGroupId: 'g', MessageDeduplicationId: 'd2' },
                { Id: 'b', Message: 'm3', MessageGroupId: 'g', MessageDeduplicationId: 'd3' }
            ]
        });
        expect(batch2.Successful.map(s => s.Id)).toEqual(['a', 'b']);
        const sequence = [...batch1.Successful, ...batch2.Successful].map(s => BigInt(s.SequenceNumber!));
        expect(sequence[1]! > sequence[0]! && sequence[4]! > sequence[1]!).toBe(true);
        expect(await bodies(q.url)).toEqual(['m1', 'm2', 'm3']);
    });

    it('rule "FIFO subscribers: SQS FIFO and SQS standard queues only; other protocols get an error on Subscribe"', async () => {
        const t = await fifoTopic();
        const standard = await t.queue('orders-standard');
        await expect(t.sns.subscribe({ TopicArn: t.TopicArn, Protocol: 'sqs', Endpoint: standard.arn })).resolves.toHaveProperty('SubscriptionArn');
        for (const [Protocol, Endpoint] of [
            ['lambda', 'arn:aws:lambda:us-east-1:000000000000:function:f'],
            ['https', 'https://example.com'],
            ['email', 'a@example.com'],
            ['sms', '+15555550100'],
            ['firehose', 'arn:aws:firehose:us-east-1:000000000000:deliverystream/s']
        ] as const) {
            await expect(t.sns.subscribe({ TopicArn: t.TopicArn, Protocol, Endpoint }), Protocol).rejects.toMatchObject({ name: 'InvalidParameter' });
        }
        await t.sns.publish({ TopicArn: t.TopicArn, Message: 'both', MessageGroupId: 'g', MessageDeduplicationId: 'd' });
        expect(await t.bodies(standard.url)).toEqual([expect.stringContaining('"Message":"both"')]);
        expect(await t.bodies(t.q.url)).toEqual(['both']);
    });

    it('rule "standard topics cannot deliver to FIFO queues"', async () => {
        const t = snsCloud();
        const { TopicArn } = await t.sns.createTopic({ Name: 'std' });
        const q = await t.queue('q.fifo');
        await expect(t.sns.subscribe({ TopicArn, Protocol: 'sqs', Endpoint: q.arn })).rejects.toMatchObject({ name: 'InvalidParameter' });
    });

    it('rule "MessageDeduplicationId on a standard topic is an error"', async () => {
        const t = snsCloud();
        const { TopicArn } = await t.sns.createTopic({ Name: 'std' });
        await expect(t.sns.publish({ TopicArn, Message: 'm', MessageDeduplicationId: 'd' })).rejects.toMatchObject({ name: 'InvalidParameter' });
        const batch = await t.sns.publishBatch({ TopicArn, PublishBatchRequestEntries: [{ Id: '1', Message: 'm', MessageDeduplicationId: 'd' }] });
        expect(batch.Failed).toEqual([expect.objectContaining({ Id: '1', Code: 'InvalidParameter' })]);
    });

    it('rule "FIFO topic → FIFO queue carries MessageGroupId and the dedup ID, so the queue\'s FIFO rules apply"', async () => {
        const { sns, TopicArn, cloud, q } = await fifoTopic();
        await sns.publish({ TopicArn, Message: 'a1', MessageGroupId: 'A', MessageDeduplicationId: 'a1' });
        await sns.publish({ TopicArn, Message: 'b1', MessageGroupId: 'B', MessageDeduplicationId: 'b1' });
        await sns.publish({ TopicArn, Message: 'a2', MessageGroupId: 'A', MessageDeduplicationId: 'a2' });
        const { Messages } = await cloud.sqs.receiveMessage({
            QueueUrl: q.url, MaxNumberOfMessages: 10, MessageSystemAttributeNames: ['MessageGroupId', 'MessageDeduplicationId']
        });
        expect(Messages.map(m => [m.Body, m.Attributes?.['MessageGroupId'], m.Attributes?.['MessageDeduplicationId']])).toEqual([
            ['a1', 'A', 'a1'], ['a2', 'A', 'a2'], ['b1', 'B', 'b1']
        ]);
    });

    it('rule "a FIFO topic\'s subscription DLQ must be a FIFO queue"', async () => {
        const t = await fifoTopic();
        const other = await t.queue('other.fifo');
        await expect(t.sns.subscribe({
            TopicArn: t.TopicArn, Protocol: 'sqs', Endpoint: other.arn,
            Attributes: { RedrivePolicy: JSON.stringify({ deadLetterTargetArn: t.queueArn('plain-dlq') }) }
        })).rejects.toMatchObject({ name: 'InvalidParameter' });
    });

    it('rule "FIFO topics filter like standard topics": attribute and body policies per subscription, order kept for what passes', async () => {
        const { sns, TopicArn, bodies, q, queue } = await fifoTopic({ ContentBasedDeduplication: 'true' });
        const big = await queue('big.fifo');
        const eu = await queue('eu.fifo');
        await sns.subscribe({ TopicArn, Protocol: 'sqs', Endpoint: big.arn, Attributes: { RawMessageDelivery: 'true', FilterPolicy: { amount: [{ numeric: ['>=', 100] }] } } });
        await sns.subscribe({ TopicArn, Protocol: 'sqs', Endpoint: eu.arn, Attributes: { RawMessageDelivery: 'true', FilterPolicyScope: 'MessageBody', FilterPolicy: { region: [{ prefix: 'eu-' }] } } });
        const orders = [['eu-west-1', 150], ['us-east-1', 500], ['eu-central-1', 20], ['eu-west-1', 100]] as const;
        for (const [region, amount] of orders) {
            await sns.publish({
                TopicArn, MessageGroupId: 'g', Message: JSON.stringify({ region, amount }),
                MessageAttributes: { amount: { DataType: 'Number', StringValue: String(amount) } }
            });
        }
        const amounts = async (url: string) => (await bodies(url)).map(body => JSON.parse(body).amount as number);
        expect(await amounts(q.url)).toEqual([150, 500, 20, 100]);
        expect(await amounts(big.url)).toEqual([150, 500, 100]);
        expect(await amounts(eu.url)).toEqual([150, 20, 100]);
    });
});
