import { describe, expect, it } from 'vitest';
import { Shard } from '../../src/kinesis/shard.js';
import type { StoredRecord } from '../../src/kinesis/shard.js';

const record = (counter: number, done: boolean): StoredRecord =>
    ({ counter, partitionKey: 'k', data: undefined, payload: { done }, size: 1, arrivalMs: counter });

describe('records the scenario simulator has finished with', () => {
    it('releaseLeading drops the leading records every reader is done with and keeps the rest readable in order', () => {
        const shard = new Shard(0, { start: 0n, end: (1n << 128n) - 1n }, 0, 0);
        const done = [true, true, false, true, false];
        done.forEach((d, i) => shard.append(record(i, d)));
        shard.releaseLeading(r => (r.payload as { done: boolean }).done);
        // Records 0 and 1 go; record 3 is done but stays behind record 2, which is not.
        expect(shard.length).toBe(3);
        expect(shard.at(shard.firstIndex)!.counter).toBe(2);
        expect(shard.at(shard.indexAtCounter(3))!.counter).toBe(3);
        expect(shard.indexAtCounter(0)).toBe(shard.firstIndex);
    });

    it('memory follows the records in use: releasing thousands of records compacts the shard', () => {
        const shard = new Shard(0, { start: 0n, end: (1n << 128n) - 1n }, 0, 0);
        for (let i = 0; i < 10_000; i++) shard.append(record(i, i < 9_990));
        shard.releaseLeading(r => (r.payload as { done: boolean }).done);
        expect(shard.length).toBe(10);
        expect(shard.firstIndex).toBe(0); // the dead prefix was compacted away
        expect(shard.lastRecord()!.counter).toBe(9_999);
    });
});
