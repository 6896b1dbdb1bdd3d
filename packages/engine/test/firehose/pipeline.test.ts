import { describe, expect, it } from 'vitest';
import { LAMBDA, lambdaProcessing, put, s3Stream, SECOND } from './helpers.js';

describe('Firehose §4.6 pipeline model and counters', () => {
    it('rule: ingest → Lambda buffer → destination buffer → delivery; counters IncomingRecords/Bytes, DeliveryToS3.*, dropped, failed, DataFreshness', async () => {
        const cloud = await s3Stream({ BufferingHints: { SizeInMBs: 1, IntervalInSeconds: 60 }, ProcessingConfiguration: lambdaProcessing({ BufferIntervalInSeconds: '30' }) });
        cloud.firehose.registerTransform(LAMBDA, records => ({
            records: records.map((record, index) => ({ recordId: record.recordId, result: (['Ok', 'Dropped', 'ProcessingFailed'] as const)[index % 3]!, data: record.data }))
        }));
        const events: string[] = [];
        cloud.firehose.onEvent(event => events.push(event.type === 'object' ? `${event.object.kind}@${event.object.timeMs}` : `${event.type}`));
        for (const body of ['aaaa', 'bb', 'c', 'dddd']) await put(cloud, body);
        await cloud.advance(45 * SECOND);
        expect(cloud.firehose.metrics('clicks').dataFreshnessMs).toBe(45 * SECOND);
        await cloud.advance(60 * SECOND);
        const metrics = cloud.firehose.metrics('clicks');
        expect(metrics).toMatchObject({
            incomingRecords: 4, incomingBytes: 11,
            processingSuccessRecords: 3, droppedRecords: 1, processingFailedRecords: 1,
            deliveredRecords: 2, deliveredBytes: 8, deliveredObjects: 1,
            dataFreshnessMs: 0, maxDataFreshnessMs: 90 * SECOND, lambdaInvocations: 1
        });
        expect(events).toEqual(['dropped', `processing-failed@${30 * SECOND}`, `delivery@${90 * SECOND}`]);
    });

    it('rule: the same inputs and seed give the same objects and keys (determinism)', async () => {
        const run = async () => {
            const cloud = await s3Stream({}, { seed: 7 });
            for (let i = 0; i < 20; i++) {
                await put(cloud, `r${i}`);
                await cloud.advance(7 * SECOND);
            }
            await cloud.advance(120 * SECOND);
            return cloud.firehose.objects('clicks').map(object => [object.key, object.timeMs, object.records.map(record => record.recordId)]);
        };
        expect(await run()).toEqual(await run());
    });
});

describe('Firehose large buffers', () => {
    it('a 128 MiB buffer of small records flushes without hitting argument limits', async () => {
        const cloud = await s3Stream({ BufferingHints: { SizeInMBs: 128, IntervalInSeconds: 900 } }, { firehose: { directPutQuota: { recordsPerSecond: 10_000_000, bytesPerSecond: 1 << 30, callsPerSecond: 1_000_000 } } });
        const stream = cloud.firehose.engine.streamOf('clicks');
        for (let i = 0; i < 200_000; i++) cloud.firehose.engine.put(stream, 100, undefined, i);
        await cloud.advance(901 * SECOND);
        const metrics = cloud.firehose.metrics('clicks');
        expect(metrics.deliveredRecords).toBe(200_000);
        expect(metrics.maxDataFreshnessMs).toBe(900 * SECOND);
    });
});
