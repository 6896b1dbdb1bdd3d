import { describe, expect, it } from 'vitest';
import { createCloud } from '../../src/index.js';
import { BACKUP, BUCKET, lambdaProcessing, LAMBDA, MiB, put, rejectsWith, s3Stream, SECOND } from './helpers.js';

const deliveredAt = (cloud: Awaited<ReturnType<typeof s3Stream>>, stream = 'clicks') =>
    cloud.firehose.objects(stream, 'delivery').map(object => ({ t: object.timeMs, n: object.records.length, bytes: object.bytes }));

describe('Firehose §4.3 buffering', () => {
    it('rule: the first buffer condition satisfied triggers delivery — size before interval', async () => {
        const cloud = await s3Stream({ BufferingHints: { SizeInMBs: 1, IntervalInSeconds: 900 } });
        for (let i = 0; i < 4; i++) {
            await put(cloud, new Uint8Array(MiB / 4));
            await cloud.advance(SECOND);
        }
        expect(deliveredAt(cloud)).toEqual([{ t: 3 * SECOND, n: 4, bytes: MiB }]);
    });

    it('rule: the first buffer condition satisfied triggers delivery — interval before size', async () => {
        const cloud = await s3Stream({ BufferingHints: { SizeInMBs: 128, IntervalInSeconds: 60 } });
        await put(cloud, 'a');
        await cloud.advance(30 * SECOND);
        await put(cloud, 'b');
        await cloud.advance(60 * SECOND);
        expect(deliveredAt(cloud)).toEqual([{ t: 60 * SECOND, n: 2, bytes: 2 }]);
    });

    it('rule (simulation model): the interval timer starts at the first record of an empty buffer; each flush empties it', async () => {
        const cloud = await s3Stream({ BufferingHints: { SizeInMBs: 1, IntervalInSeconds: 60 } });
        await cloud.advance(10 * SECOND);
        await put(cloud, 'first');
        await cloud.advance(70 * SECOND);
        await put(cloud, 'second');
        await cloud.advance(100 * SECOND);
        expect(deliveredAt(cloud).map(object => object.t)).toEqual([70 * SECOND, 140 * SECOND]);
    });

    it('rule: setting one buffering hint requires the other', async () => {
        const cloud = createCloud();
        await rejectsWith(cloud.firehose.createDeliveryStream({
            DeliveryStreamName: 'x', ExtendedS3DestinationConfiguration: { BucketARN: BUCKET, BufferingHints: { SizeInMBs: 5 } }
        }), 'InvalidArgumentException');
    });

    it('rule: hint ranges per destination (S3 1-128 MiB / 0-900 s, HTTP 1-64, OpenSearch 1-100, Splunk 1-5 MB / 0-60 s) and defaults (5 MiB / 300 s; Splunk 60 s)', async () => {
        const cloud = createCloud();
        const s3 = { S3Configuration: { BucketARN: BACKUP } };
        const create = (name: string, extra: object) => cloud.firehose.createDeliveryStream({ DeliveryStreamName: name, ...extra });
        await rejectsWith(create('a', { ExtendedS3DestinationConfiguration: { BucketARN: BUCKET, BufferingHints: { SizeInMBs: 129, IntervalInSeconds: 60 } } }), 'InvalidArgumentException');
        await rejectsWith(create('b', { ExtendedS3DestinationConfiguration: { BucketARN: BUCKET, BufferingHints: { SizeInMBs: 5, IntervalInSeconds: 901 } } }), 'InvalidArgumentException');
        await rejectsWith(create('c', { HttpEndpointDestinationConfiguration: { EndpointConfiguration: { Url: 'u' }, BufferingHints: { SizeInMBs: 65, IntervalInSeconds: 60 }, ...s3 } }), 'InvalidArgumentException');
        await rejectsWith(create('d', { AmazonopensearchserviceDestinationConfiguration: { IndexName: 'i', BufferingHints: { SizeInMBs: 101, IntervalInSeconds: 60 }, ...s3 } }), 'InvalidArgumentException');
        await rejectsWith(create('e', { SplunkDestinationConfiguration: { HECEndpoint: 'h', BufferingHints: { SizeInMBs: 6, IntervalInSeconds: 60 }, ...s3 } }), 'InvalidArgumentException');
        await rejectsWith(create('f', { SplunkDestinationConfiguration: { HECEndpoint: 'h', BufferingHints: { SizeInMBs: 5, IntervalInSeconds: 61 }, ...s3 } }), 'InvalidArgumentException');
        await create('s3', { ExtendedS3DestinationConfiguration: { BucketARN: BUCKET } });
        await create('splunk', { SplunkDestinationConfiguration: { HECEndpoint: 'h', ...s3 } });
        await put(cloud, 'x', 's3');
        await put(cloud, 'x', 'splunk');
        await cloud.advance(301 * SECOND);
        expect(cloud.firehose.objects('s3', 'delivery')[0]!.timeMs).toBe(300 * SECOND);
        expect(cloud.firehose.objects('splunk', 'delivery')[0]!.timeMs).toBe(60 * SECOND);
        expect(cloud.firehose.engine.streamOf('s3').pipeline.config.buffer.sizeBytes).toBe(5 * MiB);
    });

    it('rule: IntervalInSeconds 0 is zero buffering: records are delivered in the instant they arrive', async () => {
        const cloud = await s3Stream({ BufferingHints: { SizeInMBs: 1, IntervalInSeconds: 0 } });
        await cloud.firehose.putRecordBatch({ DeliveryStreamName: 'clicks', Records: [{ Data: 'a' }, { Data: 'b' }] });
        await cloud.advance(1500);
        await put(cloud, 'c');
        await cloud.advance(1);
        expect(deliveredAt(cloud)).toEqual([{ t: 0, n: 2, bytes: 2 }, { t: 1500, n: 1, bytes: 1 }]);
    });

    it('rule: the Lambda processing buffer (BufferSizeInMBs 1 MB / BufferIntervalInSeconds 60 s by default) feeds the destination buffer', async () => {
        const cloud = await s3Stream({ BufferingHints: { SizeInMBs: 1, IntervalInSeconds: 60 }, ProcessingConfiguration: lambdaProcessing() });
        const invoked: number[] = [];
        cloud.firehose.registerTransform(LAMBDA, records => {
            invoked.push(cloud.now());
            return { records: records.map(record => ({ recordId: record.recordId, result: 'Ok' as const, data: record.data })) };
        });
        await put(cloud, 'small');
        await cloud.advance(200 * SECOND);
        expect(invoked).toEqual([60 * SECOND]);
        expect(deliveredAt(cloud).map(object => object.t)).toEqual([120 * SECOND]);
        // Size trigger: 1,000,000 bytes (decimal MB) reach the processing buffer at once.
        await put(cloud, new Uint8Array(600_000));
        await put(cloud, new Uint8Array(400_000));
        expect(invoked).toEqual([60 * SECOND, 200 * SECOND]);
        const config = cloud.firehose.engine.streamOf('clicks').pipeline.config.processing!;
        expect(config).toMatchObject({ bufferBytes: 1_000_000, intervalMs: 60 * SECOND, retries: 3 });
    });

    it('rule: Lambda buffer ranges: BufferSizeInMBs 0.2-3 MB (256 KB by default for Splunk), BufferIntervalInSeconds 0-900', async () => {
        for (const [name, value] of [['BufferSizeInMBs', '0.1'], ['BufferSizeInMBs', '3.1'], ['BufferIntervalInSeconds', '901']] as const) {
            const cloud = createCloud();
            await rejectsWith(cloud.firehose.createDeliveryStream({
                DeliveryStreamName: 'x', ExtendedS3DestinationConfiguration: { BucketARN: BUCKET, ProcessingConfiguration: lambdaProcessing({ [name]: value }) }
            }), 'InvalidArgumentException');
        }
        // 0.2 MB is a size trigger of 200,000 bytes: the second record reaches it and Lambda runs at once.
        const cloud = await s3Stream({ ProcessingConfiguration: lambdaProcessing({ BufferSizeInMBs: '0.2', BufferIntervalInSeconds: '900' }) });
        const invoked: Array<[number, number]> = [];
        cloud.firehose.registerTransform(LAMBDA, records => {
            invoked.push([cloud.now(), records.length]);
            return { records: records.map(record => ({ recordId: record.recordId, result: 'Ok' as const, data: record.data })) };
        });
        await cloud.advance(5 * SECOND);
        await put(cloud, new Uint8Array(150_000));
        await cloud.advance(5 * SECOND);
        expect(invoked).toEqual([]);
        await put(cloud, new Uint8Array(50_000));
        expect(invoked).toEqual([[10 * SECOND, 2]]);
        // Interval 0: every record is handed to Lambda in the instant it arrives.
        const zero = await s3Stream({ ProcessingConfiguration: lambdaProcessing({ BufferIntervalInSeconds: '0' }) });
        const zeroAt: number[] = [];
        zero.firehose.registerTransform(LAMBDA, records => {
            zeroAt.push(zero.now());
            return { records: records.map(record => ({ recordId: record.recordId, result: 'Ok' as const, data: record.data })) };
        });
        await zero.advance(3 * SECOND);
        await put(zero, 'now');
        await zero.advance(1);
        expect(zeroAt).toEqual([3 * SECOND]);
        const splunk = createCloud();
        await splunk.firehose.createDeliveryStream({
            DeliveryStreamName: 'logs',
            SplunkDestinationConfiguration: { HECEndpoint: 'h', S3Configuration: { BucketARN: BACKUP }, ProcessingConfiguration: lambdaProcessing() }
        });
        expect(splunk.firehose.engine.streamOf('logs').pipeline.config.processing).toMatchObject({ bufferBytes: 256_000, intervalMs: 60 * SECOND });
    });
});
