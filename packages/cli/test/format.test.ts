import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../../..');
const bin = path.join(root, 'packages/cli/bin/mq.cjs');

function mq(...args: string[]) {
    const result = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8' });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function fixture(text: string): string {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'mq-fmt-')), 'a.mq');
    writeFileSync(file, text);
    return file;
}

describe('mq format', () => {
    beforeAll(() => {
        execFileSync(process.execPath, [path.join(root, 'packages/cli/esbuild.mjs')], { cwd: root });
    }, 60_000);

    it('rewrites a file in the canonical layout', () => {
        const file = fixture('queue a{visibility:30s wait:  20s}\n');
        expect(mq('format', file).code).toBe(0);
        expect(readFileSync(file, 'utf8')).toBe('queue a {\n  visibility: 30s\n  wait: 20s\n}\n');
    });

    it('--check lists unformatted files, changes nothing and exits 1', () => {
        const text = 'queue a{visibility:30s}\n';
        const file = fixture(text);
        const result = mq('format', '--check', file);
        expect(result.code).toBe(1);
        expect(result.stdout).toContain(file);
        expect(readFileSync(file, 'utf8')).toBe(text);
    });

    it('leaves files with syntax errors untouched', () => {
        const text = 'queue a { visibility: }\n';
        const file = fixture(text);
        const result = mq('format', file);
        expect(result.code).toBe(1);
        expect(result.stderr).toMatch(/syntax error/);
        expect(readFileSync(file, 'utf8')).toBe(text);
    });

    it('the examples are formatted (the language tour is kept verbatim from the language design)', () => {
        const examples = path.join(root, 'examples');
        const result = mq('format', '--check', examples);
        expect(result.stdout.trim().split('\n').filter(Boolean).map(line => path.basename(line))).toEqual(['language-tour.mq']);
    });
});
