import { describe, expect, it } from 'vitest';
import { snsCloud } from './helpers.js';

describe('DOMAIN §2.1 protocols and subscriptions', () => {
    it('rule "protocols: http, https, email, email-json, sms, sqs, application, lambda, firehose"; anything else is rejected', async () => {
        const t = snsCloud();
        const { TopicArn } = await t.sns.createTopic({ Name: 'all' });
        const endpoints: Record<string, string> = {
            http: 'http://example.com/a', https: 'https://example.com/b', email: 'a@example.com', 'email-json': 'b@example.com',
            sms: '+15555550100', sqs: t.queueArn('q'), application: 'arn:aws:sns:us-east-1:000000000000:endpoint/GCM/app/123',
            lambda: 'arn:aws:lambda:us-east-1:000000000000:function:f', firehose: 'arn:aws:firehose:us-east-1:000000000000:deliverystream/s'
        };
        for (const [Protocol, Endpoint] of Object.entries(endpoints)) {
            await expect(t.sns.subscribe({ TopicArn, Protocol, Endpoint }), Protocol).resolves.toHaveProperty('SubscriptionArn');
        }
        await expect(t.sns.subscribe({ TopicArn, Protocol: 'ftp', Endpoint: 'ftp://x' }))
            .rejects.toMatchObject({ name: 'InvalidParameter', message: 'Invalid parameter: Amazon SNS does not support this protocol string: ftp' });
        await expect(t.sns.subscribe({ TopicArn, Protocol: 'https', Endpoint: 'http://insecure.example.com' })).rejects.toMatchObject({ name: 'InvalidParameter' });
        await expect(t.sns.subscribe({ TopicArn, Protocol: 'sqs', Endpoint: 'my-queue' })).rejects.toMatchObject({ name: 'InvalidParameter' });
    });

    it('rule "HTTP/S and email endpoints need ConfirmSubscription": nothing is delivered while pending', async () => {
        const t = snsCloud();
        const { TopicArn } = await t.sns.createTopic({ Name: 'alerts' });
        const endpoint = 'https://hooks.example.com/a';
        const result = await t.sns.subscribe({ TopicArn, Protocol: 'https', Endpoint: endpoint });
        expect(result).toEqual({ SubscriptionArn: 'pending confirmation' });
        const [confirmation] = t.sns.recordedDeliveries({ endpoint });
        expect(confirmation).toMatchObject({ type: 'SubscriptionConfirmation', headers: { 'x-amz-sns-message-type': 'SubscriptionConfirmation' } });
        expect(JSON.parse(confirmation!.body)).toMatchObject({ Type: 'SubscriptionConfirmation', Token: confirmation!.token, TopicArn });

        await t.sns.publish({ TopicArn, Message: 'before confirmation' });
        expect(t.sns.recordedDeliveries({ endpoint })).toHaveLength(1);
        const { Attributes } = await t.sns.getTopicAttributes({ TopicArn });
        expect(Attributes).toMatchObject({ SubscriptionsPending: '1', SubscriptionsConfirmed: '0' });

        const confirmed = await t.sns.confirmSubscription({ TopicArn, Token: confirmation!.token! });
        expect(confirmed.SubscriptionArn).toMatch(new RegExp(`^${TopicArn}:`));
        await t.sns.publish({ TopicArn, Message: 'after confirmation' });
        expect(t.sns.recordedDeliveries({ endpoint }).map(d => JSON.parse(d.body).Message)).toEqual([
            expect.stringContaining('To confirm the subscription'), 'after confirmation'
        ]);
    });

    it('rule "confirmation tokens are valid for 2 days"', async () => {
        const t = snsCloud();
        const { TopicArn } = await t.sns.createTopic({ Name: 'alerts' });
        await t.sns.subscribe({ TopicArn, Protocol: 'email', Endpoint: 'ops@example.com' });
        const token = t.sns.recordedDeliveries({ endpoint: 'ops@example.com' })[0]!.token!;
        await t.cloud.runUntil(2 * 24 * 3600 * 1000 + 1);
        await expect(t.sns.confirmSubscription({ TopicArn, Token: token })).rejects.toMatchObject({ name: 'InvalidParameter' });
        await expect(t.sns.confirmSubscription({ TopicArn, Token: 'not-a-token' })).rejects.toMatchObject({ name: 'InvalidParameter' });
    });

    it('rule "Subscribe is idempotent for the same endpoint"; different attributes are an error', async () => {
        const t = snsCloud();
        const { TopicArn } = await t.sns.createTopic({ Name: 'orders' });
        const q = await t.queue('q');
        const a = await t.sns.subscribe({ TopicArn, Protocol: 'sqs', Endpoint: q.arn, Attributes: { RawMessageDelivery: 'true' } });
        const b = await t.sns.subscribe({ TopicArn, Protocol: 'sqs', Endpoint: q.arn, Attributes: { RawMessageDelivery: 'true' } });
        expect(b).toEqual(a);
        await expect(t.sns.subscribe({ TopicArn, Protocol: 'sqs', Endpoint: q.arn, Attributes: { RawMessageDelivery: 'false' } }))
            .rejects.toMatchObject({ name: 'InvalidParameter' });
        expect((await t.sns.listSubscriptionsByTopic({ TopicArn })).Subscriptions).toHaveLength(1);
    });

    it('rule "Unsubscribe stops delivery"; unknown subscriptions answer NotFound', async () => {
        const t = snsCloud();
        const { TopicArn } = await t.sns.createTopic({ Name: 'orders' });
        const q = await t.queue('q');
        const { SubscriptionArn } = await t.sns.subscribe({ TopicArn, Protocol: 'sqs', Endpoint: q.arn });
        await t.sns.unsubscribe({ SubscriptionArn });
        await t.sns.publish({ TopicArn, Message: 'm' });
        expect(await t.bodies(q.url)).toEqual([]);
        await expect(t.sns.unsubscribe({ SubscriptionArn })).rejects.toMatchObject({ name: 'NotFound' });
        const { Attributes } = await t.sns.getTopicAttributes({ TopicArn });
        expect(Attributes['SubscriptionsDeleted']).toBe('1');
    });

    it('rule "subscription attributes as AWS shows them": FilterPolicyScope appears only once a FilterPolicy is set', async () => {
        const t = snsCloud();
        const { TopicArn } = await t.sns.createTopic({ Name: 'orders' });
        const q = await t.queue('q');
        const { SubscriptionArn } = await t.sns.subscribe({ TopicArn, Protocol: 'sqs', Endpoint: q.arn });
        const initial = (await t.sns.getSubscriptionAttributes({ SubscriptionArn })).Attributes;
        expect(initial).toEqual({
            ConfirmationWasAuthenticated: 'true', Endpoint: q.arn, Owner: '000000000000', PendingConfirmation: 'false',
            Protocol: 'sqs', RawMessageDelivery: 'false', SubscriptionArn, TopicArn
        });
        await t.sns.setSubscriptionAttributes({ SubscriptionArn, AttributeName: 'FilterPolicyScope', AttributeValue: 'MessageBody' });
        expect((await t.sns.getSubscriptionAttributes({ SubscriptionArn })).Attributes).not.toHaveProperty('FilterPolicyScope');
        await expect(t.sns.setSubscriptionAttributes({ SubscriptionArn, AttributeName: 'FilterPolicyScope', AttributeValue: 'RandomValue' }))
            .rejects.toMatchObject({ name: 'InvalidParameter', message: 'Invalid parameter: FilterPolicyScope: Invalid value [RandomValue]. Please use either MessageBody or MessageAttributes' });
        await t.sns.setSubscriptionAttributes({ SubscriptionArn, AttributeName: 'FilterPolicy', AttributeValue: '{"attr":["match-this"]}' });
        expect((await t.sns.getSubscriptionAttributes({ SubscriptionArn })).Attributes).toMatchObject({
            FilterPolicy: '{"attr":["match-this"]}', FilterPolicyScope: 'MessageBody'
        });
    });
});
