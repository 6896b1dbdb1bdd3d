/**
 * Shard iterators are opaque strings that carry their own state (stream, shard, position, issue time),
 * as AWS's do; the engine keeps nothing per iterator, so abandoned iterators cost no memory.
 */
export interface IteratorState {
    streamOrdinal: number;
    shardOrdinal: number;
    position: number;
    issuedAtMs: number;
}

export function encodeIterator(state: IteratorState): string {
    const text = `mq1/${state.streamOrdinal}/${state.shardOrdinal}/${state.position}/${state.issuedAtMs}`;
    return Buffer.from(text, 'utf8').toString('base64');
}

export function decodeIterator(iterator: string): IteratorState | undefined {
    if (typeof iterator !== 'string' || iterator.length === 0 || iterator.length > 512) return undefined;
    const parts = Buffer.from(iterator, 'base64').toString('utf8').split('/');
    if (parts.length !== 5 || parts[0] !== 'mq1') return undefined;
    const [streamOrdinal, shardOrdinal, position, issuedAtMs] = parts.slice(1).map(Number) as [number, number, number, number];
    if (![streamOrdinal, shardOrdinal, position, issuedAtMs].every(Number.isFinite)) return undefined;
    return { streamOrdinal, shardOrdinal, position, issuedAtMs };
}
