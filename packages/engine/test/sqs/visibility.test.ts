import { describe, expect, it } from 'vitest';
import { bodies, expectAwsError, setup } from './helpers.js';

describe('§1.4 visibility timeout', () => {
    it('§1.4 the queue default (30 s) hides a received message; the VisibilityTimeout argument applies to the returned messages only', async () => {
        const { queue, send, poll, at } = setup();
        const url = await queue('q');
        await send(url, 'a');
        await send(url, 'b');
        await poll(url, 1, { VisibilityTimeout: 5 });
        await poll(url, 1);
        await at(6);
        expect(bodies(await poll(url, 10, { VisibilityTimeout: 100 }))).toEqual(['a']);
        await at(29.9);
        expect(await poll(url)).toEqual([]);
        await at(30.1);
        expect(bodies(await poll(url))).toEqual(['b']);
    });

    it('§1.4 ChangeMessageVisibility counts from the call, and the next receive uses the queue default again', async () => {
        const { queue, send, poll, at, sqs } = setup();
        const url = await queue('q', { VisibilityTimeout: '10' });
        await send(url, 'm');
        const [m] = await poll(url);
        await at(8);
        await sqs.changeMessageVisibility({ QueueUrl: url, ReceiptHandle: m!.ReceiptHandle, VisibilityTimeout: 20 });
        await at(27.9);
        expect(await poll(url)).toEqual([]);
        await at(28.1);
        const [again] = await poll(url);
        expect(again!.Body).toBe('m');
        await at(38);
        expect(await poll(url)).toEqual([]);
        await at(38.2);
        expect(bodies(await poll(url))).toEqual(['m']);
    });

    it('§1.4 ChangeMessageVisibility(0) makes the message visible immediately', async () => {
        const { queue, send, poll, sqs, at } = setup();
        const url = await queue('q', { VisibilityTimeout: '600' });
        await send(url, 'm');
        const [m] = await poll(url);
        await at(1);
        await sqs.changeMessageVisibility({ QueueUrl: url, ReceiptHandle: m!.ReceiptHandle, VisibilityTimeout: 0 });
        expect(bodies(await poll(url))).toEqual(['m']);
    });

    it('§1.4 visibility cannot extend past 12 h after the receive: extensions do not reset the cap and SQS does not clamp', async () => {
        const { queue, send, poll, at, sqs } = setup();
        const url = await queue('q');
        await send(url, 'm');
        const [m] = await poll(url);
        await at(5);
        await sqs.changeMessageVisibility({ QueueUrl: url, ReceiptHandle: m!.ReceiptHandle, VisibilityTimeout: 43_195 });
        await at(6);
        await expectAwsError(sqs.changeMessageVisibility({ QueueUrl: url, ReceiptHandle: m!.ReceiptHandle, VisibilityTimeout: 43_195 }),
            'InvalidParameterValue', 'Total VisibilityTimeout for the message is beyond the limit [43200 seconds]');
        await at(3600);
        await sqs.changeMessageVisibility({ QueueUrl: url, ReceiptHandle: m!.ReceiptHandle, VisibilityTimeout: 43_200 - 3600 });
        await expectAwsError(sqs.changeMessageVisibility({ QueueUrl: url, ReceiptHandle: m!.ReceiptHandle, VisibilityTimeout: 43_201 }), 'InvalidParameterValue');
    });

    it('§1.4 standard: ChangeMessageVisibility after the timeout lapsed (not re-received) succeeds and hides the message again', async () => {
        const { queue, send, poll, at, sqs, counts } = setup();
        const url = await queue('q', { VisibilityTimeout: '2' });
        await send(url, 'm');
        const [m] = await poll(url);
        await at(3);
        expect(await counts(url)).toEqual([1, 0, 0]);
        await sqs.changeMessageVisibility({ QueueUrl: url, ReceiptHandle: m!.ReceiptHandle, VisibilityTimeout: 10 });
        expect(await counts(url)).toEqual([0, 1, 0]);
        await at(12.9);
        expect(await poll(url)).toEqual([]);
        await at(13.1);
        expect(bodies(await poll(url))).toEqual(['m']);
    });

    it('§1.4 standard: an older receipt handle can still change visibility', async () => {
        const { queue, send, poll, at, sqs } = setup();
        const url = await queue('q', { VisibilityTimeout: '2' });
        await send(url, 'm');
        const [first] = await poll(url);
        await at(3);
        const [second] = await poll(url);
        expect(second!.ReceiptHandle).not.toBe(first!.ReceiptHandle);
        await sqs.changeMessageVisibility({ QueueUrl: url, ReceiptHandle: first!.ReceiptHandle, VisibilityTimeout: 0 });
        expect(bodies(await poll(url))).toEqual(['m']);
    });

    it('§1.4 standard: DeleteMessage with the latest handle after the timeout lapsed still deletes', async () => {
        const { queue, send, poll, at, sqs, counts } = setup();
        const url = await queue('q', { VisibilityTimeout: '1' });
        await send(url, 'm');
        const [m] = await poll(url);
        await at(2);
        await sqs.deleteMessage({ QueueUrl: url, ReceiptHandle: m!.ReceiptHandle });
        expect(await counts(url)).toEqual([0, 0, 0]);
    });

    it('§1.4 standard: DeleteMessage with a stale handle succeeds but (engine choice) does not delete the re-received message', async () => {
        const { queue, send, poll, at, sqs, counts } = setup();
        const url = await queue('q', { VisibilityTimeout: '1' });
        await send(url, 'm');
        const [first] = await poll(url);
        await at(2);
        const [second] = await poll(url);
        await sqs.deleteMessage({ QueueUrl: url, ReceiptHandle: first!.ReceiptHandle });
        expect(await counts(url)).toEqual([0, 1, 0]);
        await sqs.deleteMessage({ QueueUrl: url, ReceiptHandle: second!.ReceiptHandle });
        expect(await counts(url)).toEqual([0, 0, 0]);
        // Deleting again is a no-op success.
        await sqs.deleteMessage({ QueueUrl: url, ReceiptHandle: second!.ReceiptHandle });
    });

    it('§1.4 FIFO: DeleteMessage outside the visibility window fails with "The receipt handle has expired."', async () => {
        const { queue, send, poll, at, sqs } = setup();
        const url = await queue('q.fifo', { VisibilityTimeout: '1', ContentBasedDeduplication: 'true' });
        await send(url, 'm', { MessageGroupId: 'g' });
        const [m] = await poll(url);
        await at(2);
        await expectAwsError(sqs.deleteMessage({ QueueUrl: url, ReceiptHandle: m!.ReceiptHandle }), 'InvalidParameterValue', 'The receipt handle has expired.');
        await expectAwsError(sqs.changeMessageVisibility({ QueueUrl: url, ReceiptHandle: m!.ReceiptHandle, VisibilityTimeout: 5 }), 'InvalidParameterValue', 'expired');
        const [again] = await poll(url);
        await sqs.deleteMessage({ QueueUrl: url, ReceiptHandle: again!.ReceiptHandle });
        expect(await poll(url)).toEqual([]);
    });

    it('§1.4 a malformed or foreign receipt handle is ReceiptHandleIsInvalid', async () => {
        const { queue, send, poll, sqs } = setup();
        const a = await queue('a');
        const b = await queue('b');
        await send(a, 'm');
        const [m] = await poll(a);
        await expectAwsError(sqs.deleteMessage({ QueueUrl: a, ReceiptHandle: 'garbage' }), 'ReceiptHandleIsInvalid');
        await expectAwsError(sqs.deleteMessage({ QueueUrl: b, ReceiptHandle: m!.ReceiptHandle }), 'ReceiptHandleIsInvalid');
        await expectAwsError(sqs.changeMessageVisibility({ QueueUrl: a, ReceiptHandle: m!.ReceiptHandle, VisibilityTimeout: 43_201 }), 'InvalidParameterValue');
    });

    it('§7 boundary: a visibility timeout ending at T makes the message visible at t = T', async () => {
        const { queue, send, poll, at } = setup();
        const url = await queue('q', { VisibilityTimeout: '10' });
        await send(url, 'm');
        await poll(url);
        await at(9.999);
        expect(await poll(url)).toEqual([]);
        await at(10);
        expect(bodies(await poll(url))).toEqual(['m']);
    });
});
