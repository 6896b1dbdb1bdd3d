import { describe, expect, it } from 'vitest';
import { createCloud } from '../../src/index.js';
import { BACKUP, BUCKET, HOUR, put, rejectsWith, s3Stream, SECOND, text } from './helpers.js';

describe('Firehose §4.1 sources and destinations', () => {
    it('rule: a KinesisStreamAsSource stream rejects direct puts and reads the stream (GetRecords once per second per shard, from LATEST)', async () => {
        const cloud = createCloud();
        await cloud.kinesis.createStream({ StreamName: 'raw', ShardCount: 2 });
        await cloud.kinesis.putRecord({ StreamName: 'raw', Data: 'before-creation', PartitionKey: 'a' });
        const source = (await cloud.kinesis.describeStreamSummary({ StreamName: 'raw' })).StreamDescriptionSummary.StreamARN;
        await cloud.firehose.createDeliveryStream({
            DeliveryStreamName: 'from-kds', DeliveryStreamType: 'KinesisStreamAsSource',
            KinesisStreamSourceConfiguration: { KinesisStreamARN: source },
            ExtendedS3DestinationConfiguration: { BucketARN: BUCKET, BufferingHints: { SizeInMBs: 1, IntervalInSeconds: 60 } }
        });
        await rejectsWith(put(cloud, 'direct', 'from-kds'), 'InvalidArgumentException');
        await rejectsWith(cloud.firehose.putRecordBatch({ DeliveryStreamName: 'from-kds', Records: [{ Data: 'x' }] }), 'InvalidArgumentException');
        await cloud.kinesis.putRecord({ StreamName: 'raw', Data: 'one', PartitionKey: 'a' });
        await cloud.kinesis.putRecord({ StreamName: 'raw', Data: 'two', PartitionKey: 'zz' });
        await cloud.runUntil(61 * SECOND);
        const objects = cloud.firehose.objects('from-kds', 'delivery');
        expect(objects).toHaveLength(1);
        // Read at t = 1 s (first poll), so the 60 s buffer flushes at 61 s.
        expect(objects[0]!.timeMs).toBe(61 * SECOND);
        expect(objects[0]!.records.map(record => text(record.data)).sort()).toEqual(['one', 'two']);
        expect(cloud.firehose.metrics('from-kds').incomingRecords).toBe(2);
    });

    it('rule: the source stream keeps being read after it is resharded (children after parents)', async () => {
        const cloud = createCloud();
        await cloud.kinesis.createStream({ StreamName: 'raw', ShardCount: 1 });
        const source = (await cloud.kinesis.describeStreamSummary({ StreamName: 'raw' })).StreamDescriptionSummary.StreamARN;
        await cloud.firehose.createDeliveryStream({
            DeliveryStreamName: 'from-kds', DeliveryStreamType: 'KinesisStreamAsSource', KinesisStreamSourceConfiguration: { KinesisStreamARN: source },
            S3DestinationConfiguration: { BucketARN: BUCKET, BufferingHints: { SizeInMBs: 1, IntervalInSeconds: 0 } }
        });
        await cloud.kinesis.putRecord({ StreamName: 'raw', Data: 'parent', PartitionKey: 'a' });
        await cloud.kinesis.updateShardCount({ StreamName: 'raw', TargetShardCount: 2, ScalingType: 'UNIFORM_SCALING' });
        await cloud.kinesis.putRecord({ StreamName: 'raw', Data: 'child', PartitionKey: 'a' });
        await cloud.runUntil(5 * SECOND);
        expect(cloud.firehose.objects('from-kds', 'delivery').flatMap(object => object.records.map(record => text(record.data)))).toEqual(['parent', 'child']);
    });

    it('rule: a delivery stream has exactly one destination; 5,000 streams per Region', async () => {
        const cloud = createCloud();
        await rejectsWith(cloud.firehose.createDeliveryStream({ DeliveryStreamName: 'none' }), 'InvalidArgumentException');
        await rejectsWith(cloud.firehose.createDeliveryStream({
            DeliveryStreamName: 'two', S3DestinationConfiguration: { BucketARN: BUCKET }, ExtendedS3DestinationConfiguration: { BucketARN: BUCKET }
        }), 'InvalidArgumentException');
        for (let i = 0; i < 5000; i++) await cloud.firehose.createDeliveryStream({ DeliveryStreamName: `s${i}`, S3DestinationConfiguration: { BucketARN: BUCKET } });
        await rejectsWith(cloud.firehose.createDeliveryStream({ DeliveryStreamName: 's5000', S3DestinationConfiguration: { BucketARN: BUCKET } }), 'LimitExceededException');
        await rejectsWith(cloud.firehose.createDeliveryStream({ DeliveryStreamName: 's0', S3DestinationConfiguration: { BucketARN: BUCKET } }), 'ResourceInUseException');
    });

    it('rule: destinations S3, Redshift (S3 then COPY), OpenSearch, Splunk and HTTP endpoints each record what they received', async () => {
        const cloud = createCloud();
        const hints = { BufferingHints: { SizeInMBs: 1, IntervalInSeconds: 0 } };
        const s3 = { S3Configuration: { BucketARN: BACKUP } };
        await cloud.firehose.createDeliveryStream({ DeliveryStreamName: 'http', HttpEndpointDestinationConfiguration: { EndpointConfiguration: { Url: 'https://x' }, ...hints, ...s3 } });
        await cloud.firehose.createDeliveryStream({ DeliveryStreamName: 'search', AmazonopensearchserviceDestinationConfiguration: { IndexName: 'i', ...hints, ...s3 } });
        await cloud.firehose.createDeliveryStream({ DeliveryStreamName: 'splunk', SplunkDestinationConfiguration: { HECEndpoint: 'https://hec', ...hints, ...s3 } });
        await cloud.firehose.createDeliveryStream({
            DeliveryStreamName: 'warehouse',
            RedshiftDestinationConfiguration: { ClusterJDBCURL: 'jdbc:redshift://x', CopyCommand: { DataTableName: 't' }, S3Configuration: { BucketARN: BUCKET, BufferingHints: { SizeInMBs: 1, IntervalInSeconds: 0 } } }
        });
        for (const name of ['http', 'search', 'splunk', 'warehouse']) await put(cloud, `to-${name}`, name);
        await cloud.advance(SECOND);
        expect(cloud.firehose.objects('http', 'delivery')[0]).toMatchObject({ destination: 'HttpEndpoint', bytes: 7 });
        expect(cloud.firehose.objects('search', 'delivery')[0]).toMatchObject({ destination: 'AmazonOpenSearchService' });
        expect(cloud.firehose.objects('splunk', 'delivery')[0]).toMatchObject({ destination: 'Splunk' });
        expect(cloud.firehose.objects('warehouse').map(object => [object.kind, object.destination])).toEqual([['intermediate', 'S3'], ['delivery', 'Redshift']]);
    });

    it('rule: records are kept for 24 h; if the destination stays unreachable longer, they are lost', async () => {
        const cloud = await s3Stream({ BufferingHints: { SizeInMBs: 1, IntervalInSeconds: 60 } });
        cloud.firehose.injectFailure('clicks', { fromMs: 0, toMs: 30 * HOUR });
        await put(cloud, 'doomed');
        await cloud.advance(23 * HOUR);
        expect(cloud.firehose.metrics('clicks').lostRecords).toBe(0);
        expect(cloud.firehose.metrics('clicks').dataFreshnessMs).toBe(23 * HOUR);
        await cloud.advance(2 * HOUR);
        const metrics = cloud.firehose.metrics('clicks');
        expect(metrics.lostRecords).toBe(1);
        expect(metrics.deliveredRecords).toBe(0);
        expect(cloud.firehose.log('clicks').lost[0]!.timeMs).toBe(24 * HOUR);
    });
});
