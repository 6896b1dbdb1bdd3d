import { describe, expect, it } from 'vitest';
import { cloudWithStream, HOUR, iteratorFor, rejectsWith, SECOND } from './helpers.js';

const text = (data: Uint8Array): string => Buffer.from(data).toString('utf8');

describe('Kinesis §3.3 iterators and retention', () => {
    it('rule: TRIM_HORIZON starts at the oldest record, LATEST just after the most recent', async () => {
        const cloud = await cloudWithStream(1);
        await cloud.kinesis.putRecord({ StreamName: 'orders', Data: 'one', PartitionKey: 'k' });
        const latest = await iteratorFor(cloud, undefined, 'LATEST');
        await cloud.kinesis.putRecord({ StreamName: 'orders', Data: 'two', PartitionKey: 'k' });
        const fromStart = await cloud.kinesis.getRecords({ ShardIterator: await iteratorFor(cloud) });
        expect(fromStart.Records.map(record => text(record.Data))).toEqual(['one', 'two']);
        const fromLatest = await cloud.kinesis.getRecords({ ShardIterator: latest });
        expect(fromLatest.Records.map(record => text(record.Data))).toEqual(['two']);
    });

    it('rule: AT_SEQUENCE_NUMBER and AFTER_SEQUENCE_NUMBER start at / after StartingSequenceNumber', async () => {
        const cloud = await cloudWithStream(1);
        const sequence: string[] = [];
        for (const data of ['a', 'b', 'c']) sequence.push((await cloud.kinesis.putRecord({ StreamName: 'orders', Data: data, PartitionKey: 'k' })).SequenceNumber);
        const at = await cloud.kinesis.getShardIterator({ StreamName: 'orders', ShardId: 'shardId-000000000000', ShardIteratorType: 'AT_SEQUENCE_NUMBER', StartingSequenceNumber: sequence[1] });
        const after = await cloud.kinesis.getShardIterator({ StreamName: 'orders', ShardId: 'shardId-000000000000', ShardIteratorType: 'AFTER_SEQUENCE_NUMBER', StartingSequenceNumber: sequence[1] });
        expect((await cloud.kinesis.getRecords({ ShardIterator: at.ShardIterator })).Records.map(record => text(record.Data))).toEqual(['b', 'c']);
        expect((await cloud.kinesis.getRecords({ ShardIterator: after.ShardIterator })).Records.map(record => record.SequenceNumber)).toEqual([sequence[2]]);
        await rejectsWith(cloud.kinesis.getShardIterator({ StreamName: 'orders', ShardId: 'shardId-000000000000', ShardIteratorType: 'AT_SEQUENCE_NUMBER' }), 'InvalidArgumentException');
    });

    it('rule: AT_TIMESTAMP starts at the first record that arrived at or after Timestamp', async () => {
        const cloud = await cloudWithStream(1, { epochMs: Date.UTC(2026, 0, 1) });
        await cloud.kinesis.putRecord({ StreamName: 'orders', Data: 'early', PartitionKey: 'k' });
        await cloud.advance(10 * SECOND);
        await cloud.kinesis.putRecord({ StreamName: 'orders', Data: 'late', PartitionKey: 'k' });
        const iterator = await cloud.kinesis.getShardIterator({
            StreamName: 'orders', ShardId: 'shardId-000000000000', ShardIteratorType: 'AT_TIMESTAMP', Timestamp: new Date(Date.UTC(2026, 0, 1) + 5 * SECOND)
        });
        const page = await cloud.kinesis.getRecords({ ShardIterator: iterator.ShardIterator });
        expect(page.Records.map(record => text(record.Data))).toEqual(['late']);
        expect(page.Records[0]!.ApproximateArrivalTimestamp.getTime()).toBe(Date.UTC(2026, 0, 1) + 10 * SECOND);
    });

    it('rule: an iterator expires 5 min after it is returned (ExpiredIteratorException); NextShardIterator is a fresh one', async () => {
        const cloud = await cloudWithStream(1);
        const iterator = await iteratorFor(cloud);
        await cloud.advance(4 * 60 * SECOND);
        const next = (await cloud.kinesis.getRecords({ ShardIterator: iterator })).NextShardIterator!;
        await cloud.advance(60 * SECOND);
        await rejectsWith(cloud.kinesis.getRecords({ ShardIterator: iterator }), 'ExpiredIteratorException');
        await expect(cloud.kinesis.getRecords({ ShardIterator: next })).resolves.toHaveProperty('Records');
        await rejectsWith(cloud.kinesis.getRecords({ ShardIterator: 'not-an-iterator' }), 'InvalidArgumentException');
    });

    it('rule: for a closed shard GetShardIterator (LATEST) points at its last record; reading returns no next iterator', async () => {
        const cloud = await cloudWithStream(1);
        await cloud.kinesis.putRecord({ StreamName: 'orders', Data: 'before', PartitionKey: 'k' });
        await cloud.kinesis.splitShard({ StreamName: 'orders', ShardToSplit: 'shardId-000000000000', NewStartingHashKey: (1n << 127n).toString() });
        const page = await cloud.kinesis.getRecords({ ShardIterator: await iteratorFor(cloud, 'shardId-000000000000', 'LATEST') });
        expect(page.Records).toEqual([]);
        expect(page.NextShardIterator).toBeUndefined();
        expect(page.ChildShards?.map(child => child.ShardId)).toEqual(['shardId-000000000001', 'shardId-000000000002']);
    });

    it('rule: retention defaults to 24 h; older records are trimmed and TRIM_HORIZON moves past them', async () => {
        const cloud = await cloudWithStream(1);
        expect((await cloud.kinesis.describeStreamSummary({ StreamName: 'orders' })).StreamDescriptionSummary.RetentionPeriodHours).toBe(24);
        await cloud.kinesis.putRecord({ StreamName: 'orders', Data: 'old', PartitionKey: 'k' });
        await cloud.advance(23 * HOUR);
        await cloud.kinesis.putRecord({ StreamName: 'orders', Data: 'new', PartitionKey: 'k' });
        await cloud.advance(2 * HOUR);
        const page = await cloud.kinesis.getRecords({ ShardIterator: await iteratorFor(cloud) });
        expect(page.Records.map(record => text(record.Data))).toEqual(['new']);
    });

    it('rule: records dropped by retention are counted and reported to expiry listeners (lazily, when the shard is next touched)', async () => {
        const cloud = await cloudWithStream(2);
        const stream = cloud.kinesis.engine.streamOf({ StreamName: 'orders' });
        const expired: string[] = [];
        stream.expiryListeners.add(record => expired.push(record.partitionKey));
        await cloud.kinesis.putRecord({ StreamName: 'orders', Data: 'x', PartitionKey: 'a', ExplicitHashKey: '0' });
        await cloud.kinesis.putRecord({ StreamName: 'orders', Data: 'x', PartitionKey: 'b', ExplicitHashKey: ((1n << 128n) - 1n).toString() });
        await cloud.advance(25 * HOUR);
        await cloud.kinesis.putRecord({ StreamName: 'orders', Data: 'x', PartitionKey: 'c', ExplicitHashKey: '0' });
        expect(expired).toEqual(['a']);
        stream.trimAll(cloud.now());
        expect(expired).toEqual(['a', 'b']);
        expect(cloud.kinesis.metrics('orders').expiredRecords).toBe(2);
    });

    it('rule: IncreaseStreamRetentionPeriod goes up to 8,760 h and does not bring back expired data', async () => {
        const cloud = await cloudWithStream(1);
        await cloud.kinesis.putRecord({ StreamName: 'orders', Data: 'expired', PartitionKey: 'k' });
        await cloud.advance(25 * HOUR);
        await rejectsWith(cloud.kinesis.increaseStreamRetentionPeriod({ StreamName: 'orders', RetentionPeriodHours: 8761 }), 'InvalidArgumentException');
        await rejectsWith(cloud.kinesis.increaseStreamRetentionPeriod({ StreamName: 'orders', RetentionPeriodHours: 12 }), 'InvalidArgumentException');
        await cloud.kinesis.increaseStreamRetentionPeriod({ StreamName: 'orders', RetentionPeriodHours: 8760 });
        expect((await cloud.kinesis.getRecords({ ShardIterator: await iteratorFor(cloud) })).Records).toEqual([]);
        await cloud.kinesis.putRecord({ StreamName: 'orders', Data: 'kept', PartitionKey: 'k' });
        await cloud.advance(100 * HOUR);
        expect((await cloud.kinesis.getRecords({ ShardIterator: await iteratorFor(cloud) })).Records.map(record => text(record.Data))).toEqual(['kept']);
    });

    it('rule: DecreaseStreamRetentionPeriod goes down to 24 h and immediately hides older data', async () => {
        const cloud = await cloudWithStream(1);
        await cloud.kinesis.increaseStreamRetentionPeriod({ StreamName: 'orders', RetentionPeriodHours: 72 });
        await cloud.kinesis.putRecord({ StreamName: 'orders', Data: 'two-days-old', PartitionKey: 'k' });
        await cloud.advance(48 * HOUR);
        expect((await cloud.kinesis.getRecords({ ShardIterator: await iteratorFor(cloud) })).Records).toHaveLength(1);
        await rejectsWith(cloud.kinesis.decreaseStreamRetentionPeriod({ StreamName: 'orders', RetentionPeriodHours: 23 }), 'InvalidArgumentException');
        await cloud.kinesis.decreaseStreamRetentionPeriod({ StreamName: 'orders', RetentionPeriodHours: 24 });
        await cloud.advance(SECOND);
        expect((await cloud.kinesis.getRecords({ ShardIterator: await iteratorFor(cloud) })).Records).toEqual([]);
    });
});
