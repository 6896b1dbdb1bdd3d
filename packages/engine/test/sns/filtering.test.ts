import { describe, expect, it } from 'vitest';
import type { SnsDeliveryEvent } from '../../src/sns/index.js';
import { snsCloud } from './helpers.js';

describe('DOMAIN §2.5 subscription filter policies in the service', () => {
    it('rule "a message is delivered when every key has a matching condition" (attributes scope, policy as JSON text)', async () => {
        const t = snsCloud();
        const { TopicArn } = await t.sns.createTopic({ Name: 'orders' });
        const q = await t.queue('big-orders');
        await t.sns.subscribe({
            TopicArn, Protocol: 'sqs', Endpoint: q.arn,
            Attributes: { RawMessageDelivery: 'true', FilterPolicy: '{"eventType":["order_placed"],"amount":[{"numeric":[">",100]}]}' }
        });
        const publish = (eventType: string, amount: string) => t.sns.publish({
            TopicArn, Message: `${eventType} ${amount}`,
            MessageAttributes: { eventType: { DataType: 'String', StringValue: eventType }, amount: { DataType: 'Number', StringValue: amount } }
        });
        await publish('order_placed', '150');
        await publish('order_placed', '42');
        await publish('order_cancelled', '500');
        expect(await t.bodies(q.url)).toEqual(['order_placed 150']);
        expect(t.sns.counters(TopicArn)).toMatchObject({ published: 3, delivered: 1, filteredOut: 2 });
    });

    it('rule "FilterPolicyScope=MessageBody filters on the JSON body, nested keys included"', async () => {
        const t = snsCloud();
        const { TopicArn } = await t.sns.createTopic({ Name: 'events' });
        const q = await t.queue('s3-auto');
        await t.sns.subscribe({
            TopicArn, Protocol: 'sqs', Endpoint: q.arn,
            Attributes: { RawMessageDelivery: 'true', FilterPolicyScope: 'MessageBody', FilterPolicy: { Records: { s3: { object: { key: [{ prefix: 'auto-' }] } } } } }
        });
        await t.sns.publish({ TopicArn, Message: JSON.stringify({ Records: [{ s3: { object: { key: 'auto-1.xml' } } }] }) });
        await t.sns.publish({ TopicArn, Message: JSON.stringify({ Records: [{ s3: { object: { key: 'home-1.xml' } } }] }) });
        await t.sns.publish({ TopicArn, Message: 'not json at all' });
        expect((await t.bodies(q.url)).map(b => JSON.parse(b).Records[0].s3.object.key)).toEqual(['auto-1.xml']);
    });

    it('rule "validation errors are InvalidParameter \'Invalid parameter: Attributes Reason: FilterPolicy: ...\'"', async () => {
        const t = snsCloud();
        const { TopicArn } = await t.sns.createTopic({ Name: 'orders' });
        const q = await t.queue('q');
        await expect(t.sns.subscribe({ TopicArn, Protocol: 'sqs', Endpoint: q.arn, Attributes: { FilterPolicy: { key: [{ 'wrong-operator': true }] } } }))
            .rejects.toMatchObject({ name: 'InvalidParameter', message: 'Invalid parameter: Attributes Reason: FilterPolicy: Unrecognized match type wrong-operator' });
        await expect(t.sns.subscribe({ TopicArn, Protocol: 'sqs', Endpoint: q.arn, Attributes: { FilterPolicy: { key: [{ 'anything-but': { suffix: 'x' } }] } } }))
            .rejects.toMatchObject({ message: 'Invalid parameter: Attributes Reason: FilterPolicy: Unsupported anything-but pattern: suffix' });
        expect((await t.sns.listSubscriptions()).Subscriptions).toEqual([]);
        const { SubscriptionArn } = await t.sns.subscribe({ TopicArn, Protocol: 'sqs', Endpoint: q.arn });
        const sixKeys = JSON.stringify({ k1: ['a'], k2: ['a'], k3: ['a'], k4: ['a'], k5: ['a'], k6: ['a'] });
        await expect(t.sns.setSubscriptionAttributes({ SubscriptionArn, AttributeName: 'FilterPolicy', AttributeValue: sixKeys }))
            .rejects.toMatchObject({ name: 'InvalidParameter', message: 'Invalid parameter: FilterPolicy: Filter policy can not have more than 5 keys' });
    });

    it('rule "MessageAttributes scope does not support nested filter policies"; switching scope re-validates the policy', async () => {
        const t = snsCloud();
        const { TopicArn } = await t.sns.createTopic({ Name: 'orders' });
        const q = await t.queue('q');
        const nested = { object: { key: [{ prefix: 'auto-' }] } };
        await expect(t.sns.subscribe({ TopicArn, Protocol: 'sqs', Endpoint: q.arn, Attributes: { FilterPolicy: nested } }))
            .rejects.toMatchObject({ name: 'InvalidParameter', message: 'Invalid parameter: Filter policy scope MessageAttributes does not support nested filter policy' });
        const { SubscriptionArn } = await t.sns.subscribe({ TopicArn, Protocol: 'sqs', Endpoint: q.arn, Attributes: { FilterPolicyScope: 'MessageBody', FilterPolicy: nested } });
        await expect(t.sns.setSubscriptionAttributes({ SubscriptionArn, AttributeName: 'FilterPolicyScope', AttributeValue: 'MessageAttributes' }))
            .rejects.toMatchObject({ name: 'InvalidParameter' });
        expect((await t.sns.getSubscriptionAttributes({ SubscriptionArn })).Attributes['FilterPolicyScope']).toBe('MessageBody');
    });

    it('rule "no policy delivers everything; removing the policy (empty value) restores that"', async () => {
        const t = snsCloud();
        const { TopicArn } = await t.sns.createTopic({ Name: 'orders' });
        const q = await t.queue('q');
        const { SubscriptionArn } = await t.sns.subscribe({ TopicArn, Protocol: 'sqs', Endpoint: q.arn, Attributes: { RawMessageDelivery: 'true', FilterPolicy: { k: ['v'] } } });
        await t.sns.publish({ TopicArn, Message: 'filtered' });
        await t.sns.setSubscriptionAttributes({ SubscriptionArn, AttributeName: 'FilterPolicy', AttributeValue: '' });
        await t.sns.publish({ TopicArn, Message: 'delivered' });
        expect(await t.bodies(q.url)).toEqual(['delivered']);
    });

    it('rule "200 filter policies per topic" (subscriptions without a policy are not limited)', async () => {
        const t = snsCloud();
        const { TopicArn } = await t.sns.createTopic({ Name: 'orders' });
        for (let i = 0; i < 200; i++) {
            // Subscribe is throttled at 100 per second.
            if (i % 100 === 0) await t.cloud.advance(1000);
            await t.sns.subscribe({ TopicArn, Protocol: 'sqs', Endpoint: t.queueArn(`q${i}`), Attributes: { FilterPolicy: { k: [`v${i}`] } } });
        }
        await t.cloud.advance(1000);
        await expect(t.sns.subscribe({ TopicArn, Protocol: 'sqs', Endpoint: t.queueArn('q200'), Attributes: { FilterPolicy: { k: ['x'] } } }))
            .rejects.toMatchObject({ name: 'FilterPolicyLimitExceeded' });
        await expect(t.sns.subscribe({ TopicArn, Protocol: 'sqs', Endpoint: t.queueArn('q201') })).resolves.toHaveProperty('SubscriptionArn');
    });

    it('rule "filtered-out messages are counted and explained, not errors"', async () => {
        const t = snsCloud();
        const { TopicArn } = await t.sns.createTopic({ Name: 'orders' });
        const q = await t.queue('fraud-review');
        const { SubscriptionArn } = await t.sns.subscribe({
            TopicArn, Protocol: 'sqs', Endpoint: q.arn, Attributes: { FilterPolicy: { amount: [{ numeric: ['>', 100] }] } }
        });
        const events: SnsDeliveryEvent[] = [];
        t.sns.onDeliveryEvent(e => events.push(e));
        const { MessageId } = await t.sns.publish({ TopicArn, Message: 'm', MessageAttributes: { amount: { DataType: 'Number', StringValue: '42' } } });
        expect(events).toEqual([{ type: 'filtered', at: 0, topicArn: TopicArn, subscriptionArn: SubscriptionArn, messageId: MessageId, reason: 'amount 42 is not > 100' }]);
        expect(t.sns.subscriptionCounters(SubscriptionArn)).toMatchObject({ filteredOut: 1, failed: 0, delivered: 0 });
    });

    it('rule "at most 150 combinations (Filter policy is too complex) and 256 KB per policy"', async () => {
        const t = snsCloud();
        const { TopicArn } = await t.sns.createTopic({ Name: 'orders' });
        const q = await t.queue('q');
        const values = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);
        // 10 × 15 = 150 combinations is the limit; 10 × 16 = 160 is over it.
        await expect(t.sns.subscribe({ TopicArn, Protocol: 'sqs', Endpoint: q.arn, Attributes: { FilterPolicy: { a: values(10, 'a'), b: values(15, 'b') } } }))
            .resolves.toHaveProperty('SubscriptionArn');
        await expect(t.sns.subscribe({ TopicArn, Protocol: 'sqs', Endpoint: t.queueArn('q2'), Attributes: { FilterPolicy: { a: values(10, 'a'), b: values(16, 'b') } } }))
            .rejects.toMatchObject({ name: 'InvalidParameter', message: expect.stringContaining('Filter policy is too complex') });
        await expect(t.sns.subscribe({ TopicArn, Protocol: 'sqs', Endpoint: t.queueArn('q3'), Attributes: { FilterPolicy: { a: ['x'.repeat(256 * 1024)] } } }))
            .rejects.toMatchObject({ name: 'InvalidParameter', message: expect.stringContaining('too large') });
    });

    it('rule "MessageAttributes scope compares String, String.Array and Number only; Binary attributes are ignored"', async () => {
        const t = snsCloud();
        const { TopicArn } = await t.sns.createTopic({ Name: 'orders' });
        const exact = await t.queue('exact');
        const absent = await t.queue('absent');
        await t.sns.subscribe({ TopicArn, Protocol: 'sqs', Endpoint: exact.arn, Attributes: { RawMessageDelivery: 'true', FilterPolicy: { kind: ['a'] } } });
        await t.sns.subscribe({ TopicArn, Protocol: 'sqs', Endpoint: absent.arn, Attributes: { RawMessageDelivery: 'true', FilterPolicy: { kind: [{ exists: false }] } } });
        const binary = new TextEncoder().encode('a');
        await t.sns.publish({ TopicArn, Message: 'binary', MessageAttributes: { kind: { DataType: 'Binary', BinaryValue: binary }, other: { DataType: 'String', StringValue: 'x' } } });
        await t.sns.publish({ TopicArn, Message: 'string', MessageAttributes: { kind: { DataType: 'String', StringValue: 'a' } } });
        // A Binary "kind" is invisible to the policy: it neither equals "a" nor counts as present.
        expect(await t.bodies(exact.url)).toEqual(['string']);
        expect(await t.bodies(absent.url)).toEqual(['binary']);
    });

    it('rule "10,000 filter policies per account" (FilterPolicyLimitExceeded across topics)', async () => {
        const t = snsCloud();
        let made = 0;
        for (let topic = 0; made < 10_000; topic++) {
            const { TopicArn } = await t.sns.createTopic({ Name: `t${topic}` });
            for (let i = 0; i < 200 && made < 10_000; i++, made++) {
                // Subscribe is throttled at 100 per second.
                if (made % 100 === 0) await t.cloud.advance(1000);
                await t.sns.subscribe({ TopicArn, Protocol: 'sqs', Endpoint: t.queueArn(`q${made}`), Attributes: { FilterPolicy: { k: ['v'] } } });
            }
        }
        await t.cloud.advance(1000);
        const { TopicArn } = await t.sns.createTopic({ Name: 'fresh' });
        await expect(t.sns.subscribe({ TopicArn, Protocol: 'sqs', Endpoint: t.queueArn('one-more'), Attributes: { FilterPolicy: { k: ['v'] } } }))
            .rejects.toMatchObject({ name: 'FilterPolicyLimitExceeded' });
        await expect(t.sns.subscribe({ TopicArn, Protocol: 'sqs', Endpoint: t.queueArn('no-policy') })).resolves.toHaveProperty('SubscriptionArn');
    });
});
