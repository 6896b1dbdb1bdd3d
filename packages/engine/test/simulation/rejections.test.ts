import { describe, expect, it } from 'vitest';
import { run } from './helpers.js';

describe('sends a service rejects do not stop the run', () => {
    it('a body over the queue maximum message size fails its delivery with the SQS error in the trace', async () => {
        const big = 'x'.repeat(1500);
        const report = await run(`
queue small { max-message-size: 1KiB }
producer p { publish: small  rate: 1/s  message: { "blob": "${big}" } }
scenario test { duration: 10s }`, 'test', { traceSample: 1 });
        expect(report.accounting.outcomes.failed).toBe(10);
        expect(report.accounting.balanced).toBe(true);
        expect(report.notes[0]).toMatch(/^small rejected sends \(first: InvalidParameterValue: .*Message must be shorter than 1024 bytes/);
        expect(report.traces[0]!.steps.at(-1)!.event).toMatch(/^rejected: InvalidParameterValue/);
    });
});
