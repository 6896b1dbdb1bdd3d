import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCli, fixture, mq, root } from './support/run-mq.js';

const passing = `
queue jobs { wait: 20s }
producer p { publish: jobs  rate: 5/s }
consumer c { poll: jobs  processing: 10ms }
scenario quick { duration: 1m  expect jobs.age-of-oldest < 5s  expect no-loss }
scenario strict { duration: 1m  expect jobs.deleted > 1000 }
`;

describe('mq simulate', () => {
    beforeAll(() => {
        buildCli();
    }, 120_000);

    it('runs the first scenario, prints the summary table and exits 0 when every expectation holds', () => {
        const file = fixture('ok.mq', passing);
        const result = mq('simulate', file);
        expect(result.code).toBe(0);
        expect(result.stderr).toContain('Running scenario quick (the first of 2; choose one with --scenario)');
        expect(result.stdout).toMatch(/^resource +kind +sent +processed +DLQ +max backlog +max age +p99 latency$/m);
        expect(result.stdout).toMatch(/^jobs +queue +300 +300 +0 /m);
        expect(result.stdout).toContain('✓ jobs.age-of-oldest < 5s');
        expect(result.stdout).toContain('All 2 expectations hold.');
    }, 120_000);

    it("the README's main command: simulates examples/purchase-fanout.mq and every expectation of its first scenario holds", () => {
        const result = mq('simulate', path.join(root, 'examples', 'purchase-fanout.mq'));
        expect(result.code, result.stderr).toBe(0);
        expect(result.stdout).toContain('Scenario steady-day: 10m 00s of virtual time, seed 7');
        expect(result.stdout).toMatch(/^fulfilment +queue +120000 /m);
        expect(result.stdout).toContain('All 4 expectations hold.');
    }, 120_000);

    it('exits 1 when an expectation fails and writes the JSON and HTML reports', () => {
        const file = fixture('strict.mq', passing);
        const json = path.join(path.dirname(file), 'report.json');
        const html = path.join(path.dirname(file), 'report.html');
        const result = mq('simulate', file, '--scenario', 'strict', '--seed', '9', '--json', json, '--html', html);
        expect(result.code).toBe(1);
        expect(result.stdout).toContain('✗ jobs.deleted > 1000');
        const report = JSON.parse(readFileSync(json, 'utf8')) as { scenario: { name: string; seed: number }; passed: boolean };
        expect(report.scenario).toMatchObject({ name: 'strict', seed: 9 });
        expect(report.passed).toBe(false);
        const page = readFileSync(html, 'utf8');
        expect(page).toContain('<canvas id="chart-backlog">');
        expect(page).toContain('Chart.js v4');
    }, 120_000);

    it('exits 2 with diagnostics as path:line:col severity CODE message on invalid input', () => {
        const file = fixture('broken.mq', 'queue jobs { }\nconsumer workers { poll: jobz }\nscenario s { }\n');
        const result = mq('simulate', file);
        expect(result.code).toBe(2);
        expect(result.stderr).toMatch(/broken\.mq:2:26 error MQ040 .*jobz/);
    }, 120_000);

    it('exits 2 on an unknown scenario and lists the declared ones', () => {
        const file = fixture('ok.mq', passing);
        const result = mq('simulate', file, '--scenario', 'nope', '--quiet');
        expect(result.code).toBe(2);
        expect(result.stderr).toContain("unknown scenario 'nope'; declared: quick, strict");
    }, 120_000);
});
