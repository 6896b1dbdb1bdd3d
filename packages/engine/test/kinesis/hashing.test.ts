import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hashPartitionKey, shardForPartitionKey } from '../../src/index.js';
import { cloudWithStream, rejectsWith } from './helpers.js';

describe('Kinesis §3.1 shards and hashing', () => {
    it('rule: the hash key is the MD5 of the UTF-8 bytes read as a big-endian 128-bit integer', () => {
        for (const key of ['a', 'order-42', '주문', 'ёж', '🙂', 'e\u0301']) {
            const hex = createHash('md5').update(Buffer.from(key, 'utf8')).digest('hex');
            expect(hashPartitionKey(key)).toBe(BigInt('0x' + hex));
            // Cached second lookup gives the same value.
            expect(hashPartitionKey(key)).toBe(BigInt('0x' + hex));
        }
    });

    it('rule: same partition key → same shard, every time', async () => {
        const cloud = await cloudWithStream(8);
        const first = await cloud.kinesis.putRecord({ StreamName: 'orders', Data: 'a', PartitionKey: 'customer-7' });
        for (let i = 0; i < 20; i++) {
            await cloud.advance(10);
            const next = await cloud.kinesis.putRecord({ StreamName: 'orders', Data: 'b', PartitionKey: 'customer-7' });
            expect(next.ShardId).toBe(first.ShardId);
        }
    });

    it('rule: a partition key has 1-256 characters (counted as characters, not bytes or UTF-16 units)', async () => {
        const cloud = await cloudWithStream(2);
        await rejectsWith(cloud.kinesis.putRecord({ StreamName: 'orders', Data: 'x', PartitionKey: '' }), 'ValidationException');
        await rejectsWith(cloud.kinesis.putRecord({ StreamName: 'orders', Data: 'x', PartitionKey: 'k'.repeat(257) }), 'ValidationException');
        await expect(cloud.kinesis.putRecord({ StreamName: 'orders', Data: 'x', PartitionKey: 'k'.repeat(256) })).resolves.toHaveProperty('ShardId');
        // 256 emoji are 512 UTF-16 units and 1,024 bytes, but 256 characters.
        await expect(cloud.kinesis.putRecord({ StreamName: 'orders', Data: 'x', PartitionKey: '🙂'.repeat(256) })).resolves.toHaveProperty('ShardId');
        expect(() => shardForPartitionKey('', 4)).toThrow(expect.objectContaining({ name: 'ValidationException' }));
    });

    it('rule: ExplicitHashKey (decimal in [0, 2^128−1]) overrides the hash; outside the range → InvalidArgumentException', async () => {
        const cloud = await cloudWithStream(4);
        const top = ((1n << 128n) - 1n).toString();
        const put = await cloud.kinesis.putRecord({ StreamName: 'orders', Data: 'x', PartitionKey: 'ignored', ExplicitHashKey: top });
        expect(put.ShardId).toBe('shardId-000000000003');
        await rejectsWith(cloud.kinesis.putRecord({ StreamName: 'orders', Data: 'x', PartitionKey: 'k', ExplicitHashKey: (1n << 128n).toString() }), 'InvalidArgumentException');
        await rejectsWith(cloud.kinesis.putRecord({ StreamName: 'orders', Data: 'x', PartitionKey: 'k', ExplicitHashKey: '-1' }), 'InvalidArgumentException');
        await rejectsWith(cloud.kinesis.putRecord({ StreamName: 'orders', Data: 'x', PartitionKey: 'k', ExplicitHashKey: 'abc' }), 'InvalidArgumentException');
        expect(shardForPartitionKey('ignored', 4, '0')).toBe(0);
    });

    it('rule: CreateStream splits the key space evenly; the last shard takes the remainder; IDs are shardId-000000000000…', async () => {
        const cloud = await cloudWithStream(3);
        const { Shards } = await cloud.kinesis.listShards({ StreamName: 'orders' });
        expect(Shards.map(shard => shard.ShardId)).toEqual(['shardId-000000000000', 'shardId-000000000001', 'shardId-000000000002']);
        expect(Shards[0]!.HashKeyRange.EndingHashKey).toBe('113427455640312821154458202477256070484');
        expect(Shards[1]!.HashKeyRange.StartingHashKey).toBe('113427455640312821154458202477256070485');
        expect(Shards[2]!.HashKeyRange.EndingHashKey).toBe(((1n << 128n) - 1n).toString());
    });

    it('rule: sequence numbers are per shard and increase over time; SequenceNumberForOrdering is accepted', async () => {
        const cloud = await cloudWithStream(2);
        const sequence: string[] = [];
        let previous: string | undefined;
        for (let i = 0; i < 5; i++) {
            const put = await cloud.kinesis.putRecord({
                StreamName: 'orders', Data: String(i), PartitionKey: 'same', ...(previous !== undefined ? { SequenceNumberForOrdering: previous } : {})
            });
            previous = put.SequenceNumber;
            sequence.push(put.SequenceNumber);
            await cloud.advance(1);
        }
        const sorted = [...sequence].sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1));
        expect(sequence).toEqual(sorted);
        expect(new Set(sequence).size).toBe(5);
    });

    it('rule: PutRecords reports per-record failures (ErrorCode/ErrorMessage) and FailedRecordCount', async () => {
        const cloud = await cloudWithStream(1);
        const records = Array.from({ length: 500 }, (_, i) => ({ Data: 'x', PartitionKey: `k${i}` }));
        const first = await cloud.kinesis.putRecords({ StreamName: 'orders', Records: records });
        expect(first.FailedRecordCount).toBe(0);
        const second = await cloud.kinesis.putRecords({ StreamName: 'orders', Records: records });
        expect(second.FailedRecordCount).toBe(0);
        // 1,000 records are in this second: the third batch is throttled record by record.
        const third = await cloud.kinesis.putRecords({ StreamName: 'orders', Records: records.slice(0, 3) });
        expect(third.FailedRecordCount).toBe(3);
        expect(third.Records[0]).toMatchObject({ ErrorCode: 'ProvisionedThroughputExceededException' });
        expect((third.Records[0] as { ErrorMessage: string }).ErrorMessage).toContain('shardId-000000000000');
    });

    it('rule: PutRecords takes at most 500 records and 10 MiB per request', async () => {
        const cloud = await cloudWithStream(1);
        await rejectsWith(cloud.kinesis.putRecords({ StreamName: 'orders', Records: Array.from({ length: 501 }, () => ({ Data: 'x', PartitionKey: 'k' })) }), 'ValidationException');
        await rejectsWith(cloud.kinesis.putRecords({ StreamName: 'orders', Records: [] }), 'ValidationException');
        const big = new Uint8Array(1024 * 1024 - 10);
        await rejectsWith(cloud.kinesis.putRecords({ StreamName: 'orders', Records: Array.from({ length: 11 }, () => ({ Data: big, PartitionKey: 'k' })) }), 'InvalidArgumentException');
    });
});

describe('Kinesis input validation', () => {
    it('bad input is rejected with an AWS error, never a crash', async () => {
        const cloud = await cloudWithStream(1);
        await rejectsWith(cloud.kinesis.putRecord({ StreamName: 'orders', Data: undefined as unknown as string, PartitionKey: 'k' }), 'ValidationException');
        await rejectsWith(cloud.kinesis.putRecord({ StreamName: 'orders', Data: 'x', PartitionKey: undefined as unknown as string }), 'ValidationException');
        await rejectsWith(cloud.kinesis.putRecords({ StreamName: 'orders', Records: undefined as unknown as [] }), 'ValidationException');
        await rejectsWith(cloud.kinesis.getRecords({ ShardIterator: undefined as unknown as string }), 'InvalidArgumentException');
        await rejectsWith(cloud.kinesis.getShardIterator({ StreamName: 'orders', ShardId: 'shardId-000000000000', ShardIteratorType: 'NEWEST' as 'LATEST' }), 'ValidationException');
        await rejectsWith(cloud.kinesis.putRecord({ Data: 'x', PartitionKey: 'k' }), 'ValidationException');
    });
});
