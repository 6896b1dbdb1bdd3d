import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArchitecture } from '@mq-architect/language';
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/simulation/simulate.js';

const examples = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..', 'examples');
const files = readdirSync(examples).filter(file => file.endsWith('.mq')).sort();

/**
 * The language tour is the language design's example, kept verbatim; its figures are illustrative and its
 * shippers (at most 20 instances processing 10-message batches at 200-800 ms per message) cannot keep up
 * with checkout, and the batches abandoned by the outage plus 2% failures push a few messages past
 * `after 3 receives`; the README says so. Any other failure is a regression.
 */
const KNOWN_FAILURES: Readonly<Record<string, readonly string[]>> = {
    'language-tour.mq/black-friday': ['shipping.age-of-oldest < 5m']
};

/**
 * Every example simulates every one of its scenarios without error, its accounting adds up and its
 * expectations hold. These runs are long (minutes of virtual time at hundreds of messages per second);
 * set MQ_SKIP_EXAMPLES=1 to leave them out of a quick local run.
 */
describe.skipIf(process.env['MQ_SKIP_EXAMPLES'] === '1')('examples/*.mq simulate and their expectations hold', async () => {
    for (const file of files) {
        const text = readFileSync(path.join(examples, file), 'utf8');
        const { model, diagnostics } = await parseArchitecture({ [`file:///examples/${file}`]: text });
        describe(file, () => {
            it('has no errors', () => {
                expect(diagnostics.filter(d => d.severity === 'error').map(d => `${d.code} ${d.message}`)).toEqual([]);
            });
            for (const scenario of model.scenarios) {
                it(`scenario ${scenario.name}`, async () => {
                    const report = await simulate(model, scenario.name);
                    expect(report.notes).toEqual([]);
                    expect(report.accounting.balanced).toBe(true);
                    const failed = report.expectations.filter(expectation => !expectation.passed);
                    const known = KNOWN_FAILURES[`${file}/${scenario.name}`] ?? [];
                    expect(failed.map(expectation => expectation.text), failed.map(expectation => expectation.detail).join('; ')).toEqual(known);
                }, 1_800_000);
            }
        });
    }
});
