import { describe, expect, it } from 'vitest';
import {
    AWS_MANAGED_RETRY_POLICY, CUSTOMER_MANAGED_RETRY_POLICY, HTTP_DEFAULT_RETRY_POLICY, retryDelayMs, totalRetries, totalRetryTimeMs,
    type SnsDeliveryEvent
} from '../../src/sns/index.js';
import { snsCloud } from './helpers.js';

const DAY = 24 * 3600 * 1000;

function attemptTimes(events: SnsDeliveryEvent[]): number[] {
    return events.filter(e => e.type === 'attempt-failed' || e.type === 'delivered').map(e => e.at);
}

describe('DOMAIN §2.3 delivery retries', () => {
    it('rule "AWS-managed endpoints: 3 immediate, 2 at 1 s, 10 backing off 1→20 s, 100,000 at 20 s = 100,015 retries over ~23 days"', () => {
        expect(totalRetries(AWS_MANAGED_RETRY_POLICY)).toBe(100_015);
        const delays = Array.from({ length: 16 }, (_, i) => retryDelayMs(AWS_MANAGED_RETRY_POLICY, i));
        expect(delays.slice(0, 5)).toEqual([0, 0, 0, 1000, 1000]);
        expect(delays[5]).toBe(1000);
        expect(delays[14]).toBe(20_000);
        expect(delays[15]).toBe(20_000);
        for (let i = 6; i < 15; i++) expect(delays[i]!).toBeGreaterThan(delays[i - 1]!);
        expect(totalRetryTimeMs(AWS_MANAGED_RETRY_POLICY) / DAY).toBeCloseTo(23.15, 1);
        expect(retryDelayMs(AWS_MANAGED_RETRY_POLICY, 100_015)).toBeUndefined();
    });

    it('rule "customer-managed endpoints (SMTP, SMS, mobile push): 0 immediate, 2 at 10 s, 10 backing off 10→600 s, 38 at 600 s = 50 over ~6 h"', () => {
        expect(totalRetries(CUSTOMER_MANAGED_RETRY_POLICY)).toBe(50);
        expect(retryDelayMs(CUSTOMER_MANAGED_RETRY_POLICY, 0)).toBe(10_000);
        expect(retryDelayMs(CUSTOMER_MANAGED_RETRY_POLICY, 2)).toBe(10_000);
        expect(retryDelayMs(CUSTOMER_MANAGED_RETRY_POLICY, 11)).toBe(600_000);
        expect(retryDelayMs(CUSTOMER_MANAGED_RETRY_POLICY, 49)).toBe(600_000);
        expect(retryDelayMs(CUSTOMER_MANAGED_RETRY_POLICY, 50)).toBeUndefined();
        const hours = totalRetryTimeMs(CUSTOMER_MANAGED_RETRY_POLICY) / 3_600_000;
        expect(hours).toBeGreaterThan(6);
        expect(hours).toBeLessThan(7.5);
    });

    it('rule "AWS-managed retries on an SQS endpoint": an outage of 30 s is retried on the policy and the message arrives', async () => {
        const t = snsCloud();
        const { TopicArn } = await t.sns.createTopic({ Name: 'orders' });
        const q = await t.queue('q');
        await t.sns.subscribe({ TopicArn, Protocol: 'sqs', Endpoint: q.arn, Attributes: { RawMessageDelivery: 'true' } });
        const events: SnsDeliveryEvent[] = [];
        t.sns.onDeliveryEvent(e => events.push(e));
        t.sns.injectEndpointFailure(q.arn, 0, 30_000);
        await t.sns.publish({ TopicArn, Message: 'm' });
        await t.cloud.runUntil(120_000);
        const expected = [0];
        for (let retry = 0; expected[expected.length - 1]! < 30_000; retry++) {
            expected.push(expected[expected.length - 1]! + retryDelayMs(AWS_MANAGED_RETRY_POLICY, retry)!);
        }
        expect(attemptTimes(events)).toEqual(expected);
        expect(events[events.length - 1]).toMatchObject({ type: 'delivered' });
        expect(await t.bodies(q.url)).toEqual(['m']);
        expect(t.sns.counters(TopicArn)).toMatchObject({ delivered: 1, failed: 0, failedAttempts: expected.length - 1 });
    });

    it('rule "HTTP/S default policy: 3 retries 20 s apart", then the message is discarded without a DLQ', async () => {
        const t = snsCloud({ autoConfirmSubscriptions: true });
        const { TopicArn } = await t.sns.createTopic({ Name: 'orders' });
        const endpoint = 'https://api.example.com/hook';
        await t.sns.subscribe({ TopicArn, Protocol: 'https', Endpoint: endpoint });
        const events: SnsDeliveryEvent[] = [];
        t.sns.onDeliveryEvent(e => events.push(e));
        t.sns.injectEndpointFailure(endpoint, 0, 3_600_000);
        await t.sns.publish({ TopicArn, Message: 'm' });
        await t.cloud.runUntil(3_600_000);
        expect(attemptTimes(events)).toEqual([0, 20_000, 40_000, 60_000]);
        expect(events.map(e => e.type)).toEqual(['attempt-failed', 'attempt-failed', 'attempt-failed', 'attempt-failed', 'failed']);
        expect(t.sns.counters(TopicArn)).toMatchObject({ failed: 1, failedAttempts: 4, redrivenToDlq: 0, delivered: 0 });
        expect(HTTP_DEFAULT_RETRY_POLICY.backoffRetries).toBe(3);
    });

    it('rule "only HTTP/S delivery policies are customizable, total ≤ 3,600 s"', async () => {
        const t = snsCloud({ autoConfirmSubscriptions: true });
        const { TopicArn } = await t.sns.createTopic({ Name: 'orders' });
        const endpoint = 'https://api.example.com/hook';
        const policy = { healthyRetryPolicy: { numRetries: 4, numNoDelayRetries: 1, numMinDelayRetries: 1, minDelayTarget: 5, maxDelayTarget: 30, numMaxDelayRetries: 1, backoffFunction: 'linear' } };
        await t.sns.subscribe({ TopicArn, Protocol: 'https', Endpoint: endpoint, Attributes: { DeliveryPolicy: JSON.stringify(policy) } });
        const events: SnsDeliveryEvent[] = [];
        t.sns.onDeliveryEvent(e => events.push(e));
        t.sns.injectEndpointFailure(endpoint, 0, 1_000_000);
        await t.sns.publish({ TopicArn, Message: 'm' });
        await t.cloud.runUntil(1_000_000);
        // 1 no-delay retry, 1 at 5 s, 1 backoff step (5→30 s, a single step lands on the maximum), 1 at 30 s.
        expect(attemptTimes(events)).toEqual([0, 0, 5_000, 35_000, 65_000]);

        const tooLong = { healthyRetryPolicy: { numRetries: 100, minDelayTarget: 3600, maxDelayTarget: 3600 } };
        await expect(t.sns.subscribe({ TopicArn, Protocol: 'https', Endpoint: 'https://b.example.com', Attributes: { DeliveryPolicy: JSON.stringify(tooLong) } }))
            .rejects.toMatchObject({ name: 'InvalidParameter' });
        const q = await t.queue('q');
        await expect(t.sns.subscribe({ TopicArn, Protocol: 'sqs', Endpoint: q.arn, Attributes: { DeliveryPolicy: JSON.stringify(policy) } }))
            .rejects.toMatchObject({ name: 'InvalidParameter' });
    });

    it('rule "exhausted retries go to the subscription DLQ (RedrivePolicy)": an SMS endpoint down for 7 h', async () => {
        const t = snsCloud();
        const { TopicArn } = await t.sns.createTopic({ Name: 'alerts' });
        const dlq = await t.queue('alerts-sms-dlq');
        const phone = '+15555550100';
        await t.sns.subscribe({ TopicArn, Protocol: 'sms', Endpoint: phone, Attributes: { RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlq.arn }) } });
        t.sns.injectEndpointFailure(phone, 0, 7 * 3_600_000);
        await t.sns.publish({ TopicArn, Message: 'disk full' });
        const retryTime = totalRetryTimeMs(CUSTOMER_MANAGED_RETRY_POLICY);
        await t.cloud.runUntil(retryTime - 1);
        expect(await t.bodies(dlq.url)).toEqual([]);
        await t.cloud.runUntil(retryTime);
        expect(await t.bodies(dlq.url)).toEqual(['disk full']);
        expect(t.sns.counters(TopicArn)).toMatchObject({ failed: 1, failedAttempts: 51, redrivenToDlq: 1, delivered: 0 });
        expect(t.sns.recordedDeliveries({ endpoint: phone })).toEqual([]);
    });

    it('rule "client-side errors are not retried and go to the DLQ": the subscribed queue was deleted', async () => {
        const t = snsCloud();
        const { TopicArn } = await t.sns.createTopic({ Name: 'orders' });
        const dlq = await t.queue('orders-dlq');
        const gone = await t.queue('gone');
        const { SubscriptionArn } = await t.sns.subscribe({
            TopicArn, Protocol: 'sqs', Endpoint: gone.arn, Attributes: { RedrivePolicy: { deadLetterTargetArn: dlq.arn } }
        });
        await t.cloud.sqs.deleteQueue({ QueueUrl: gone.url });
        const events: SnsDeliveryEvent[] = [];
        t.sns.onDeliveryEvent(e => events.push(e));
        const { MessageId } = await t.sns.publish({ TopicArn, Message: 'm' });
        await t.cloud.runUntil(10_000);
        expect(events.map(e => e.type)).toEqual(['attempt-failed', 'failed', 'redriven']);
        expect(events[0]).toMatchObject({ clientError: true, error: expect.stringContaining('QueueDoesNotExist') });
        const [body] = await t.bodies(dlq.url);
        expect(JSON.parse(body!)).toMatchObject({ Type: 'Notification', MessageId, Message: 'm' });
        expect(t.sns.subscriptionCounters(SubscriptionArn)).toMatchObject({ failed: 1, failedAttempts: 1, redrivenToDlq: 1 });
    });

    it('rule "injected client-side failure: no retry, DLQ at once"', async () => {
        const t = snsCloud();
        const { TopicArn } = await t.sns.createTopic({ Name: 'orders' });
        const q = await t.queue('q');
        const dlq = await t.queue('dlq');
        await t.sns.subscribe({ TopicArn, Protocol: 'sqs', Endpoint: q.arn, Attributes: { RawMessageDelivery: 'true', RedrivePolicy: { deadLetterTargetArn: dlq.arn } } });
        t.sns.injectEndpointFailure(q.arn, 0, 1000, 'client');
        await t.sns.publish({ TopicArn, Message: 'm', MessageAttributes: { k: { DataType: 'String', StringValue: 'v' } } });
        await t.cloud.runUntil(5000);
        expect(await t.bodies(q.url)).toEqual([]);
        const { Messages } = await t.cloud.sqs.receiveMessage({ QueueUrl: dlq.url, MessageAttributeNames: ['All'] });
        expect(Messages.map(m => [m.Body, m.MessageAttributes])).toEqual([['m', { k: { DataType: 'String', StringValue: 'v' } }]]);
    });

    it('rule "Firehose is an AWS-managed endpoint": a failing delivery stream is retried like SQS', async () => {
        const t = snsCloud();
        const { SnsService } = await import('../../src/sns/index.js');
        let calls = 0;
        const sns = new SnsService(t.cloud.context, { firehose: () => { calls++; } });
        const { TopicArn } = await sns.createTopic({ Name: 'clicks' });
        const stream = 'arn:aws:firehose:us-east-1:000000000000:deliverystream/clicks';
        await sns.subscribe({ TopicArn, Protocol: 'firehose', Endpoint: stream });
        sns.injectEndpointFailure(stream, 0, 1500);
        await sns.publish({ TopicArn, Message: 'c' });
        await t.cloud.runUntil(10_000);
        // Attempts at 0, 0, 0, 0 (immediate), 1 s fail; 2 s succeeds.
        expect(calls).toBe(1);
        expect(sns.counters(TopicArn)).toMatchObject({ failedAttempts: 5, delivered: 1 });
    });

    it('rule "retries stop when the subscription is deleted"', async () => {
        const t = snsCloud();
        const { TopicArn } = await t.sns.createTopic({ Name: 'orders' });
        const q = await t.queue('q');
        const { SubscriptionArn } = await t.sns.subscribe({ TopicArn, Protocol: 'sqs', Endpoint: q.arn });
        t.sns.injectEndpointFailure(q.arn, 0, 60_000);
        await t.sns.publish({ TopicArn, Message: 'm' });
        await t.cloud.runUntil(5_000);
        await t.sns.unsubscribe({ SubscriptionArn });
        await t.cloud.runUntil(120_000);
        expect(await t.bodies(q.url)).toEqual([]);
    });

    it('rule "HTTP/S policy JSON: backoffFunction arithmetic | exponential | geometric | linear" shapes the delays from minDelayTarget to maxDelayTarget', async () => {
        const t = snsCloud({ autoConfirmSubscriptions: true });
        const { TopicArn } = await t.sns.createTopic({ Name: 'orders' });
        const events: SnsDeliveryEvent[] = [];
        t.sns.onDeliveryEvent(e => events.push(e));
        const delays: Record<string, number[]> = {};
        for (const backoffFunction of ['linear', 'arithmetic', 'geometric', 'exponential']) {
            const endpoint = `https://${backoffFunction}.example.com/hook`;
            const policy = { healthyRetryPolicy: { numRetries: 5, minDelayTarget: 10, maxDelayTarget: 50, backoffFunction } };
            await t.sns.subscribe({ TopicArn, Protocol: 'https', Endpoint: endpoint, Attributes: { DeliveryPolicy: JSON.stringify(policy) } });
            t.sns.injectEndpointFailure(endpoint, 0, 10_000_000);
        }
        await t.sns.publish({ TopicArn, Message: 'm' });
        await t.cloud.runUntil(1_000_000);
        for (const backoffFunction of ['linear', 'arithmetic', 'geometric', 'exponential']) {
            const subscription = (await t.sns.listSubscriptions()).Subscriptions.find(s => s.Endpoint.startsWith(`https://${backoffFunction}.`))!;
            const times = attemptTimes(events.filter(e => 'subscriptionArn' in e && e.subscriptionArn === subscription.SubscriptionArn));
            // The first attempt and 5 retries; the gaps are the retry delays.
            expect(times).toHaveLength(6);
            delays[backoffFunction] = times.slice(1).map((time, i) => time - times[i]!);
        }
        for (const gaps of Object.values(delays)) {
            expect(gaps[0]).toBe(10_000);
            expect(gaps[4]).toBe(50_000);
            for (let i = 1; i < gaps.length; i++) expect(gaps[i]!).toBeGreaterThanOrEqual(gaps[i - 1]!);
        }
        expect(delays['linear']).toEqual([10_000, 20_000, 30_000, 40_000, 50_000]);
        // Geometric rises early, arithmetic and exponential late (the middle retry tells them apart).
        expect(delays['geometric']![2]).toBeGreaterThan(delays['linear']![2]!);
        expect(delays['arithmetic']![2]).toBeLessThan(delays['linear']![2]!);
        expect(delays['exponential']![2]).toBeLessThan(delays['linear']![2]!);
        const bad = { healthyRetryPolicy: { numRetries: 3, minDelayTarget: 10, maxDelayTarget: 50, backoffFunction: 'cubic' } };
        await expect(t.sns.subscribe({ TopicArn, Protocol: 'https', Endpoint: 'https://cubic.example.com', Attributes: { DeliveryPolicy: JSON.stringify(bad) } }))
            .rejects.toMatchObject({ name: 'InvalidParameter' });
    });
});
