import { describe, expect, it } from 'vitest';
import type { Cloud } from '../../src/index.js';
import { bytes, cloudWithStream, iteratorFor, MiB, rejectsWith, SECOND } from './helpers.js';

const SHARD = 'shardId-000000000000';

async function consumer(cloud: Cloud, name: string): Promise<string> {
    const { StreamDescriptionSummary } = await cloud.kinesis.describeStreamSummary({ StreamName: 'orders' });
    return (await cloud.kinesis.registerStreamConsumer({ StreamARN: StreamDescriptionSummary.StreamARN, ConsumerName: name })).Consumer.ConsumerARN;
}

/** Reads a subscription in the background; returns what arrived when (virtual ms) and whether it ended. */
async function listen(cloud: Cloud, consumerArn: string, type: 'LATEST' | 'TRIM_HORIZON' = 'LATEST') {
    const { EventStream } = await cloud.kinesis.subscribeToShard({ ConsumerARN: consumerArn, ShardId: SHARD, StartingPosition: { Type: type } });
    const log = { events: [] as Array<{ t: number; records: number; bytes: number }>, endedAt: undefined as number | undefined };
    void (async () => {
        for await (const event of EventStream) {
            const records = event.SubscribeToShardEvent.Records;
            log.events.push({ t: cloud.now(), records: records.length, bytes: records.reduce((sum, record) => sum + record.Data.byteLength, 0) });
        }
        log.endedAt = cloud.now();
    })();
    return log;
}

describe('Kinesis §3.5 enhanced fan-out', () => {
    it('rule: SubscribeToShard pushes records to a registered consumer as they are written (virtual time)', async () => {
        const cloud = await cloudWithStream(1);
        const arn = await consumer(cloud, 'analytics');
        const log = await listen(cloud, arn);
        cloud.schedule(1500, () => cloud.kinesis.putRecord({ StreamName: 'orders', Data: 'hello', PartitionKey: 'k' }));
        await cloud.runUntil(3 * SECOND);
        expect(log.events).toEqual([{ t: 0, records: 0, bytes: 0 }, { t: 1500, records: 1, bytes: 5 }]);
    });

    it('rule: 2 MiB/s per consumer per shard, independent of other consumers and of shared GetRecords readers', async () => {
        const cloud = await cloudWithStream(1);
        for (let i = 0; i < 8; i++) {
            await cloud.kinesis.putRecord({ StreamName: 'orders', Data: bytes(MiB / 2), PartitionKey: 'k' });
            await cloud.advance(SECOND / 2);
        }
        const start = cloud.now();
        const first = await listen(cloud, await consumer(cloud, 'one'), 'TRIM_HORIZON');
        const second = await listen(cloud, await consumer(cloud, 'two'), 'TRIM_HORIZON');
        await cloud.runUntil(start + 5 * SECOND);
        for (const log of [first, second]) {
            const total = log.events.reduce((sum, event) => sum + event.bytes, 0);
            expect(total).toBe(4 * MiB);
            const done = log.events[log.events.length - 1]!.t - start;
            // 4 MiB at 2 MiB/s with a full 2 MiB bucket to start: the rest arrives about 1 s later, not 3 s.
            expect(done).toBeGreaterThanOrEqual(900);
            expect(done).toBeLessThanOrEqual(1600);
            expect(log.events.filter(event => event.t === start).reduce((sum, event) => sum + event.bytes, 0)).toBeLessThanOrEqual(2 * MiB);
        }
        // The shared-throughput budget is untouched by the fan-out consumers.
        expect((await cloud.kinesis.getRecords({ ShardIterator: await iteratorFor(cloud), Limit: 4 })).Records).toHaveLength(4);
    });

    it('rule: a subscription lasts 5 minutes, then ends and must be renewed', async () => {
        const cloud = await cloudWithStream(1);
        const arn = await consumer(cloud, 'analytics');
        const log = await listen(cloud, arn);
        await cloud.runUntil(5 * 60 * SECOND + 1);
        expect(log.endedAt).toBe(5 * 60 * SECOND);
        await cloud.kinesis.putRecord({ StreamName: 'orders', Data: 'late', PartitionKey: 'k' });
        await cloud.advance(SECOND);
        expect(log.events.reduce((sum, event) => sum + event.records, 0)).toBe(0);
        const renewed = await listen(cloud, arn, 'TRIM_HORIZON');
        await cloud.advance(SECOND);
        expect(renewed.events.reduce((sum, event) => sum + event.records, 0)).toBe(1);
    });

    it('rule: resubscribing within 5 s → ResourceInUseException; after 5 s the new call takes over; ≤1 call per second', async () => {
        const cloud = await cloudWithStream(1);
        const arn = await consumer(cloud, 'analytics');
        const first = await listen(cloud, arn);
        await cloud.advance(4500);
        await rejectsWith(cloud.kinesis.subscribeToShard({ ConsumerARN: arn, ShardId: SHARD, StartingPosition: { Type: 'LATEST' } }), 'ResourceInUseException');
        await cloud.advance(700);
        await rejectsWith(cloud.kinesis.subscribeToShard({ ConsumerARN: arn, ShardId: SHARD, StartingPosition: { Type: 'LATEST' } }), 'LimitExceededException');
        await cloud.advance(SECOND);
        const second = await listen(cloud, arn);
        await cloud.advance(10);
        expect(first.endedAt).toBe(6200);
        expect(second.endedAt).toBeUndefined();
    });

    it('rule: at most 20 consumers per stream (LimitExceededException)', async () => {
        const cloud = await cloudWithStream(1);
        for (let i = 0; i < 20; i++) await consumer(cloud, `c${i}`);
        await rejectsWith(consumer(cloud, 'c20'), 'LimitExceededException');
        expect((await cloud.kinesis.describeStreamSummary({ StreamName: 'orders' })).StreamDescriptionSummary.ConsumerCount).toBe(20);
    });

    it('rule: at most 5 consumers CREATING at once', async () => {
        const cloud = await cloudWithStream(1, { kinesis: { controlPlaneDelayMs: 5 * SECOND } });
        await cloud.advance(5 * SECOND);
        for (let i = 0; i < 5; i++) await consumer(cloud, `c${i}`);
        await rejectsWith(consumer(cloud, 'c5'), 'LimitExceededException');
        const arn = await cloud.kinesis.describeStreamConsumer({ StreamARN: (await cloud.kinesis.describeStreamSummary({ StreamName: 'orders' })).StreamDescriptionSummary.StreamARN, ConsumerName: 'c0' });
        expect(arn.ConsumerDescription.ConsumerStatus).toBe('CREATING');
        await rejectsWith(cloud.kinesis.subscribeToShard({ ConsumerARN: arn.ConsumerDescription.ConsumerARN, ShardId: SHARD, StartingPosition: { Type: 'LATEST' } }), 'ResourceInUseException');
        await cloud.advance(5 * SECOND);
        await expect(consumer(cloud, 'c5')).resolves.toContain('consumer/c5');
    });
});
