import { KINESIS } from '@mq-architect/language/model';
import type { HashKeyRange } from './hash.js';
import { TokenBucket } from './token-bucket.js';

/** A record as a shard keeps it. `size` counts data bytes plus partition-key bytes (what the limits meter). */
export interface StoredRecord {
    /** Stream-wide counter: increases with every accepted record, so it orders records within a shard. */
    readonly counter: number;
    readonly partitionKey: string;
    /** The bytes, when the caller supplied them; the simulator may send size-only records. */
    readonly data: Uint8Array | undefined;
    /** Whatever the simulator attached (a message), returned as is. */
    readonly payload: unknown;
    readonly size: number;
    readonly arrivalMs: number;
}

/** Sequence numbers: '49' + 20-digit stream counter + 6-digit shard ordinal; fixed width, so they compare as strings. */
export function formatSequenceNumber(counter: number, shardOrdinal: number): string {
    return '49' + String(counter).padStart(20, '0') + String(shardOrdinal).padStart(6, '0');
}

export function parseSequenceNumber(sequenceNumber: string): { counter: number; shardOrdinal: number } | undefined {
    if (typeof sequenceNumber !== 'string' || !/^49\d{26}$/.test(sequenceNumber)) return undefined;
    return { counter: Number(sequenceNumber.slice(2, 22)), shardOrdinal: Number(sequenceNumber.slice(22)) };
}

export function formatShardId(ordinal: number): string {
    return 'shardId-' + String(ordinal).padStart(12, '0');
}

/**
 * One shard: its hash-key range, its records in arrival order, and its throughput buckets
 * (write 1 MiB + 1,000 records per second; read 2 MiB + 5 calls per second, shared by all
 * shared-throughput consumers).
 */
export class Shard {
    readonly shardId: string;
    /** Records from `head` on are live; earlier slots were trimmed by retention and are compacted lazily. */
    private records: StoredRecord[] = [];
    private head = 0;
    /** Counter value at creation (StartingSequenceNumber) and after the last record once closed. */
    readonly startingCounter: number;
    endingCounter: number | undefined;
    closedAtMs: number | undefined;
    readonly writeBytes: TokenBucket;
    readonly writeRecords: TokenBucket;
    readonly readBytes: TokenBucket;
    readonly readCalls: TokenBucket;
    /** Called after a record is appended (enhanced fan-out subscriptions of this shard listen here). */
    readonly appendListeners = new Set<() => void>();
    /** GetRecords calls before this time are throttled (the 10 MiB / 5-s rule, and 1 s after an overdraft). */
    readBlockedUntil = 0;

    constructor(
        readonly ordinal: number,
        readonly range: HashKeyRange,
        startingCounter: number,
        nowMs: number,
        readonly parentShardId?: string,
        readonly adjacentParentShardId?: string
    ) {
        this.shardId = formatShardId(ordinal);
        this.startingCounter = startingCounter;
        this.writeBytes = new TokenBucket(KINESIS.shardWriteBytesPerSecond, KINESIS.shardWriteBytesPerSecond, nowMs);
        this.writeRecords = new TokenBucket(KINESIS.shardWriteRecordsPerSecond, KINESIS.shardWriteRecordsPerSecond, nowMs);
        this.readBytes = new TokenBucket(KINESIS.shardReadBytesPerSecond, KINESIS.shardReadBytesPerSecond, nowMs);
        this.readCalls = new TokenBucket(KINESIS.shardReadTransactionsPerSecond, KINESIS.shardReadTransactionsPerSecond, nowMs);
    }

    get isOpen(): boolean {
        return this.closedAtMs === undefined;
    }

    get length(): number {
        return this.records.length - this.head;
    }

    append(record: StoredRecord): void {
        this.records.push(record);
    }

    close(nowMs: number, lastCounter: number): void {
        this.closedAtMs = nowMs;
        this.endingCounter = lastCounter;
    }

    /** Drops records that arrived before `horizonMs` (retention), handing each to `onExpire` when given. */
    trim(horizonMs: number, onExpire?: (record: StoredRecord, shard: Shard) => void): void {
        const records = this.records;
        let head = this.head;
        while (head < records.length && records[head]!.arrivalMs < horizonMs) {
            onExpire?.(records[head]!, this);
            head++;
        }
        this.advanceHead(head);
    }

    /**
     * Drops the leading records for which `done` holds. For the scenario simulator, whose readers are all
     * known: a record every reader has finished with can go before retention would trim it, so memory
     * follows the records still in use rather than everything written in the retention period.
     */
    releaseLeading(done: (record: StoredRecord) => boolean): void {
        const records = this.records;
        let head = this.head;
        while (head < records.length && done(records[head]!)) head++;
        this.advanceHead(head);
    }

    private advanceHead(head: number): void {
        if (head === this.head) return;
        const records = this.records;
        this.head = head;
        // Compact once the dead prefix dominates, so memory follows the retained records.
        if (head > 1024 && head * 2 > records.length) {
            this.records = records.slice(head);
            this.head = 0;
        }
    }

    /** Absolute index of the first live record with counter ≥ `counter` (= end when there is none). */
    indexAtCounter(counter: number): number {
        let low = this.head;
        let high = this.records.length;
        while (low < high) {
            const mid = (low + high) >>> 1;
            if (this.records[mid]!.counter < counter) low = mid + 1;
            else high = mid;
        }
        return low;
    }

    /** Absolute index of the first live record that arrived at or after `timeMs`. */
    indexAtTime(timeMs: number): number {
        let low = this.head;
        let high = this.records.length;
        while (low < high) {
            const mid = (low + high) >>> 1;
            if (this.records[mid]!.arrivalMs < timeMs) low = mid + 1;
            else high = mid;
        }
        return low;
    }

    get endIndex(): number {
        return this.records.length;
    }

    get firstIndex(): number {
        return this.head;
    }

    at(index: number): StoredRecord | undefined {
        return index >= this.head ? this.records[index] : undefined;
    }

    lastRecord(): StoredRecord | undefined {
        return this.length > 0 ? this.records[this.records.length - 1] : undefined;
    }

    contains(hashKey: bigint): boolean {
        return hashKey >= this.range.start && hashKey <= this.range.end;
    }
}
