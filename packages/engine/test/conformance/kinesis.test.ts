import { describe, expect, it } from 'vitest';
import { readConformance } from './cases.js';
import { createCloud, shardForPartitionKey } from '../../src/index.js';

interface HashCase {
    partitionKey: string;
    explicitHashKey?: string;
    md5HashKeyDecimal: string;
    shardCount: number;
    shardIndex: number;
    source: string;
}

interface HashFile {
    ranges: Record<string, Array<{ shardIndex: number; StartingHashKey: string; EndingHashKey: string }>>;
    cases: HashCase[];
}

const data = readConformance<HashFile>('kinesis-hash.json');

const label = (c: HashCase): string =>
    `${c.explicitHashKey !== undefined ? `ExplicitHashKey ${c.explicitHashKey}` : JSON.stringify(c.partitionKey)} on ${c.shardCount} shards → shard ${c.shardIndex}`;

describe('kinesis-hash.json conformance', () => {
    it('has the documented number of cases', () => {
        expect(data.cases.length).toBe(134);
    });

    it.each(data.cases.map(c => [label(c), c] as const))('shardForPartitionKey: %s', (_title, c) => {
        expect(shardForPartitionKey(c.partitionKey, c.shardCount, c.explicitHashKey)).toBe(c.shardIndex);
    });

    it.each(Object.entries(data.ranges))('CreateStream with %s shards gives the documented hash key ranges', async (count, ranges) => {
        const cloud = createCloud();
        await cloud.kinesis.createStream({ StreamName: `s${count}`, ShardCount: Number(count) });
        const { Shards } = await cloud.kinesis.listShards({ StreamName: `s${count}` });
        expect(Shards.map(shard => shard.HashKeyRange)).toEqual(ranges.map(r => ({ StartingHashKey: r.StartingHashKey, EndingHashKey: r.EndingHashKey })));
    });

    it('PutRecord routes every case to the expected shard through the cloud API', async () => {
        const cloud = createCloud();
        const counts = [...new Set(data.cases.map(c => c.shardCount))];
        for (const count of counts) await cloud.kinesis.createStream({ StreamName: `routing-${count}`, ShardCount: count });
        for (const c of data.cases) {
            const result = await cloud.kinesis.putRecord({
                StreamName: `routing-${c.shardCount}`, Data: 'x', PartitionKey: c.partitionKey,
                ...(c.explicitHashKey !== undefined ? { ExplicitHashKey: c.explicitHashKey } : {})
            });
            expect(result.ShardId, label(c)).toBe(`shardId-${String(c.shardIndex).padStart(12, '0')}`);
            // Stay under 1,000 records/s per shard: the limits are not what this test is about.
            await cloud.advance(10);
        }
    });
});
