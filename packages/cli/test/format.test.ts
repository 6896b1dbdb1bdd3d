import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCli, fixture, mq, root } from './support/run-mq.js';

describe('mq format', () => {
    beforeAll(() => {
        buildCli();
    }, 60_000);

    it('rewrites a file in the canonical layout', () => {
        const file = fixture('a.mq', 'queue a{visibility:30s wait:  20s}\n', 'mq-fmt-');
        expect(mq('format', file).code).toBe(0);
        expect(readFileSync(file, 'utf8')).toBe('queue a {\n  visibility: 30s\n  wait: 20s\n}\n');
    });

    it('--check lists unformatted files, changes nothing and exits 1', () => {
        const text = 'queue a{visibility:30s}\n';
        const file = fixture('a.mq', text, 'mq-fmt-');
        const result = mq('format', '--check', file);
        expect(result.code).toBe(1);
        expect(result.stdout).toContain(file);
        expect(readFileSync(file, 'utf8')).toBe(text);
    });

    it('leaves files with syntax errors untouched', () => {
        const text = 'queue a { visibility: }\n';
        const file = fixture('a.mq', text, 'mq-fmt-');
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
