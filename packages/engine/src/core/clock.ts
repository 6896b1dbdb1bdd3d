import { EventQueue } from './event-queue.js';

export interface Cancellable {
    cancel(): void;
}

/** Lets every promise continuation triggered so far run (setImmediate fires after the microtask queue is empty). */
const drainMicrotasks = (): Promise<void> => new Promise(resolve => setImmediate(resolve));

/**
 * Virtual time in milliseconds. Nothing happens between events, so an hour of traffic runs as fast as
 * the events can be processed.
 *
 * Determinism rule (DOMAIN.md, product decisions): after each event the clock drains the promise
 * continuations it triggered before running the next event, even one due at the same instant, so an
 * awaited action's result is observed at the virtual time it completed. Engine-internal events that
 * resolve no promise skip the drain; that keeps scenario runs fast without changing what callers see.
 */
export class VirtualClock {
    private current = 0;
    private readonly events = new EventQueue();
    private running = false;
    private drainRequested = false;

    now(): number {
        return this.current;
    }

    /** Runs `fn` at virtual time `atMs` (or now, if `atMs` is in the past). Used for user callbacks. */
    schedule(atMs: number, fn: () => unknown): Cancellable {
        return this.enqueue(atMs, fn, true);
    }

    /** Engine-internal scheduling: no drain afterwards unless the callback calls `requestDrain()`. */
    scheduleInternal(atMs: number, fn: () => void): Cancellable {
        return this.enqueue(atMs, fn, false);
    }

    /** Called by services when they settle a promise a caller may be awaiting. */
    requestDrain(): void {
        this.drainRequested = true;
    }

    /** Time of the next pending event, or undefined when idle. */
    nextEventTime(): number | undefined {
        return this.events.peek()?.at;
    }

    /**
     * Runs every event due at or before `untilMs`, in (time, scheduling order), then leaves the clock at
     * `untilMs`. Re-entrant calls are rejected: time has one owner.
     */
    async runUntil(untilMs: number, onProgress?: (nowMs: number) => void): Promise<void> {
        if (this.running) throw new Error('runUntil is already running');
        this.running = true;
        try {
            await drainMicrotasks();
            let sinceProgress = 0;
            const events = this.events;
            for (;;) {
                const next = events.popDue(untilMs);
                if (next === undefined) break;
                if (next.at > this.current) this.current = next.at;
                next.run();
                if (next.drain || this.drainRequested) {
                    this.drainRequested = false;
                    await drainMicrotasks();
                }
                if (onProgress && ++sinceProgress >= 50_000) {
                    sinceProgress = 0;
                    onProgress(this.current);
                    await drainMicrotasks();
                }
            }
            if (untilMs > this.current) this.current = untilMs;
            await drainMicrotasks();
        } finally {
            this.running = false;
        }
    }

    /** Advances by `ms` from now. */
    advance(ms: number): Promise<void> {
        return this.runUntil(this.current + ms);
    }

    private enqueue(atMs: number, fn: () => unknown, drain: boolean): Cancellable {
        if (!Number.isFinite(atMs)) throw new RangeError(`schedule time must be finite, got ${atMs}`);
        // The callback's result (a promise for async user callbacks) is ignored, as before.
        return this.events.push(Math.max(atMs, this.current), fn, drain);
    }
}
