import { describe, expect, it } from 'vitest';
import { resource, run, series, sumBetween } from './helpers.js';

const HOUR = 3_600_000;

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

    it('DOMAIN §3.3: records trimmed by retention before being read end as expired', async () => {
        // `slow` is down for the first 25 h; when it comes back the 24 h retention has trimmed the first
        // hour's records (3,600 at 1/s). `live` read them long before: trimming what it has read loses nothing.
        const report = await run(`
stream clicks { capacity: provisioned 1 shards  retention: 24h }
producer web { publish: clicks  rate: 1/s }
consumer live { read: clicks  processing: 1ms }
consumer slow { read: clicks  processing: 1ms  batch: 100 }
scenario test { duration: 26h  outage slow from 0s for 25h  expect no-loss  expect clicks.expired == 0 }`, 'test', { traceSample: 26 });
        const paths = new Map(report.accounting.paths.map(p => [p.path, p]));
        const slow = paths.get('web → clicks → slow')!;
        expect(slow.deliveries).toBe(93_600);
        expect(slow.outcomes.expired).toBe(3_600);
        expect(slow.outcomes.processed + slow.outcomes['in-flight-at-end']).toBe(90_000);
        expect(paths.get('web → clicks → live')!.outcomes.expired).toBe(0);
        expect(report.accounting.balanced).toBe(true);
        // Counted on the stream, when they left the retention window (24 h to 25 h after the start).
        expect(resource(report, 'clicks').metrics['expired']).toBe(3_600);
        const expired = series(report, 'clicks', 'ExpiredRecords');
        expect(sumBetween(report, expired, 0, 24 * HOUR)).toBe(0);
        expect(sumBetween(report, expired, 24 * HOUR, 25 * HOUR)).toBe(3_600);
        // The first record's trace says what happened to slow's copy, at the instant it expired.
        const first = report.traces.find(trace => trace.id === 'web#1')!;
        const step = first.steps.find(s => s.at === 'clicks' && s.event.startsWith('expired'))!;
        expect(step.event).toBe("expired: trimmed by the stream's 24h retention before slow read it");
        expect(step.atMs).toBe(first.producedAtMs + 24 * HOUR);
        expect(first.steps.some(s => s.at === 'live' && s.event.includes('processed'))).toBe(true);
        expect(report.expectations[0]).toMatchObject({ text: 'no-loss', passed: false });
        expect(report.expectations[0]!.detail).toContain('3600');
        expect(report.expectations[1]).toMatchObject({ text: 'clicks.expired == 0', passed: false, measured: 3_600, statistic: 'sum' });
    }, 60_000);

    it('DOMAIN §3.3: a stream keeps records for its declared retention (48 h: nothing expires in 26 h)', async () => {
        const report = await run(`
stream clicks { capacity: provisioned 1 shards  retention: 48h }
producer web { publish: clicks  rate: 1/s }
consumer slow { read: clicks  processing: 1ms  batch: 100 }
scenario test { duration: 26h  outage slow from 0s for 25h  expect no-loss }`);
        expect(report.accounting.outcomes.expired).toBe(0);
        expect(resource(report, 'clicks').metrics['expired']).toBe(0);
        expect(report.expectations[0]).toMatchObject({ text: 'no-loss', passed: true });
    }, 60_000);
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
