/**
 * A FIFO queue with O(1) amortized push and shift: an array with a moving head that is compacted when
 * the consumed prefix dominates (instead of `Array.shift`, which is O(n)).
 */
export class Deque<T> {
    private items: (T | undefined)[] = [];
    private head = 0;

    get length(): number {
        return this.items.length - this.head;
    }

    push(item: T): void {
        this.items.push(item);
    }

    peek(): T | undefined {
        return this.head < this.items.length ? this.items[this.head] : undefined;
    }

    shift(): T | undefined {
        if (this.head >= this.items.length) return undefined;
        const item = this.items[this.head];
        this.items[this.head++] = undefined;
        if (this.head >= 1024 && this.head * 2 >= this.items.length) {
            this.items = this.items.slice(this.head);
            this.head = 0;
        }
        return item;
    }

    clear(): void {
        this.items = [];
        this.head = 0;
    }

    *[Symbol.iterator](): IterableIterator<T> {
        for (let i = this.head; i < this.items.length; i++) yield this.items[i]!;
    }
}
