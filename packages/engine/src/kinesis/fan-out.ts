import { KINESIS } from '@mq-architect/language/model';
import type { Cancellable, VirtualClock } from '../core/clock.js';
import type { ShardCursor } from './reader.js';
import type { Shard, StoredRecord } from './shard.js';
import type { KinesisStream } from './stream.js';
import { TokenBucket } from './token-bucket.js';

/** One push of an enhanced fan-out subscription (SubscribeToShardEvent before shaping). */
export interface FanOutEvent {
    records: StoredRecord[];
    /** Counter of the last record delivered so far (resume AFTER it). */
    continuationCounter: number;
    millisBehindLatest: number;
    /** Set on the last event of a closed shard read to its end. */
    childShards?: Shard[];
}

export interface FanOutSink {
    event(event: FanOutEvent): void;
    /** The subscription ended: after 5 minutes, on takeover by a newer call, at the end of a closed shard, or cancelled. */
    end(reason: 'expired' | 'replaced' | 'shard-end' | 'cancelled' | 'deregistered'): void;
}

export interface StreamConsumer {
    readonly name: string;
    readonly arn: string;
    readonly stream: KinesisStream;
    readonly createdAtMs: number;
    status: 'CREATING' | 'ACTIVE' | 'DELETING';
    /** Per shard: the live subscription and the time of the last SubscribeToShard call. */
    readonly subscriptions: Map<string, Subscription>;
    readonly lastCallAt: Map<string, number>;
    readonly lastSuccessAt: Map<string, number>;
}

/**
 * An enhanced fan-out subscription: records are pushed as soon as they are written, metered by this
 * consumer's own 2 MiB/s per shard (independent of every other reader), for at most 5 minutes
 * (DOMAIN §3.5). Pushes happen as engine events in virtual time; records written at the same instant
 * travel in one event. The first event is sent at subscription time, even when empty.
 */
export class Subscription {
    private readonly bucket: TokenBucket;
    private pushTimer: Cancellable | undefined;
    private readonly expiryTimer: Cancellable;
    private ended = false;
    private sentFirst = false;
    private readonly onAppend = (): void => {
        this.schedulePush(this.clock.now());
    };

    constructor(
        private readonly clock: VirtualClock,
        readonly cursor: ShardCursor,
        private readonly sink: FanOutSink,
        private readonly onEnded: (subscription: Subscription) => void
    ) {
        const now = clock.now();
        const rate = KINESIS.enhancedFanOutBytesPerSecondPerShard;
        this.bucket = new TokenBucket(rate, rate, now);
        cursor.shard.appendListeners.add(this.onAppend);
        this.expiryTimer = clock.scheduleInternal(now + KINESIS.enhancedFanOutSubscriptionMs, () => this.finish('expired'));
        this.schedulePush(now);
    }

    get active(): boolean {
        return !this.ended;
    }

    finish(reason: Parameters<FanOutSink['end']>[0]): void {
        if (this.ended) return;
        this.ended = true;
        this.pushTimer?.cancel();
        this.expiryTimer.cancel();
        this.cursor.shard.appendListeners.delete(this.onAppend);
        this.onEnded(this);
        this.sink.end(reason);
    }

    private schedulePush(atMs: number): void {
        if (this.ended || this.pushTimer !== undefined) return;
        this.pushTimer = this.clock.scheduleInternal(atMs, () => {
            this.pushTimer = undefined;
            this.push();
        });
    }

    private push(): void {
        if (this.ended) return;
        const now = this.clock.now();
        const { stream, shard } = this.cursor;
        stream.applyRetention(now);
        stream.trimmed(shard);
        const budget = this.bucket.available(now);
        const capacity = KINESIS.enhancedFanOutBytesPerSecondPerShard;
        const records: StoredRecord[] = [];
        let bytes = 0;
        let index = shard.indexAtCounter(this.cursor.position);
        const end = shard.endIndex;
        // A record goes out when the budget covers it; a record larger than a second's budget needs a full bucket.
        while (index < end && records.length < KINESIS.getRecordsMaxRecords) {
            const size = shard.at(index)!.size;
            if (bytes + size > budget && !(records.length === 0 && size > capacity && budget >= capacity)) break;
            records.push(shard.at(index)!);
            bytes += size;
            index++;
        }
        this.bucket.spend(bytes, now);
        if (records.length > 0) this.cursor.position = records[records.length - 1]!.counter + 1;
        stream.metrics.subscribeRecords += records.length;
        const next = shard.at(index);
        const drained = !shard.isOpen && index >= end;
        if (records.length === 0 && this.sentFirst && !drained) {
            if (next !== undefined) this.schedulePush(now + Math.max(1, this.bucket.waitFor(next.size, now)));
            return;
        }
        this.sentFirst = true;
        this.sink.event({
            records,
            continuationCounter: this.cursor.position - 1,
            millisBehindLatest: next !== undefined ? now - next.arrivalMs : 0,
            childShards: drained ? stream.childrenOf(shard) : undefined
        });
        if (drained) this.finish('shard-end');
        else if (next !== undefined) this.schedulePush(now + Math.max(1, this.bucket.waitFor(next.size, now)));
    }
}
