import { describe, expect, it } from 'vitest';
import { resource, run, series } from './helpers.js';

describe('Kinesis streams in scenarios (DOMAIN.md §3)', () => {
    it('a shared reader reads every record once; latency includes the 1 s idle poll', async () => {
        const report = await run(`
stream clicks { capacity: provisioned 2 shards }
producer web { publish: clicks  rate: 50/s  size: 200B  partition-key: session
  message: { "session": one-of("s1", "s2", "s3", "s4") } }
consumer dashboard { read: clicks  processing: 1ms  batch: 100 }
scenario test { duration: 1m }`);
        expect(resource(report, 'clicks').metrics['incoming-records']).toBe(3000);
        expect(resource(report, 'clicks').metrics['incoming-bytes']).toBe(3000 * 200);
        const path = report.accounting.paths.find(p => p.path === 'web → clicks → dashboard')!;
        expect(path.outcomes.processed + path.outcomes['in-flight-at-end']).toBe(3000);
        expect(path.duplicates).toBe(0);
        const latency = report.latency.find(l => l.to === 'dashboard')!;
        expect(latency.maxMs).toBeLessThan(1_200);
        expect(latency.maxMs).toBeGreaterThan(500);
        // Records of one partition key stay in order on their shard.
        expect(path.orderViolations).toBe(0);
    });

    it('rejects writes beyond 1,000 records/s per shard; throttled records are not retried', async () => {
        const report = await run(`
stream narrow { capacity: provisioned 1 shards }
producer flood { publish: narrow  rate: 1500/s  size: 100B }
scenario test { duration: 10s }`);
        const stream = resource(report, 'narrow').metrics;
        expect(stream['write-throttled']).toBeGreaterThan(4000);
        expect(stream['incoming-records']! + stream['write-throttled']!).toBe(15_000);
        expect(resource(report, 'flood').metrics['throttled']).toBe(stream['write-throttled']);
        expect(report.accounting.outcomes.throttled).toBe(stream['write-throttled']);
        expect(report.accounting.balanced).toBe(true);
        expect(series(report, 'narrow', 'WriteProvisionedThroughputExceeded').reduce((a, b) => a + b, 0)).toBe(stream['write-throttled']);
    });

    it('an enhanced fan-out reader gets records within 200 ms, outside the shared read limits', async () => {
        const report = await run(`
stream clicks { capacity: provisioned 1 shards }
producer web { publish: clicks  rate: 20/s }
consumer fast { read: clicks  fan-out: enhanced  processing: 1ms }
scenario test { duration: 30s }`);
        const latency = report.latency.find(l => l.to === 'fast')!;
        expect(latency.maxMs).toBeLessThanOrEqual(205);
        expect(resource(report, 'clicks').metrics['read-throttled']).toBe(0);
    });
});

describe('Data Firehose in scenarios (DOMAIN.md §4.3-§4.6)', () => {
    it('flushes by interval when the size is not reached; transform drops are accounted as dropped', async () => {
        const report = await run(`
function clean { drops: 10% }
firehose archive { source: direct  transform: clean  buffer: 1MiB or 60s  destination: s3 "s3://lake/raw/" }
producer app { publish: archive  rate: 10/s  size: 100B }
scenario test { duration: 5m }`, 'test', { traceSample: 3 });
        const path = report.accounting.paths.find(p => p.path === 'app → archive')!;
        expect(path.deliveries).toBe(3000);
        expect(path.outcomes.dropped).toBeGreaterThan(200);
        expect(path.outcomes.dropped).toBeLessThan(400);
        expect(path.outcomes.processed + path.outcomes.dropped + path.outcomes['in-flight-at-end']).toBe(3000);
        const firehose = resource(report, 'archive').metrics;
        expect(firehose['deliveries']).toBeGreaterThanOrEqual(3);
        expect(firehose['data-freshness']).toBeGreaterThan(55_000);
        expect(resource(report, 'clean').metrics['invocations']).toBeGreaterThan(0);
        const delivered = report.traces.flatMap(t => t.steps).find(step => step.event.startsWith('delivered to S3'));
        expect(delivered).toBeDefined();
    });

    it('a destination outage fails deliveries in the window; S3 retries deliver them later', async () => {
        const report = await run(`
firehose archive { source: direct  buffer: 1MiB or 10s  destination: s3 "s3://lake/raw/" }
producer app { publish: archive  rate: 10/s  size: 100B }
scenario test { duration: 3m  outage archive from 30s for 60s  expect archive.data-freshness < 2m }`);
        const firehose = resource(report, 'archive').metrics;
        expect(firehose['data-freshness']).toBeGreaterThan(55_000);
        expect(report.accounting.outcomes.failed).toBe(0);
        expect(report.accounting.balanced).toBe(true);
    });

    it('a firehose reading a stream is one more reader: every record reaches both readers', async () => {
        const report = await run(`
stream clicks { capacity: provisioned 1 shards }
firehose lake { source: clicks  buffer: 1MiB or 30s  destination: s3 "s3://lake/" }
producer web { publish: clicks  rate: 10/s }
consumer live { read: clicks  processing: 1ms }
scenario test { duration: 2m }`);
        const paths = new Map(report.accounting.paths.map(p => [p.path, p]));
        expect(paths.get('web → clicks → live')!.deliveries).toBe(1200);
        expect(paths.get('web → clicks → lake')!.deliveries).toBe(1200);
        const lake = paths.get('web → clicks → lake')!;
        // 30-second flushes: only the records of the last interval are still buffered at the end.
        expect(lake.outcomes.processed).toBeGreaterThanOrEqual(850);
        expect(lake.outcomes.processed + lake.outcomes['in-flight-at-end']).toBe(1200);
        expect(report.accounting.balanced).toBe(true);
    });
});
