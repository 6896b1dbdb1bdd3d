import { AwsError } from '../errors.js';
import type { Shard, StoredRecord } from './shard.js';
import { formatSequenceNumber } from './shard.js';
import type { KinesisStream } from './stream.js';
import type { Blob, ChildShard, KinesisRecord, ShardShape } from './types.js';

const EMPTY = new Uint8Array(0);

export function toBytes(data: Blob): Uint8Array {
    if (typeof data === 'string') return Buffer.from(data, 'utf8');
    if (data instanceof Uint8Array) return data;
    throw new AwsError('ValidationException', "1 validation error detected: Value at 'data' failed to satisfy constraint: Member must be a blob (Uint8Array or string)");
}

export function shardShape(shard: Shard): ShardShape {
    return {
        ShardId: shard.shardId,
        ...(shard.parentShardId !== undefined ? { ParentShardId: shard.parentShardId } : {}),
        ...(shard.adjacentParentShardId !== undefined ? { AdjacentParentShardId: shard.adjacentParentShardId } : {}),
        HashKeyRange: { StartingHashKey: shard.range.start.toString(), EndingHashKey: shard.range.end.toString() },
        SequenceNumberRange: {
            StartingSequenceNumber: formatSequenceNumber(shard.startingCounter, shard.ordinal),
            ...(shard.endingCounter !== undefined ? { EndingSequenceNumber: formatSequenceNumber(shard.endingCounter, shard.ordinal) } : {})
        }
    };
}

export function recordShape(record: StoredRecord, shard: Shard, epochMs: number): KinesisRecord {
    return {
        SequenceNumber: formatSequenceNumber(record.counter, shard.ordinal),
        ApproximateArrivalTimestamp: new Date(epochMs + record.arrivalMs),
        Data: record.data ?? EMPTY,
        PartitionKey: record.partitionKey
    };
}

export function childShardShapes(stream: KinesisStream, children: Shard[]): ChildShard[] {
    return children.map(child => ({
        ShardId: child.shardId,
        ParentShards: stream.parentsOf(child).map(parent => parent.shardId),
        HashKeyRange: { StartingHashKey: child.range.start.toString(), EndingHashKey: child.range.end.toString() }
    }));
}

/** A Timestamp field as virtual milliseconds: Dates and numbers are epoch milliseconds of the virtual wall clock. */
export function virtualTime(timestamp: Date | number | undefined, epochMs: number): number | undefined {
    if (timestamp === undefined) return undefined;
    const epoch = timestamp instanceof Date ? timestamp.getTime() : timestamp;
    return epoch - epochMs;
}
