import { describe, expect, it } from 'vitest';
import { createCloud } from '../../src/index.js';
import type { FirehoseTypes } from '../../src/index.js';
import { BUCKET, put, rejectsWith, SECOND } from './helpers.js';

function partitioned(extra: Partial<FirehoseTypes.ExtendedS3DestinationConfiguration> = {}): FirehoseTypes.CreateDeliveryStreamInput {
    return {
        DeliveryStreamName: 'clicks',
        ExtendedS3DestinationConfiguration: {
            BucketARN: BUCKET,
            Prefix: 'customer=!{partitionKeyFromQuery:customer}/!{timestamp:yyyy}/',
            BufferingHints: { SizeInMBs: 64, IntervalInSeconds: 60 },
            DynamicPartitioningConfiguration: { Enabled: true },
            ProcessingConfiguration: {
                Enabled: true,
                Processors: [{ Type: 'MetadataExtraction', Parameters: [{ ParameterName: 'MetadataExtractionQuery', ParameterValue: '{customer:.customer}' }] }]
            },
            ...extra
        }
    };
}

describe('Firehose §4.5 dynamic partitioning', () => {
    it('rule: one buffer per evaluated prefix, each flushed on its own interval, into its own prefix', async () => {
        const cloud = createCloud({ epochMs: Date.UTC(2026, 0, 1) });
        await cloud.firehose.createDeliveryStream(partitioned());
        await put(cloud, JSON.stringify({ customer: 'A', n: 1 }));
        await cloud.advance(SECOND);
        await put(cloud, JSON.stringify({ customer: 'B', n: 2 }));
        await cloud.advance(SECOND);
        await put(cloud, JSON.stringify({ customer: 'A', n: 3 }));
        await cloud.advance(100 * SECOND);
        const objects = cloud.firehose.objects('clicks', 'delivery');
        expect(objects.map(object => [object.partition, object.timeMs, object.records.length])).toEqual([['A', 60 * SECOND, 2], ['B', 61 * SECOND, 1]]);
        expect(objects[0]!.key.startsWith('customer=A/2026/clicks-1-')).toBe(true);
        expect(objects[1]!.partitionKeys).toEqual({ customer: 'B' });
    });

    it('rule: records beyond 500 active partitions go to the activePartitionExceeded error prefix', async () => {
        const cloud = createCloud();
        await cloud.firehose.createDeliveryStream(partitioned({ ErrorOutputPrefix: 'errors/' }));
        for (let i = 0; i < 501; i++) await cloud.firehose.putRecordBatch({ DeliveryStreamName: 'clicks', Records: [{ Data: JSON.stringify({ customer: `c${i}` }) }] });
        const overflow = cloud.firehose.objects('clicks', 'partition-overflow');
        expect(overflow).toHaveLength(1);
        expect(overflow[0]!.key.startsWith('errors/activePartitionExceeded/')).toBe(true);
        // An existing partition still takes records.
        await put(cloud, JSON.stringify({ customer: 'c0' }));
        expect(cloud.firehose.metrics('clicks').partitionOverflowRecords).toBe(1);
        await cloud.advance(61 * SECOND);
        expect(cloud.firehose.objects('clicks', 'delivery')).toHaveLength(500);
    });

    it('rule: no zero buffering with dynamic partitioning; buffer size at least 64 MiB; S3 (Extended) only', async () => {
        const cloud = createCloud();
        await rejectsWith(cloud.firehose.createDeliveryStream(partitioned({ BufferingHints: { SizeInMBs: 64, IntervalInSeconds: 0 } })), 'InvalidArgumentException');
        await rejectsWith(cloud.firehose.createDeliveryStream(partitioned({ BufferingHints: { SizeInMBs: 32, IntervalInSeconds: 60 } })), 'InvalidArgumentException');
    });

    it('rule: a record whose partition key cannot be evaluated goes to the error output', async () => {
        const cloud = createCloud();
        await cloud.firehose.createDeliveryStream(partitioned());
        await put(cloud, 'not json');
        await put(cloud, JSON.stringify({ other: 1 }));
        const failed = cloud.firehose.objects('clicks', 'processing-failed').flatMap(object => object.records);
        expect(failed.map(record => record.error!.errorCode)).toEqual(['DynamicPartitioning.MetadataExtractionFailed', 'DynamicPartitioning.MetadataExtractionFailed']);
    });
});
