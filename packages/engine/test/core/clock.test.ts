import { describe, expect, it } from 'vitest';
import { AwsError, createCloud, Random, TimerHeap, VirtualClock } from '../../src/index.js';
import { Fenwick } from '../../src/core/fenwick.js';

describe('virtual clock', () => {
    it('runs callbacks in (time, scheduling order) and leaves the clock at the target time', async () => {
        const clock = new VirtualClock();
        const seen: string[] = [];
        clock.schedule(20, () => seen.push('b@20'));
        clock.schedule(10, () => seen.push('a@10'));
        clock.schedule(20, () => seen.push('c@20'));
        clock.schedule(30, () => seen.push('late'));
        await clock.runUntil(25);
        expect(seen).toEqual(['a@10', 'b@20', 'c@20']);
        expect(clock.now()).toBe(25);
        await clock.advance(5);
        expect(seen).toContain('late');
    });

    it('drains promise continuations after each event, so an awaited result is observed at the virtual time it completed', async () => {
        const cloud = createCloud();
        const observed: number[] = [];
        cloud.schedule(1000, async () => {
            await Promise.resolve();
            await Promise.resolve();
            observed.push(cloud.now());
        });
        cloud.schedule(1000, () => observed.push(-cloud.now()));
        cloud.schedule(2000, () => observed.push(cloud.now()));
        await cloud.runUntil(5000);
        expect(observed).toEqual([1000, -1000, 2000]);
    });

    it('rejects re-entrant runUntil and non-finite times', async () => {
        const clock = new VirtualClock();
        const first = clock.runUntil(10);
        await expect(clock.runUntil(20)).rejects.toThrow('already running');
        await first;
        expect(() => clock.schedule(Number.NaN, () => undefined)).toThrow(RangeError);
    });

    it('cancelled events do not run', async () => {
        const clock = new VirtualClock();
        let ran = false;
        clock.schedule(5, () => { ran = true; }).cancel();
        await clock.runUntil(10);
        expect(ran).toBe(false);
    });
});

describe('seeded random and helpers', () => {
    it('is reproducible per seed and stays within the requested ranges', () => {
        const a = new Random(42);
        const b = new Random(42);
        const xs = Array.from({ length: 1000 }, () => a.next());
        expect(Array.from({ length: 1000 }, () => b.next())).toEqual(xs);
        expect(xs.every(x => x >= 0 && x < 1)).toBe(true);
        expect(new Random(43).next()).not.toBe(xs[0]);
        const r = new Random('seed');
        for (let i = 0; i < 1000; i++) {
            const n = r.int(3, 7);
            expect(n >= 3 && n <= 7 && Number.isInteger(n)).toBe(true);
            const u = r.uniform(-1, 1);
            expect(u >= -1 && u < 1).toBe(true);
        }
        expect(['x', 'y']).toContain(r.pick(['x', 'y']));
        expect(r.uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    });

    it('TimerHeap pops by key, ties in insertion order, and compacts stale entries', () => {
        const heap = new TimerHeap<string>();
        for (const [k, v] of [[5, 'e'], [1, 'a'], [3, 'c1'], [3, 'c2'], [2, 'b'], [3, 'c3']] as const) heap.push(k, v);
        heap.compact(item => item !== 'b');
        const out: string[] = [];
        while (heap.size > 0) out.push(heap.pop()!);
        expect(out).toEqual(['a', 'c1', 'c2', 'c3', 'e']);
    });

    it('AwsError carries the AWS code as name, senderFault and statusCode', () => {
        const e = new AwsError('InvalidParameterValue', 'bad');
        expect(e).toBeInstanceOf(Error);
        expect([e.name, e.code, e.senderFault, e.statusCode, e.message]).toEqual(['InvalidParameterValue', 'InvalidParameterValue', true, 400, 'bad']);
        expect(new AwsError('InternalError', 'x', { senderFault: false }).statusCode).toBe(500);
    });

    it('Fenwick finds the k-th present position', () => {
        const f = new Fenwick(100, 50);
        for (const p of [101, 105, 106, 140]) f.add(p, 1);
        expect([1, 2, 3, 4].map(k => f.kth(k))).toEqual([101, 105, 106, 140]);
        f.add(105, -1);
        expect(f.kth(2)).toBe(106);
        expect(f.kth(4)).toBeUndefined();
    });
});
