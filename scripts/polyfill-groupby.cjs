// chevrotain 13 (used by Langium 4.4) calls Object.groupBy, which Node 20 lacks.
// Loaded with --require by the Langium CLI, vitest and the benchmarks; the server bundle imports its own copy.
if (typeof Object.groupBy !== 'function') {
    Object.defineProperty(Object, 'groupBy', {
        configurable: true,
        writable: true,
        value(items, keyFn) {
            const groups = Object.create(null);
            let index = 0;
            for (const item of items) {
                const key = keyFn(item, index++);
                (groups[key] ??= []).push(item);
            }
            return groups;
        }
    });
}
if (typeof Map.groupBy !== 'function') {
    Object.defineProperty(Map, 'groupBy', {
        configurable: true,
        writable: true,
        value(items, keyFn) {
            const groups = new Map();
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
