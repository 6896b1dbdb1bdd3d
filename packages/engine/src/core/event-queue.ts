import { Deque } from './deque.js';

/**
 * A binary min-heap (plus a lane for events due at once) of timed callbacks ordered by (time, sequence): callbacks due at the same instant run
 * in the order they were scheduled. Cancellation is lazy (a cancelled entry is skipped when popped), so
 * both schedule and cancel are O(log n) / O(1).
 */
export class ScheduledEvent {
    cancelled = false;
    /** In the due-now lane rather than the heap (its cancellation is not counted towards compaction). */
    inLane = false;

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
    // Events scheduled for the time that is current when they are scheduled (a long poll served "after
    // this event", a retry at once) skip the heap. Time never goes back and sequence numbers grow, so this
    // lane is already in (time, sequence) order; the next event is the earlier of its head and the heap's
    // top, which keeps exactly the order a single heap would give.
    private readonly lane = new Deque<ScheduledEvent>();
    private laneTime = -Infinity;
    private nextSeq = 0;
    private cancelledCount = 0;

    get size(): number {
        return this.heap.length + this.lane.length;
    }

    push(at: number, run: () => unknown, drain: boolean): ScheduledEvent {
        const event = new ScheduledEvent(at, this.nextSeq++, run, drain, this);
        if (at === this.laneTime || (this.lane.length === 0 && at <= this.laneTime)) {
            // Same instant as the lane (or, lane empty, no later than the last event popped): appending keeps it sorted.
            event.inLane = true;
            this.laneTime = at;
            this.lane.push(event);
            return event;
        }
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
            this.popHeap();
            this.cancelledCount--;
        }
        const lane = this.lane;
        while (lane.length > 0 && lane.peek()!.cancelled) lane.shift();
        const top = this.heap[0];
        const head = lane.peek();
        if (head === undefined) return top;
        return top !== undefined && before(top, head) ? top : head;
    }

    /**
     * Marks an event cancelled. Cancelled entries normally wait until they surface; when they make up most
     * of the heap (long timers cancelled early, such as long-poll timeouts), the heap is rebuilt without
     * them, so memory follows the live events rather than every timer ever set.
     */
    cancel(event: ScheduledEvent): void {
        if (event.cancelled) return;
        event.cancelled = true;
        if (event.inLane) return;
        this.cancelledCount++;
        if (this.cancelledCount > 4096 && this.cancelledCount * 2 > this.heap.length) this.compact();
    }

    private compact(): void {
        const live = this.heap.filter(event => !event.cancelled);
        live.sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));
        this.heap = live;
        this.cancelledCount = 0;
    }

    /** Removes and returns the earliest live event if it is due at or before `until` (one pass instead of peek and pop). */
    popDue(until: number): ScheduledEvent | undefined {
        const next = this.peek();
        if (next === undefined || next.at > until) return undefined;
        if (next.inLane) {
            this.lane.shift();
            this.laneTime = next.at;
        } else {
            this.popHeap();
            if (this.lane.length === 0 && next.at >= this.laneTime) this.laneTime = next.at;
        }
        return next;
    }

    /** Removes and returns the earliest event (live or cancelled), or undefined. */
    pop(): ScheduledEvent | undefined {
        const lane = this.lane;
        const head = lane.peek();
        if (head !== undefined) {
            const top = this.heap[0];
            if (top === undefined || before(head, top)) {
                lane.shift();
                this.laneTime = head.at;
                return head;
            }
        }
        const popped = this.popHeap();
        if (popped !== undefined && popped.at >= this.laneTime && lane.length === 0) this.laneTime = popped.at;
        return popped;
    }

    private popHeap(): ScheduledEvent | undefined {
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
