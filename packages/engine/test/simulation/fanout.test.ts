import { describe, expect, it } from 'vitest';
import { resource, run } from './helpers.js';

describe('SNS fan-out with filter policies (DOMAIN.md §2.5, §2.6)', () => {
    const text = `
topic purchases {
  subscribe shipping raw
  subscribe fraud-review filter attributes { "amount": [{"numeric": [">", 100]}] }
  subscribe email "ops@example.com" filter attributes { "kind": ["refund"] }
}
queue shipping { wait: 20s }
queue fraud-review { wait: 20s }
producer checkout { publish: purchases  rate: 10/s
  message: { "amount": one-of(42, 500), "kind": one-of("sale", "refund") }
  attributes: [amount, kind] }
consumer shippers { poll: shipping  processing: 1ms  batch: 10 }
consumer analysts { poll: fraud-review  processing: 1ms  batch: 10 }
scenario test { duration: 2m }`;

    it('makes one delivery per subscription; each ends in exactly one outcome', async () => {
        const report = await run(text);
        const a = report.accounting;
        expect(a.messagesProduced).toBe(1200);
        expect(a.deliveries).toBe(3 * 1200);
        expect(a.balanced).toBe(true);
        const byPath = new Map(a.paths.map(path => [path.path, path]));
        const shipping = byPath.get('checkout → purchases → shipping → shippers')!;
        const fraud = byPath.get('checkout → purchases → fraud-review → analysts')!;
        const email = byPath.get('checkout → purchases → email:ops@example.com')!;
        expect(shipping.deliveries).toBe(1200);
        expect(shipping.outcomes['filtered-out']).toBe(0);
        expect(fraud.outcomes['filtered-out'] + fraud.outcomes.processed + fraud.outcomes['in-flight-at-end']).toBe(1200);
        expect(fraud.outcomes['filtered-out']).toBeGreaterThan(400);
        expect(fraud.outcomes['filtered-out']).toBeLessThan(800);
        expect(email.outcomes.processed + email.outcomes['filtered-out']).toBe(1200);
        const topic = resource(report, 'purchases').metrics;
        expect(topic['published']).toBe(1200);
        expect(topic['delivered']! + topic['filtered-out']!).toBe(3 * 1200);
        expect(resource(report, 'fraud-review').metrics['sent']).toBe(fraud.deliveries - fraud.outcomes['filtered-out']);
    });

    it('traces why a message was not delivered to a subscription', async () => {
        const report = await run(text, 'test', { traceSample: 40 });
        const reasons = report.traces.flatMap(trace => trace.steps).map(step => step.event).filter(event => event.startsWith('not delivered to fraud-review'));
        expect(reasons.length).toBeGreaterThan(0);
        expect(reasons[0]).toBe('not delivered to fraud-review: amount 42 is not > 100');
    });
});

describe('Lambda subscribers by behaviour', () => {
    it('retries a failed asynchronous invocation twice, then discards the event', async () => {
        const report = await run(`
topic events { subscribe function handler }
function handler { duration: 10ms  errors: 100% }
producer p { publish: events  rate: 1/m }
scenario test { duration: 5m }`, 'test', { traceSample: 1 });
        const fn = resource(report, 'handler').metrics;
        // Events at 0..4 min; attempts at +0, +1 and +3 min (retries after 1 and 2 minutes): the first two
        // events use all three attempts within the 5 minutes, the others are still being retried at the end.
        expect(fn['invocations']).toBe(3 + 3 + 2 + 2 + 1);
        expect(fn['errors']).toBe(11);
        expect(report.accounting.outcomes.failed).toBe(2);
        expect(report.accounting.outcomes['in-flight-at-end']).toBe(3);
        const steps = report.traces[0]!.steps.filter(step => step.at === 'handler').map(step => step.event);
        expect(steps.at(-1)).toBe('invocation failed 3 times: the event is discarded');
    });

    it('processes successful invocations with their duration as latency; an outage makes invocations fail', async () => {
        const report = await run(`
topic events { subscribe function handler }
function handler { duration: 50ms }
producer p { publish: events  rate: 1/s }
scenario test { duration: 2m  outage handler from 30s for 10s }`);
        const latency = report.latency.find(l => l.to === 'handler')!;
        expect(Math.abs(latency.p50Ms - 50)).toBeLessThan(50 * 0.021); // histogram buckets are 2 % wide
        expect(resource(report, 'handler').metrics['errors']).toBe(10);
        // Failed events are retried after 1 minute and succeed then.
        expect(report.accounting.outcomes.processed).toBe(120);
    });
});
