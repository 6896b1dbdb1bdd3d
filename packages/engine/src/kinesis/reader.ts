import { KINESIS } from '@mq-architect/language/model';
import type { Shard, StoredRecord } from './shard.js';
import type { KinesisStream } from './stream.js';

/** Where a shared-throughput reader stands: the next record it reads has counter ≥ `position`. */
export interface ShardCursor {
    readonly stream: KinesisStream;
    readonly shard: Shard;
    position: number;
}

export type ReadOutcome =
    | { throttled: true; reason: string }
    | {
        throttled: false;
        records: StoredRecord[];
        bytes: number;
        /** Milliseconds between now and the first record left unread (0 when caught up). */
        millisBehindLatest: number;
        /** True once a closed shard has been read to its end: there is no next iterator. */
        drained: boolean;
    };

/**
 * GetRecords on one shard, metered by the shard's read buckets (2 MiB/s and 5 calls/s shared by every
 * shared-throughput consumer). A response is capped at `limit` records and 10 MiB; a response cut by
 * the 10 MiB cap blocks the shard's reads for 5 s, a read that overdraws the byte bucket blocks them
 * for 1 s. A throttled call returns no data (DOMAIN §3.2).
 */
export function readShard(cursor: ShardCursor, limit: number, nowMs: number): ReadOutcome {
    const { stream, shard } = cursor;
    stream.applyRetention(nowMs);
    stream.trimmed(shard);
    if (nowMs < shard.readBlockedUntil) {
        stream.metrics.readThrottledCalls++;
        return { throttled: true, reason: `reads on ${shard.shardId} are blocked until ${shard.readBlockedUntil} ms after a large read` };
    }
    if (shard.readCalls.available(nowMs) < 1) {
        stream.metrics.readThrottledCalls++;
        return { throttled: true, reason: `more than ${KINESIS.shardReadTransactionsPerSecond} GetRecords calls per second on ${shard.shardId}` };
    }
    if (shard.readBytes.available(nowMs) <= 0) {
        stream.metrics.readThrottledCalls++;
        return { throttled: true, reason: `read throughput of ${shard.shardId} (2 MiB/s) exhausted` };
    }
    const records: StoredRecord[] = [];
    let bytes = 0;
    let capped = false;
    let index = shard.indexAtCounter(cursor.position);
    const end = shard.endIndex;
    while (index < end && records.length < limit) {
        const record = shard.at(index)!;
        if (bytes + record.size > KINESIS.getRecordsMaxBytes) {
            capped = true;
            break;
        }
        records.push(record);
        bytes += record.size;
        index++;
    }
    if (!capped && bytes >= KINESIS.getRecordsMaxBytes) capped = true;
    shard.readCalls.spend(1, nowMs);
    shard.readBytes.spend(bytes, nowMs);
    if (capped) shard.readBlockedUntil = nowMs + KINESIS.getRecordsPenaltyMs;
    else if (shard.readBytes.available(nowMs) < 0) shard.readBlockedUntil = nowMs + 1000;
    if (records.length > 0) cursor.position = records[records.length - 1]!.counter + 1;
    const next = shard.at(index);
    const metrics = stream.metrics;
    metrics.getRecordsRecords += records.length;
    metrics.getRecordsBytes += bytes;
    const age = records.length > 0 ? nowMs - records[records.length - 1]!.arrivalMs : 0;
    metrics.iteratorAgeMs = age;
    if (age > metrics.maxIteratorAgeMs) metrics.maxIteratorAgeMs = age;
    return {
        throttled: false,
        records,
        bytes,
        millisBehindLatest: next !== undefined ? nowMs - next.arrivalMs : 0,
        drained: !shard.isOpen && index >= end
    };
}
