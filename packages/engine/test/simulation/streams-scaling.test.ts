import { describe, expect, it } from 'vitest';
import { PeriodAggregator } from '../../src/simulation/alarm.js';
import { resource, run, series } from './helpers.js';

/** 400 records/s over 8 shards; each instance processes 100 records/s (10 ms each), so 2 instances fall behind. */
const readers = (scenario: string): string => `
stream clicks { capacity: provisioned 8 shards }
producer web { publish: clicks  rate: 400/s }
consumer readers {
  read: clicks  batch: 100  processing: 10ms  instances: 2..8  warm-up: 30s
  scale-out: when iterator-age > 30s for 1m add 2
  scale-in: when iterator-age < 5s for 5m remove 1
}
scenario test { ${scenario} }`;

describe('Auto Scaling of stream reader groups on iterator age (DOMAIN.md §5, §3)', () => {
    it('DOMAIN §5: a stream reader group scales out when iterator-age breaches for the evaluation periods', async () => {
        const report = await run(readers('duration: 8m  expect readers.instances > 4'));
        const outs = report.scaling.filter(event => event.consumer === 'readers' && event.action === 'scale-out');
        // Two instances drain 200 of 400 records/s: the age of the records read passes 30 s during minute 1,
        // so the 1-of-1 alarm is in ALARM at the 2-minute evaluation and adds 2 instances.
        expect(outs[0]).toMatchObject({ atMs: 120_000, from: 2, to: 4 });
        expect(outs[0]!.reason).toMatch(/^alarm iterator-age > 30s for 1m 00s in ALARM \(data point (\d+(\.\d+)?(ms|s)|\d+m \d\ds)\)/);
        // Still behind with 4 (as fast as the producer): the alarm repeats every minute, up to max.
        expect(outs.map(event => event.to)).toEqual([4, 6, 8]);
        for (const event of outs) expect(event.atMs % 60_000).toBe(0);
        // New instances take shard leases only after their 30 s warm-up.
        const instances = series(report, 'readers', 'InServiceInstances');
        const width = report.resolution.bucketMs;
        expect(instances[Math.floor(140_000 / width)]).toBe(2);
        expect(instances[Math.floor(160_000 / width)]).toBe(4);
        expect(resource(report, 'readers').metrics['instances']).toBe(8);
        expect(report.expectations[0]).toMatchObject({ text: 'readers.instances > 4', passed: true, measured: 8 });
        // With 8 workers on 8 shards (800 records/s) the backlog drains: the last minute reads fresh records.
        const age = series(report, 'clicks', 'GetRecords.IteratorAgeMilliseconds');
        expect(Math.max(...age.slice(Math.floor(420_000 / width)))).toBeLessThan(5_000);
        expect(report.notes).toEqual([]);
        expect(report.accounting.balanced).toBe(true);
    });

    it('DOMAIN §5: a stream reader group scales in when iterator-age stays below the threshold for the evaluation periods, never below min', async () => {
        const report = await run(readers('duration: 25m  outage web from 8m for 17m'));
        const ins = report.scaling.filter(event => event.action === 'scale-in');
        // Caught up by minute 6 (empty reads report an age of 0): the 5-of-5 alarm first holds at 11 min.
        expect(ins[0]).toMatchObject({ atMs: 660_000, from: 8, to: 7 });
        expect(ins[0]!.reason).toContain('iterator-age < 5s for 5m 00s in ALARM');
        for (const event of ins) expect(event.to).toBe(event.from - 1);
        // One instance per minute while the alarm stays in ALARM, down to min (2) and no further.
        expect(ins.map(event => event.atMs)).toEqual([660_000, 720_000, 780_000, 840_000, 900_000, 960_000]);
        const metrics = resource(report, 'readers').metrics;
        expect(metrics['min-instances']).toBe(2);
        expect(metrics['instances']).toBe(8);
        const instances = series(report, 'readers', 'InServiceInstances');
        expect(instances.at(-1)).toBe(2);
    });

    it('DOMAIN §5: the data point of GetRecords.IteratorAgeMilliseconds is the Maximum of the minute, and a minute without reads has none', () => {
        const maximum = new PeriodAggregator('Maximum');
        for (const age of [100, 45_000, undefined, 2_000]) maximum.add(age);
        expect(maximum.close()).toBe(45_000);
        maximum.add(undefined);
        expect(maximum.close()).toBeUndefined();
        const average = new PeriodAggregator();
        for (const visible of [100, 300]) average.add(visible);
        expect(average.close()).toBe(200);
    });
});

describe('KCL shard leases (one worker per shard lease)', () => {
    /** 300 records/s over 2 shards; one instance processes 100 records/s. */
    const leased = (instances: string): string => `
stream clicks { capacity: provisioned 2 shards }
producer web { publish: clicks  rate: 300/s }
consumer readers { read: clicks  batch: 50  processing: 10ms  ${instances} }
scenario test { duration: 2m }`;

    it('KCL: instances beyond the shard count idle (parallelism is min(instances, shards))', async () => {
        const two = await run(leased('instances: 2'));
        const six = await run(leased('instances: 6'));
        const processed = (report: typeof two): number => resource(report, 'readers').metrics['processed']!;
        // Two shards, two leases: instances 3 to 6 hold none and change nothing, though they are in service.
        expect(processed(six)).toBe(processed(two));
        expect(processed(two)).toBeGreaterThan(0.95 * 2 * 100 * 120);
        expect(resource(six, 'readers').metrics['instances']).toBe(6);
        expect(resource(six, 'readers').metrics['min-instances']).toBe(6);
        expect(six.latency).toEqual(two.latency);
    });

    it('KCL: an instance holding several shard leases serves them in turn, sharing its processing time', async () => {
        const one = await run(leased('instances: 1'), 'test', { traceSample: 40 });
        const two = await run(leased('instances: 2'));
        const processed = (report: typeof one): number => resource(report, 'readers').metrics['processed']!;
        // One worker for two shards: half the throughput of two workers (100 records/s).
        expect(processed(one)).toBeGreaterThan(0.95 * 100 * 120);
        expect(processed(one)).toBeLessThan(0.55 * processed(two));
        // ...but both shards make progress: processed records came from each of them.
        const shards = new Set(one.traces.flatMap(trace => trace.steps)
            .map(step => /^read from (shardId-\d+)/.exec(step.event)?.[1]).filter(id => id !== undefined));
        expect([...shards].sort()).toEqual(['shardId-000000000000', 'shardId-000000000001']);
    });

    it('DOMAIN §3.4: after resharding, a reader group takes a child shard\'s lease only once every parent is read to its end', async () => {
        // The on-demand stream grows from 4 shards to 7 about a minute in; the uneven split gives some
        // children two parents. Two workers are behind (2,000 of 2,510 records/s), so parents still hold
        // backlog when their children open: reading a child early would process a key's newer records first.
        const report = await run(`
stream clicks { capacity: on-demand }
producer hot { publish: clicks  rate: 2500/s  size: 1KiB }
producer tracked { publish: clicks  rate: 10/s  partition-key: key
  message: { "key": one-of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l") } }
consumer readers { read: clicks  batch: 500  processing: 1ms  instances: 2 }
scenario test { duration: 2m }`, 'test', { traceSample: 1200 });
        const byKey = new Map<string, { sequence: number; atMs: number; shard: string }[]>();
        for (const trace of report.traces) {
            if (trace.producer !== 'tracked') continue;
            const step = trace.steps.find(s => s.at === 'readers');
            if (!step) continue;
            const key = (JSON.parse(trace.body) as { key: string }).key;
            const reads = byKey.get(key) ?? [];
            reads.push({ sequence: Number(trace.id.split('#')[1]), atMs: step.atMs, shard: /shardId-\d+/.exec(step.event)![0] });
            byKey.set(key, reads);
        }
        let keysThatMoved = 0;
        for (const reads of byKey.values()) {
            reads.sort((a, b) => a.sequence - b.sequence);
            if (new Set(reads.map(read => read.shard)).size > 1) keysThatMoved++;
            for (let i = 1; i < reads.length; i++) expect(reads[i]!.atMs).toBeGreaterThanOrEqual(reads[i - 1]!.atMs);
        }
        expect(keysThatMoved).toBe(12);
        expect(report.accounting.balanced).toBe(true);
    }, 60_000);

    it('KCL: without instances or scaling rules, a reader group runs one worker per shard lease', async () => {
        const sized = await run(leased(''));
        const two = await run(leased('instances: 2'));
        expect(resource(sized, 'readers').metrics['instances']).toBe(2);
        expect(resource(sized, 'readers').metrics['processed']).toBe(resource(two, 'readers').metrics['processed']);
    });
});
