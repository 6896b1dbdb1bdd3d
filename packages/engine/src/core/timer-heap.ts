/**
 * A binary min-heap of (key, item) pairs with ties broken by insertion order, so items due at the same
 * instant come out in the order they were added. Deletion is lazy: owners leave stale entries in place,
 * skip them when they surface, and call `compact` when stale entries outnumber live ones, which keeps
 * memory proportional to live items rather than to items ever added.
 */
export class TimerHeap<T> {
    private keys: number[] = [];
    private seqs: number[] = [];
    private items: T[] = [];
    private nextSeq = 0;

    get size(): number {
        return this.items.length;
    }

    /** Smallest key, or Infinity when empty. */
    peekKey(): number {
        return this.items.length === 0 ? Infinity : this.keys[0]!;
    }

    peekItem(): T | undefined {
        return this.items[0];
    }

    push(key: number, item: T): void {
        const keys = this.keys;
        const seqs = this.seqs;
        const items = this.items;
        const seq = this.nextSeq++;
        let index = items.length;
        keys.push(key);
        seqs.push(seq);
        items.push(item);
        while (index > 0) {
            const parent = (index - 1) >> 1;
            const pk = keys[parent]!;
            if (pk < key || (pk === key && seqs[parent]! < seq)) break;
            keys[index] = pk;
            seqs[index] = seqs[parent]!;
            items[index] = items[parent]!;
            index = parent;
        }
        keys[index] = key;
        seqs[index] = seq;
        items[index] = item;
    }

    /** Removes and returns the item with the smallest key (read the key first with `peekKey`). */
    pop(): T | undefined {
        const keys = this.keys;
        const seqs = this.seqs;
        const items = this.items;
        const top = items[0];
        if (top === undefined) return undefined;
        const lastKey = keys.pop()!;
        const lastSeq = seqs.pop()!;
        const lastItem = items.pop()!;
        if (items.length === 0) return top;
        keys[0] = lastKey;
        seqs[0] = lastSeq;
        items[0] = lastItem;
        this.siftDown(0);
        return top;
    }

    clear(): void {
        this.keys = [];
        this.seqs = [];
        this.items = [];
    }

    /** Drops every entry for which `live(item, key)` is false and restores the heap order, in O(n). */
    compact(live: (item: T, key: number) => boolean): void {
        const keys: number[] = [];
        const seqs: number[] = [];
        const items: T[] = [];
        for (let i = 0; i < this.items.length; i++) {
            if (!live(this.items[i]!, this.keys[i]!)) continue;
            keys.push(this.keys[i]!);
            seqs.push(this.seqs[i]!);
            items.push(this.items[i]!);
        }
        this.keys = keys;
        this.seqs = seqs;
        this.items = items;
        for (let i = (items.length >> 1) - 1; i >= 0; i--) this.siftDown(i);
    }

    private siftDown(start: number): void {
        const keys = this.keys;
        const seqs = this.seqs;
        const items = this.items;
        const length = items.length;
        const key = keys[start]!;
        const seq = seqs[start]!;
        const item = items[start]!;
        let index = start;
        for (;;) {
            const left = 2 * index + 1;
            if (left >= length) break;
            const right = left + 1;
            let child = left;
            if (right < length) {
                const rk = keys[right]!;
                const lk = keys[left]!;
                if (rk < lk || (rk === lk && seqs[right]! < seqs[left]!)) child = right;
            }
            const ck = keys[child]!;
            if (ck > key || (ck === key && seqs[child]! > seq)) break;
            keys[index] = ck;
            seqs[index] = seqs[child]!;
            items[index] = items[child]!;
            index = child;
        }
        keys[index] = key;
        seqs[index] = seq;
        items[index] = item;
    }
}
