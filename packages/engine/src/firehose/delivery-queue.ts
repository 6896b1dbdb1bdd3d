import type { Cancellable, VirtualClock } from '../core/clock.js';
import type { FirehoseRecord } from './record.js';

export type BatchKind = 'delivery' | 'backup' | 'failed-data';

export interface QueuedBatch {
    readonly kind: BatchKind;
    readonly records: FirehoseRecord[];
    readonly partition: string | undefined;
    readonly partitionKeys: Record<string, string> | undefined;
    /** Why a failed-data batch exists (the destination's last error). */
    readonly reason?: string;
    attempts: number;
    firstAttemptMs: number | undefined;
    deadlineMs: number | undefined;
}

export interface AttemptError {
    errorCode: string;
    errorMessage: string;
}

export interface DeliveryHandlers {
    /** One delivery attempt at the current time: undefined on success. */
    attempt(batch: QueuedBatch): AttemptError | undefined;
    /** End of the retry window, fixed when the first attempt fails. */
    retryDeadline(batch: QueuedBatch, nowMs: number): number;
    /** Retries are exhausted: the batch to deliver instead (failed data to the backup bucket), or undefined when the data is lost. */
    exhausted(batch: QueuedBatch, error: AttemptError): QueuedBatch | undefined;
}

/**
 * Delivers batches one at a time, in order: a failing head is retried with exponential backoff (1 s,
 * 2 s, 4 s … capped at 60 s, and a last attempt at the end of the window — a model, AWS does not publish
 * its schedule) and the batches behind it wait, which is how delivery "pauses" while a destination and
 * its backup are down.
 */
export class DeliveryQueue {
    private readonly queue: QueuedBatch[] = [];
    private retryTimer: Cancellable | undefined;

    constructor(private readonly clock: VirtualClock, private readonly handlers: DeliveryHandlers) {}

    get pending(): readonly QueuedBatch[] {
        return this.queue;
    }

    enqueue(batch: QueuedBatch): void {
        this.queue.push(batch);
        if (this.retryTimer === undefined && this.queue.length === 1) this.drain();
    }

    private drain(): void {
        for (;;) {
            const head = this.queue[0];
            if (head === undefined) return;
            const now = this.clock.now();
            head.attempts++;
            head.firstAttemptMs ??= now;
            const error = this.handlers.attempt(head);
            if (error === undefined) {
                this.queue.shift();
                continue;
            }
            head.deadlineMs ??= this.handlers.retryDeadline(head, now);
            if (now >= head.deadlineMs) {
                const replacement = this.handlers.exhausted(head, error);
                if (replacement !== undefined) this.queue[0] = replacement;
                else this.queue.shift();
                continue;
            }
            const backoff = Math.min(1000 * 2 ** (head.attempts - 1), 60_000);
            this.retryTimer = this.clock.scheduleInternal(Math.min(now + backoff, head.deadlineMs), () => {
                this.retryTimer = undefined;
                this.drain();
            });
            return;
        }
    }
}
