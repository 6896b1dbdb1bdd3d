/**
 * Property-based tests: random sends, receives, deletes, visibility changes and clock advances on a
 * standard and a FIFO queue. Invariants: nothing is lost or invented (accounting), exact counters, FIFO
 * order within a group, and no delivery of a duplicate sent within the 5-minute deduplication interval.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCloud, isAwsError } from '../../src/index.js';
import type { SqsTypes } from '../../src/index.js';

type Op =
    | { kind: 'send'; group: number; dedup: number; delay: number }
    | { kind: 'receive'; max: number; vt: number | null; wait: number }
    | { kind: 'delete'; pick: number }
    | { kind: 'change'; pick: number; vt: number }
    | { kind: 'advance'; ms: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
    { weight: 4, arbitrary: fc.record({ kind: fc.constant('send' as const), group: fc.integer({ min: 0, max: 2 }), dedup: fc.integer({ min: 0, max: 6 }), delay: fc.integer({ min: 0, max: 3 }) }) },
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('receive' as const), max: fc.integer({ min: 1, max: 10 }), vt: fc.option(fc.integer({ min: 0, max: 20 })), wait: fc.integer({ min: 0, max: 2 }) }) },
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('change' as const), pick: fc.nat(), vt: fc.integer({ min: 0, max: 30 }) }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('advance' as const), ms: fc.integer({ min: 0, max: 200_000 }) }) }
);

const DEDUP_MS = 5 * 60_000;

async function runOps(fifo: boolean, ops: Op[], queueDelay: number): Promise<void> {
    const cloud = createCloud({ seed: 3 });
    const sqs = cloud.sqs;
    const attributes: Record<string, string> = { VisibilityTimeout: '10', DelaySeconds: String(queueDelay) };
    if (fifo) attributes['FifoQueue'] = 'true';
    const { QueueUrl } = await sqs.createQueue({ QueueName: fifo ? 'p.fifo' : 'p', Attributes: attributes });

    const accepted: string[] = [];                                 // bodies enqueued, in send order
    const groupOf = new Map<string, string>();
    const deletedCount = new Map<string, number>();
    const lastAcceptedAt = new Map<string, number>();              // dedup ID → time of the send that was enqueued
    sqs.hooks = {
        onRemoved: (_queue, message, reason) => {
            expect(reason).toBe('deleted');
            deletedCount.set(message.body, (deletedCount.get(message.body) ?? 0) + 1);
        }
    };
    const handles: { handle: string; body: string }[] = [];
    let sends = 0;

    const checkBatch = (messages: SqsTypes.Message[]): void => {
        for (const [i, m] of messages.entries()) {
            expect(accepted, 'a delivered message was sent and enqueued').toContain(m.Body);
            expect(deletedCount.get(m.Body) ?? 0, 'a deleted message is never delivered again').toBe(0);
            handles.push({ handle: m.ReceiptHandle, body: m.Body });
            if (!fifo) continue;
            // FIFO order: every earlier message of the group is deleted or earlier in this same batch.
            const group = groupOf.get(m.Body)!;
            const earlierInBatch = new Set(messages.slice(0, i).map(x => x.Body));
            for (const p of accepted) {
                if (p === m.Body) break;
                if (groupOf.get(p) !== group) continue;
                expect((deletedCount.get(p) ?? 0) > 0 || earlierInBatch.has(p), `${m.Body} delivered before ${p}`).toBe(true);
            }
        }
    };
    const checkCounters = async (): Promise<void> => {
        const { Attributes: a } = await sqs.getQueueAttributes({ QueueUrl, AttributeNames: ['All'] });
        const total = Number(a['ApproximateNumberOfMessages']) + Number(a['ApproximateNumberOfMessagesNotVisible']) + Number(a['ApproximateNumberOfMessagesDelayed']);
        const deleted = [...deletedCount.values()].reduce((x, y) => x + y, 0);
        expect(total, 'visible + in flight + delayed = enqueued − deleted').toBe(accepted.length - deleted);
    };

    for (const op of ops) {
        switch (op.kind) {
            case 'send': {
                const body = `m${sends++}`;
                const dedupId = `d${op.dedup}`;
                const request: SqsTypes.SendMessageRequest = { QueueUrl, MessageBody: body };
                if (fifo) {
                    request.MessageGroupId = `g${op.group}`;
                    request.MessageDeduplicationId = dedupId;
                } else if (op.delay > 0) {
                    request.DelaySeconds = op.delay;
                }
                const before = sqs.getQueue(QueueUrl).size;
                await sqs.sendMessage(request);
                const enqueued = sqs.getQueue(QueueUrl).size > before;
                if (fifo) {
                    const last = lastAcceptedAt.get(dedupId);
                    const duplicate = last !== undefined && cloud.now() - last < DEDUP_MS;
                    expect(enqueued, `dedup of ${dedupId} at ${cloud.now()} (last ${last})`).toBe(!duplicate);
                    if (!duplicate) lastAcceptedAt.set(dedupId, cloud.now());
                } else {
                    expect(enqueued).toBe(true);
                }
                if (enqueued) {
                    accepted.push(body);
                    groupOf.set(body, `g${op.group}`);
                }
                break;
            }
            case 'receive': {
                const request: SqsTypes.ReceiveMessageRequest = { QueueUrl, MaxNumberOfMessages: op.max, WaitTimeSeconds: op.wait };
                if (op.vt !== null) request.VisibilityTimeout = op.vt;
                let result: SqsTypes.Message[] | undefined;
                const pending = sqs.receiveMessage(request).then(r => { result = r.Messages; });
                if (op.wait > 0) await cloud.advance(op.wait * 1000);
                await pending;
                expect(result!.length).toBeLessThanOrEqual(op.max);
                checkBatch(result!);
                break;
            }
            case 'delete':
            case 'change': {
                if (handles.length === 0) break;
                const { handle } = handles[op.pick % handles.length]!;
                try {
                    if (op.kind === 'delete') await sqs.deleteMessage({ QueueUrl, ReceiptHandle: handle });
                    else await sqs.changeMessageVisibility({ QueueUrl, ReceiptHandle: handle, VisibilityTimeout: op.vt });
                } catch (error) {
                    // Allowed refusals: expired FIFO handles, changing a deleted message, the 12-hour cap.
                    expect(isAwsError(error, 'InvalidParameterValue'), String(error)).toBe(true);
                }
                break;
            }
            case 'advance':
                await cloud.advance(op.ms);
                break;
        }
        await checkCounters();
    }

    // Drain: everything enqueued and not deleted must still be receivable, exactly once each.
    await cloud.advance(60_000);
    for (let round = 0; round < 1000; round++) {
        const { Messages } = await sqs.receiveMessage({ QueueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 0 });
        if (Messages.length === 0) break;
        checkBatch(Messages);
        await sqs.deleteMessageBatch({ QueueUrl, Entries: Messages.map((m, i) => ({ Id: `e${i}`, ReceiptHandle: m.ReceiptHandle })) });
    }
    await checkCounters();
    for (const body of accepted) expect(deletedCount.get(body), `${body} deleted exactly once`).toBe(1);
}

describe('SQS properties (fast-check)', () => {
    it('standard queue: random operations never lose, invent or redeliver a deleted message; counters stay exact', async () => {
        await fc.assert(fc.asyncProperty(fc.array(opArb, { maxLength: 60 }), fc.integer({ min: 0, max: 2 }),
            (ops, delay) => runOps(false, ops, delay)), { numRuns: 60 });
    });

    it('FIFO queue: no loss, order within each group, and no duplicate delivery within the deduplication interval', async () => {
        await fc.assert(fc.asyncProperty(fc.array(opArb, { maxLength: 60 }), fc.integer({ min: 0, max: 2 }),
            (ops, delay) => runOps(true, ops, delay)), { numRuns: 60 });
    });
});
