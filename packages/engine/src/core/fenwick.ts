/**
 * A Fenwick (binary indexed) tree of counts over integer positions starting at `base`: O(log n) point
 * updates, prefix sums and "k-th present position" searches.
 */
export class Fenwick {
    private tree: Int32Array;
    readonly base: number;

    constructor(base: number, capacity: number) {
        this.base = base;
        this.tree = new Int32Array(Math.max(16, capacity) + 1);
    }

    get capacity(): number {
        return this.tree.length - 1;
    }

    add(position: number, delta: number): void {
        for (let i = position - this.base + 1; i < this.tree.length; i += i & -i) this.tree[i]! += delta;
    }

    /** The smallest position whose prefix count reaches `k` (k ≥ 1), or undefined if fewer are present. */
    kth(k: number): number | undefined {
        let index = 0;
        let step = 1;
        while (step * 2 < this.tree.length) step *= 2;
        let remaining = k;
        for (; step > 0; step >>= 1) {
            const next = index + step;
            if (next < this.tree.length && this.tree[next]! < remaining) {
                index = next;
                remaining -= this.tree[next]!;
            }
        }
        return index + 1 < this.tree.length ? this.base + index : undefined;
    }
}
