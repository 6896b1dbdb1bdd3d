import { describe, expect, it } from 'vitest';
import { resource, run } from './helpers.js';

describe('FIFO paths (DOMAIN.md §1.6)', () => {
    const workload = (queue: string, extra = '') => `
queue ${queue} { visibility: 5s  wait: 20s ${extra} }
producer payments { publish: ${queue}  rate: 20/s  group: account
  dedup-id: id
  message: { "id": uuid(), "account": one-of("a1", "a2", "a3", "a4") } }
consumer ledger { poll: ${queue}  batch: 10  processing: 5ms..20ms  failure: 10%  instances: 3 }
scenario test { duration: 3m  expect in-order  expect no-duplicates }`;

    it('keeps order within each message group even with failures and redelivery', async () => {
        const report = await run(workload('ledger.fifo'));
        expect(report.accounting.orderViolations).toBe(0);
        expect(report.accounting.duplicates).toBe(0);
        expect(report.expectations.every(expectation => expectation.passed)).toBe(true);
        expect(resource(report, 'ledger').metrics['failed']).toBeGreaterThan(100);
        expect(report.accounting.balanced).toBe(true);
    });

    it('a standard queue with the same workload breaks group order (the in-order expectation fails)', async () => {
        const report = await run(workload('ledger').replace('dedup-id: id', ''));
        expect(report.accounting.orderViolations).toBeGreaterThan(0);
        const inOrder = report.expectations.find(expectation => expectation.text === 'in-order')!;
        expect(inOrder.passed).toBe(false);
        expect(inOrder.measured).toBe(report.accounting.orderViolations);
    });

    it('accepts a duplicate within 5 minutes but does not deliver it', async () => {
        const report = await run(`
queue ledger.fifo { wait: 20s }
producer p { publish: ledger.fifo  rate: 1/s  group: g  dedup-id: key
  message: { "g": "one", "key": one-of("a", "b", "c") } }
consumer c { poll: ledger.fifo  processing: 1ms }
scenario test { duration: 2m }`);
        expect(resource(report, 'ledger.fifo').metrics['sent']).toBe(3);
        expect(report.accounting.outcomes.deduplicated).toBe(117);
        expect(report.accounting.outcomes.processed).toBe(3);
        expect(report.accounting.balanced).toBe(true);
    });
});
