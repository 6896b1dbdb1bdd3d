import { describe, expect, it } from 'vitest';
import { bodies, expectAwsError, setup } from './helpers.js';

const entries = (n: number, prefix = 'e') => Array.from({ length: n }, (_, i) => ({ Id: `${prefix}${i}`, MessageBody: `body-${i}` }));

describe('§1.7 batches', () => {
    it('§1.7 more than 10 entries, duplicate Ids, invalid Ids and empty batches fail the whole request', async () => {
        const { sqs, queue } = setup();
        const url = await queue('q');
        await expectAwsError(sqs.sendMessageBatch({ QueueUrl: url, Entries: entries(11) }), 'TooManyEntriesInBatchRequest');
        await expectAwsError(sqs.sendMessageBatch({ QueueUrl: url, Entries: [{ Id: 'a', MessageBody: '1' }, { Id: 'a', MessageBody: '2' }] }), 'BatchEntryIdsNotDistinct');
        await expectAwsError(sqs.sendMessageBatch({ QueueUrl: url, Entries: [{ Id: 'bad id!', MessageBody: '1' }] }), 'InvalidBatchEntryId');
        await expectAwsError(sqs.sendMessageBatch({ QueueUrl: url, Entries: [{ Id: 'x'.repeat(81), MessageBody: '1' }] }), 'InvalidBatchEntryId');
        await expectAwsError(sqs.sendMessageBatch({ QueueUrl: url, Entries: [] }), 'EmptyBatchRequest');
        await expectAwsError(sqs.deleteMessageBatch({ QueueUrl: url, Entries: Array.from({ length: 11 }, (_, i) => ({ Id: `d${i}`, ReceiptHandle: 'h' })) }),
            'AWS.SimpleQueueService.TooManyEntriesInBatchRequest');
        expect((await sqs.getQueueAttributes({ QueueUrl: url, AttributeNames: ['ApproximateNumberOfMessages'] })).Attributes['ApproximateNumberOfMessages']).toBe('0');
    });

    it('§1.7 the total batch payload is at most 1 MiB', async () => {
        const { sqs, queue } = setup();
        const url = await queue('q');
        const half = 'x'.repeat(524_288);
        await sqs.sendMessageBatch({ QueueUrl: url, Entries: [{ Id: 'a', MessageBody: half }, { Id: 'b', MessageBody: half }] });
        await expectAwsError(sqs.sendMessageBatch({ QueueUrl: url, Entries: [{ Id: 'a', MessageBody: half }, { Id: 'b', MessageBody: `${half}x` }] }), 'BatchRequestTooLong');
        // Message attributes count toward the total too.
        const attrs = { k: { DataType: 'String', StringValue: 'v' } };
        await expectAwsError(sqs.sendMessageBatch({ QueueUrl: url, Entries: [{ Id: 'a', MessageBody: half }, { Id: 'b', MessageBody: half.slice(7), MessageAttributes: attrs }] }), 'BatchRequestTooLong');
        await sqs.sendMessageBatch({ QueueUrl: url, Entries: [{ Id: 'a', MessageBody: half }, { Id: 'b', MessageBody: half.slice(8), MessageAttributes: attrs }] });
    });

    it('§1.7 entry-level failures come back in Failed with SenderFault while the call succeeds', async () => {
        const { sqs, queue, poll } = setup();
        const url = await queue('q', { MaximumMessageSize: '1024' });
        const result = await sqs.sendMessageBatch({ QueueUrl: url, Entries: [
            { Id: 'ok', MessageBody: 'fine' },
            { Id: 'chars', MessageBody: 'bad\u0000' },
            { Id: 'big', MessageBody: 'x'.repeat(2000) },
            { Id: 'delay', MessageBody: 'x', DelaySeconds: 1000 }
        ] });
        expect(result.Successful.map(s => s.Id)).toEqual(['ok']);
        expect(result.Successful[0]).toMatchObject({ MD5OfMessageBody: expect.stringMatching(/^[0-9a-f]{32}$/), MessageId: expect.any(String) });
        expect(result.Failed.map(f => [f.Id, f.Code, f.SenderFault])).toEqual([
            ['chars', 'InvalidMessageContents', true], ['big', 'InvalidParameterValue', true], ['delay', 'InvalidParameterValue', true]
        ]);
        expect(result.Failed[1]!.Message).toContain('Message must be shorter than 1024 bytes');
        expect(bodies(await poll(url))).toEqual(['fine']);
    });

    it('§1.7 FIFO batch entries are enqueued in request order', async () => {
        const { sqs, queue, poll } = setup();
        const url = await queue('q.fifo', { ContentBasedDeduplication: 'true' });
        const result = await sqs.sendMessageBatch({ QueueUrl: url, Entries: entries(10).map(e => ({ ...e, MessageGroupId: 'g' })) });
        const seqs = result.Successful.map(s => BigInt(s.SequenceNumber!));
        expect(seqs).toEqual([...seqs].sort((a, b) => (a < b ? -1 : 1)));
        expect(bodies(await poll(url, 10))).toEqual(entries(10).map(e => e.MessageBody));
    });

    it('§1.7 FIFO batches without MessageGroupId or a deduplication source fail as a whole', async () => {
        const { sqs, queue } = setup();
        const url = await queue('q.fifo');
        await expectAwsError(sqs.sendMessageBatch({ QueueUrl: url, Entries: [{ Id: 'a', MessageBody: 'x', MessageDeduplicationId: 'd' }] }), 'MissingParameter', 'MessageGroupId');
        await expectAwsError(sqs.sendMessageBatch({ QueueUrl: url, Entries: [{ Id: 'a', MessageBody: 'x', MessageGroupId: 'g' }] }),
            'InvalidParameterValue', 'ContentBasedDeduplication enabled or MessageDeduplicationId');
    });

    it('§1.7 DeleteMessageBatch and ChangeMessageVisibilityBatch report per-entry results', async () => {
        const { sqs, queue, poll, counts, at } = setup();
        const url = await queue('q');
        await sqs.sendMessageBatch({ QueueUrl: url, Entries: entries(4) });
        const got = await poll(url, 4);
        const vis = await sqs.changeMessageVisibilityBatch({ QueueUrl: url, Entries: [
            { Id: 'a', ReceiptHandle: got[0]!.ReceiptHandle, VisibilityTimeout: 0 },
            { Id: 'b', ReceiptHandle: 'nonsense', VisibilityTimeout: 0 }
        ] });
        expect(vis.Successful).toEqual([{ Id: 'a' }]);
        expect(vis.Failed.map(f => f.Code)).toEqual(['ReceiptHandleIsInvalid']);
        expect(await counts(url)).toEqual([1, 3, 0]);
        await at(1);
        const del = await sqs.deleteMessageBatch({ QueueUrl: url, Entries: [
            { Id: 'x', ReceiptHandle: got[1]!.ReceiptHandle },
            { Id: 'y', ReceiptHandle: got[2]!.ReceiptHandle },
            { Id: 'z', ReceiptHandle: 'nonsense' }
        ] });
        expect(del.Successful.map(s => s.Id)).toEqual(['x', 'y']);
        expect(del.Failed).toEqual([expect.objectContaining({ Id: 'z', Code: 'ReceiptHandleIsInvalid', SenderFault: true })]);
        expect(await counts(url)).toEqual([1, 1, 0]);
    });

    it('§1.7 DeleteMessageBatch and ChangeMessageVisibilityBatch follow the same batch rules: ≤10 entries, distinct and valid Ids', async () => {
        const { sqs, queue, send, poll } = setup();
        const url = await queue('q');
        await send(url, 'm');
        const [m] = await poll(url);
        const handle = m!.ReceiptHandle;
        const many = (n: number) => Array.from({ length: n }, (_, i) => ({ Id: `e${i}`, ReceiptHandle: handle, VisibilityTimeout: 0 }));
        await expectAwsError(sqs.changeMessageVisibilityBatch({ QueueUrl: url, Entries: many(11) }), 'AWS.SimpleQueueService.TooManyEntriesInBatchRequest');
        await expectAwsError(sqs.changeMessageVisibilityBatch({ QueueUrl: url, Entries: [{ Id: 'a', ReceiptHandle: handle, VisibilityTimeout: 0 }, { Id: 'a', ReceiptHandle: handle, VisibilityTimeout: 0 }] }),
            'BatchEntryIdsNotDistinct');
        await expectAwsError(sqs.changeMessageVisibilityBatch({ QueueUrl: url, Entries: [{ Id: 'bad id!', ReceiptHandle: handle, VisibilityTimeout: 0 }] }), 'InvalidBatchEntryId');
        await expectAwsError(sqs.deleteMessageBatch({ QueueUrl: url, Entries: [{ Id: 'a', ReceiptHandle: handle }, { Id: 'a', ReceiptHandle: handle }] }), 'BatchEntryIdsNotDistinct');
        await expectAwsError(sqs.deleteMessageBatch({ QueueUrl: url, Entries: [{ Id: 'x'.repeat(81), ReceiptHandle: handle }] }), 'InvalidBatchEntryId');
        // The rejected requests changed nothing: the message is still in flight, and a valid batch deletes it.
        expect(await poll(url)).toEqual([]);
        const { Successful } = await sqs.deleteMessageBatch({ QueueUrl: url, Entries: [{ Id: 'ok', ReceiptHandle: handle }] });
        expect(Successful).toEqual([{ Id: 'ok' }]);
    });
});

describe('§1.8 PurgeQueue', () => {
    it('§1.8 deletes available, in-flight and delayed messages', async () => {
        const { sqs, queue, send, poll, counts, at } = setup();
        const url = await queue('q');
        await send(url, 'visible');
        await send(url, 'inflight');
        await send(url, 'delayed', { DelaySeconds: 100 });
        await poll(url, 1);
        expect((await counts(url)).reduce((a, b) => a + b)).toBe(3);
        await sqs.purgeQueue({ QueueUrl: url });
        expect(await counts(url)).toEqual([0, 0, 0]);
        await at(200);
        expect(await poll(url)).toEqual([]);
    });

    it('§1.8 a second purge within 60 s fails with PurgeQueueInProgress', async () => {
        const { sqs, queue, at } = setup();
        const url = await queue('q');
        await sqs.purgeQueue({ QueueUrl: url });
        await at(59);
        await expectAwsError(sqs.purgeQueue({ QueueUrl: url }), 'PurgeQueueInProgress');
        await expectAwsError(sqs.purgeQueue({ QueueUrl: url }), 'AWS.SimpleQueueService.PurgeQueueInProgress');
        await at(60);
        await sqs.purgeQueue({ QueueUrl: url });
    });
});
