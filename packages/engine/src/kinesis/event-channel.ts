import type { VirtualClock } from '../core/clock.js';

/**
 * An async iterator fed by the engine in virtual time. A value pushed while the reader awaits `next()`
 * settles that promise and asks the clock to drain continuations, so the reader observes it at the
 * virtual time it was pushed; values pushed with nobody waiting are queued.
 */
export class EventChannel<T> implements AsyncIterableIterator<T> {
    private readonly queue: T[] = [];
    private waiting: { resolve: (result: IteratorResult<T>) => void; reject: (error: unknown) => void } | undefined;
    private finished = false;
    private failure: unknown;

    constructor(private readonly clock: VirtualClock, private readonly onClose: () => void) {}

    push(value: T): void {
        if (this.finished) return;
        const waiting = this.waiting;
        if (waiting !== undefined) {
            this.waiting = undefined;
            waiting.resolve({ value, done: false });
            this.clock.requestDrain();
        } else {
            this.queue.push(value);
        }
    }

    /** Ends the stream after the queued values; with `error`, the reader's next read rejects with it. */
    end(error?: unknown): void {
        if (this.finished) return;
        this.finished = true;
        this.failure = error;
        const waiting = this.waiting;
        if (waiting === undefined) return;
        this.waiting = undefined;
        if (error !== undefined) waiting.reject(error);
        else waiting.resolve({ value: undefined, done: true });
        this.clock.requestDrain();
    }

    next(): Promise<IteratorResult<T>> {
        if (this.queue.length > 0) return Promise.resolve({ value: this.queue.shift()!, done: false });
        if (this.finished) {
            if (this.failure !== undefined) {
                const failure = this.failure;
                this.failure = undefined;
                return Promise.reject(failure);
            }
            return Promise.resolve({ value: undefined, done: true });
        }
        return new Promise((resolve, reject) => { this.waiting = { resolve, reject }; });
    }

    /** `break` in a for-await loop lands here: the subscription is cancelled. */
    return(): Promise<IteratorResult<T>> {
        this.queue.length = 0;
        if (!this.finished) {
            this.finished = true;
            this.onClose();
        }
        return Promise.resolve({ value: undefined, done: true });
    }

    [Symbol.asyncIterator](): AsyncIterableIterator<T> {
        return this;
    }
}
