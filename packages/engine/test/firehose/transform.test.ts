import { describe, expect, it } from 'vitest';
import type { FirehoseTypes } from '../../src/index.js';
import { LAMBDA, lambdaProcessing, put, s3Stream, SECOND, text } from './helpers.js';

type Output = FirehoseTypes.TransformationOutputRecord;
const b64 = (value: string): string => Buffer.from(value).toString('base64');

describe('Firehose §4.4 Lambda transformation', () => {
    it('rule: Ok records are delivered with the returned data; Dropped are discarded but count as success; ProcessingFailed go to processing-failed/', async () => {
        const cloud = await s3Stream({ ProcessingConfiguration: lambdaProcessing({ BufferIntervalInSeconds: '10' }) }, { epochMs: Date.UTC(2026, 2, 4, 5) });
        const seen: FirehoseTypes.TransformationInputRecord[] = [];
        cloud.firehose.registerTransform(LAMBDA, records => {
            seen.push(...records);
            return {
                records: records.map((record): Output => {
                    const body = Buffer.from(record.data, 'base64').toString('utf8');
                    if (body === 'drop') return { recordId: record.recordId, result: 'Dropped', data: record.data };
                    if (body === 'bad') return { recordId: record.recordId, result: 'ProcessingFailed', data: record.data };
                    return { recordId: record.recordId, result: 'Ok', data: b64(body.toUpperCase()) };
                })
            };
        });
        const dropped: string[] = [];
        cloud.firehose.onEvent(event => { if (event.type === 'dropped') dropped.push(...event.recordIds); });
        const ids = [await put(cloud, 'keep'), await put(cloud, 'drop'), await put(cloud, 'bad')];
        await cloud.advance(100 * SECOND);
        expect(seen.map(record => record.recordId)).toEqual(ids);
        expect(seen[0]).toMatchObject({ data: b64('keep'), approximateArrivalTimestamp: Date.UTC(2026, 2, 4, 5) });
        const delivered = cloud.firehose.objects('clicks', 'delivery');
        expect(delivered.flatMap(object => object.records.map(record => text(record.data)))).toEqual(['KEEP']);
        expect(delivered[0]!.records[0]!.transformed).toBe(true);
        expect(dropped).toEqual([ids[1]]);
        const failed = cloud.firehose.objects('clicks', 'processing-failed');
        expect(failed).toHaveLength(1);
        expect(failed[0]!.key.startsWith('processing-failed/2026/03/04/05/')).toBe(true);
        expect(failed[0]!.records[0]!.error).toMatchObject({ errorCode: 'Lambda.ProcessingFailedStatus', rawData: b64('bad'), attemptsMade: 1, lambdaArn: LAMBDA });
        const metrics = cloud.firehose.metrics('clicks');
        expect(metrics).toMatchObject({ processingSuccessRecords: 2, droppedRecords: 1, processingFailedRecords: 1, deliveredRecords: 1 });
    });

    it('rule: an output without the input recordId is a transformation failure of that record', async () => {
        const cloud = await s3Stream({ ProcessingConfiguration: lambdaProcessing({ BufferIntervalInSeconds: '0' }) });
        cloud.firehose.registerTransform(LAMBDA, records => ({
            records: records.map((record, index): Output => ({ recordId: index === 0 ? record.recordId : 'made-up', result: 'Ok', data: record.data }))
        }));
        const first = await put(cloud, 'a');
        await cloud.firehose.putRecordBatch({ DeliveryStreamName: 'clicks', Records: [{ Data: 'b' }] });
        await cloud.advance(SECOND);
        // A later invocation whose only record keeps its recordId succeeds.
        const third = await put(cloud, 'c');
        await cloud.advance(100 * SECOND);
        expect(cloud.firehose.objects('clicks', 'delivery').flatMap(object => object.records.map(record => record.recordId))).toEqual([first, third]);
        const failed = cloud.firehose.objects('clicks', 'processing-failed').flatMap(object => object.records);
        expect(failed.map(record => text(record.data))).toEqual(['b']);
        expect(failed[0]!.error!.errorCode).toBe('Lambda.MissingRecordId');
    });

    it('rule: an invocation error is retried 3 times by default, then every record of the batch goes to processing-failed/ with AWS\'s JSON fields', async () => {
        const cloud = await s3Stream({ ProcessingConfiguration: lambdaProcessing() }, { epochMs: 1_000_000 });
        let calls = 0;
        cloud.firehose.registerTransform(LAMBDA, () => {
            calls++;
            throw new Error('Task timed out after 60.00 seconds');
        });
        await put(cloud, 'one');
        await put(cloud, 'two');
        await cloud.advance(120 * SECOND);
        expect(calls).toBe(4);
        const records = cloud.firehose.objects('clicks', 'processing-failed').flatMap(object => object.records);
        expect(records).toHaveLength(2);
        expect(records[0]!.error).toEqual({
            attemptsMade: 4, arrivalTimestamp: 1_000_000, errorCode: 'Lambda.FunctionError', errorMessage: 'Task timed out after 60.00 seconds',
            attemptEndingTimestamp: 1_000_000 + 60 * SECOND, rawData: b64('one'), lambdaArn: LAMBDA
        });
        expect(cloud.firehose.metrics('clicks')).toMatchObject({ lambdaInvocations: 4, lambdaInvocationErrors: 4, processingFailedRecords: 2, deliveredRecords: 0 });
    });

    it('rule: NumberOfRetries sets the retries (0 = one attempt); a later success is used', async () => {
        const cloud = await s3Stream({ ProcessingConfiguration: lambdaProcessing({ NumberOfRetries: '0' }) });
        let calls = 0;
        cloud.firehose.registerTransform(LAMBDA, () => { calls++; throw new Error('throttled'); });
        await put(cloud, 'x');
        await cloud.advance(61 * SECOND);
        expect(calls).toBe(1);

        const flaky = await s3Stream({ ProcessingConfiguration: lambdaProcessing() });
        let attempts = 0;
        flaky.firehose.registerTransform(LAMBDA, records => {
            if (++attempts < 3) throw new Error('Rate exceeded');
            return { records: records.map(record => ({ recordId: record.recordId, result: 'Ok' as const, data: record.data })) };
        });
        await put(flaky, 'y');
        await flaky.advance(200 * SECOND);
        expect(attempts).toBe(3);
        expect(flaky.firehose.metrics('clicks').deliveredRecords).toBe(1);
    });

    it('rule: a transform may take virtual time; its output enters the destination buffer when it returns', async () => {
        const cloud = await s3Stream({ BufferingHints: { SizeInMBs: 1, IntervalInSeconds: 0 }, ProcessingConfiguration: lambdaProcessing({ BufferIntervalInSeconds: '5' }) });
        cloud.firehose.registerTransform(LAMBDA, records => new Promise(resolve => {
            cloud.schedule(cloud.now() + 2500, () => resolve({ records: records.map(record => ({ recordId: record.recordId, result: 'Ok' as const, data: record.data })) }));
        }));
        await put(cloud, 'slow');
        await cloud.advance(20 * SECOND);
        expect(cloud.firehose.objects('clicks', 'delivery').map(object => object.timeMs)).toEqual([7500]);
    });
});
