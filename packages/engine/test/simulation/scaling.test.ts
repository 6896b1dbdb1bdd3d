import { describe, expect, it } from 'vitest';
import { MetricAlarm } from '../../src/simulation/alarm.js';
import { resource, run, series } from './helpers.js';

describe('CloudWatch alarms (DOMAIN.md §5: M of N one-minute data points)', () => {
    it('goes to ALARM when M of the last N data points breach, not necessarily consecutive', () => {
        const alarm = new MetricAlarm({ op: '>', threshold: 10, forMs: 180_000 }, 2);
        expect(alarm.periods).toBe(3);
        expect(alarm.evaluate(20)).toBe('INSUFFICIENT_DATA');
        expect(alarm.evaluate(5)).toBe('INSUFFICIENT_DATA');
        expect(alarm.evaluate(30)).toBe('ALARM');
        expect(alarm.evaluate(1)).toBe('OK');
        expect(alarm.evaluate(undefined)).toBe('OK');
    });

    it('a rule "for 2m" needs two breaching minutes in a row', () => {
        const alarm = new MetricAlarm({ op: '>=', threshold: 100, forMs: 120_000 });
        expect(alarm.evaluate(100)).toBe('INSUFFICIENT_DATA');
        expect(alarm.evaluate(50)).toBe('OK');
        expect(alarm.evaluate(150)).toBe('OK');
        expect(alarm.evaluate(150)).toBe('ALARM');
    });
});

describe('Auto Scaling step adjustments with warm-up (DOMAIN.md §5)', () => {
    const text = `
queue jobs { wait: 20s }
producer p { publish: jobs  rate: 50/s }
consumer workers {
  poll: jobs  batch: 10  processing: 100ms  instances: 1..5  warm-up: 90s
  scale-out: when visible > 500 for 2m add 2
  scale-in: when visible < 10 for 3m remove 1
}
scenario test { duration: 15m }`;

    it('adds instances at minute boundaries once the alarm has 2 breaching minutes, and they poll only after warm-up', async () => {
        const report = await run(text);
        const outs = report.scaling.filter(event => event.action === 'scale-out');
        expect(outs.length).toBeGreaterThanOrEqual(2);
        for (const event of report.scaling) expect(event.atMs % 60_000).toBe(0);
        // 50/s against 10/s per instance: the backlog passes 500 within the first minute; minutes 1 and 2 breach.
        expect(outs[0]).toMatchObject({ atMs: 120_000, from: 1, to: 3 });
        // No second scale-out while the first two instances warm up (90 s).
        expect(outs[1]!.atMs).toBeGreaterThanOrEqual(outs[0]!.atMs + 120_000);
        const instances = series(report, 'workers', 'InServiceInstances');
        const width = report.resolution.bucketMs;
        expect(instances[Math.floor(150_000 / width)]).toBe(1);
        expect(instances[Math.floor(215_000 / width)]).toBe(3);
        expect(resource(report, 'workers').metrics['instances']).toBe(5);
        expect(outs.at(-1)!.to).toBe(5);
    });

    it('removes instances once the load is gone and the scale-in alarm holds, never below min', async () => {
        const report = await run(text.replace('duration: 15m', 'duration: 25m  outage p from 8m for 17m'));
        const outs = report.scaling.filter(event => event.action === 'scale-out');
        const ins = report.scaling.filter(event => event.action === 'scale-in');
        expect(outs.length).toBeGreaterThan(0);
        expect(ins.length).toBeGreaterThan(0);
        expect(ins[0]!.atMs).toBeGreaterThan(8 * 60_000 + 3 * 60_000 - 1);
        for (const event of ins) expect(event.to).toBe(event.from - 1);
        expect(resource(report, 'workers').metrics['min-instances']).toBeGreaterThanOrEqual(1);
        expect(resource(report, 'workers').metrics['min-instances']).toBeLessThan(resource(report, 'workers').metrics['instances']!);
    });

    it('DOMAIN §5: Auto Scaling actions repeat every minute while the alarm stays in ALARM (not only on the transition), up to max', async () => {
        const report = await run(`
queue jobs { wait: 20s }
producer p { publish: jobs  rate: 100/s }
consumer workers {
  poll: jobs  batch: 10  processing: 100ms  instances: 1..5  warm-up: 30s
  scale-out: when visible > 100 for 1m add 1
}
scenario test { duration: 8m }`);
        // 100/s against at most 50/s: the alarm enters ALARM after the first minute and never leaves it.
        const outs = report.scaling.filter(event => event.action === 'scale-out');
        expect(outs.map(event => [event.atMs, event.from, event.to])).toEqual([
            [60_000, 1, 2], [120_000, 2, 3], [180_000, 3, 4], [240_000, 4, 5]
        ]);
        expect(report.scaling.filter(event => event.action === 'scale-in')).toEqual([]);
    });
});
