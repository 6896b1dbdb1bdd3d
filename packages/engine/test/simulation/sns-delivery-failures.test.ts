import { describe, expect, it } from 'vitest';
import { CUSTOMER_MANAGED_RETRY_POLICY, HTTP_DEFAULT_RETRY_POLICY } from '../../src/sns/retry-policy.js';
import { retryOutcome } from '../../src/simulation/sns-delivery-failures.js';
import { resource, run, series, sumBetween } from './helpers.js';

const HOOK = 'https://hooks.example.com/orders';
const PATH = `checkout → orders → https:${HOOK}`;

/** One message a second for 10 minutes to an https endpoint; `extra` adds declarations and scenario statements. */
function architecture(subscribe: string, outage: string, extra = ''): string {
    return `
topic orders { ${subscribe} }
producer checkout { publish: orders  rate: 1/s }
${extra}
scenario test { duration: 10m  ${outage}  expect no-loss }`;
}

function stepsOf(report: Awaited<ReturnType<typeof run>>, id: string): string[] {
    const trace = report.traces.find(candidate => candidate.id === id);
    if (!trace) throw new Error(`no trace ${id}`);
    return trace.steps.map(step => `${step.atMs} ${step.at}: ${step.event}`);
}

describe('DOMAIN §2.3: SNS delivery retries and subscription dead-letter queues in scenarios', () => {
    it('DOMAIN §2.3: an https endpoint in outage is retried on the HTTP/S default schedule (3 retries 20 s apart) and receives the message when it recovers', async () => {
        // Outage [120 s, 150 s): messages produced then fail; retries at +20 s and +40 s reach the endpoint after 150 s.
        const report = await run(architecture(`subscribe https "${HOOK}"`, `outage "${HOOK}" from 2m for 30s`), 'test', { traceSample: 600 });
        const path = report.accounting.paths.find(candidate => candidate.path === PATH)!;
        expect(path.deliveries).toBe(600);
        expect(path.outcomes.processed).toBe(600);
        expect(report.accounting.balanced).toBe(true);
        expect(report.expectations[0]!.passed).toBe(true);
        const topic = resource(report, 'orders', 'topic').metrics;
        expect(topic['delivered']).toBe(600);
        expect(topic['failed']).toBe(0);
        expect(resource(report, `https:${HOOK}`, 'endpoint').metrics['delivered']).toBe(600);
        // The message produced at 125 s fails at 125 s and 145 s and gets through at 165 s: 40 s of waiting in its latency.
        expect(stepsOf(report, 'checkout#126')).toEqual([
            '125000 checkout: produced and sent to orders',
            `125000 https:${HOOK}: delivery attempt 1 failed: the endpoint is in an outage; SNS retries on the HTTP/S default retry policy (3 retries over 60s)`,
            `165000 orders: delivered to https:${HOOK} on attempt 3 (SNS HTTP/S default retry policy)`,
            `165000 https:${HOOK}: delivered to the endpoint`
        ]);
        const latency = report.latency.find(candidate => candidate.path === PATH)!;
        expect(latency.maxMs).toBeGreaterThanOrEqual(40_000 * 0.98);
        expect(latency.p50Ms).toBeLessThan(1);
        // Deliveries counted when they get through: none during the outage, the retried ones after it.
        const delivered = series(report, 'orders', 'NumberOfNotificationsDelivered');
        expect(sumBetween(report, delivered, 120_000, 150_000)).toBe(0);
        expect(sumBetween(report, delivered, 150_000, 171_000)).toBe(21 + 30);
    });

    it('DOMAIN §2.3: exhausted retries move the message to the subscription\'s dead-letter queue', async () => {
        // Outage [120 s, 420 s): a message produced before 360 s has all 4 attempts (t, +20, +40, +60 s) inside it.
        const report = await run(architecture(`subscribe https "${HOOK}" dead-letter hook-dlq`, `outage "${HOOK}" from 2m for 5m`, 'queue hook-dlq { retention: 14d }'),
            'test', { traceSample: 600 });
        const path = report.accounting.paths.find(candidate => candidate.path === PATH)!;
        expect(path.deliveries).toBe(600);
        expect(path.outcomes['dead-lettered']).toBe(240);
        expect(path.outcomes.processed).toBe(360);
        expect(path.balanced).toBe(true);
        expect(report.accounting.deliveries).toBe(600);
        const topic = resource(report, 'orders', 'topic').metrics;
        expect(topic['failed']).toBe(240);
        expect(topic['redriven-to-dlq']).toBe(240);
        expect(topic['delivered']).toBe(360);
        // A new SQS message in the dead-letter queue per exhausted delivery, sent when SNS gives up (60 s after the first attempt).
        const dlq = resource(report, 'hook-dlq', 'queue');
        expect(dlq.metrics['sent']).toBe(240);
        expect(dlq.metrics['final-visible']).toBe(240);
        const sent = series(report, 'hook-dlq', 'NumberOfMessagesSent');
        expect(sumBetween(report, sent, 0, 180_000)).toBe(0);
        expect(sumBetween(report, sent, 180_000, 420_000)).toBe(240);
        expect(sumBetween(report, series(report, 'orders', 'NumberOfNotificationsRedrivenToDlq'), 180_000, 420_000)).toBe(240);
        expect(stepsOf(report, 'checkout#201').slice(1)).toEqual([
            `200000 https:${HOOK}: delivery attempt 1 failed: the endpoint is in an outage; SNS retries on the HTTP/S default retry policy (3 retries over 60s)`,
            `260000 https:${HOOK}: moved to hook-dlq after 4 delivery attempts (SNS redrive policy)`
        ]);
        // Dead-lettered deliveries are not lost.
        expect(report.expectations[0]!.passed).toBe(true);
    });

    it('DOMAIN §2.3: without a dead-letter queue the message is discarded and counted failed', async () => {
        const report = await run(architecture(`subscribe https "${HOOK}"`, `outage "${HOOK}" from 2m for 5m`), 'test', { traceSample: 600 });
        const path = report.accounting.paths.find(candidate => candidate.path === PATH)!;
        expect(path.outcomes.failed).toBe(240);
        expect(path.outcomes.processed).toBe(360);
        expect(path.balanced).toBe(true);
        const topic = resource(report, 'orders', 'topic').metrics;
        expect(topic['failed']).toBe(240);
        expect(topic['redriven-to-dlq']).toBe(0);
        expect(sumBetween(report, series(report, 'orders', 'NumberOfNotificationsFailed'), 180_000, 420_000)).toBe(240);
        expect(stepsOf(report, 'checkout#201').at(-1)).toBe(`260000 https:${HOOK}: SNS discarded the message after 4 attempts (no dead-letter queue on the subscription)`);
        const noLoss = report.expectations[0]!;
        expect(noLoss.passed).toBe(false);
        expect(noLoss.measured).toBe(240);
    });

    it('DOMAIN §2.3: an email endpoint is retried on the customer-managed schedule (2 at 10 s, then backing off 10 → 600 s)', async () => {
        const report = await run(architecture('subscribe email "ops@example.com"', 'outage "ops@example.com" from 2m for 1m'), 'test', { traceSample: 600 });
        // Produced at 120 s: attempts at 120, 130, 140 and backoff retries of 10 s, then growing delays while down until 180 s.
        const expected = retryOutcome(CUSTOMER_MANAGED_RETRY_POLICY, [{ fromMs: 120_000, toMs: 180_000 }], 120_000);
        expect(expected.delivered).toBe(true);
        expect(expected.atMs).toBeGreaterThanOrEqual(180_000);
        const steps = stepsOf(report, 'checkout#121');
        expect(steps[1]).toMatch(/delivery attempt 1 failed: the endpoint is in an outage; SNS retries on the customer-managed retry policy \(50 retries over /);
        expect(steps[2]).toBe(`${expected.atMs} orders: delivered to email:ops@example.com on attempt ${expected.attempts} (SNS customer-managed retry policy)`);
        expect(report.accounting.outcomes.processed).toBe(600);
    });

    it('DOMAIN §2.3: deliveries still waiting for a retry at the end of the run are in flight, and the accounting balances', async () => {
        // The customer-managed policy retries for about 6 hours, far beyond this 10-minute run. The window [300 s, 600 s)
        // ends with the run: the messages of 570, 580 and 590 s have a retry at exactly 600 s and get through.
        const report = await run(architecture('subscribe email "ops@example.com"', 'outage "ops@example.com" from 5m for 5m'), 'test', { traceSample: 600 });
        const a = report.accounting;
        expect(a.outcomes['in-flight-at-end']).toBe(297);
        expect(a.outcomes.processed).toBe(303);
        expect(a.deliveries).toBe(600);
        expect(a.balanced).toBe(true);
        expect(stepsOf(report, 'checkout#400').at(-1)).toBe('600000 email:ops@example.com: still waiting for an SNS delivery retry at the end of the run');
    });

    it('DOMAIN §2.3: a consumer of the subscription\'s dead-letter queue processes the redriven messages', async () => {
        const report = await run(architecture(`subscribe https "${HOOK}" dead-letter hook-dlq`, `outage "${HOOK}" from 2m for 5m`,
            'queue hook-dlq { wait: 20s }\nconsumer replayer { poll: hook-dlq  processing: 1ms  batch: 10 }'));
        const path = report.accounting.paths.find(candidate => candidate.path === PATH)!;
        expect(path.outcomes['dead-lettered']).toBe(0);
        expect(path.outcomes.processed).toBe(600);
        expect(resource(report, 'replayer', 'consumer').metrics['processed']).toBe(240);
        expect(report.accounting.balanced).toBe(true);
    });

    it('only the subscriptions of the endpoint in outage fail; the others of the topic are delivered at once', async () => {
        const report = await run(architecture(`subscribe https "${HOOK}"  subscribe https "https://other.example.com/x"  subscribe orders-copy`,
            `outage "${HOOK}" from 2m for 5m`, 'queue orders-copy { }\nconsumer copier { poll: orders-copy  processing: 1ms }'));
        const byPath = new Map(report.accounting.paths.map(candidate => [candidate.path, candidate]));
        expect(byPath.get(PATH)!.outcomes.failed).toBe(240);
        expect(byPath.get('checkout → orders → https:https://other.example.com/x')!.outcomes.processed).toBe(600);
        expect(resource(report, 'orders', 'topic').metrics['delivered']).toBe(360 + 600 + 600);
    });

    it('runs are repeatable with endpoint outages (same seed, byte-identical report)', async () => {
        const text = architecture(`subscribe https "${HOOK}" dead-letter hook-dlq`, `outage "${HOOK}" from 2m for 5m`, 'queue hook-dlq { }');
        const first = await run(text);
        const second = await run(text);
        expect(JSON.stringify(first)).toBe(JSON.stringify(second));
    });
});

describe('retryOutcome (the SNS schedule walked against outage windows)', () => {
    it('gives up after the last retry of the policy, at the time of the last attempt', () => {
        expect(retryOutcome(HTTP_DEFAULT_RETRY_POLICY, [{ fromMs: 0, toMs: 1_000_000 }], 1_000)).toEqual({ attempts: 4, atMs: 61_000, delivered: false });
    });

    it('gets through on the first retry outside every window', () => {
        const windows = [{ fromMs: 0, toMs: 25_000 }, { fromMs: 30_000, toMs: 45_000 }];
        expect(retryOutcome(HTTP_DEFAULT_RETRY_POLICY, windows, 0)).toEqual({ attempts: 4, atMs: 60_000, delivered: true });
        expect(retryOutcome(HTTP_DEFAULT_RETRY_POLICY, windows, 5_000)).toEqual({ attempts: 2, atMs: 25_000, delivered: true });
    });
});
