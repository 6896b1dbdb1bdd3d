import type { Cancellable, VirtualClock } from '../core/clock.js';
import type { BufferSpec } from './config.js';

export interface Sized {
    readonly size: number;
}

/**
 * A Firehose buffer under the simulation rule of DOMAIN §4.3 (a model: AWS calls hints approximate).
 * The interval timer starts when the first record enters an empty buffer; a size flush happens as soon
 * as the buffered bytes reach the size hint (the record that crosses it is included); each flush empties
 * the buffer. Interval 0 (zero buffering) flushes at the same virtual instant, after the records that
 * arrived in that instant's call.
 */
export class RecordBuffer<T extends Sized> {
    private items: T[] = [];
    private bytes = 0;
    private timer: Cancellable | undefined;
    firstArrivalMs: number | undefined;

    constructor(
        private readonly clock: VirtualClock,
        private readonly spec: BufferSpec,
        private readonly onFlush: (items: T[], reason: 'size' | 'interval') => void
    ) {}

    get size(): number {
        return this.items.length;
    }

    get bufferedBytes(): number {
        return this.bytes;
    }

    add(item: T, arrivalMs: number = this.clock.now()): void {
        if (this.items.length === 0) {
            this.firstArrivalMs = arrivalMs;
            this.timer = this.clock.scheduleInternal(this.clock.now() + this.spec.intervalMs, () => {
                this.timer = undefined;
                this.flush('interval');
            });
        }
        this.items.push(item);
        this.bytes += item.size;
        if (this.bytes >= this.spec.sizeBytes) this.flush('size');
    }

    flush(reason: 'size' | 'interval'): void {
        this.timer?.cancel();
        this.timer = undefined;
        if (this.items.length === 0) return;
        const items = this.items;
        this.items = [];
        this.bytes = 0;
        this.firstArrivalMs = undefined;
        this.onFlush(items, reason);
    }
}
