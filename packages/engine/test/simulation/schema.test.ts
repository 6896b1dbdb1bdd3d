import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { run } from './helpers.js';

const schema = JSON.parse(readFileSync(new URL('../../src/report/report-schema.json', import.meta.url), 'utf8')) as object;

describe('report JSON Schema (src/report/report-schema.json)', () => {
    it('validates a report that uses every section', async () => {
        const report = await run(`
topic events { subscribe jobs  subscribe big filter attributes { "n": [{"numeric": [">", 5]}] }  subscribe function fn  subscribe email "ops@example.com" }
queue jobs { visibility: 2s  wait: 20s  dead-letter: jobs-dlq after 2 receives }
queue jobs-dlq { }
queue big { }
function fn { duration: 5ms  errors: 10% }
stream clicks { capacity: provisioned 1 shards }
firehose lake { source: clicks  buffer: 1MiB or 10s  destination: s3 "s3://lake/" }
producer p { publish: events  rate: 5/s  message: { "n": uniform(1, 10) }  attributes: [n] }
producer w { publish: clicks  rate: 5/s }
consumer c { poll: jobs  processing: 10ms..2s  failure: 30%  instances: 1..3  scale-out: when visible > 5 for 1m add 1 }
scenario test { duration: 4m  expect jobs.age-of-oldest < 1m  expect no-loss  expect in-order  expect lake.delivered-records > 0 }`, 'test', { traceSample: 3 });
        const ajv = new Ajv2020({ allErrors: true, strict: true });
        const validate = ajv.compile(schema);
        const json = JSON.parse(JSON.stringify(report)) as unknown;
        expect(validate(json), JSON.stringify(validate.errors, null, 2)).toBe(true);
        expect(report.scaling.length).toBeGreaterThan(0);
        expect(report.traces.length).toBeGreaterThan(0);
    });
});
