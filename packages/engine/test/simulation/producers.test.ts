import { describe, expect, it } from 'vitest';
import { resource, run, series, sumBetween } from './helpers.js';

const base = `
queue inbox { }
producer clicks { publish: inbox  rate: 10/s  message: { "n": sequence() } }
consumer reader { poll: inbox  processing: 1ms  batch: 10  wait: 20s }
`;

describe('producers (arrival process, surges, outages)', () => {
    it('sends rate × duration messages, evenly spaced from t = 0', async () => {
        const report = await run(`${base} scenario test { duration: 1m }`);
        expect(resource(report, 'clicks').metrics['sent']).toBe(600);
        const sent = series(report, 'inbox', 'NumberOfMessagesSent');
        // 100 ms buckets for a one-minute run: exactly one message per bucket at 10/s.
        expect(report.resolution.bucketMs).toBe(100);
        expect(sent.every(value => value === 1)).toBe(true);
    });

    it('multiplies the rate during a surge and only then', async () => {
        const report = await run(`${base} scenario test { duration: 1m  surge clicks x3 from 20s for 10s }`);
        expect(resource(report, 'clicks').metrics['sent']).toBe(600 + 2 * 10 * 10);
        const sent = series(report, 'inbox', 'NumberOfMessagesSent');
        expect(sumBetween(report, sent, 20_000, 30_000)).toBe(300);
        expect(sumBetween(report, sent, 0, 20_000)).toBe(200);
        expect(sumBetween(report, sent, 30_000, 60_000)).toBe(300);
        expect(resource(report, 'clicks').metrics['rate']).toBe(30);
    });

    it('pauses a producer during its outage', async () => {
        const report = await run(`${base} scenario test { duration: 1m  outage clicks from 10s for 20s }`);
        expect(resource(report, 'clicks').metrics['sent']).toBe(400);
        expect(sumBetween(report, series(report, 'inbox', 'NumberOfMessagesSent'), 10_000, 30_000)).toBe(0);
    });

    it('renders templates with seeded generators and message fields as attributes', async () => {
        const report = await run(`
queue orders { }
producer shop { publish: orders  rate: 1/s
  message: { "id": uuid(), "n": sequence(), "amount": uniform(1, 3), "kind": one-of("a", "b") } }
scenario test { duration: 10s }`, 'test', { traceSample: 10 });
        const bodies = report.traces.map(trace => JSON.parse(trace.body) as { id: string; n: number; amount: number; kind: string });
        expect(bodies.map(body => body.n)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
        for (const body of bodies) {
            expect(body.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
            expect([1, 2, 3]).toContain(body.amount);
            expect(['a', 'b']).toContain(body.kind);
        }
        expect(new Set(bodies.map(body => body.id)).size).toBe(10);
    });

    it('offers a seeded Poisson arrival process with the same mean', async () => {
        const report = await run(`${base} scenario test { duration: 10m }`, 'test', { arrivals: 'poisson' });
        const sent = resource(report, 'clicks').metrics['sent']!;
        expect(sent).not.toBe(6000);
        expect(Math.abs(sent - 6000)).toBeLessThan(4 * Math.sqrt(6000));
    });
});
