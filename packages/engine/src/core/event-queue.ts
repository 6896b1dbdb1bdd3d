/**
 * A binary min-heap of timed callbacks ordered by (time, sequence): callbacks due at the same instant run
 * in the order they were scheduled. Cancellation is lazy (a cancelled entry is skipped when popped), so
 * both schedule and cancel are O(log n) / O(1).
 */
export class ScheduledEvent {
    cancelled = false;

    constructor(
        readonly at: number,
        readonly seq: number,
        readonly run: () => unknown,
        /** Drain promise continuations after running (true for user callbacks and promise resolutions). */
        readonly drain: boolean,
        private readonly queue: EventQueue
    ) {}

    /** The event is its own cancellation handle: one object per scheduled callback instead of three. */
    cancel(): void {
        this.queue.cancel(this);
    }
}

export class EventQueue {
    private heap: ScheduledEvent[] = [];
    private nextSeq = 0;
    private cancelledCount = 0;

    get size(): number {
        return this.heap.length;
    }

    push(at: number, run: () => unknown, drain: boolean): ScheduledEvent {
        const event = new ScheduledEvent(at, this.nextSeq++, run, drain, this);
        const heap = this.heap;
        heap.push(event);
        let index = heap.length - 1;
        while (index > 0) {
            const parent = (index - 1) >> 1;
            if (!before(event, heap[parent]!)) break;
            heap[index] = heap[parent]!;
            index = parent;
        }
        heap[index] = event;
        return event;
    }

    /** The earliest live event, or undefined. Drops cancelled entries on the way. */
    peek(): ScheduledEvent | undefined {
        while (this.heap.length > 0 && this.heap[0]!.cancelled) {
            this.pop();
            this.cancelledCount--;
        }
        return this.heap[0];
    }

    /**
     * Marks an event cancelled. Cancelled entries normally wait until they surface; when they make up most
     * of the heap (long timers cancelled early, such as long-poll timeouts), the heap is rebuilt without
     * them, so memory follows the live events rather than every timer ever set.
     */
    cancel(event: ScheduledEvent): void {
        if (event.cancelled) return;
        event.cancelled = true;
        this.cancelledCount++;
        if (this.cancelledCount > 4096 && this.cancelledCount * 2 > this.heap.length) this.compact();
    }

    private compact(): void {
        const live = this.heap.filter(event => !event.cancelled);
        live.sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));
        this.heap = live;
        this.cancelledCount = 0;
    }

    pop(): ScheduledEvent | undefined {
        const heap = this.heap;
        const top = heap[0];
        const last = heap.pop();
        if (top === undefined || last === undefined || heap.length === 0) return top;
        let index = 0;
        const length = heap.length;
        for (;;) {
            const left = 2 * index + 1;
            if (left >= length) break;
            const right = left + 1;
            const child = right < length && before(heap[right]!, heap[left]!) ? right : left;
            if (!before(heap[child]!, last)) break;
            heap[index] = heap[child]!;
            index = child;
        }
        heap[index] = last;
        return top;
    }
}

function before(a: ScheduledEvent, b: ScheduledEvent): boolean {
    return a.at < b.at || (a.at === b.at && a.seq < b.seq);
}
