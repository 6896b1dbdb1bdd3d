import { describe, expect, it } from 'vitest';
import { resource, run, series, sumBetween } from './helpers.js';

const total = (values: number[]): number => values.reduce((a, b) => a + b, 0);

describe('SQS CloudWatch metrics in scenarios (DOMAIN.md §5)', () => {
    it('DOMAIN §5: NumberOfMessagesSent, NumberOfMessagesReceived and NumberOfMessagesDeleted follow the traffic; a message that keeps failing is received on every attempt and never deleted', async () => {
        const report = await run(`
queue jobs { wait: 20s  visibility: 10s }
producer p { publish: jobs  rate: 10/s }
consumer workers { poll: jobs  batch: 10  processing: 50ms  instances: 2 }
scenario test { duration: 3m  outage p from 1m for 2m }`);
        const sent = series(report, 'jobs', 'NumberOfMessagesSent');
        expect(total(sent)).toBe(600);
        // The producer is down from 1 m: nothing is sent after it.
        expect(sumBetween(report, sent, 60_000, 180_000)).toBe(0);
        expect(total(series(report, 'jobs', 'NumberOfMessagesReceived'))).toBe(600);
        expect(total(series(report, 'jobs', 'NumberOfMessagesDeleted'))).toBe(600);
        expect(resource(report, 'jobs').metrics).toMatchObject({ sent: 600, received: 600, deleted: 600, 'final-visible': 0 });

        const failing = await run(`
queue jobs { wait: 20s  visibility: 10s }
producer one { publish: jobs  rate: 1/m }
consumer workers { poll: jobs  processing: 100ms  failure: 100%  wait: 20s }
scenario test { duration: 35s }`);
        // One message, failed at 0 s, 10 s, 20 s and 30 s: four receives, no delete.
        expect(total(series(failing, 'jobs', 'NumberOfMessagesSent'))).toBe(1);
        expect(total(series(failing, 'jobs', 'NumberOfMessagesReceived'))).toBe(4);
        expect(total(series(failing, 'jobs', 'NumberOfMessagesDeleted'))).toBe(0);
    });

    it('DOMAIN §5: ApproximateNumberOfMessagesVisible grows while consumers are down and drains after, and NumberOfEmptyReceives counts idle long polls', async () => {
        const report = await run(`
queue jobs { wait: 20s }
producer p { publish: jobs  rate: 10/s }
consumer workers { poll: jobs  batch: 10  processing: 10ms  instances: 2 }
scenario test { duration: 3m  outage workers from 0m for 1m  outage p from 1m for 2m }`);
        const visible = series(report, 'jobs', 'ApproximateNumberOfMessagesVisible');
        const width = report.resolution.bucketMs;
        expect(visible[Math.floor(30_000 / width)]).toBeGreaterThan(250);
        expect(visible[Math.floor(59_000 / width)]).toBeGreaterThan(550);
        expect(visible[Math.floor(90_000 / width)]).toBe(0);
        expect(sumBetween(report, series(report, 'jobs', 'NumberOfEmptyReceives'), 0, 60_000)).toBe(0);
        expect(sumBetween(report, series(report, 'jobs', 'NumberOfEmptyReceives'), 120_000, 180_000)).toBe(6);
    });
});
