import { describe, expect, it } from 'vitest';
import type { SnsDeliveryEvent } from '../../src/sns/index.js';
import { snsCloud } from './helpers.js';

describe('DOMAIN §2.1/§2.3/§2.4 quotas and throttling', () => {
    it('rule "1,000 FIFO topics per account" (TopicLimitExceeded; re-creating an existing one still works)', async () => {
        const { sns } = snsCloud();
        for (let i = 0; i < 1000; i++) sns.createTopicSync({ Name: `t${i}.fifo`, Attributes: { FifoTopic: 'true' } });
        await expect(sns.createTopic({ Name: 'one-more.fifo', Attributes: { FifoTopic: 'true' } })).rejects.toMatchObject({ name: 'TopicLimitExceeded' });
        await expect(sns.createTopic({ Name: 't0.fifo', Attributes: { FifoTopic: 'true' } })).resolves.toHaveProperty('TopicArn');
        await expect(sns.createTopic({ Name: 'standard-still-fine' })).resolves.toHaveProperty('TopicArn');
    });

    it('rule "100,000 standard topics per account"', async () => {
        const { sns } = snsCloud();
        for (let i = 0; i < 100_000; i++) sns.createTopicSync({ Name: `t${i}` });
        await expect(sns.createTopic({ Name: 'one-more' })).rejects.toMatchObject({ name: 'TopicLimitExceeded' });
    });

    it('rule "Subscribe is throttled at 100 TPS"', async () => {
        const t = snsCloud();
        const { TopicArn } = await t.sns.createTopic({ Name: 'orders' });
        for (let i = 0; i < 100; i++) await t.sns.subscribe({ TopicArn, Protocol: 'sqs', Endpoint: t.queueArn(`q${i}`) });
        await expect(t.sns.subscribe({ TopicArn, Protocol: 'sqs', Endpoint: t.queueArn('q100') })).rejects.toMatchObject({ name: 'Throttled' });
        await t.cloud.advance(1000);
        await expect(t.sns.subscribe({ TopicArn, Protocol: 'sqs', Endpoint: t.queueArn('q100') })).resolves.toHaveProperty('SubscriptionArn');
    });

    it('rule "cross-account endpoints need ConfirmSubscription"', async () => {
        const t = snsCloud();
        const { TopicArn } = await t.sns.createTopic({ Name: 'orders' });
        const other = 'arn:aws:sqs:us-east-1:111122223333:their-queue';
        await expect(t.sns.subscribe({ TopicArn, Protocol: 'sqs', Endpoint: other })).resolves.toEqual({ SubscriptionArn: 'pending confirmation' });
        await expect(t.sns.subscribe({ TopicArn, Protocol: 'sqs', Endpoint: t.queueArn('ours') })).resolves.not.toEqual({ SubscriptionArn: 'pending confirmation' });
    });

    it('rule "FIFO topic throughput (FifoThroughputScope=Topic): 3,000 messages per second", beyond that Throttled', async () => {
        const t = snsCloud();
        const { TopicArn } = await t.sns.createTopic({ Name: 'orders.fifo', Attributes: { FifoTopic: 'true', ContentBasedDeduplication: 'true' } });
        for (let i = 0; i < 3000; i++) await t.sns.publish({ TopicArn, Message: `m${i}`, MessageGroupId: 'g' });
        await expect(t.sns.publish({ TopicArn, Message: 'over', MessageGroupId: 'g' })).rejects.toMatchObject({ name: 'Throttled' });
        await t.cloud.advance(1000);
        await expect(t.sns.publish({ TopicArn, Message: 'next second', MessageGroupId: 'g' })).resolves.toHaveProperty('SequenceNumber');
        expect(t.sns.counters(TopicArn).published).toBe(3001);
    });

    it('rule "FIFO topic throughput: 20 MB per second"', async () => {
        const t = snsCloud();
        const { TopicArn } = await t.sns.createTopic({ Name: 'blobs.fifo', Attributes: { FifoTopic: 'true', ContentBasedDeduplication: 'true' } });
        const body = (i: number) => `${i}:`.padEnd(262_144, 'x');
        const perSecond = Math.floor((20 * 1024 * 1024) / 262_144);
        for (let i = 0; i < perSecond; i++) await t.sns.publish({ TopicArn, Message: body(i), MessageGroupId: 'g' });
        await expect(t.sns.publish({ TopicArn, Message: body(perSecond), MessageGroupId: 'g' })).rejects.toMatchObject({ name: 'Throttled' });
    });

    it('rule "for Firehose throttling the customer-managed policy applies"', async () => {
        const t = snsCloud();
        const { TopicArn } = await t.sns.createTopic({ Name: 'clicks' });
        const { DeliveryStreamARN: stream } = await t.cloud.firehose.createDeliveryStream({
            DeliveryStreamName: 'clicks',
            ExtendedS3DestinationConfiguration: { BucketARN: 'arn:aws:s3:::clicks', BufferingHints: { SizeInMBs: 1, IntervalInSeconds: 0 } }
        });
        await t.sns.subscribe({ TopicArn, Protocol: 'firehose', Endpoint: stream, Attributes: { RawMessageDelivery: 'true' } });
        const events: SnsDeliveryEvent[] = [];
        t.sns.onDeliveryEvent(e => events.push(e));
        t.sns.injectEndpointFailure(stream, 0, 15_000, 'throttled');
        await t.sns.publish({ TopicArn, Message: 'c' });
        await t.cloud.runUntil(60_000);
        // Customer-managed: no immediate retries, 10 s, 10 s; the stream accepts again at 15 s.
        expect(events.filter(e => e.type === 'attempt-failed').map(e => e.at)).toEqual([0, 10_000]);
        expect(events.find(e => e.type === 'delivered')?.at).toBe(20_000);
        const objects = t.cloud.firehose.objects('clicks', 'delivery');
        expect(objects.map(o => o.records.map(r => Buffer.from(r.data as Uint8Array).toString('utf8')))).toEqual([['c']]);
    });

    it('rule "HTTP/S throttlePolicy.maxReceivesPerSecond": extra deliveries wait for the next second', async () => {
        const t = snsCloud({ autoConfirmSubscriptions: true });
        const { TopicArn } = await t.sns.createTopic({ Name: 'orders' });
        const endpoint = 'https://slow.example.com/hook';
        await t.sns.subscribe({ TopicArn, Protocol: 'https', Endpoint: endpoint, Attributes: { DeliveryPolicy: JSON.stringify({ throttlePolicy: { maxReceivesPerSecond: 2 } }) } });
        for (let i = 0; i < 5; i++) await t.sns.publish({ TopicArn, Message: `m${i}` });
        await t.cloud.runUntil(10_000);
        expect(t.sns.recordedDeliveries({ endpoint }).map(d => d.at)).toEqual([0, 0, 1000, 1000, 2000]);
    });

    it('rule "message replay (ReplayPolicy) exists only for FIFO topics"', async () => {
        const t = snsCloud();
        const { TopicArn } = await t.sns.createTopic({ Name: 'std' });
        await expect(t.sns.subscribe({ TopicArn, Protocol: 'sqs', Endpoint: t.queueArn('q'), Attributes: { ReplayPolicy: '{"StartingPoint":"2024-01-01T00:00:00Z"}' } }))
            .rejects.toMatchObject({ name: 'InvalidParameter' });
        await expect(t.sns.createTopic({ Name: 'std2', Attributes: { ArchivePolicy: '{"MessageRetentionPeriod":"30"}' } })).rejects.toMatchObject({ name: 'InvalidParameter' });
    });
});
