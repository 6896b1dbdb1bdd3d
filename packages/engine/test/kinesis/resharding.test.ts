import { describe, expect, it } from 'vitest';
import { createCloud } from '../../src/index.js';
import { cloudWithStream, HOUR, iteratorFor, rejectsWith, SECOND } from './helpers.js';

const HALF = (1n << 127n).toString();
const text = (data: Uint8Array): string => Buffer.from(data).toString('utf8');

describe('Kinesis §3.4 resharding (provisioned only)', () => {
    it('rule: SplitShard closes the parent (EndingSequenceNumber) and opens children [start, new−1] and [new, end]', async () => {
        const cloud = await cloudWithStream(1);
        await cloud.kinesis.putRecord({ StreamName: 'orders', Data: 'x', PartitionKey: 'k' });
        await cloud.kinesis.splitShard({ StreamName: 'orders', ShardToSplit: 'shardId-000000000000', NewStartingHashKey: HALF });
        const { Shards } = await cloud.kinesis.listShards({ StreamName: 'orders' });
        expect(Shards).toHaveLength(3);
        expect(Shards[0]!.SequenceNumberRange.EndingSequenceNumber).toBeDefined();
        expect(Shards[1]).toMatchObject({ ParentShardId: 'shardId-000000000000', HashKeyRange: { StartingHashKey: '0', EndingHashKey: ((1n << 127n) - 1n).toString() } });
        expect(Shards[2]).toMatchObject({ ParentShardId: 'shardId-000000000000', HashKeyRange: { StartingHashKey: HALF } });
        expect((await cloud.kinesis.describeStreamSummary({ StreamName: 'orders' })).StreamDescriptionSummary.OpenShardCount).toBe(2);
    });

    it('rule: NewStartingHashKey must lie strictly inside the parent range', async () => {
        const cloud = await cloudWithStream(2);
        await rejectsWith(cloud.kinesis.splitShard({ StreamName: 'orders', ShardToSplit: 'shardId-000000000000', NewStartingHashKey: '0' }), 'InvalidArgumentException');
        await rejectsWith(cloud.kinesis.splitShard({ StreamName: 'orders', ShardToSplit: 'shardId-000000000000', NewStartingHashKey: HALF }), 'InvalidArgumentException');
        await rejectsWith(cloud.kinesis.splitShard({ StreamName: 'orders', ShardToSplit: 'shardId-000000000009', NewStartingHashKey: '5' }), 'ResourceNotFoundException');
    });

    it('rule: MergeShards needs adjacent ranges; the child covers both', async () => {
        const cloud = await cloudWithStream(3);
        await rejectsWith(cloud.kinesis.mergeShards({ StreamName: 'orders', ShardToMerge: 'shardId-000000000000', AdjacentShardToMerge: 'shardId-000000000002' }), 'InvalidArgumentException');
        await cloud.kinesis.mergeShards({ StreamName: 'orders', ShardToMerge: 'shardId-000000000001', AdjacentShardToMerge: 'shardId-000000000002' });
        const { Shards } = await cloud.kinesis.listShards({ StreamName: 'orders', ShardFilter: { Type: 'AT_LATEST' } });
        expect(Shards.map(shard => shard.ShardId)).toEqual(['shardId-000000000000', 'shardId-000000000003']);
        expect(Shards[1]).toMatchObject({
            ParentShardId: 'shardId-000000000001', AdjacentParentShardId: 'shardId-000000000002',
            HashKeyRange: { StartingHashKey: '113427455640312821154458202477256070485', EndingHashKey: ((1n << 128n) - 1n).toString() }
        });
    });

    it('rule: the stream goes ACTIVE → UPDATING → ACTIVE; reads and writes continue; no second reshard while UPDATING', async () => {
        const cloud = createCloud({ kinesis: { controlPlaneDelayMs: 10 * SECOND } });
        await cloud.kinesis.createStream({ StreamName: 'orders', ShardCount: 1 });
        await cloud.advance(10 * SECOND);
        await cloud.kinesis.splitShard({ StreamName: 'orders', ShardToSplit: 'shardId-000000000000', NewStartingHashKey: HALF });
        expect((await cloud.kinesis.describeStreamSummary({ StreamName: 'orders' })).StreamDescriptionSummary.StreamStatus).toBe('UPDATING');
        await expect(cloud.kinesis.putRecord({ StreamName: 'orders', Data: 'during', PartitionKey: 'k' })).resolves.toHaveProperty('ShardId', 'shardId-000000000000');
        await rejectsWith(cloud.kinesis.updateShardCount({ StreamName: 'orders', TargetShardCount: 2, ScalingType: 'UNIFORM_SCALING' }), 'ResourceInUseException');
        await cloud.advance(10 * SECOND);
        expect((await cloud.kinesis.describeStreamSummary({ StreamName: 'orders' })).StreamDescriptionSummary.StreamStatus).toBe('ACTIVE');
        expect((await cloud.kinesis.getRecords({ ShardIterator: await iteratorFor(cloud) })).Records.map(record => text(record.Data))).toEqual(['during']);
    });

    it('rule: after a split, records go to the child whose range holds the hash; closed shards never receive records', async () => {
        const cloud = await cloudWithStream(1);
        await cloud.kinesis.splitShard({ StreamName: 'orders', ShardToSplit: 'shardId-000000000000', NewStartingHashKey: HALF });
        const low = await cloud.kinesis.putRecord({ StreamName: 'orders', Data: 'x', PartitionKey: 'k', ExplicitHashKey: '5' });
        const high = await cloud.kinesis.putRecord({ StreamName: 'orders', Data: 'x', PartitionKey: 'k', ExplicitHashKey: HALF });
        expect([low.ShardId, high.ShardId]).toEqual(['shardId-000000000001', 'shardId-000000000002']);
        expect((await cloud.kinesis.getRecords({ ShardIterator: await iteratorFor(cloud) })).Records).toEqual([]);
    });

    it('rule: parents stay readable until retention expires; a reader finishes the parent, then follows ChildShards', async () => {
        const cloud = await cloudWithStream(1);
        await cloud.kinesis.putRecord({ StreamName: 'orders', Data: 'in-parent', PartitionKey: 'k' });
        await cloud.kinesis.splitShard({ StreamName: 'orders', ShardToSplit: 'shardId-000000000000', NewStartingHashKey: HALF });
        const parent = await cloud.kinesis.getRecords({ ShardIterator: await iteratorFor(cloud) });
        expect(parent.Records.map(record => text(record.Data))).toEqual(['in-parent']);
        expect(parent.NextShardIterator).toBeUndefined();
        expect(parent.ChildShards?.[0]?.ParentShards).toEqual(['shardId-000000000000']);
        await cloud.advance(25 * HOUR);
        const { Shards } = await cloud.kinesis.listShards({ StreamName: 'orders' });
        expect(Shards.map(shard => shard.ShardId)).toEqual(['shardId-000000000001', 'shardId-000000000002']);
        await rejectsWith(cloud.kinesis.getShardIterator({ StreamName: 'orders', ShardId: 'shardId-000000000000', ShardIteratorType: 'TRIM_HORIZON' }), 'ResourceNotFoundException');
    });

    it('rule: UpdateShardCount scales uniformly, at most double / at least half, ≤10,000 shards, ≤10 times per rolling 24 h', async () => {
        const cloud = await cloudWithStream(2);
        await rejectsWith(cloud.kinesis.updateShardCount({ StreamName: 'orders', TargetShardCount: 5, ScalingType: 'UNIFORM_SCALING' }), 'LimitExceededException');
        const result = await cloud.kinesis.updateShardCount({ StreamName: 'orders', TargetShardCount: 3, ScalingType: 'UNIFORM_SCALING' });
        expect(result).toMatchObject({ CurrentShardCount: 2, TargetShardCount: 3 });
        const { Shards } = await cloud.kinesis.listShards({ StreamName: 'orders', ShardFilter: { Type: 'AT_LATEST' } });
        expect(Shards.map(shard => shard.HashKeyRange.EndingHashKey)).toEqual([
            '113427455640312821154458202477256070484', '226854911280625642308916404954512140969', ((1n << 128n) - 1n).toString()
        ]);
        await rejectsWith(cloud.kinesis.updateShardCount({ StreamName: 'orders', TargetShardCount: 1, ScalingType: 'UNIFORM_SCALING' }), 'LimitExceededException');
        for (let i = 0; i < 9; i++) {
            await cloud.kinesis.updateShardCount({ StreamName: 'orders', TargetShardCount: i % 2 === 0 ? 4 : 3, ScalingType: 'UNIFORM_SCALING' });
        }
        await rejectsWith(cloud.kinesis.updateShardCount({ StreamName: 'orders', TargetShardCount: 4, ScalingType: 'UNIFORM_SCALING' }), 'LimitExceededException');
        await cloud.advance(24 * HOUR);
        await expect(cloud.kinesis.updateShardCount({ StreamName: 'orders', TargetShardCount: 4, ScalingType: 'UNIFORM_SCALING' })).resolves.toHaveProperty('TargetShardCount', 4);
        const big = createCloud({ kinesis: { shardLimit: 50_000 } });
        await big.kinesis.createStream({ StreamName: 'wide', ShardCount: 6000 });
        await rejectsWith(big.kinesis.updateShardCount({ StreamName: 'wide', TargetShardCount: 10_001, ScalingType: 'UNIFORM_SCALING' }), 'LimitExceededException');
    });
});

describe('Kinesis shard listing', () => {
    it('ListShards and DescribeStream page through the shards', async () => {
        const cloud = await cloudWithStream(5);
        const first = await cloud.kinesis.listShards({ StreamName: 'orders', MaxResults: 2 });
        expect(first.Shards.map(shard => shard.ShardId)).toEqual(['shardId-000000000000', 'shardId-000000000001']);
        const second = await cloud.kinesis.listShards({ NextToken: first.NextToken!, MaxResults: 3 });
        expect(second.Shards.map(shard => shard.ShardId)).toEqual(['shardId-000000000002', 'shardId-000000000003', 'shardId-000000000004']);
        expect(second.NextToken).toBeUndefined();
        const described = await cloud.kinesis.describeStream({ StreamName: 'orders', Limit: 3, ExclusiveStartShardId: 'shardId-000000000001' });
        expect(described.StreamDescription.Shards.map(shard => shard.ShardId)).toEqual(['shardId-000000000002', 'shardId-000000000003', 'shardId-000000000004']);
        expect(described.StreamDescription).toMatchObject({ StreamStatus: 'ACTIVE', HasMoreShards: false, RetentionPeriodHours: 24 });
    });
});
