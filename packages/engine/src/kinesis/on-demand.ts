import { KINESIS } from '@mq-architect/language/model';
import { TokenBucket } from './token-bucket.js';

const MiB = 1024 * 1024;
/** Regions where on-demand streams scale to 10 GB/s write (200 MB/s elsewhere), DOMAIN §0 and §3.6. */
const LARGE_REGIONS = new Set(['us-east-1', 'us-west-2', 'eu-west-1']);

/**
 * A MODEL of on-demand capacity, not AWS's algorithm (which is unpublished; AWS says it scales to about
 * twice the peak write throughput of the previous 30 days). The stream starts at
 * `initialWriteBytesPerSecond` / `initialWriteRecordsPerSecond` on `ceil(bytes / 1 MiB)` shards. The
 * engine measures the write demand (accepted and throttled bytes) in one-second windows; when
 * `headroom` × the peak window exceeds the capacity, the stream scales up `scaleUpDelayMs` later to
 * min(`maxWriteBytesPerSecond`, headroom × peak), adding shards by uniform splitting. It never scales
 * down (AWS keeps capacity for at least the 30-day look-back). Each shard still obeys 1 MiB/s and 1,000
 * records/s.
 */
export interface OnDemandScalingModel {
    initialWriteBytesPerSecond: number;
    initialWriteRecordsPerSecond: number;
    maxWriteBytesPerSecond: number;
    headroom: number;
    scaleUpDelayMs: number;
    /**
     * Replaces the default rule (min(max, headroom × peak)): the capacity, in bytes per second, the stream
     * should have for this peak one-second write demand. Returning more than the current capacity schedules
     * a scale-up; it is still capped at `maxWriteBytesPerSecond`.
     */
    capacityFor?: (peakBytesPerSecond: number, currentBytesPerSecond: number) => number;
}

export function defaultOnDemandModel(region: string): OnDemandScalingModel {
    return {
        initialWriteBytesPerSecond: KINESIS.onDemandInitialWriteBytesPerSecond,
        initialWriteRecordsPerSecond: KINESIS.onDemandInitialWriteRecordsPerSecond,
        maxWriteBytesPerSecond: LARGE_REGIONS.has(region) ? 10_000_000_000 : 200_000_000,
        headroom: 2,
        scaleUpDelayMs: 60_000
    };
}

export class OnDemandCapacity {
    capacityBytesPerSecond: number;
    capacityRecordsPerSecond: number;
    readonly writeBytes: TokenBucket;
    readonly writeRecords: TokenBucket;
    private windowStart = 0;
    private windowBytes = 0;
    peakBytesPerSecond = 0;
    /** Capacity a scheduled scale-up will reach; undefined when none is pending. */
    pendingBytesPerSecond: number | undefined;

    constructor(readonly model: OnDemandScalingModel, nowMs: number) {
        this.capacityBytesPerSecond = model.initialWriteBytesPerSecond;
        this.capacityRecordsPerSecond = model.initialWriteRecordsPerSecond;
        this.writeBytes = new TokenBucket(this.capacityBytesPerSecond, this.capacityBytesPerSecond, nowMs);
        this.writeRecords = new TokenBucket(this.capacityRecordsPerSecond, this.capacityRecordsPerSecond, nowMs);
    }

    shardCountFor(bytesPerSecond: number): number {
        return Math.max(1, Math.ceil(bytesPerSecond / MiB));
    }

    /**
     * Records `bytes` of write demand at `nowMs`. Returns the capacity to scale to when a just-closed
     * window calls for a scale-up that is not already pending.
     */
    observe(bytes: number, nowMs: number): number | undefined {
        let target: number | undefined;
        if (nowMs >= this.windowStart + 1000) {
            if (this.windowBytes > this.peakBytesPerSecond) this.peakBytesPerSecond = this.windowBytes;
            const wanted = this.model.capacityFor?.(this.peakBytesPerSecond, this.capacityBytesPerSecond)
                ?? this.model.headroom * this.peakBytesPerSecond;
            const desired = Math.min(this.model.maxWriteBytesPerSecond, wanted);
            if (desired > this.capacityBytesPerSecond && this.pendingBytesPerSecond === undefined) {
                this.pendingBytesPerSecond = desired;
                target = desired;
            }
            this.windowStart = Math.floor(nowMs / 1000) * 1000;
            this.windowBytes = 0;
        }
        this.windowBytes += bytes;
        return target;
    }

    admits(bytes: number, nowMs: number): boolean {
        return this.writeRecords.available(nowMs) >= 1 && this.writeBytes.available(nowMs) >= Math.min(bytes, this.capacityBytesPerSecond);
    }

    spend(bytes: number, nowMs: number): void {
        this.writeRecords.spend(1, nowMs);
        this.writeBytes.spend(bytes, nowMs);
    }

    /** Warm throughput: capacity provisioned ahead of demand (UpdateStreamWarmThroughput); never lowers capacity. */
    raiseTo(bytesPerSecond: number, nowMs: number): number {
        if (bytesPerSecond <= this.capacityBytesPerSecond) return this.shardCountFor(this.capacityBytesPerSecond);
        const pending = this.pendingBytesPerSecond;
        this.pendingBytesPerSecond = bytesPerSecond;
        const shards = this.applyScaleUp(nowMs);
        if (pending !== undefined && pending > bytesPerSecond) this.pendingBytesPerSecond = pending;
        return shards;
    }

    applyScaleUp(nowMs: number): number {
        const bytes = Math.max(this.pendingBytesPerSecond ?? 0, this.capacityBytesPerSecond);
        this.pendingBytesPerSecond = undefined;
        const factor = bytes / this.capacityBytesPerSecond;
        this.capacityBytesPerSecond = bytes;
        this.capacityRecordsPerSecond = Math.round(this.capacityRecordsPerSecond * factor);
        this.writeBytes.resize(this.capacityBytesPerSecond, this.capacityBytesPerSecond, nowMs);
        this.writeRecords.resize(this.capacityRecordsPerSecond, this.capacityRecordsPerSecond, nowMs);
        return this.shardCountFor(bytes);
    }
}
