// chevrotain 13 (inside Langium 4.4) calls Object.groupBy, which Node 20 lacks. Imported first by the entry point.
type GroupBy = <T>(items: Iterable<T>, key: (item: T, index: number) => PropertyKey) => Record<PropertyKey, T[]>;

const objectWithGroupBy = Object as unknown as { groupBy?: GroupBy };
if (typeof objectWithGroupBy.groupBy !== 'function') {
    objectWithGroupBy.groupBy = <T>(items: Iterable<T>, key: (item: T, index: number) => PropertyKey) => {
        const groups: Record<PropertyKey, T[]> = Object.create(null) as Record<PropertyKey, T[]>;
        let index = 0;
        for (const item of items) (groups[key(item, index++)] ??= []).push(item);
        return groups;
    };
}
