import { describe, expect, it } from 'vitest';
import { snsCloud } from './helpers.js';

describe('DOMAIN §2.2 delivery format', () => {
    it('rule "default body is a JSON envelope": Type, MessageId, TopicArn, Message, Timestamp (ISO ms UTC), signature fields, UnsubscribeURL', async () => {
        const t = snsCloud();
        const { TopicArn } = await t.sns.createTopic({ Name: 'orders' });
        const q = await t.queue('q');
        const { SubscriptionArn } = await t.sns.subscribe({ TopicArn, Protocol: 'sqs', Endpoint: q.arn });
        await t.cloud.advance(1234);
        const { MessageId } = await t.sns.publish({ TopicArn, Message: 'order 1' });
        const [body] = await t.bodies(q.url);
        const envelope = JSON.parse(body!);
        expect(Object.keys(envelope)).toEqual([
            'Type', 'MessageId', 'TopicArn', 'Message', 'Timestamp', 'SignatureVersion', 'Signature', 'SigningCertURL', 'UnsubscribeURL'
        ]);
        expect(envelope).toMatchObject({ Type: 'Notification', MessageId, TopicArn, Message: 'order 1', Timestamp: '1970-01-01T00:00:01.234Z', SignatureVersion: '1' });
        expect(envelope.Signature).toMatch(/^[A-Za-z0-9+/]+=*$/);
        expect(envelope.UnsubscribeURL).toContain(`SubscriptionArn=${SubscriptionArn}`);
    });

    it('rule "each subscription\'s envelope names its own UnsubscribeURL" (the rest is identical)', async () => {
        const t = snsCloud();
        const { TopicArn } = await t.sns.createTopic({ Name: 'orders' });
        const a = await t.queue('a');
        const b = await t.queue('b');
        const subA = (await t.sns.subscribe({ TopicArn, Protocol: 'sqs', Endpoint: a.arn })).SubscriptionArn;
        const subB = (await t.sns.subscribe({ TopicArn, Protocol: 'sqs', Endpoint: b.arn })).SubscriptionArn;
        await t.sns.publish({ TopicArn, Message: 'm "quoted"', MessageAttributes: { k: { DataType: 'String', StringValue: 'v' } } });
        const envelopeA = JSON.parse((await t.bodies(a.url))[0]!);
        const envelopeB = JSON.parse((await t.bodies(b.url))[0]!);
        expect(envelopeA.UnsubscribeURL).toBe(`https://sns.us-east-1.amazonaws.com/?Action=Unsubscribe&SubscriptionArn=${subA}`);
        expect(envelopeB.UnsubscribeURL).toBe(`https://sns.us-east-1.amazonaws.com/?Action=Unsubscribe&SubscriptionArn=${subB}`);
        expect({ ...envelopeA, UnsubscribeURL: '' }).toEqual({ ...envelopeB, UnsubscribeURL: '' });
        expect(envelopeA.Message).toBe('m "quoted"');
        expect(Object.keys(envelopeA).slice(-2)).toEqual(['UnsubscribeURL', 'MessageAttributes']);
    });

    it('rule "Subject only if set; MessageAttributes only if any, as {Type, Value} with Binary base64"', async () => {
        const t = snsCloud();
        const { TopicArn } = await t.sns.createTopic({ Name: 'orders' });
        const q = await t.queue('q');
        await t.sns.subscribe({ TopicArn, Protocol: 'sqs', Endpoint: q.arn });
        await t.sns.publish({
            TopicArn, Message: 'm', Subject: 'Order placed',
            MessageAttributes: {
                store: { DataType: 'String', StringValue: 'example_corp' },
                price: { DataType: 'Number', StringValue: '210.75' },
                blob: { DataType: 'Binary', BinaryValue: new Uint8Array([1, 2, 3]) }
            }
        });
        const envelope = JSON.parse((await t.bodies(q.url))[0]!);
        expect(envelope.Subject).toBe('Order placed');
        expect(envelope.MessageAttributes).toEqual({
            store: { Type: 'String', Value: 'example_corp' },
            price: { Type: 'Number', Value: '210.75' },
            blob: { Type: 'Binary', Value: 'AQID' }
        });
    });

    it('rule "SignatureVersion 2 signs with SHA256" (the topic attribute is carried into the envelope)', async () => {
        const t = snsCloud();
        const { TopicArn } = await t.sns.createTopic({ Name: 'orders', Attributes: { SignatureVersion: '2' } });
        const q = await t.queue('q');
        await t.sns.subscribe({ TopicArn, Protocol: 'sqs', Endpoint: q.arn });
        await t.sns.publish({ TopicArn, Message: 'm' });
        const envelope = JSON.parse((await t.bodies(q.url))[0]!);
        expect(envelope.SignatureVersion).toBe('2');
        expect(Buffer.from(envelope.Signature, 'base64').length).toBe(32);
    });

    it('rule "FIFO envelope carries SequenceNumber and no signature fields"', async () => {
        const t = snsCloud();
        const { TopicArn } = await t.sns.createTopic({ Name: 'orders.fifo', Attributes: { FifoTopic: 'true' } });
        const q = await t.queue('q.fifo');
        await t.sns.subscribe({ TopicArn, Protocol: 'sqs', Endpoint: q.arn });
        const { SequenceNumber } = await t.sns.publish({ TopicArn, Message: 'm', MessageGroupId: 'g', MessageDeduplicationId: 'd1' });
        const envelope = JSON.parse((await t.bodies(q.url))[0]!);
        expect(envelope.SequenceNumber).toBe(SequenceNumber);
        expect(SequenceNumber).toMatch(/^\d{20}$/);
        expect(envelope).not.toHaveProperty('Signature');
        expect(envelope).not.toHaveProperty('SignatureVersion');
        expect(envelope).not.toHaveProperty('SigningCertURL');
    });

    it('rule "RawMessageDelivery=true: the SQS body is the raw message and SNS attributes become SQS message attributes"', async () => {
        const t = snsCloud();
        const { TopicArn } = await t.sns.createTopic({ Name: 'orders' });
        const q = await t.queue('q');
        await t.sns.subscribe({ TopicArn, Protocol: 'sqs', Endpoint: q.arn, Attributes: { RawMessageDelivery: 'true' } });
        await t.sns.publish({
            TopicArn, Message: '{"id":1}',
            MessageAttributes: { store: { DataType: 'String', StringValue: 'example_corp' }, tags: { DataType: 'String.Array', StringValue: '["a","b"]' } }
        });
        const { Messages } = await t.cloud.sqs.receiveMessage({ QueueUrl: q.url, MessageAttributeNames: ['All'] });
        expect(Messages[0]!.Body).toBe('{"id":1}');
        expect(Messages[0]!.MessageAttributes).toEqual({
            store: { DataType: 'String', StringValue: 'example_corp' },
            tags: { DataType: 'String.Array', StringValue: '["a","b"]' }
        });
    });

    it('rule "raw delivery only for SQS, HTTP/S and Firehose": email subscriptions reject it', async () => {
        const t = snsCloud();
        const { TopicArn } = await t.sns.createTopic({ Name: 'orders' });
        await expect(t.sns.subscribe({ TopicArn, Protocol: 'email', Endpoint: 'ops@example.com', Attributes: { RawMessageDelivery: 'true' } }))
            .rejects.toMatchObject({ name: 'InvalidParameter', message: 'Invalid parameter: Attributes Reason: Delivery protocol [email] does not support raw message delivery.' });
    });

    it('rule "HTTP headers x-amz-sns-message-type/-message-id/-topic-arn/-subscription-arn; retries keep the original MessageId"', async () => {
        const t = snsCloud({ autoConfirmSubscriptions: true });
        const { TopicArn } = await t.sns.createTopic({ Name: 'orders' });
        const endpoint = 'https://hooks.example.com/sns';
        const { SubscriptionArn } = await t.sns.subscribe({ TopicArn, Protocol: 'https', Endpoint: endpoint });
        t.sns.injectEndpointFailure(endpoint, 0, 10_000);
        const { MessageId } = await t.sns.publish({ TopicArn, Message: 'm' });
        await t.cloud.runUntil(60_000);
        const deliveries = t.sns.recordedDeliveries({ endpoint });
        expect(deliveries).toHaveLength(1);
        expect(deliveries[0]!.at).toBe(20_000);
        expect(deliveries[0]!.headers).toMatchObject({
            'x-amz-sns-message-type': 'Notification',
            'x-amz-sns-message-id': MessageId,
            'x-amz-sns-topic-arn': TopicArn,
            'x-amz-sns-subscription-arn': SubscriptionArn
        });
        expect(JSON.parse(deliveries[0]!.body).MessageId).toBe(MessageId);
    });

    it('rule "email gets the message text, email-json the envelope, sms the text"', async () => {
        const t = snsCloud({ autoConfirmSubscriptions: true });
        const { TopicArn } = await t.sns.createTopic({ Name: 'alerts' });
        await t.sns.subscribe({ TopicArn, Protocol: 'email', Endpoint: 'a@example.com' });
        await t.sns.subscribe({ TopicArn, Protocol: 'email-json', Endpoint: 'b@example.com' });
        await t.sns.subscribe({ TopicArn, Protocol: 'sms', Endpoint: '+15555550100' });
        await t.sns.publish({ TopicArn, Message: 'disk full' });
        expect(t.sns.recordedDeliveries({ endpoint: 'a@example.com' })[0]!.body).toBe('disk full');
        expect(JSON.parse(t.sns.recordedDeliveries({ endpoint: 'b@example.com' })[0]!.body).Message).toBe('disk full');
        expect(t.sns.recordedDeliveries({ endpoint: '+15555550100' })[0]!.body).toBe('disk full');
    });

    it('rule "Lambda subscribers receive the SNS event (Records[0].Sns)"', async () => {
        const t = snsCloud();
        const { TopicArn } = await t.sns.createTopic({ Name: 'orders' });
        const functionArn = 'arn:aws:lambda:us-east-1:000000000000:function:audit';
        const events: unknown[] = [];
        t.sns.setFunctionBehaviour(functionArn, event => { events.push(event); });
        const { SubscriptionArn } = await t.sns.subscribe({ TopicArn, Protocol: 'lambda', Endpoint: functionArn });
        const { MessageId } = await t.sns.publish({ TopicArn, Message: 'm', MessageAttributes: { k: { DataType: 'String', StringValue: 'v' } } });
        expect(events).toEqual([{
            Records: [expect.objectContaining({
                EventSource: 'aws:sns', EventVersion: '1.0', EventSubscriptionArn: SubscriptionArn,
                Sns: expect.objectContaining({ Type: 'Notification', MessageId, TopicArn, Message: 'm', Subject: null, MessageAttributes: { k: { Type: 'String', Value: 'v' } } })
            })]
        }]);
    });

    it('rule "Firehose subscribers get the envelope, or the raw message with RawMessageDelivery"', async () => {
        const t = snsCloud();
        const records: Array<[string, string]> = [];
        const { SnsService } = await import('../../src/sns/index.js');
        const sns = new SnsService(t.cloud.context, { firehose: (arn, data) => { records.push([arn, data]); } });
        const { TopicArn } = await sns.createTopic({ Name: 'clicks' });
        const stream = 'arn:aws:firehose:us-east-1:000000000000:deliverystream/clicks-to-s3';
        await sns.subscribe({ TopicArn, Protocol: 'firehose', Endpoint: stream, Attributes: { RawMessageDelivery: 'true', SubscriptionRoleArn: 'arn:aws:iam::000000000000:role/sns' } });
        await sns.publish({ TopicArn, Message: '{"click":1}' });
        expect(records).toEqual([[stream, '{"click":1}']]);
    });
});
