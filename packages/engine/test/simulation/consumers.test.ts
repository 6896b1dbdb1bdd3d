import { describe, expect, it } from 'vitest';
import { resource, run, series, sumBetween } from './helpers.js';

describe('queue consumers (DOMAIN.md §1.4, §1.9, §1.10)', () => {
    it('redelivers a failed message when its visibility timeout ends and moves it to the DLQ on the receive after maxReceiveCount', async () => {
        const report = await run(`
queue jobs { visibility: 10s  dead-letter: jobs-dlq after 3 receives }
queue jobs-dlq { retention: 14d }
producer one { publish: jobs  rate: 1/m }
consumer workers { poll: jobs  processing: 100ms  failure: 100%  wait: 20s }
scenario test { duration: 50s }`, 'test', { traceSample: 1 });
        const trace = report.traces[0]!;
        const received = trace.steps.filter(step => step.event.startsWith('received'));
        expect(received.map(step => step.atMs)).toEqual([0, 10_000, 20_000]);
        expect(received.map(step => step.event)).toEqual(['received (receive 1)', 'received (receive 2)', 'received (receive 3)']);
        const failed = trace.steps.filter(step => step.event.startsWith('processing failed'));
        expect(failed[0]!.event).toBe('processing failed: not deleted (visible again when its 10s visibility timeout ends)');
        const moved = trace.steps.find(step => step.event.startsWith('moved'))!;
        expect(moved).toMatchObject({ atMs: 30_000, at: 'jobs', event: 'moved to jobs-dlq on receive 4 (maxReceiveCount 3)' });
        expect(resource(report, 'jobs').metrics['moved-to-dlq']).toBe(1);
        expect(resource(report, 'jobs-dlq').metrics['visible']).toBe(1);
        expect(report.accounting.outcomes['dead-lettered']).toBe(1);
        expect(resource(report, 'workers').metrics['failed']).toBe(3);
    });

    it('processes and deletes messages; end-to-end latency is the processing time when consumers keep up', async () => {
        const report = await run(`
queue jobs { }
producer p { publish: jobs  rate: 20/s }
consumer workers { poll: jobs  processing: 40ms  wait: 20s  instances: 2 }
scenario test { duration: 1m }`);
        expect(resource(report, 'workers').metrics['processed']).toBe(1200);
        expect(resource(report, 'jobs').metrics['deleted']).toBe(1200);
        const latency = report.latency.find(l => l.path === 'p → jobs → workers')!;
        expect(latency.count).toBe(1200);
        expect(Math.abs(latency.p50Ms - 40)).toBeLessThan(40 * 0.021); // histogram buckets are 2 % wide
        expect(latency.maxMs).toBeLessThan(45);
        expect(report.accounting.balanced).toBe(true);
    });

    it('§1.3 NumberOfEmptyReceives counts one per long poll that ends empty (20 s waits on an idle queue: 3 per worker per minute)', async () => {
        const report = await run(`
queue jobs { wait: 20s }
queue other { }
producer p { publish: other  rate: 1/m }
consumer workers { poll: jobs  processing: 1ms  instances: 2 }
scenario test { duration: 1m }`);
        expect(series(report, 'jobs', 'NumberOfEmptyReceives').reduce((a, b) => a + b, 0)).toBe(6);
    });

    it('scale-in stops idle instances: their waiting long polls are withdrawn and take no messages', async () => {
        const report = await run(`
queue jobs { wait: 20s  visibility: 5m }
producer p { publish: jobs  rate: 20/s }
consumer workers { poll: jobs  processing: 20ms  instances: 1..10
  scale-out: when visible > 100 for 1m add 9
  scale-in: when visible < 5 for 2m remove 9 }
scenario test { duration: 20m  surge p x10 from 0m for 3m }`);
        expect(resource(report, 'workers').metrics['instances']).toBe(10);
        expect(resource(report, 'workers').metrics['min-instances']).toBe(1);
        // A stopped instance that still took messages would leave them in flight for the 5-minute visibility timeout.
        const jobs = resource(report, 'jobs').metrics;
        expect(jobs['received']).toBe(jobs['sent']);
        expect(jobs['deleted']).toBe(jobs['sent']);
        expect(report.latency.find(l => l.path === 'p → jobs → workers')!.maxMs).toBeLessThan(300_000);
    });

    it('§1.2 retention deletes a message in flight; a consumer that then finishes it has processed it (not expired)', async () => {
        const report = await run(`
queue jobs { retention: 60s  visibility: 5m  wait: 20s }
producer p { publish: jobs  rate: 1/m }
consumer workers { poll: jobs  processing: 90s }
scenario test { duration: 2m  expect no-loss }`, 'test', { traceSample: 1 });
        expect(resource(report, 'jobs').metrics['expired']).toBe(2);
        expect(resource(report, 'workers').metrics['processed']).toBe(1);
        // The first message expired in hand at 60 s and was finished at 90 s; the second expired in hand at 120 s, unfinished.
        expect(report.accounting.outcomes.processed).toBe(1);
        expect(report.accounting.outcomes.expired).toBe(1);
        expect(report.accounting.balanced).toBe(true);
        const steps = report.traces[0]!.steps.map(step => step.event);
        expect(steps.some(event => event.startsWith('expired'))).toBe(true);
        expect(steps.some(event => event.startsWith('processed'))).toBe(true);
    });

    it('with a heartbeat, a slow message is not redelivered; without, it is processed twice', async () => {
        const text = (heartbeat: string) => `
queue slow { visibility: 20s }
producer p { publish: slow  rate: 1/m }
consumer workers { poll: slow  processing: 50s  instances: 2  wait: 20s ${heartbeat} }
scenario test { duration: 3m }`;
        const withHeartbeat = await run(text('heartbeat: 10s'), 'test', { traceSample: 1 });
        expect(withHeartbeat.accounting.duplicates).toBe(0);
        expect(resource(withHeartbeat, 'slow').metrics['received']).toBe(3);
        expect(withHeartbeat.traces[0]!.steps.some(step => step.event === 'heartbeat: visibility extended by 20s')).toBe(true);
        const without = await run(text(''));
        expect(without.accounting.duplicates).toBeGreaterThan(0);
        expect(resource(without, 'workers').metrics['duplicates']).toBeGreaterThan(0);
    });

    it('stops a consumer group during an outage: the backlog and the age of the oldest message grow, then drain', async () => {
        const report = await run(`
queue jobs { wait: 20s }
producer p { publish: jobs  rate: 10/s }
consumer workers { poll: jobs  processing: 5ms  batch: 10 }
scenario test { duration: 3m  outage workers from 1m for 1m }`);
        const visible = series(report, 'jobs', 'ApproximateNumberOfMessagesVisible');
        const width = report.resolution.bucketMs;
        const at = (ms: number) => visible[Math.floor(ms / width)]!;
        expect(at(30_000)).toBeLessThanOrEqual(1);
        expect(at(119_000)).toBeGreaterThan(550);
        expect(at(170_000)).toBeLessThanOrEqual(1);
        expect(resource(report, 'jobs').metrics['age-of-oldest']).toBeGreaterThanOrEqual(59_000);
        expect(resource(report, 'jobs').metrics['age-of-oldest']).toBeLessThan(62_000);
        const instances = series(report, 'workers', 'InServiceInstances');
        expect(instances[Math.floor(90_000 / width)]).toBe(0);
        expect(sumBetween(report, series(report, 'workers', 'MessagesProcessed'), 60_000, 120_000)).toBe(0);
        expect(report.accounting.balanced).toBe(true);
    });
});
