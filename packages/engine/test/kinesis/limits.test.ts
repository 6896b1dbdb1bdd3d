import { describe, expect, it } from 'vitest';
import { createCloud } from '../../src/index.js';
import { bytes, cloudWithStream, iteratorFor, KiB, MiB, rejectsWith, SECOND } from './helpers.js';

describe('Kinesis §3.2 provisioned shard limits', () => {
    it('rule: write 1 MiB/s per shard → ProvisionedThroughputExceededException, refilled a second later', async () => {
        const cloud = await cloudWithStream(1);
        await cloud.kinesis.putRecord({ StreamName: 'orders', Data: bytes(600 * KiB), PartitionKey: 'k' });
        await rejectsWith(cloud.kinesis.putRecord({ StreamName: 'orders', Data: bytes(600 * KiB), PartitionKey: 'k' }), 'ProvisionedThroughputExceededException');
        await cloud.advance(SECOND);
        await expect(cloud.kinesis.putRecord({ StreamName: 'orders', Data: bytes(600 * KiB), PartitionKey: 'k' })).resolves.toHaveProperty('SequenceNumber');
        expect(cloud.kinesis.metrics('orders').writeThrottledRecords).toBe(1);
    });

    it('rule: write 1,000 records/s per shard; other shards have their own budget', async () => {
        const cloud = await cloudWithStream(2);
        const onShard0 = { PartitionKey: 'p', ExplicitHashKey: '0', Data: 'x' };
        for (let i = 0; i < 1000; i++) await cloud.kinesis.putRecord({ StreamName: 'orders', ...onShard0 });
        await rejectsWith(cloud.kinesis.putRecord({ StreamName: 'orders', ...onShard0 }), 'ProvisionedThroughputExceededException');
        const otherShard = await cloud.kinesis.putRecord({ StreamName: 'orders', PartitionKey: 'p', ExplicitHashKey: ((1n << 128n) - 1n).toString(), Data: 'x' });
        expect(otherShard.ShardId).toBe('shardId-000000000001');
        await cloud.advance(SECOND);
        await expect(cloud.kinesis.putRecord({ StreamName: 'orders', ...onShard0 })).resolves.toHaveProperty('ShardId', 'shardId-000000000000');
    });

    it('rule: the partition key counts toward the record size (data + key ≤ MaxRecordSizeInKiB)', async () => {
        const cloud = await cloudWithStream(1);
        await rejectsWith(cloud.kinesis.putRecord({ StreamName: 'orders', Data: bytes(MiB), PartitionKey: 'k' }), 'InvalidArgumentException');
        await expect(cloud.kinesis.putRecord({ StreamName: 'orders', Data: bytes(MiB - 1), PartitionKey: 'k' })).resolves.toHaveProperty('ShardId');
    });

    it('rule: MaxRecordSizeInKiB is configurable per stream (1,024-10,240); large records burst above 1 MiB/s and then refill', async () => {
        const cloud = createCloud();
        await rejectsWith(cloud.kinesis.createStream({ StreamName: 'big', ShardCount: 1, MaxRecordSizeInKiB: 10_241 }), 'ValidationException');
        await cloud.kinesis.createStream({ StreamName: 'big', ShardCount: 1 });
        await rejectsWith(cloud.kinesis.putRecord({ StreamName: 'big', Data: bytes(3 * MiB), PartitionKey: 'k' }), 'InvalidArgumentException');
        await cloud.kinesis.updateMaxRecordSize({ StreamName: 'big', MaxRecordSizeInKiB: 10_240 });
        const summary = await cloud.kinesis.describeStreamSummary({ StreamName: 'big' });
        expect(summary.StreamDescriptionSummary.MaxRecordSizeInKiB).toBe(10_240);
        await cloud.kinesis.putRecord({ StreamName: 'big', Data: bytes(3 * MiB), PartitionKey: 'k' });
        // The 3 MiB burst overdrew the 1 MiB/s bucket by 2 MiB: writes wait until it has refilled.
        await cloud.advance(2 * SECOND);
        await rejectsWith(cloud.kinesis.putRecord({ StreamName: 'big', Data: bytes(KiB), PartitionKey: 'k' }), 'ProvisionedThroughputExceededException');
        await cloud.advance(SECOND + 10);
        await expect(cloud.kinesis.putRecord({ StreamName: 'big', Data: bytes(KiB), PartitionKey: 'k' })).resolves.toHaveProperty('ShardId');
    });

    it('rule: read 5 GetRecords calls/s per shard, shared by all shared-throughput consumers', async () => {
        const cloud = await cloudWithStream(1);
        let a = await iteratorFor(cloud);
        let b = await iteratorFor(cloud);
        for (let i = 0; i < 3; i++) a = (await cloud.kinesis.getRecords({ ShardIterator: a })).NextShardIterator!;
        for (let i = 0; i < 2; i++) b = (await cloud.kinesis.getRecords({ ShardIterator: b })).NextShardIterator!;
        await rejectsWith(cloud.kinesis.getRecords({ ShardIterator: b }), 'ProvisionedThroughputExceededException');
        await cloud.advance(SECOND);
        await expect(cloud.kinesis.getRecords({ ShardIterator: b })).resolves.toHaveProperty('Records');
        expect(cloud.kinesis.metrics('orders').readThrottledCalls).toBe(1);
    });

    it('rule: read 2 MiB/s per shard: a read beyond the budget makes the next calls within 1 s throw, with no data', async () => {
        const cloud = await cloudWithStream(1);
        for (let i = 0; i < 3; i++) {
            await cloud.kinesis.putRecord({ StreamName: 'orders', Data: bytes(MiB - 10), PartitionKey: 'k' });
            await cloud.advance(SECOND);
        }
        const first = await cloud.kinesis.getRecords({ ShardIterator: await iteratorFor(cloud) });
        expect(first.Records).toHaveLength(3);
        const other = await iteratorFor(cloud);
        await cloud.advance(500);
        await rejectsWith(cloud.kinesis.getRecords({ ShardIterator: other }), 'ProvisionedThroughputExceededException');
        await cloud.advance(600);
        // The throttled call returned nothing and did not move the iterator: the same records come back.
        expect((await cloud.kinesis.getRecords({ ShardIterator: other })).Records).toHaveLength(3);
    });

    it('rule: GetRecords Limit is 1-10,000 (default 10,000); above → InvalidArgumentException', async () => {
        const cloud = await cloudWithStream(1);
        for (let i = 0; i < 30; i++) await cloud.kinesis.putRecord({ StreamName: 'orders', Data: 'x', PartitionKey: 'k' });
        const iterator = await iteratorFor(cloud);
        await rejectsWith(cloud.kinesis.getRecords({ ShardIterator: iterator, Limit: 10_001 }), 'InvalidArgumentException');
        await rejectsWith(cloud.kinesis.getRecords({ ShardIterator: iterator, Limit: 0 }), 'InvalidArgumentException');
        const page = await cloud.kinesis.getRecords({ ShardIterator: iterator, Limit: 10 });
        expect(page.Records).toHaveLength(10);
        const rest = await cloud.kinesis.getRecords({ ShardIterator: page.NextShardIterator! });
        expect(rest.Records).toHaveLength(20);
    });

    it('rule: GetRecords returns at most 10 MiB; calls within the next 5 s throw ProvisionedThroughputExceededException', async () => {
        const cloud = createCloud();
        await cloud.kinesis.createStream({ StreamName: 'orders', ShardCount: 1, MaxRecordSizeInKiB: 4096 });
        for (let i = 0; i < 4; i++) {
            await cloud.kinesis.putRecord({ StreamName: 'orders', Data: bytes(3 * MiB), PartitionKey: 'k' });
            await cloud.advance(4 * SECOND);
        }
        const page = await cloud.kinesis.getRecords({ ShardIterator: await iteratorFor(cloud) });
        expect(page.Records).toHaveLength(3);
        const other = await iteratorFor(cloud);
        await cloud.advance(4900);
        await rejectsWith(cloud.kinesis.getRecords({ ShardIterator: other }), 'ProvisionedThroughputExceededException');
        await cloud.advance(200);
        // Still paying back the 9 MiB overdraft of the 2 MiB/s bucket? 5.1 s × 2 MiB refills 10.2 MiB: enough.
        expect((await cloud.kinesis.getRecords({ ShardIterator: page.NextShardIterator! })).Records).toHaveLength(1);
    });

    it('rule: MillisBehindLatest shows how far the reader is behind the tip (0 when caught up)', async () => {
        const cloud = await cloudWithStream(1);
        await cloud.kinesis.putRecord({ StreamName: 'orders', Data: 'a', PartitionKey: 'k' });
        await cloud.advance(2 * SECOND);
        await cloud.kinesis.putRecord({ StreamName: 'orders', Data: 'b', PartitionKey: 'k' });
        await cloud.advance(3 * SECOND);
        const first = await cloud.kinesis.getRecords({ ShardIterator: await iteratorFor(cloud), Limit: 1 });
        expect(first.MillisBehindLatest).toBe(3000);
        const second = await cloud.kinesis.getRecords({ ShardIterator: first.NextShardIterator! });
        expect(second.MillisBehindLatest).toBe(0);
    });

    it('rule: account and control-plane limits (CreateStream 5 TPS, ≤5 CREATING, GetShardIterator 5 TPS per open shard, Split/Merge 5 TPS, shard quota)', async () => {
        const cloud = createCloud({ kinesis: { controlPlaneRateLimits: true, controlPlaneDelayMs: 30 * SECOND, shardLimit: 10 } });
        for (let i = 0; i < 5; i++) await cloud.kinesis.createStream({ StreamName: `s${i}`, ShardCount: 1 });
        await rejectsWith(cloud.kinesis.createStream({ StreamName: 's5', ShardCount: 1 }), 'LimitExceededException');
        expect((await cloud.kinesis.describeStreamSummary({ StreamName: 's0' })).StreamDescriptionSummary.StreamStatus).toBe('CREATING');
        await cloud.advance(30 * SECOND);
        expect((await cloud.kinesis.describeStreamSummary({ StreamName: 's0' })).StreamDescriptionSummary.StreamStatus).toBe('ACTIVE');
        await rejectsWith(cloud.kinesis.createStream({ StreamName: 'huge', ShardCount: 6 }), 'LimitExceededException');
        for (let i = 0; i < 5; i++) await iteratorFor(cloud, 'shardId-000000000000', 'LATEST', 's0');
        await rejectsWith(cloud.kinesis.getShardIterator({ StreamName: 's0', ShardId: 'shardId-000000000000', ShardIteratorType: 'LATEST' }), 'ProvisionedThroughputExceededException');

        const fast = createCloud({ kinesis: { controlPlaneRateLimits: true } });
        for (let i = 0; i < 5; i++) await fast.kinesis.createStream({ StreamName: `t${i}`, ShardCount: 2 });
        await rejectsWith(fast.kinesis.createStream({ StreamName: 't5', ShardCount: 1 }), 'LimitExceededException');
        await fast.advance(SECOND);
        const middle = (1n << 126n).toString();
        for (let i = 0; i < 5; i++) await fast.kinesis.splitShard({ StreamName: `t${i}`, ShardToSplit: 'shardId-000000000000', NewStartingHashKey: middle });
        await rejectsWith(fast.kinesis.mergeShards({ StreamName: 't0', ShardToMerge: 'shardId-000000000002', AdjacentShardToMerge: 'shardId-000000000003' }), 'LimitExceededException');
    });
});
