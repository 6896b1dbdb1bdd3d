// chevrotain 13 (used by Langium 4.4) calls Object.groupBy, which Node 20 lacks. The server bundle imports
// this module first, so the polyfill is installed before the parser is built. Same logic as
// scripts/polyfill-groupby.cjs, which covers the Langium CLI, vitest and the benchmarks.
type KeyFn<T> = (item: T, index: number) => PropertyKey;

const objectWithGroupBy = Object as unknown as { groupBy?: unknown };
if (typeof objectWithGroupBy.groupBy !== 'function') {
    Object.defineProperty(Object, 'groupBy', {
        configurable: true,
        writable: true,
        value<T>(items: Iterable<T>, keyFn: KeyFn<T>): Record<PropertyKey, T[]> {
            const groups: Record<PropertyKey, T[]> = Object.create(null);
            let index = 0;
            for (const item of items) {
                const key = keyFn(item, index++);
                (groups[key] ??= []).push(item);
            }
            return groups;
        }
    });
}

const mapWithGroupBy = Map as unknown as { groupBy?: unknown };
if (typeof mapWithGroupBy.groupBy !== 'function') {
    Object.defineProperty(Map, 'groupBy', {
        configurable: true,
        writable: true,
        value<T, K>(items: Iterable<T>, keyFn: (item: T, index: number) => K): Map<K, T[]> {
            const groups = new Map<K, T[]>();
            let index = 0;
            for (const item of items) {
                const key = keyFn(item, index++);
                const list = groups.get(key);
                if (list) list.push(item); else groups.set(key, [item]);
            }
            return groups;
        }
    });
}

export {};
