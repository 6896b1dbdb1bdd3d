import { describe, expect, it } from 'vitest';
import { createCloud } from '../../src/index.js';
import type { Cloud } from '../../src/index.js';
import { BACKUP, BUCKET, HOUR, LAMBDA, lambdaProcessing, put, rejectsWith, s3Stream, SECOND, text } from './helpers.js';

const zeroBuffer = { BufferingHints: { SizeInMBs: 1, IntervalInSeconds: 0 } };

async function httpStream(extra: object = {}): Promise<Cloud> {
    const cloud = createCloud();
    await cloud.firehose.createDeliveryStream({
        DeliveryStreamName: 'hook',
        HttpEndpointDestinationConfiguration: { EndpointConfiguration: { Url: 'https://example.com' }, S3Configuration: { BucketARN: BACKUP }, ...zeroBuffer, ...extra }
    });
    return cloud;
}

describe('Firehose §4.5 delivery, retries, backup', () => {
    it('rule: S3 gets one object per flush with the records concatenated, under a YYYY/MM/DD/HH/ prefix', async () => {
        const cloud = await s3Stream({ Prefix: 'clicks/', BufferingHints: { SizeInMBs: 1, IntervalInSeconds: 60 } }, { epochMs: Date.UTC(2026, 10, 25, 17, 30) });
        await put(cloud, 'abc');
        await put(cloud, 'de');
        await cloud.advance(61 * SECOND);
        const [object] = cloud.firehose.objects('clicks', 'delivery');
        expect(object!.bytes).toBe(5);
        expect(object!.records.map(record => text(record.data)).join('')).toBe('abcde');
        expect(object!.bucketArn).toBe(BUCKET);
        expect(object!.key).toMatch(/^clicks\/2026\/11\/25\/17\/clicks-1-2026-11-25-17-31-00-[0-9a-f]{16}$/);
        expect(cloud.firehose.metrics('clicks')).toMatchObject({ deliveredRecords: 2, deliveredBytes: 5, deliveredObjects: 1 });
    });

    it('rule: S3 delivery failures are retried (up to 24 h): an outage that ends is bridged, nothing is lost', async () => {
        const cloud = await s3Stream(zeroBuffer);
        cloud.firehose.injectFailure('clicks', { fromMs: 0, toMs: 2 * HOUR });
        await put(cloud, 'patient');
        await cloud.advance(3 * HOUR);
        const [object] = cloud.firehose.objects('clicks', 'delivery');
        expect(object!.timeMs).toBeGreaterThanOrEqual(2 * HOUR);
        expect(object!.timeMs).toBeLessThanOrEqual(2 * HOUR + 60 * SECOND);
        expect(object!.attempts).toBeGreaterThan(1);
        expect(cloud.firehose.metrics('clicks').lostRecords).toBe(0);
    });

    it('rule: Redshift retries the COPY for RetryOptions.DurationInSeconds (default 3,600 s); 0 means no retry, failures go to errors/', async () => {
        const cloud = createCloud();
        const redshift = (retry?: number) => ({
            ClusterJDBCURL: 'jdbc:redshift://x', CopyCommand: { DataTableName: 't' }, S3Configuration: { BucketARN: BUCKET, ...zeroBuffer },
            ...(retry !== undefined ? { RetryOptions: { DurationInSeconds: retry } } : {})
        });
        await cloud.firehose.createDeliveryStream({ DeliveryStreamName: 'default', RedshiftDestinationConfiguration: redshift() });
        await cloud.firehose.createDeliveryStream({ DeliveryStreamName: 'none', RedshiftDestinationConfiguration: redshift(0) });
        await rejectsWith(cloud.firehose.createDeliveryStream({ DeliveryStreamName: 'bad', RedshiftDestinationConfiguration: redshift(7201) }), 'InvalidArgumentException');
        cloud.firehose.injectFailure('default', {});
        cloud.firehose.injectFailure('none', {});
        await put(cloud, 'r', 'default');
        await put(cloud, 'r', 'none');
        await cloud.advance(2 * HOUR);
        const none = cloud.firehose.log('none').attempts.filter(attempt => attempt.target === 'destination');
        expect(none).toHaveLength(1);
        expect(cloud.firehose.objects('none', 'failed-data')[0]).toMatchObject({ timeMs: 0 });
        expect(cloud.firehose.objects('none', 'failed-data')[0]!.key.startsWith('errors/')).toBe(true);
        const attempts = cloud.firehose.log('default').attempts.filter(attempt => attempt.target === 'destination');
        expect(attempts[attempts.length - 1]!.timeMs).toBe(3600 * SECOND);
        expect(cloud.firehose.objects('default', 'failed-data')[0]!.timeMs).toBe(3600 * SECOND);
    });

    it('rule: OpenSearch retries for 300 s by default, then failed documents go to S3 under AmazonOpenSearchService-failed/', async () => {
        const cloud = createCloud();
        await cloud.firehose.createDeliveryStream({ DeliveryStreamName: 'search', AmazonopensearchserviceDestinationConfiguration: { IndexName: 'i', S3Configuration: { BucketARN: BACKUP }, ...zeroBuffer } });
        cloud.firehose.injectFailure('search', {});
        await put(cloud, 'doc', 'search');
        await cloud.advance(400 * SECOND);
        const [failed] = cloud.firehose.objects('search', 'failed-data');
        expect(failed).toMatchObject({ timeMs: 300 * SECOND, bucketArn: BACKUP });
        expect(failed!.key.startsWith('AmazonOpenSearchService-failed/')).toBe(true);
    });

    it('rule: Splunk/HTTP retry duration (0-7,200 s) counts from the first failure; FailedDataOnly backs up only failed data under http-endpoint-failed/', async () => {
        const cloud = await httpStream({ RetryOptions: { DurationInSeconds: 100 }, BufferingHints: { SizeInMBs: 1, IntervalInSeconds: 30 } });
        cloud.firehose.injectFailure('hook', { fromMs: 0, toMs: 1000 * SECOND, errorCode: 'HttpEndpoint.ResponseErrorCode' });
        await put(cloud, 'first', 'hook');
        await cloud.advance(SECOND);
        await cloud.advance(200 * SECOND);
        const attempts = cloud.firehose.log('hook').attempts.filter(attempt => attempt.target === 'destination');
        expect(attempts[0]!.timeMs).toBe(30 * SECOND);
        expect(attempts[attempts.length - 1]!.timeMs).toBe(130 * SECOND);
        const [failed] = cloud.firehose.objects('hook', 'failed-data');
        expect(failed!.key.startsWith('http-endpoint-failed/')).toBe(true);
        expect(cloud.firehose.objects('hook', 'backup')).toEqual([]);
        await rejectsWith(httpStream({ RetryOptions: { DurationInSeconds: 7201 } }), 'InvalidArgumentException');
    });

    it('rule: if both the destination and the backup bucket fail, delivery pauses (later batches wait) until one recovers', async () => {
        const cloud = await httpStream({ RetryOptions: { DurationInSeconds: 60 } });
        cloud.firehose.injectFailure('hook', { target: 'destination', fromMs: 0, toMs: 1000 * SECOND });
        cloud.firehose.injectFailure('hook', { target: 'backup', fromMs: 0, toMs: 500 * SECOND });
        await put(cloud, 'first', 'hook');
        await cloud.advance(10 * SECOND);
        await put(cloud, 'second', 'hook');
        await cloud.advance(400 * SECOND);
        expect(cloud.firehose.objects('hook')).toEqual([]);
        expect(cloud.firehose.metrics('hook').dataFreshnessMs).toBe(410 * SECOND);
        await cloud.advance(1000 * SECOND);
        const failed = cloud.firehose.objects('hook', 'failed-data');
        expect(failed.map(object => object.records.map(record => text(record.data)))).toEqual([['first'], ['second']]);
        expect(failed[0]!.timeMs).toBeGreaterThanOrEqual(500 * SECOND);
    });

    it('rule: S3BackupMode Enabled backs up the source records before transformation; once enabled it cannot be disabled', async () => {
        const cloud = await s3Stream({
            ...zeroBuffer, ProcessingConfiguration: lambdaProcessing({ BufferIntervalInSeconds: '0' }),
            S3BackupMode: 'Enabled', S3BackupConfiguration: { BucketARN: BACKUP, BufferingHints: { SizeInMBs: 1, IntervalInSeconds: 0 } }
        });
        cloud.firehose.registerTransform(LAMBDA, records => ({
            records: records.map(record => ({ recordId: record.recordId, result: 'Ok' as const, data: Buffer.from('T:' + Buffer.from(record.data, 'base64').toString()).toString('base64') }))
        }));
        await put(cloud, 'raw');
        await cloud.advance(SECOND);
        expect(cloud.firehose.objects('clicks', 'backup').flatMap(object => object.records.map(record => text(record.data)))).toEqual(['raw']);
        expect(cloud.firehose.objects('clicks', 'delivery').flatMap(object => object.records.map(record => text(record.data)))).toEqual(['T:raw']);
        await rejectsWith(cloud.firehose.updateDestination({ DeliveryStreamName: 'clicks', S3BackupMode: 'Disabled' }), 'InvalidArgumentException');
    });

    it('rule: backup modes per destination (HTTP FailedDataOnly|AllData, Splunk FailedEventsOnly→AllEvents only, OpenSearch fixed after creation)', async () => {
        const cloud = createCloud();
        const s3 = { S3Configuration: { BucketARN: BACKUP } };
        await rejectsWith(cloud.firehose.createDeliveryStream({ DeliveryStreamName: 'bad', SplunkDestinationConfiguration: { HECEndpoint: 'h', S3BackupMode: 'AllData' as 'AllEvents', ...s3 } }), 'InvalidArgumentException');
        await cloud.firehose.createDeliveryStream({ DeliveryStreamName: 'splunk', SplunkDestinationConfiguration: { HECEndpoint: 'h', ...s3, ...zeroBuffer } });
        await cloud.firehose.createDeliveryStream({ DeliveryStreamName: 'search', AmazonopensearchserviceDestinationConfiguration: { IndexName: 'i', ...s3 } });
        expect((await cloud.firehose.describeDeliveryStream({ DeliveryStreamName: 'splunk' })).DeliveryStreamDescription.Destinations[0]!.S3BackupMode).toBe('FailedEventsOnly');
        await rejectsWith(cloud.firehose.updateDestination({ DeliveryStreamName: 'search', S3BackupMode: 'AllDocuments' }), 'InvalidArgumentException');
        await cloud.firehose.updateDestination({ DeliveryStreamName: 'splunk', S3BackupMode: 'AllEvents' });
        await rejectsWith(cloud.firehose.updateDestination({ DeliveryStreamName: 'splunk', S3BackupMode: 'FailedEventsOnly' }), 'InvalidArgumentException');
        await put(cloud, 'event', 'splunk');
        await cloud.advance(301 * SECOND);
        expect(cloud.firehose.objects('splunk', 'backup').flatMap(object => object.records.map(record => text(record.data)))).toEqual(['event']);
        expect(cloud.firehose.objects('splunk', 'delivery')).toHaveLength(1);
    });
});
