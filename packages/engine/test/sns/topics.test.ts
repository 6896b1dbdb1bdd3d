import { describe, expect, it } from 'vitest';
import { snsCloud } from './helpers.js';

describe('DOMAIN §2.1 topics', () => {
    it('rule "topic name 1-256 chars [A-Za-z0-9_-]": rejects other characters and overlong names', async () => {
        const { sns } = snsCloud();
        await expect(sns.createTopic({ Name: 'a'.repeat(256) })).resolves.toHaveProperty('TopicArn');
        await expect(sns.createTopic({ Name: 'a'.repeat(257) })).rejects.toMatchObject({ name: 'InvalidParameter' });
        await expect(sns.createTopic({ Name: 'orders.v1' })).rejects.toMatchObject({ name: 'InvalidParameter', message: 'Invalid parameter: Topic Name' });
        await expect(sns.createTopic({ Name: '' })).rejects.toMatchObject({ name: 'InvalidParameter' });
        await expect(sns.createTopic({ Name: 'Orders_2-eu' })).resolves.toEqual({ TopicArn: 'arn:aws:sns:us-east-1:000000000000:Orders_2-eu' });
    });

    it('rule "FIFO topic names end in .fifo": FifoTopic=true needs the suffix and a standard topic cannot have it', async () => {
        const { sns } = snsCloud();
        await expect(sns.createTopic({ Name: 'orders.fifo', Attributes: { FifoTopic: 'true' } })).resolves.toHaveProperty('TopicArn');
        await expect(sns.createTopic({ Name: 'orders', Attributes: { FifoTopic: 'true' } })).rejects.toMatchObject({ name: 'InvalidParameter' });
        await expect(sns.createTopic({ Name: 'payments.fifo' })).rejects.toMatchObject({ name: 'InvalidParameter' });
        await expect(sns.createTopic({ Name: `${'a'.repeat(251)}.fifo`, Attributes: { FifoTopic: 'true' } })).resolves.toHaveProperty('TopicArn');
        await expect(sns.createTopic({ Name: `${'a'.repeat(252)}.fifo`, Attributes: { FifoTopic: 'true' } })).rejects.toMatchObject({ name: 'InvalidParameter' });
    });

    it('rule "CreateTopic is idempotent for the same name": same ARN, unless the attributes differ', async () => {
        const { sns } = snsCloud();
        const first = await sns.createTopic({ Name: 'orders', Attributes: { DisplayName: 'Orders' } });
        const again = await sns.createTopic({ Name: 'orders', Attributes: { DisplayName: 'Orders' } });
        const bare = await sns.createTopic({ Name: 'orders' });
        expect(again.TopicArn).toBe(first.TopicArn);
        expect(bare.TopicArn).toBe(first.TopicArn);
        await expect(sns.createTopic({ Name: 'orders', Attributes: { DisplayName: 'Other' } }))
            .rejects.toMatchObject({ name: 'InvalidParameter', message: 'Invalid parameter: Attributes Reason: Topic already exists with different attributes' });
        expect((await sns.listTopics()).Topics).toEqual([{ TopicArn: first.TopicArn }]);
    });

    it('rule "FIFO-only topic attributes": ContentBasedDeduplication and FifoThroughputScope only on FIFO topics', async () => {
        const { sns } = snsCloud();
        await expect(sns.createTopic({ Name: 'std', Attributes: { ContentBasedDeduplication: 'true' } })).rejects.toMatchObject({ name: 'InvalidParameter' });
        const { TopicArn } = await sns.createTopic({
            Name: 'orders.fifo', Attributes: { FifoTopic: 'true', ContentBasedDeduplication: 'true', FifoThroughputScope: 'MessageGroup' }
        });
        const { Attributes } = await sns.getTopicAttributes({ TopicArn });
        expect(Attributes).toMatchObject({ FifoTopic: 'true', ContentBasedDeduplication: 'true', FifoThroughputScope: 'MessageGroup', TopicArn });
        await expect(sns.createTopic({ Name: 'x.fifo', Attributes: { FifoTopic: 'true', Bogus: '1' } })).rejects.toMatchObject({ name: 'InvalidParameter' });
    });

    it('rule "unknown topic": Publish, Subscribe and GetTopicAttributes on a missing topic answer NotFound', async () => {
        const { sns } = snsCloud();
        const missing = 'arn:aws:sns:us-east-1:000000000000:nope';
        await expect(sns.publish({ TopicArn: missing, Message: 'm' })).rejects.toMatchObject({ name: 'NotFound' });
        await expect(sns.subscribe({ TopicArn: missing, Protocol: 'sqs', Endpoint: 'arn:aws:sqs:us-east-1:000000000000:q' })).rejects.toMatchObject({ name: 'NotFound' });
        await expect(sns.getTopicAttributes({ TopicArn: missing })).rejects.toMatchObject({ name: 'NotFound' });
    });

    it('rule "DeleteTopic removes its subscriptions"', async () => {
        const t = snsCloud();
        const { TopicArn } = await t.sns.createTopic({ Name: 'orders' });
        const q = await t.queue('q');
        await t.sns.subscribe({ TopicArn, Protocol: 'sqs', Endpoint: q.arn });
        await t.sns.deleteTopic({ TopicArn });
        expect((await t.sns.listSubscriptions()).Subscriptions).toEqual([]);
        expect((await t.sns.listTopics()).Topics).toEqual([]);
    });
});
