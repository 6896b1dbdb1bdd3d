import { describe, expect, it } from 'vitest';
import { bodies, setup } from './helpers.js';

describe('§1.10 message state machine', () => {
    it('§1.10 SEND → DELAYED → VISIBLE → IN_FLIGHT → VISIBLE (VT elapses) → DELETED, with exact counters at each step', async () => {
        const { queue, send, poll, counts, at, sqs } = setup();
        const url = await queue('q', { VisibilityTimeout: '5' });
        await send(url, 'm', { DelaySeconds: 3 });
        expect(await counts(url)).toEqual([0, 0, 1]);
        await at(3);
        expect(await counts(url)).toEqual([1, 0, 0]);
        const [m] = await poll(url);
        expect(await counts(url)).toEqual([0, 1, 0]);
        await at(8);
        expect(await counts(url)).toEqual([1, 0, 0]);
        await sqs.deleteMessage({ QueueUrl: url, ReceiptHandle: m!.ReceiptHandle });
        expect(await counts(url)).toEqual([0, 0, 0]);
    });

    it('§1.10 any state expires at enqueue time + retention: delayed, visible and in flight alike', async () => {
        const { queue, send, poll, counts, at } = setup();
        const url = await queue('q', { MessageRetentionPeriod: '60', VisibilityTimeout: '3600' });
        await send(url, 'inflight');
        await poll(url);
        await send(url, 'visible');
        await send(url, 'delayed', { DelaySeconds: 900 });
        expect(await counts(url)).toEqual([1, 1, 1]);
        await at(59.9);
        expect(await counts(url)).toEqual([1, 1, 1]);
        await at(60);
        expect(await counts(url)).toEqual([0, 0, 0]);
    });

    it('§1.10 FIFO: a group is receivable when its head is visible; take consecutive visible messages from the head', async () => {
        const { queue, send, poll, at, sqs } = setup();
        const url = await queue('q.fifo', { ContentBasedDeduplication: 'true', VisibilityTimeout: '10' });
        for (const b of ['a1', 'a2', 'a3']) await send(url, b, { MessageGroupId: 'a' });
        await send(url, 'b1', { MessageGroupId: 'b' });
        const [a1] = await poll(url, 1);
        expect(a1!.Body).toBe('a1');
        // Group a's head is in flight: a is skipped entirely, b is served.
        expect(bodies(await poll(url, 10))).toEqual(['b1']);
        await sqs.deleteMessage({ QueueUrl: url, ReceiptHandle: a1!.ReceiptHandle });
        expect(bodies(await poll(url, 2))).toEqual(['a2', 'a3']);
        await at(1);
        expect(await poll(url, 10)).toEqual([]);
    });

    it('§1.10 FIFO: groups are served in the order they became receivable', async () => {
        const { queue, send, poll, sqs } = setup();
        const url = await queue('q.fifo', { ContentBasedDeduplication: 'true', VisibilityTimeout: '60' });
        await send(url, 'x1', { MessageGroupId: 'x' });
        await send(url, 'x2', { MessageGroupId: 'x' });
        await send(url, 'y1', { MessageGroupId: 'y' });
        await send(url, 'z1', { MessageGroupId: 'z' });
        const [x1] = await poll(url, 1);
        await sqs.deleteMessage({ QueueUrl: url, ReceiptHandle: x1!.ReceiptHandle });
        // x became receivable again after y and z.
        expect(bodies(await poll(url, 10))).toEqual(['y1', 'z1', 'x2']);
    });

    it('§1.10 standard: a receive returns up to max visible messages, oldest first', async () => {
        const { queue, send, poll } = setup();
        const url = await queue('q');
        for (let i = 0; i < 15; i++) await send(url, `m${i}`);
        expect(bodies(await poll(url, 10))).toEqual(Array.from({ length: 10 }, (_, i) => `m${i}`));
        expect(bodies(await poll(url, 10))).toEqual(Array.from({ length: 5 }, (_, i) => `m${i + 10}`));
    });

    it('§1.10 standard: a message whose visibility lapsed is served again before newer messages (oldest first by send time)', async () => {
        const { queue, send, poll, at } = setup();
        const url = await queue('q', { VisibilityTimeout: '5' });
        await send(url, 'first');
        await poll(url, 1);
        for (let i = 0; i < 20; i++) await send(url, `later-${i}`);
        await at(6);
        expect(bodies(await poll(url, 3))).toEqual(['first', 'later-0', 'later-1']);
    });

    it('§1.10 FIFO delete is allowed only while in flight; a visible FIFO message cannot be deleted with its old handle', async () => {
        const { queue, send, poll, at, sqs, counts } = setup();
        const url = await queue('q.fifo', { ContentBasedDeduplication: 'true', VisibilityTimeout: '1' });
        await send(url, 'm', { MessageGroupId: 'g' });
        const [m] = await poll(url);
        await at(2);
        await sqs.deleteMessage({ QueueUrl: url, ReceiptHandle: m!.ReceiptHandle }).catch(() => undefined);
        expect(await counts(url)).toEqual([1, 0, 0]);
    });

    it('§7 determinism: the same seed gives the same MessageIds and receipt handles', async () => {
        const run = async () => {
            const { queue, send, poll } = setup({ seed: 42 });
            const url = await queue('q');
            const ids = [(await send(url, 'a')).MessageId, (await send(url, 'b')).MessageId];
            return [...ids, ...(await poll(url, 10)).map(m => m.ReceiptHandle)];
        };
        expect(await run()).toEqual(await run());
        const other = setup({ seed: 43 });
        const url = await other.queue('q');
        expect((await other.send(url, 'a')).MessageId).not.toBe((await run())[0]);
    });
});
