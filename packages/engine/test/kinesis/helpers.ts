import { createCloud } from '../../src/index.js';
import type { Cloud, CloudOptions } from '../../src/index.js';
export { rejectsWith } from '../support/aws-errors.js';

export const KiB = 1024;
export const MiB = 1024 * 1024;
export const SECOND = 1000;
export const HOUR = 3_600_000;

export async function cloudWithStream(shards = 1, options: CloudOptions = {}, name = 'orders'): Promise<Cloud> {
    const cloud = createCloud(options);
    await cloud.kinesis.createStream({ StreamName: name, ShardCount: shards });
    return cloud;
}

export function bytes(size: number): Uint8Array {
    return new Uint8Array(size);
}

export async function iteratorFor(cloud: Cloud, shardId = 'shardId-000000000000', type: 'TRIM_HORIZON' | 'LATEST' = 'TRIM_HORIZON', stream = 'orders'): Promise<string> {
    return (await cloud.kinesis.getShardIterator({ StreamName: stream, ShardId: shardId, ShardIteratorType: type })).ShardIterator;
}
