import { createCloud } from '../../src/index.js';
import type { Cloud, CloudOptions, FirehoseTypes } from '../../src/index.js';
export { rejectsWith } from '../support/aws-errors.js';

export const MiB = 1024 * 1024;
export const SECOND = 1000;
export const HOUR = 3_600_000;
export const BUCKET = 'arn:aws:s3:::deliveries';
export const BACKUP = 'arn:aws:s3:::backup';
export const LAMBDA = 'arn:aws:lambda:us-east-1:000000000000:function:transform';

type S3Config = FirehoseTypes.ExtendedS3DestinationConfiguration;

export async function s3Stream(config: Partial<S3Config> = {}, options: CloudOptions = {}, name = 'clicks'): Promise<Cloud> {
    const cloud = createCloud(options);
    await cloud.firehose.createDeliveryStream({
        DeliveryStreamName: name,
        ExtendedS3DestinationConfiguration: { BucketARN: BUCKET, BufferingHints: { SizeInMBs: 1, IntervalInSeconds: 60 }, ...config }
    });
    return cloud;
}

export function lambdaProcessing(parameters: Record<string, string> = {}): FirehoseTypes.ProcessingConfiguration {
    return {
        Enabled: true,
        Processors: [{
            Type: 'Lambda',
            Parameters: [
                { ParameterName: 'LambdaArn', ParameterValue: LAMBDA },
                ...Object.entries(parameters).map(([name, value]) => ({ ParameterName: name as 'NumberOfRetries', ParameterValue: value }))
            ]
        }]
    };
}

export async function put(cloud: Cloud, data: string | Uint8Array, stream = 'clicks'): Promise<string> {
    return (await cloud.firehose.putRecord({ DeliveryStreamName: stream, Record: { Data: data } })).RecordId;
}

export function text(data: Uint8Array | undefined): string {
    return data === undefined ? '' : Buffer.from(data).toString('utf8');
}
