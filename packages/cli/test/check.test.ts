import { beforeAll, describe, expect, it } from 'vitest';
import { buildCli, fixture, mq } from './support/run-mq.js';

describe('mq check', () => {
    beforeAll(() => {
        buildCli();
    }, 60_000);

    it('exits 0 on the examples and prints a summary', () => {
        const result = mq('check', 'examples');
        expect(result.stderr).toMatch(/files checked: 0 errors/);
        expect(result.code).toBe(0);
    });

    it('prints path:line:col severity CODE message and exits 1 on errors', () => {
        const file = fixture('broken.mq', 'queue jobs { }\nconsumer workers { poll: jobz }\n');
        const result = mq('check', file);
        expect(result.code).toBe(1);
        expect(result.stdout).toMatch(/broken\.mq:2:26 error MQ040 .*jobz/);
    });

    it('reports syntax errors with a location and never a stack trace', () => {
        const file = fixture('syntax.mq', 'queue jobs {\n  visibility: \n');
        const result = mq('check', file);
        expect(result.code).toBe(1);
        expect(result.stdout).toMatch(/syntax\.mq:\d+:\d+ error MQ000 /);
        expect(result.stderr).not.toMatch(/\bat .*\.(c?js|ts):\d+/);
        expect(result.stderr).not.toMatch(/An error occurred/);
    });

    it('--format json gives machine-readable diagnostics', () => {
        const file = fixture('json.mq', 'consumer workers { poll: nowhere }\n');
        const result = mq('check', '--format', 'json', file);
        const output = JSON.parse(result.stdout) as { files: number; diagnostics: Array<Record<string, unknown>> };
        expect(output.files).toBe(1);
        expect(output.diagnostics[0]).toMatchObject({ line: 1, column: 26, severity: 'error', code: 'MQ040' });
        expect(result.code).toBe(1);
    });

    it('--rule CODE=off silences a rule', () => {
        const file = fixture('rule.mq', 'consumer workers { poll: nowhere }\n');
        expect(mq('check', '--rule', 'MQ040=off', file).code).toBe(0);
        expect(mq('check', '--rule', 'MQ040=warning', file).stdout).toMatch(/warning MQ040/);
    });

    it('exits 2 with a clear message for missing paths, bad options and bad rule levels', () => {
        const missing = mq('check', 'no/such/dir');
        expect(missing.code).toBe(2);
        expect(missing.stderr).toMatch(/no\/such\/dir: no such file or directory/);
        expect(mq('check', '--bogus', 'examples').code).toBe(2);
        const badRule = mq('check', '--rule', 'MQ020=loud', 'examples');
        expect(badRule.code).toBe(2);
        expect(badRule.stderr).toMatch(/expected CODE=LEVEL/);
        expect(mq('check').code).toBe(2);
    });

    it('has help text', () => {
        const result = mq('check', '--help');
        expect(result.code).toBe(0);
        expect(result.stdout).toMatch(/Exit codes: 0 no errors, 1 errors found, 2 usage or I\/O error/);
    });
});
