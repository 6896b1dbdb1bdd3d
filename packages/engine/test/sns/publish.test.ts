import { describe, expect, it } from 'vitest';
import { snsCloud } from './helpers.js';

async function topicWithQueue(raw = false) {
    const t = snsCloud();
    const { TopicArn } = await t.sns.createTopic({ Name: 'orders' });
    const q = await t.queue('orders-q');
    await t.sns.subscribe({ TopicArn, Protocol: 'sqs', Endpoint: q.arn, Attributes: { RawMessageDelivery: String(raw) } });
    return { ...t, TopicArn, q };
}

describe('DOMAIN §2.1 publish limits', () => {
    it('rule "message ≤ 256 KB (262,144 bytes), SNS did not get the 1 MiB raise": 262,144 bytes publish, 262,145 fail', async () => {
        const { sns, TopicArn, bodies, q } = await topicWithQueue(true);
        await expect(sns.publish({ TopicArn, Message: 'x'.repeat(262_144) })).resolves.toHaveProperty('MessageId');
        await expect(sns.publish({ TopicArn, Message: 'x'.repeat(262_145) })).rejects.toMatchObject({ name: 'InvalidParameter' });
        // Multi-byte characters count in bytes: 131,073 two-byte characters are 262,146 bytes.
        await expect(sns.publish({ TopicArn, Message: 'é'.repeat(131_073) })).rejects.toMatchObject({ name: 'InvalidParameter' });
        expect((await bodies(q.url)).map(b => b.length)).toEqual([262_144]);
    });

    it('rule "message attributes count toward the 256 KB"', async () => {
        const { sns, TopicArn } = await topicWithQueue();
        await expect(sns.publish({
            TopicArn, Message: 'x'.repeat(262_000), MessageAttributes: { big: { DataType: 'String', StringValue: 'y'.repeat(200) } }
        })).rejects.toMatchObject({ name: 'InvalidParameter' });
    });

    it('rule "empty message is rejected"', async () => {
        const { sns, TopicArn } = await topicWithQueue();
        await expect(sns.publish({ TopicArn, Message: '' })).rejects.toMatchObject({ name: 'InvalidParameter', message: 'Invalid parameter: Empty message' });
    });

    it('rule "Subject < 100 chars": 99 characters pass, 100 fail, line breaks fail', async () => {
        const { sns, TopicArn } = await topicWithQueue();
        await expect(sns.publish({ TopicArn, Message: 'm', Subject: 's'.repeat(99) })).resolves.toHaveProperty('MessageId');
        await expect(sns.publish({ TopicArn, Message: 'm', Subject: 's'.repeat(100) })).rejects.toMatchObject({ name: 'InvalidParameter', message: 'Invalid parameter: Subject' });
        await expect(sns.publish({ TopicArn, Message: 'm', Subject: 'a\nb' })).rejects.toMatchObject({ name: 'InvalidParameter' });
    });

    it('rule "MessageStructure=json needs a default key": the sqs key is what SQS subscribers get', async () => {
        const { sns, TopicArn, bodies, q } = await topicWithQueue(true);
        await expect(sns.publish({ TopicArn, MessageStructure: 'json', Message: '{"sqs":"x"}' }))
            .rejects.toMatchObject({ name: 'InvalidParameter', message: 'Invalid parameter: Message Structure - No default entry in JSON message body' });
        await expect(sns.publish({ TopicArn, MessageStructure: 'json', Message: 'not json' })).rejects.toMatchObject({ name: 'InvalidParameter' });
        await sns.publish({ TopicArn, MessageStructure: 'json', Message: JSON.stringify({ default: 'for everyone', sqs: 'for queues' }) });
        expect(await bodies(q.url)).toEqual(['for queues']);
    });

    it('rule "message attribute types String, String.Array, Number, Binary; Number ±1e9 with 5 decimals"', async () => {
        const { sns, TopicArn } = await topicWithQueue();
        const publishWith = (DataType: string, StringValue: string) => sns.publish({ TopicArn, Message: 'm', MessageAttributes: { a: { DataType, StringValue } } });
        await expect(publishWith('Number', '1000000000')).resolves.toHaveProperty('MessageId');
        await expect(publishWith('Number', '-1000000000.5')).rejects.toMatchObject({ name: 'InvalidParameter' });
        await expect(publishWith('Number', '1.12345')).resolves.toHaveProperty('MessageId');
        await expect(publishWith('Number', '1.123456')).rejects.toMatchObject({ name: 'InvalidParameter' });
        await expect(publishWith('Number', '1.1234500')).resolves.toHaveProperty('MessageId');
        await expect(publishWith('Number', 'ten')).rejects.toMatchObject({ name: 'InvalidParameter' });
        await expect(publishWith('Number.float', '2.5')).resolves.toHaveProperty('MessageId');
        await expect(publishWith('String.Array', '["a", 1, true, null]')).resolves.toHaveProperty('MessageId');
        await expect(publishWith('String.Array', 'not-json')).rejects.toMatchObject({ name: 'InvalidParameter' });
        await expect(publishWith('Date', 'today')).rejects.toMatchObject({ name: 'InvalidParameter' });
        await expect(publishWith('String', '')).rejects.toMatchObject({ name: 'InvalidParameter' });
        await expect(sns.publish({ TopicArn, Message: 'm', MessageAttributes: { b: { DataType: 'Binary', BinaryValue: new Uint8Array([1, 2]) } } }))
            .resolves.toHaveProperty('MessageId');
    });
});

describe('DOMAIN §2.1 PublishBatch', () => {
    const entry = (Id: string, Message = `m-${Id}`) => ({ Id, Message });

    it('rule "PublishBatch ≤ 10 entries (TooManyEntriesInBatchRequest)": 10 succeed, 11 fail as a whole', async () => {
        const { sns, TopicArn, bodies, q } = await topicWithQueue(true);
        const ten = Array.from({ length: 10 }, (_, i) => entry(`e${i}`));
        const result = await sns.publishBatch({ TopicArn, PublishBatchRequestEntries: ten });
        expect(result.Successful.map(s => s.Id)).toEqual(ten.map(e => e.Id));
        expect(result.Failed).toEqual([]);
        await expect(sns.publishBatch({ TopicArn, PublishBatchRequestEntries: [...ten, entry('e10')] }))
            .rejects.toMatchObject({ name: 'TooManyEntriesInBatchRequest' });
        expect((await bodies(q.url)).length).toBe(10);
    });

    it('rule "PublishBatch request-level errors": empty batch, duplicate or malformed Ids, > 256 KB in total', async () => {
        const { sns, TopicArn } = await topicWithQueue();
        await expect(sns.publishBatch({ TopicArn, PublishBatchRequestEntries: [] })).rejects.toMatchObject({ name: 'EmptyBatchRequest' });
        await expect(sns.publishBatch({ TopicArn, PublishBatchRequestEntries: [entry('a'), entry('a')] })).rejects.toMatchObject({ name: 'BatchEntryIdsNotDistinct' });
        await expect(sns.publishBatch({ TopicArn, PublishBatchRequestEntries: [entry('a b')] })).rejects.toMatchObject({ name: 'InvalidBatchEntryId' });
        await expect(sns.publishBatch({
            TopicArn, PublishBatchRequestEntries: [entry('a', 'x'.repeat(200_000)), entry('b', 'y'.repeat(70_000))]
        })).rejects.toMatchObject({ name: 'BatchRequestTooLong' });
    });

    it('rule "PublishBatch per-entry results": a bad entry fails alone, the others are published', async () => {
        const { sns, TopicArn, bodies, q } = await topicWithQueue(true);
        const result = await sns.publishBatch({
            TopicArn,
            PublishBatchRequestEntries: [entry('ok1'), { Id: 'bad', Message: 'm', Subject: 's'.repeat(120) }, entry('ok2')]
        });
        expect(result.Successful.map(s => s.Id)).toEqual(['ok1', 'ok2']);
        expect(result.Failed).toEqual([{ Id: 'bad', Code: 'InvalidParameter', Message: 'Invalid parameter: Subject', SenderFault: true }]);
        expect((await bodies(q.url)).sort()).toEqual(['m-ok1', 'm-ok2']);
    });
});
