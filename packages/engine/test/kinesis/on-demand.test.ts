import { describe, expect, it } from 'vitest';
import { createCloud } from '../../src/index.js';
import type { Cloud } from '../../src/index.js';
import { bytes, iteratorFor, rejectsWith, SECOND } from './helpers.js';

/** Hash keys in the middle of each of the 4 initial shards, so writes spread evenly. */
const MIDPOINTS = [0, 1, 2, 3].map(i => ((2n * BigInt(i) + 1n) * (1n << 125n)).toString());

async function onDemand(options: Parameters<typeof createCloud>[0] = {}): Promise<Cloud> {
    const cloud = createCloud(options);
    await cloud.kinesis.createStream({ StreamName: 'events', StreamModeDetails: { StreamMode: 'ON_DEMAND' } });
    return cloud;
}

async function burst(cloud: Cloud, count: number, size: number): Promise<number> {
    let throttled = 0;
    for (let i = 0; i < count; i++) {
        const result = await cloud.kinesis.putRecords({
            StreamName: 'events', Records: [{ Data: bytes(size), PartitionKey: 'k', ExplicitHashKey: MIDPOINTS[i % 4] }]
        });
        throttled += result.FailedRecordCount;
    }
    return throttled;
}

describe('Kinesis §3.6 on-demand mode (capacity curve is a model)', () => {
    it('rule: a new on-demand stream starts at 4 MB/s write on 4 shards', async () => {
        const cloud = await onDemand();
        const summary = (await cloud.kinesis.describeStreamSummary({ StreamName: 'events' })).StreamDescriptionSummary;
        expect(summary.StreamModeDetails.StreamMode).toBe('ON_DEMAND');
        expect(summary.OpenShardCount).toBe(4);
        // 400 records of 10,001 bytes (data + key) = 4,000,400 bytes: the last one crosses 4 MB.
        expect(await burst(cloud, 400, 10_000)).toBe(1);
    });

    it('rule: each on-demand shard still obeys 1 MiB/s write', async () => {
        const cloud = await onDemand();
        let throttled = 0;
        for (let i = 0; i < 105; i++) {
            throttled += (await cloud.kinesis.putRecords({ StreamName: 'events', Records: [{ Data: bytes(10_000), PartitionKey: 'k', ExplicitHashKey: '0' }] })).FailedRecordCount;
        }
        expect(throttled).toBe(1);
    });

    it('rule: the stream scales up automatically (model: to 2× the peak write demand, after scaleUpDelayMs)', async () => {
        const cloud = await onDemand({ kinesis: { onDemand: { scaleUpDelayMs: 30 * SECOND } } });
        let throttledEarly = 0;
        for (let second = 0; second < 5; second++) {
            throttledEarly += await burst(cloud, 600, 10_000);
            await cloud.advance(SECOND);
        }
        expect(throttledEarly).toBeGreaterThan(0);
        await cloud.advance(30 * SECOND);
        const summary = (await cloud.kinesis.describeStreamSummary({ StreamName: 'events' })).StreamDescriptionSummary;
        // Peak demand 6,000,600 B/s → capacity 12,001,200 B/s → 12 shards.
        expect(summary.OpenShardCount).toBe(12);
        let throttledLate = 0;
        for (let i = 0; i < 600; i++) {
            throttledLate += (await cloud.kinesis.putRecords({ StreamName: 'events', Records: [{ Data: bytes(10_000), PartitionKey: `key-${i}` }] })).FailedRecordCount;
        }
        expect(throttledLate).toBe(0);
    });

    it('rule: on-demand scales to 10 GB/s in us-east-1/us-west-2/eu-west-1 and to 200 MB/s elsewhere (model: 2× peak, capped)', async () => {
        for (const [region, expectedShards] of [['sa-east-1', Math.ceil(200_000_000 / 1_048_576)], ['us-east-1', Math.ceil(2 * 150 * 1_048_576 / 1_048_576)]] as const) {
            const cloud = await onDemand({ region, kinesis: { onDemand: { scaleUpDelayMs: 10 * SECOND } } });
            // 150 MiB of attempted writes in one second: most are throttled, but demand is what counts.
            for (let i = 0; i < 150; i++) await cloud.kinesis.putRecords({ StreamName: 'events', Records: [{ Data: bytes(1_048_570), PartitionKey: `k${i}` }] });
            await cloud.advance(SECOND);
            await cloud.kinesis.putRecords({ StreamName: 'events', Records: [{ Data: 'tick', PartitionKey: 'k' }] });
            await cloud.advance(11 * SECOND);
            expect((await cloud.kinesis.describeStreamSummary({ StreamName: 'events' })).StreamDescriptionSummary.OpenShardCount, region).toBe(expectedShards);
        }
    });

    it('rule (model): the capacity curve is configurable (capacityFor replaces the 2× peak rule)', async () => {
        const cloud = await onDemand({ kinesis: { onDemand: { scaleUpDelayMs: 5 * SECOND, capacityFor: peak => 4 * peak } } });
        await burst(cloud, 400, 10_000);
        await cloud.advance(SECOND);
        await burst(cloud, 1, 10);
        await cloud.advance(5 * SECOND);
        // Peak 4,000,400 B/s (the accepted and the throttled record) × 4 → 16,001,600 B/s → 16 shards.
        expect((await cloud.kinesis.describeStreamSummary({ StreamName: 'events' })).StreamDescriptionSummary.OpenShardCount).toBe(16);
    });

    it('rule: warm throughput (WarmThroughputMiBps ≤ 10 GiB/s) provisions on-demand capacity up front', async () => {
        const cloud = createCloud();
        await cloud.kinesis.createStream({ StreamName: 'warm', StreamModeDetails: { StreamMode: 'ON_DEMAND' }, WarmThroughputMiBps: 16 });
        expect((await cloud.kinesis.describeStreamSummary({ StreamName: 'warm' })).StreamDescriptionSummary.OpenShardCount).toBe(16);
        await cloud.kinesis.updateStreamWarmThroughput({ StreamName: 'warm', WarmThroughputMiBps: 32 });
        expect((await cloud.kinesis.describeStreamSummary({ StreamName: 'warm' })).StreamDescriptionSummary.OpenShardCount).toBe(32);
        await rejectsWith(cloud.kinesis.updateStreamWarmThroughput({ StreamName: 'warm', WarmThroughputMiBps: 10_241 }), 'ValidationException');
        await rejectsWith(cloud.kinesis.createStream({ StreamName: 'p', ShardCount: 1, WarmThroughputMiBps: 8 }), 'ValidationException');
    });

    it('rule: SplitShard, MergeShards and UpdateShardCount are not supported on on-demand streams', async () => {
        const cloud = await onDemand();
        await rejectsWith(cloud.kinesis.updateShardCount({ StreamName: 'events', TargetShardCount: 8, ScalingType: 'UNIFORM_SCALING' }), 'ValidationException');
        await rejectsWith(cloud.kinesis.splitShard({ StreamName: 'events', ShardToSplit: 'shardId-000000000000', NewStartingHashKey: '5' }), 'ValidationException');
        await rejectsWith(cloud.kinesis.mergeShards({ StreamName: 'events', ShardToMerge: 'shardId-000000000000', AdjacentShardToMerge: 'shardId-000000000001' }), 'ValidationException');
    });

    it('rule: 50 on-demand streams per account by default', async () => {
        const cloud = createCloud();
        for (let i = 0; i < 50; i++) await cloud.kinesis.createStream({ StreamName: `s${i}`, StreamModeDetails: { StreamMode: 'ON_DEMAND' } });
        await rejectsWith(cloud.kinesis.createStream({ StreamName: 's50', StreamModeDetails: { StreamMode: 'ON_DEMAND' } }), 'LimitExceededException');
        await expect(cloud.kinesis.createStream({ StreamName: 'provisioned', ShardCount: 1 })).resolves.toEqual({});
    });

    it('rule: a new on-demand stream starts at 8 MB/s read: each of its 4 shards serves 2 MiB/s', async () => {
        const cloud = await onDemand();
        // 3 records of 699,000 bytes per shard (2,097,000 bytes, just under 2 MiB), written over 3 s to stay under 4 MB/s.
        for (let second = 0; second < 3; second++) {
            for (const hashKey of MIDPOINTS) {
                const result = await cloud.kinesis.putRecords({ StreamName: 'events', Records: [{ Data: bytes(699_000), PartitionKey: 'k', ExplicitHashKey: hashKey }] });
                expect(result.FailedRecordCount).toBe(0);
            }
            await cloud.advance(SECOND);
        }
        // In one instant the 4 shards return 8,388,000 bytes (over 8 MB), none throttled.
        let read = 0;
        for (let shard = 0; shard < 4; shard++) {
            const iterator = await iteratorFor(cloud, `shardId-00000000000${shard}`, 'TRIM_HORIZON', 'events');
            const { Records } = await cloud.kinesis.getRecords({ ShardIterator: iterator });
            expect(Records).toHaveLength(3);
            read += Records.reduce((sum, record) => sum + record.Data.length, 0);
        }
        expect(read).toBe(12 * 699_000);
    });
});

describe('Kinesis §3.2 account shard quota', () => {
    it('rule: the open-shard quota is 20,000 in us-east-1/us-west-2/eu-west-1 and 1,000 elsewhere by default', async () => {
        const small = createCloud({ region: 'sa-east-1' });
        await small.kinesis.createStream({ StreamName: 'a', ShardCount: 1000 });
        await rejectsWith(small.kinesis.createStream({ StreamName: 'b', ShardCount: 1 }), 'LimitExceededException');
        await rejectsWith(small.kinesis.splitShard({ StreamName: 'a', ShardToSplit: 'shardId-000000000000', NewStartingHashKey: '5' }), 'LimitExceededException');
        const large = createCloud({ region: 'us-east-1' });
        await large.kinesis.createStream({ StreamName: 'a', ShardCount: 20_000 });
        await rejectsWith(large.kinesis.createStream({ StreamName: 'b', ShardCount: 1 }), 'LimitExceededException');
    });
});

describe('Kinesis §3.7 errors', () => {
    it('rule: unknown streams → ResourceNotFoundException; an existing name → ResourceInUseException; a CREATING stream takes no writes', async () => {
        const cloud = createCloud({ kinesis: { controlPlaneDelayMs: 10 * SECOND } });
        await rejectsWith(cloud.kinesis.putRecord({ StreamName: 'nope', Data: 'x', PartitionKey: 'k' }), 'ResourceNotFoundException');
        await rejectsWith(cloud.kinesis.describeStreamSummary({ StreamName: 'nope' }), 'ResourceNotFoundException');
        await cloud.kinesis.createStream({ StreamName: 'events', ShardCount: 1 });
        await rejectsWith(cloud.kinesis.createStream({ StreamName: 'events', ShardCount: 1 }), 'ResourceInUseException');
        await rejectsWith(cloud.kinesis.putRecord({ StreamName: 'events', Data: 'x', PartitionKey: 'k' }), 'ResourceNotFoundException');
        await rejectsWith(cloud.kinesis.splitShard({ StreamName: 'events', ShardToSplit: 'shardId-000000000000', NewStartingHashKey: '5' }), 'ResourceInUseException');
        await cloud.advance(10 * SECOND);
        await expect(cloud.kinesis.putRecord({ StreamName: 'events', Data: 'x', PartitionKey: 'k' })).resolves.toHaveProperty('ShardId');
        await rejectsWith(cloud.kinesis.createStream({ StreamName: 'bad name!', ShardCount: 1 }), 'ValidationException');
        await rejectsWith(cloud.kinesis.createStream({ StreamName: 'no-shards' }), 'InvalidArgumentException');
    });
});
