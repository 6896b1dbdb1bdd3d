import type { StreamConsumer } from './fan-out.js';
import type { HashKeyRange } from './hash.js';
import { evenHashKeyRanges, hashPartitionKey } from './hash.js';
import type { OnDemandCapacity } from './on-demand.js';
import { Shard } from './shard.js';
import type { StoredRecord } from './shard.js';
import type { StreamMode, StreamStatus } from './types.js';

/** Cumulative counters of one stream, named after the CloudWatch metrics they feed. */
export interface StreamMetrics {
    /** IncomingRecords / IncomingBytes: accepted writes. */
    incomingRecords: number;
    incomingBytes: number;
    /** WriteProvisionedThroughputExceeded: records rejected by a shard (or on-demand stream) write limit. */
    writeThrottledRecords: number;
    /** ReadProvisionedThroughputExceeded: GetRecords calls rejected by a shard read limit. */
    readThrottledCalls: number;
    /** GetRecords.Records / GetRecords.Bytes. */
    getRecordsRecords: number;
    getRecordsBytes: number;
    /** GetRecords.IteratorAgeMilliseconds: the latest value and the peak. */
    iteratorAgeMs: number;
    maxIteratorAgeMs: number;
    /** Records pushed to enhanced fan-out consumers. */
    subscribeRecords: number;
    /** Records dropped by retention (counted when the shard is next touched: trimming is lazy). */
    expiredRecords: number;
}

export function emptyStreamMetrics(): StreamMetrics {
    return {
        incomingRecords: 0, incomingBytes: 0, writeThrottledRecords: 0, readThrottledCalls: 0,
        getRecordsRecords: 0, getRecordsBytes: 0, iteratorAgeMs: 0, maxIteratorAgeMs: 0, subscribeRecords: 0, expiredRecords: 0
    };
}

/**
 * A stream's state: every shard it ever had (closed parents stay readable until retention expires),
 * the open shards sorted by hash range for routing, a stream-wide record counter behind the sequence
 * numbers, and retention.
 */
export class KinesisStream {
    readonly shards: Shard[] = [];
    /** Open shards ordered by StartingHashKey; their ranges tile 0 .. 2^128 − 1. */
    openShards: Shard[] = [];
    status: StreamStatus = 'ACTIVE';
    retentionMs: number;
    /** max over time of (now − retention): increasing retention never brings trimmed data back. */
    horizonMs = Number.NEGATIVE_INFINITY;
    /** Starts at 1 so that "after counter − 1" always names a valid position. */
    private counter = 1;
    readonly metrics = emptyStreamMetrics();
    /** Successful UpdateShardCount calls (times), for the 10-per-rolling-24-h limit. */
    readonly shardCountUpdates: number[] = [];
    onDemand: OnDemandCapacity | undefined;
    private readonly children = new Map<Shard, Shard[]>();
    /** Enhanced fan-out consumers by name. */
    readonly consumers = new Map<string, StreamConsumer>();

    constructor(
        readonly ordinal: number,
        readonly name: string,
        readonly arn: string,
        readonly mode: StreamMode,
        readonly createdAtMs: number,
        retentionMs: number,
        public maxRecordSizeBytes: number
    ) {
        this.retentionMs = retentionMs;
    }

    /** Counter value the next record will get. */
    get nextCounter(): number {
        return this.counter;
    }

    takeCounter(): number {
        return this.counter++;
    }

    /**
     * Brings the retention horizon up to `nowMs`. Shards trim lazily when they are next written or read
     * (`trimmed`), so a put costs O(1) however many shards the stream has; closed shards past retention vanish.
     */
    applyRetention(nowMs: number): void {
        const horizon = nowMs - this.retentionMs;
        if (horizon > this.horizonMs) this.horizonMs = horizon;
    }

    /** The shard with every record older than the horizon dropped. */
    trimmed(shard: Shard): Shard {
        shard.trim(this.horizonMs, this.onExpire);
        return shard;
    }

    /** Every shard trimmed to the horizon (for end-of-run accounting: trimming is otherwise lazy). */
    trimAll(nowMs: number): void {
        this.applyRetention(nowMs);
        for (const shard of this.shards) shard.trim(this.horizonMs, this.onExpire);
    }

    /**
     * Called with each record retention drops, at the time its shard is next touched (not at the exact
     * expiry instant); the simulator counts "expired by retention" from here.
     */
    readonly expiryListeners = new Set<(record: StoredRecord, shard: Shard) => void>();

    private readonly onExpire = (record: StoredRecord, shard: Shard): void => {
        this.metrics.expiredRecords++;
        if (this.expiryListeners.size > 0) for (const listener of this.expiryListeners) listener(record, shard);
    };

    /** A closed shard is gone once every record it could hold is past retention. */
    isExpired(shard: Shard): boolean {
        return shard.closedAtMs !== undefined && shard.closedAtMs < this.horizonMs;
    }

    liveShards(): Shard[] {
        return this.shards.filter(shard => !this.isExpired(shard));
    }

    findShard(shardId: string): Shard | undefined {
        for (const shard of this.shards) if (shard.shardId === shardId && !this.isExpired(shard)) return shard;
        return undefined;
    }

    /** The open shard for a partition key's MD5 hash. */
    routeKey(partitionKey: string): Shard {
        // The hash is cached per key; the binary search over the open shards is cheaper than a second map.
        return this.route(hashPartitionKey(partitionKey));
    }

    /** The open shard whose inclusive range holds `hashKey` (binary search over sorted ranges). */
    route(hashKey: bigint): Shard {
        const open = this.openShards;
        let low = 0;
        let high = open.length - 1;
        while (low < high) {
            const mid = (low + high + 1) >>> 1;
            if (open[mid]!.range.start <= hashKey) low = mid;
            else high = mid - 1;
        }
        return open[low]!;
    }

    addShard(range: HashKeyRange, nowMs: number, parent?: Shard, adjacentParent?: Shard): Shard {
        const shard = new Shard(this.shards.length, range, this.counter, nowMs, parent?.shardId, adjacentParent?.shardId);
        this.shards.push(shard);
        return shard;
    }

    /** Closes `parents` and opens `children` in their place (split, merge, uniform rescale). */
    replaceOpenShards(parents: Shard[], children: Shard[], nowMs: number): void {
        const lastCounter = this.counter - 1;
        for (const parent of parents) {
            parent.close(nowMs, lastCounter);
            this.children.set(parent, children.filter(child => overlaps(child.range, parent.range)));
        }
        const closing = new Set(parents);
        this.openShards = this.openShards.filter(shard => !closing.has(shard)).concat(children)
            .sort((a, b) => (a.range.start < b.range.start ? -1 : 1));
    }

    createEvenShards(count: number, nowMs: number): void {
        this.openShards = evenHashKeyRanges(count).map(range => this.addShard(range, nowMs));
    }

    /** The shards that took over a closed shard's hash range (ChildShards in GetRecords). */
    childrenOf(shard: Shard): Shard[] {
        return this.children.get(shard) ?? [];
    }

    /** The closed shards a child took its range from. */
    parentsOf(child: Shard): Shard[] {
        const parents: Shard[] = [];
        for (const [parent, children] of this.children) if (children.includes(child)) parents.push(parent);
        return parents;
    }
}

function overlaps(a: HashKeyRange, b: HashKeyRange): boolean {
    return a.start <= b.end && b.start <= a.end;
}
