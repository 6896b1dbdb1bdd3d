import { SNS_FIFO_DEDUP_INTERVAL_MS } from './constants.js';

interface DedupEntry {
    expiresAt: number;
    messageId: string;
    sequenceNumber: string;
}

/**
 * FIFO topic deduplication: a deduplication ID seen in the last 5 minutes makes a publish succeed without
 * delivering again, within and across PublishBatch calls. Scope is the topic or, with
 * FifoThroughputScope=MessageGroup, the message group.
 */
export class FifoDeduplication {
    // Entries are inserted in time order, so expired ones are always at the front of the map.
    private readonly entries = new Map<string, DedupEntry>();

    private prune(nowMs: number): void {
        for (const [key, entry] of this.entries) {
            if (entry.expiresAt > nowMs) break;
            this.entries.delete(key);
        }
    }

    /** The earlier publish this one duplicates, if any (a window ending at T has expired at T). */
    find(key: string, nowMs: number): DedupEntry | undefined {
        this.prune(nowMs);
        const entry = this.entries.get(key);
        return entry && entry.expiresAt > nowMs ? entry : undefined;
    }

    remember(key: string, nowMs: number, messageId: string, sequenceNumber: string): void {
        this.entries.delete(key);
        this.entries.set(key, { expiresAt: nowMs + SNS_FIFO_DEDUP_INTERVAL_MS, messageId, sequenceNumber });
    }
}
