import type { VirtualClock } from '../core/clock.js';
import type { KinesisEngine } from '../kinesis/kinesis-engine.js';
import type { ShardCursor } from '../kinesis/reader.js';
import type { Shard } from '../kinesis/shard.js';
import type { KinesisStream } from '../kinesis/stream.js';
import type { FirehoseRecord } from './record.js';

/** How often Firehose polls each shard of its source stream (a model: once per second per shard). */
export const SOURCE_POLL_INTERVAL_MS = 1000;

/**
 * A Kinesis data stream as a Firehose source. Firehose is a shared-throughput consumer: it starts at
 * LATEST when the delivery stream is created and calls GetRecords on every shard once per second
 * (counting against the shard's 5 reads/s and 2 MiB/s like any other reader; a throttled poll just
 * waits for the next one). When a closed shard is drained it moves on to its children.
 */
export class KinesisSource {
    private cursors: ShardCursor[];
    private readonly seen = new Set<Shard>();
    private stopped = false;

    constructor(
        private readonly clock: VirtualClock,
        private readonly kinesis: KinesisEngine,
        private readonly stream: KinesisStream,
        private readonly nextRecordId: () => string,
        private readonly ingest: (records: FirehoseRecord[]) => void
    ) {
        this.cursors = stream.openShards.map(shard => {
            this.seen.add(shard);
            return kinesis.cursor(stream, shard, { type: 'LATEST' });
        });
        this.schedule();
    }

    stop(): void {
        this.stopped = true;
    }

    private schedule(): void {
        this.clock.scheduleInternal(this.clock.now() + SOURCE_POLL_INTERVAL_MS, () => this.poll());
    }

    private poll(): void {
        if (this.stopped || !this.kinesis.hasStream(this.stream.name)) return;
        const now = this.clock.now();
        const next: ShardCursor[] = [];
        for (const cursor of this.cursors) {
            const outcome = this.kinesis.read(cursor);
            if (outcome.throttled) {
                next.push(cursor);
                continue;
            }
            if (outcome.records.length > 0) {
                this.ingest(outcome.records.map(record => ({
                    recordId: this.nextRecordId(),
                    data: record.data,
                    size: record.data !== undefined ? record.data.byteLength : record.size - Buffer.byteLength(record.partitionKey, 'utf8'),
                    arrivalMs: now,
                    payload: record.payload,
                    transformed: false
                })));
            }
            if (!outcome.drained) {
                next.push(cursor);
                continue;
            }
            for (const child of this.stream.childrenOf(cursor.shard)) {
                if (this.seen.has(child)) continue;
                this.seen.add(child);
                next.push(this.kinesis.cursor(this.stream, child, { type: 'TRIM_HORIZON' }));
            }
        }
        this.cursors = next;
        this.schedule();
    }
}
