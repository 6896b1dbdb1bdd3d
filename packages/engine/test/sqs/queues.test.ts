import { describe, expect, it } from 'vitest';
import { AwsError } from '../../src/index.js';
import { bodies, expectAwsError, setup } from './helpers.js';

describe('§1.1 queues, names, attributes', () => {
    it('§1.1 accepts names of up to 80 characters of [A-Za-z0-9_-] (".fifo" counts) and rejects others', async () => {
        const { sqs } = setup();
        await sqs.createQueue({ QueueName: 'a'.repeat(80) });
        await expectAwsError(sqs.createQueue({ QueueName: 'a'.repeat(81) }), 'InvalidParameterValue');
        await expectAwsError(sqs.createQueue({ QueueName: 'has space' }), 'InvalidParameterValue');
        await expectAwsError(sqs.createQueue({ QueueName: 'dot.name' }), 'InvalidParameterValue');
        await sqs.createQueue({ QueueName: `${'f'.repeat(75)}.fifo`, Attributes: { FifoQueue: 'true' } });
        await expectAwsError(sqs.createQueue({ QueueName: `${'f'.repeat(76)}.fifo`, Attributes: { FifoQueue: 'true' } }), 'InvalidParameterValue');
    });

    it('§1.1 a FIFO queue name must end in .fifo and names are case-sensitive', async () => {
        const { sqs } = setup();
        await expectAwsError(sqs.createQueue({ QueueName: 'orders', Attributes: { FifoQueue: 'true' } }), 'InvalidParameterValue');
        await expectAwsError(sqs.createQueue({ QueueName: 'orders.fifo' }), 'InvalidParameterValue');
        const upper = await sqs.createQueue({ QueueName: 'Orders' });
        const lower = await sqs.createQueue({ QueueName: 'orders' });
        expect(upper.QueueUrl).not.toBe(lower.QueueUrl);
        await expectAwsError(sqs.getQueueUrl({ QueueName: 'ORDERS' }), 'QueueDoesNotExist');
        expect((await sqs.getQueueUrl({ QueueName: 'Orders' })).QueueUrl).toBe(upper.QueueUrl);
    });

    it('§1.1 the queue type cannot change after creation', async () => {
        const { sqs, queue } = setup();
        const url = await queue('q');
        await expectAwsError(sqs.setQueueAttributes({ QueueUrl: url, Attributes: { FifoQueue: 'true' } }), 'InvalidParameterValue');
        const fifo = await queue('q.fifo');
        await expectAwsError(sqs.setQueueAttributes({ QueueUrl: fifo, Attributes: { FifoQueue: 'false' } }), 'InvalidParameterValue');
    });

    it('§1.1 CreateQueue with an existing name and identical attributes returns the same URL; different attributes fail', async () => {
        const { sqs } = setup();
        const first = await sqs.createQueue({ QueueName: 'q', Attributes: { VisibilityTimeout: '60' } });
        const again = await sqs.createQueue({ QueueName: 'q', Attributes: { VisibilityTimeout: '60' } });
        expect(again.QueueUrl).toBe(first.QueueUrl);
        await expectAwsError(sqs.createQueue({ QueueName: 'q', Attributes: { VisibilityTimeout: '61' } }), 'QueueNameExists', 'VisibilityTimeout');
        expect((await sqs.listQueues()).QueueUrls).toEqual([first.QueueUrl]);
    });

    it('§1.1 a deleted queue name can be reused only after 60 s', async () => {
        const { sqs, at } = setup();
        const { QueueUrl } = await sqs.createQueue({ QueueName: 'q' });
        await at(10);
        await sqs.deleteQueue({ QueueUrl });
        await expectAwsError(sqs.sendMessage({ QueueUrl, MessageBody: 'x' }), 'QueueDoesNotExist');
        await at(69);
        await expectAwsError(sqs.createQueue({ QueueName: 'q' }), 'QueueDeletedRecently');
        await at(71);
        await sqs.createQueue({ QueueName: 'q' });
    });

    it('§1.1 lowering MessageRetentionPeriod applies to messages already in the queue', async () => {
        const { sqs, queue, send, counts, at } = setup();
        const url = await queue('q');
        await send(url, 'old');
        await at(100);
        await send(url, 'new');
        await at(130);
        await sqs.setQueueAttributes({ QueueUrl: url, Attributes: { MessageRetentionPeriod: '120' } });
        expect(await counts(url)).toEqual([1, 0, 0]);
        await at(221);
        expect(await counts(url)).toEqual([0, 0, 0]);
    });

    it('§1.1 attribute defaults (delay 0, size 1 MiB, retention 4 d, wait 0, visibility 30) and ranges', async () => {
        const { sqs, queue } = setup();
        const url = await queue('q');
        const { Attributes } = await sqs.getQueueAttributes({ QueueUrl: url, AttributeNames: ['All'] });
        expect(Attributes).toMatchObject({
            DelaySeconds: '0', MaximumMessageSize: '1048576', MessageRetentionPeriod: '345600',
            ReceiveMessageWaitTimeSeconds: '0', VisibilityTimeout: '30'
        });
        const outOfRange: [string, string][] = [
            ['DelaySeconds', '901'], ['DelaySeconds', '-1'], ['MaximumMessageSize', '1023'], ['MaximumMessageSize', '1048577'],
            ['MessageRetentionPeriod', '59'], ['MessageRetentionPeriod', '1209601'], ['ReceiveMessageWaitTimeSeconds', '21'],
            ['VisibilityTimeout', '43201'], ['VisibilityTimeout', 'abc']
        ];
        for (const [name, value] of outOfRange) {
            await expectAwsError(sqs.setQueueAttributes({ QueueUrl: url, Attributes: { [name]: value } }), 'InvalidParameterValue');
        }
        for (const [name, value] of [['DelaySeconds', '900'], ['MaximumMessageSize', '1024'], ['MessageRetentionPeriod', '1209600'],
            ['ReceiveMessageWaitTimeSeconds', '20'], ['VisibilityTimeout', '43200']]) {
            await sqs.setQueueAttributes({ QueueUrl: url, Attributes: { [name!]: value! } });
        }
        await expectAwsError(sqs.setQueueAttributes({ QueueUrl: url, Attributes: { Bogus: '1' } }), 'InvalidAttributeName');
    });

    it('§1.1 FIFO-only attributes: rejected on standard queues; perMessageGroupId needs DeduplicationScope=messageGroup', async () => {
        const { sqs, queue } = setup();
        const std = await queue('q');
        await expectAwsError(sqs.setQueueAttributes({ QueueUrl: std, Attributes: { ContentBasedDeduplication: 'true' } }), 'InvalidAttributeName');
        await expectAwsError(sqs.createQueue({ QueueName: 'x.fifo', Attributes: { FifoQueue: 'true', FifoThroughputLimit: 'perMessageGroupId' } }), 'InvalidParameterValue');
        const ht = await queue('ht.fifo', { DeduplicationScope: 'messageGroup', FifoThroughputLimit: 'perMessageGroupId' });
        const { Attributes } = await sqs.getQueueAttributes({ QueueUrl: ht, AttributeNames: ['All'] });
        expect(Attributes).toMatchObject({ FifoQueue: 'true', DeduplicationScope: 'messageGroup', FifoThroughputLimit: 'perMessageGroupId', ContentBasedDeduplication: 'false' });
    });

    it('§1.1 message content: only XML characters; at most 10 attributes; group/dedup IDs up to 128 characters', async () => {
        const { queue, send } = setup();
        const url = await queue('q');
        await expectAwsError(send(url, 'bad \u0001'), 'InvalidMessageContents');
        await expectAwsError(send(url, 'lone \ud800 surrogate'), 'InvalidMessageContents');
        await send(url, 'ok \t\n\r \ud83d\ude00 \ue000');
        const eleven = Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`a${i}`, { DataType: 'String', StringValue: 'v' }]));
        await expectAwsError(send(url, 'x', { MessageAttributes: eleven }), 'InvalidParameterValue');
        const fifo = await queue('f.fifo', { ContentBasedDeduplication: 'true' });
        await send(fifo, 'x', { MessageGroupId: 'g'.repeat(128) });
        await expectAwsError(send(fifo, 'x', { MessageGroupId: 'g'.repeat(129) }), 'InvalidParameterValue');
        await expectAwsError(send(fifo, 'x', { MessageGroupId: 'g', MessageDeduplicationId: 'd'.repeat(129) }), 'InvalidParameterValue');
    });

    it('§1.1 a message larger than MaximumMessageSize (body + attributes, UTF-8 bytes) is rejected', async () => {
        const { queue, send } = setup();
        const url = await queue('q', { MaximumMessageSize: '1024' });
        await send(url, 'x'.repeat(1024));
        await expectAwsError(send(url, 'x'.repeat(1025)), 'InvalidParameterValue', 'shorter than 1024 bytes');
        await expectAwsError(send(url, '\u00e9'.repeat(513)), 'InvalidParameterValue');
        await expectAwsError(send(url, 'x'.repeat(1020), { MessageAttributes: { ab: { DataType: 'String', StringValue: 'v' } } }), 'InvalidParameterValue');
        const big = await queue('big');
        await send(big, 'x'.repeat(1_048_576));
        await expectAwsError(send(big, 'x'.repeat(1_048_577)), 'InvalidParameterValue');
    });

    it('§1.11 errors are AwsError objects named by the AWS code with senderFault and statusCode', async () => {
        const { sqs } = setup();
        const error = await sqs.sendMessage({ QueueUrl: 'https://sqs.us-east-1.amazonaws.com/000000000000/none', MessageBody: 'x' }).catch(e => e);
        expect(error).toBeInstanceOf(AwsError);
        expect(error).toMatchObject({ name: 'QueueDoesNotExist', senderFault: true, statusCode: 400, queryCode: 'AWS.SimpleQueueService.NonExistentQueue' });
    });

    it('§1.1 message attributes round-trip with AWS\'s MD5OfMessageAttributes', async () => {
        const { queue, send, poll } = setup();
        const url = await queue('q');
        const attrs = { b: { DataType: 'Number', StringValue: '42' }, a: { DataType: 'String', StringValue: 'hello' } };
        const sent = await send(url, 'body', { MessageAttributes: attrs });
        expect(sent.MD5OfMessageBody).toBe('841a2d689ad86bd1611447453c22c6fc');
        const [m] = await poll(url, 1, { MessageAttributeNames: ['All'] });
        expect(m!.MessageAttributes).toEqual(attrs);
        expect(m!.MD5OfMessageAttributes).toBe(sent.MD5OfMessageAttributes);
        expect(m!.MD5OfMessageAttributes).toMatch(/^[0-9a-f]{32}$/);
        expect(bodies([m!])).toEqual(['body']);
    });
});

describe('§7 optional propagation lag of SetQueueAttributes', () => {
    it('§1.1/§7 with a lag, attribute changes take effect after it (default: immediately)', async () => {
        const { sqs, queue, send, poll, at, counts } = setup({ sqs: { propagation: { attributesMs: 60_000, retentionMs: 900_000 } } });
        const url = await queue('q', { VisibilityTimeout: '5' });
        await sqs.setQueueAttributes({ QueueUrl: url, Attributes: { VisibilityTimeout: '100', MessageRetentionPeriod: '120' } });
        await send(url, 'm');
        await poll(url);
        await at(5.5);
        expect(await counts(url)).toEqual([1, 0, 0]); // the old 5 s timeout still applied
        await at(61);
        await poll(url);
        await at(100);
        expect(await counts(url)).toEqual([0, 1, 0]); // the new 100 s timeout is in effect
        await at(899);
        expect(await counts(url)).toEqual([1, 0, 0]); // retention 4 d still: not yet 120 s
        await at(901);
        expect(await counts(url)).toEqual([0, 0, 0]);
    });
});
