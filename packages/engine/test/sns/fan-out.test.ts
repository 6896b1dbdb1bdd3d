import { describe, expect, it } from 'vitest';
import { snsCloud } from './helpers.js';

describe('DOMAIN §2.6 fan-out', () => {
    it('rule "subscriptions are independent": one subscriber filtering a message out does not affect the others', async () => {
        const t = snsCloud();
        const { TopicArn } = await t.sns.createTopic({ Name: 'purchases' });
        const all = await t.queue('analytics');
        const big = await t.queue('fraud-review');
        const eu = await t.queue('eu-shipping');
        await t.sns.subscribe({ TopicArn, Protocol: 'sqs', Endpoint: all.arn, Attributes: { RawMessageDelivery: 'true' } });
        await t.sns.subscribe({ TopicArn, Protocol: 'sqs', Endpoint: big.arn, Attributes: { RawMessageDelivery: 'true', FilterPolicy: { amount: [{ numeric: ['>=', 1000] }] } } });
        await t.sns.subscribe({ TopicArn, Protocol: 'sqs', Endpoint: eu.arn, Attributes: { RawMessageDelivery: 'true', FilterPolicyScope: 'MessageBody', FilterPolicy: { region: [{ prefix: 'eu-' }] } } });
        const purchases = [
            { id: 1, amount: 50, region: 'eu-west-1' },
            { id: 2, amount: 5000, region: 'us-east-1' },
            { id: 3, amount: 1000, region: 'eu-central-1' }
        ];
        for (const p of purchases) {
            await t.sns.publish({ TopicArn, Message: JSON.stringify(p), MessageAttributes: { amount: { DataType: 'Number', StringValue: String(p.amount) } } });
        }
        const ids = async (url: string) => (await t.bodies(url)).map(b => JSON.parse(b).id as number);
        expect(await ids(all.url)).toEqual([1, 2, 3]);
        expect(await ids(big.url)).toEqual([2, 3]);
        expect(await ids(eu.url)).toEqual([1, 3]);
        expect(t.sns.counters(TopicArn)).toMatchObject({ published: 3, delivered: 7, filteredOut: 2 });
    });

    it('rule "each SQS subscription gets its own copy, and the SNS MessageId is not the SQS MessageId"', async () => {
        const t = snsCloud();
        const { TopicArn } = await t.sns.createTopic({ Name: 'orders' });
        const a = await t.queue('a');
        const b = await t.queue('b');
        await t.sns.subscribe({ TopicArn, Protocol: 'sqs', Endpoint: a.arn });
        await t.sns.subscribe({ TopicArn, Protocol: 'sqs', Endpoint: b.arn });
        const { MessageId } = await t.sns.publish({ TopicArn, Message: 'm' });
        const fromA = (await t.cloud.sqs.receiveMessage({ QueueUrl: a.url })).Messages[0]!;
        const fromB = (await t.cloud.sqs.receiveMessage({ QueueUrl: b.url })).Messages[0]!;
        expect(JSON.parse(fromA.Body).MessageId).toBe(MessageId);
        expect(JSON.parse(fromB.Body).MessageId).toBe(MessageId);
        expect(fromA.MessageId).not.toBe(MessageId);
        expect(fromA.MessageId).not.toBe(fromB.MessageId);
        await t.cloud.sqs.deleteMessage({ QueueUrl: a.url, ReceiptHandle: fromA.ReceiptHandle });
        expect((await t.cloud.sqs.receiveMessage({ QueueUrl: b.url })).Messages).toHaveLength(0);
        await t.cloud.runUntil(31_000);
        expect((await t.cloud.sqs.receiveMessage({ QueueUrl: b.url })).Messages).toHaveLength(1);
    });

    it('rule "delivery happens at the publish instant": a long poll waiting on the queue returns at that virtual time', async () => {
        const t = snsCloud();
        const { TopicArn } = await t.sns.createTopic({ Name: 'orders' });
        const q = await t.queue('q');
        await t.sns.subscribe({ TopicArn, Protocol: 'sqs', Endpoint: q.arn, Attributes: { RawMessageDelivery: 'true' } });
        let returnedAt = -1;
        const poll = t.cloud.sqs.receiveMessage({ QueueUrl: q.url, WaitTimeSeconds: 20 }).then(r => { returnedAt = t.cloud.now(); return r; });
        t.cloud.schedule(7_500, () => t.sns.publish({ TopicArn, Message: 'late' }));
        await t.cloud.runUntil(30_000);
        expect((await poll).Messages.map(m => m.Body)).toEqual(['late']);
        expect(returnedAt).toBe(7_500);
    });

    it('rule "standard-topic MessageGroupId is forwarded to SQS standard subscriptions (fair queues)"', async () => {
        const t = snsCloud();
        const { TopicArn } = await t.sns.createTopic({ Name: 'tenants' });
        const q = await t.queue('work');
        await t.sns.subscribe({ TopicArn, Protocol: 'sqs', Endpoint: q.arn, Attributes: { RawMessageDelivery: 'true' } });
        await t.sns.publish({ TopicArn, Message: 'job', MessageGroupId: 'tenant-42' });
        const { Messages } = await t.cloud.sqs.receiveMessage({ QueueUrl: q.url, MessageSystemAttributeNames: ['MessageGroupId'] });
        expect(Messages[0]!.Attributes?.['MessageGroupId']).toBe('tenant-42');
    });

    it('simulator hook: a publish tag follows each SQS copy (SqsMessage.tag), raw or enveloped', async () => {
        const t = snsCloud();
        const { TopicArn } = await t.sns.createTopic({ Name: 'orders' });
        const a = await t.queue('a');
        const b = await t.queue('b');
        await t.sns.subscribe({ TopicArn, Protocol: 'sqs', Endpoint: a.arn, Attributes: { RawMessageDelivery: 'true' } });
        await t.sns.subscribe({ TopicArn, Protocol: 'sqs', Endpoint: b.arn });
        const sent: Array<[string, unknown]> = [];
        t.cloud.sqs.hooks = { onSent: (queue, message) => sent.push([queue.name, message.tag]) };
        t.sns.publishSync({ TopicArn, Message: 'm' }, { tag: { order: 7 } });
        await t.sns.publishBatch({ TopicArn, PublishBatchRequestEntries: [{ Id: 'x', Message: 'n' }] }, { tags: { x: 'eight' } });
        expect(sent).toEqual([['a', { order: 7 }], ['b', { order: 7 }], ['a', 'eight'], ['b', 'eight']]);
    });

    it('rule "same seed, same run": message IDs and deliveries repeat exactly', async () => {
        const run = async () => {
            const t = snsCloud();
            const { TopicArn } = await t.sns.createTopic({ Name: 'orders' });
            const q = await t.queue('q');
            await t.sns.subscribe({ TopicArn, Protocol: 'sqs', Endpoint: q.arn });
            const ids = [];
            for (let i = 0; i < 3; i++) ids.push((await t.sns.publish({ TopicArn, Message: `m${i}` })).MessageId);
            return { ids, bodies: await t.bodies(q.url) };
        };
        expect(await run()).toEqual(await run());
    });
});
