import { describe, expect, it } from 'vitest';
import { put, rejectsWith, s3Stream, SECOND } from './helpers.js';

describe('Firehose §4.2 ingestion limits', () => {
    it('rule: a record blob is at most 1,000 KiB (1,024,000 bytes) before base64', async () => {
        const cloud = await s3Stream();
        await expect(put(cloud, new Uint8Array(1_024_000))).resolves.toBeTypeOf('string');
        await cloud.advance(SECOND);
        await rejectsWith(put(cloud, new Uint8Array(1_024_001)), 'ValidationException');
    });

    it('rule: PutRecordBatch takes at most 500 records and 4 MiB per request', async () => {
        const cloud = await s3Stream();
        await rejectsWith(cloud.firehose.putRecordBatch({ DeliveryStreamName: 'clicks', Records: Array.from({ length: 501 }, () => ({ Data: 'x' })) }), 'ValidationException');
        await rejectsWith(cloud.firehose.putRecordBatch({ DeliveryStreamName: 'clicks', Records: Array.from({ length: 5 }, () => ({ Data: new Uint8Array(900 * 1024) })) }), 'InvalidArgumentException');
        const ok = await cloud.firehose.putRecordBatch({ DeliveryStreamName: 'clicks', Records: Array.from({ length: 500 }, () => ({ Data: 'x' })) });
        expect(ok.FailedPutCount).toBe(0);
        expect(ok.RequestResponses.every(entry => typeof entry.RecordId === 'string')).toBe(true);
    });

    it('rule: the Direct PUT quota (5,000 records/s) fails individual batch records with ServiceUnavailableException (FailedPutCount)', async () => {
        const cloud = await s3Stream();
        const batch = Array.from({ length: 500 }, () => ({ Data: 'x' }));
        let failed = 0;
        for (let i = 0; i < 11; i++) failed += (await cloud.firehose.putRecordBatch({ DeliveryStreamName: 'clicks', Records: batch })).FailedPutCount;
        expect(failed).toBe(500);
        const last = await cloud.firehose.putRecordBatch({ DeliveryStreamName: 'clicks', Records: batch.slice(0, 2) });
        expect(last.RequestResponses[0]).toMatchObject({ ErrorCode: 'ServiceUnavailableException' });
        expect(cloud.firehose.metrics('clicks').throttledRecords).toBe(502);
        await cloud.advance(SECOND);
        expect((await cloud.firehose.putRecordBatch({ DeliveryStreamName: 'clicks', Records: batch })).FailedPutCount).toBe(0);
    });

    it('rule: the Direct PUT quota is 2,000 calls/s and 5 MiB/s, shared by PutRecord and PutRecordBatch', async () => {
        const cloud = await s3Stream({}, { firehose: { directPutQuota: { recordsPerSecond: 100_000 } } });
        for (let i = 0; i < 1000; i++) await put(cloud, 'x');
        for (let i = 0; i < 1000; i++) await cloud.firehose.putRecordBatch({ DeliveryStreamName: 'clicks', Records: [{ Data: 'y' }] });
        await rejectsWith(put(cloud, 'x'), 'ServiceUnavailableException');
        await cloud.advance(SECOND);
        for (let i = 0; i < 5; i++) await put(cloud, new Uint8Array(1_000_000));
        // 5,000,000 of the 5 MiB (5,242,880) per second are used: another 1 MB does not fit.
        await rejectsWith(put(cloud, new Uint8Array(1_000_000)), 'ServiceUnavailableException');
        await expect(put(cloud, new Uint8Array(200_000))).resolves.toBeTypeOf('string');
    });
});

describe('Firehose input validation', () => {
    it('bad input is rejected with an AWS error, never a crash', async () => {
        const cloud = await s3Stream();
        await rejectsWith(cloud.firehose.putRecord(undefined as never), 'ValidationException');
        await rejectsWith(cloud.firehose.putRecord({ DeliveryStreamName: 'clicks', Record: undefined as never }), 'ValidationException');
        await rejectsWith(cloud.firehose.putRecordBatch({ DeliveryStreamName: 'clicks', Records: 'x' as never }), 'ValidationException');
        await rejectsWith(cloud.firehose.putRecord({ DeliveryStreamName: 'nope', Record: { Data: 'x' } }), 'ResourceNotFoundException');
        await rejectsWith(cloud.firehose.createDeliveryStream({ DeliveryStreamName: 'bad name', S3DestinationConfiguration: { BucketARN: 'b' } }), 'ValidationException');
        await rejectsWith(cloud.kinesis.getRecords(null as never), 'ValidationException');
    });
});
