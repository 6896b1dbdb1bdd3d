import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadWorkspace } from '../../src/node.js';

const examples = path.resolve(__dirname, '../../../../examples');

describe('examples', () => {
    const files = readdirSync(examples).filter(file => file.endsWith('.mq')).sort();

    it('there are at least six realistic architectures plus the language tour', () => {
        expect(files.length).toBeGreaterThanOrEqual(7);
    });

    it.each(files)('%s checks clean and has a scenario', async file => {
        const { model, diagnostics } = await loadWorkspace([path.join(examples, file)]);
        const problems = diagnostics.filter(d => d.severity === 'error' || d.severity === 'warning');
        expect(problems.map(d => `${d.location.range.start.line + 1}: ${d.code} ${d.message}`)).toEqual([]);
        expect(model.scenarios.length).toBeGreaterThan(0);
    });
});

describe('examples as one workspace', () => {
    it('all example files load together without duplicate names (as `mq check examples` does)', async () => {
        const { diagnostics, files } = await loadWorkspace([examples]);
        expect(files.length).toBeGreaterThanOrEqual(7);
        expect(diagnostics.filter(d => d.severity === 'error').map(d => `${d.location.uri}:${d.location.range.start.line + 1} ${d.code} ${d.message}`)).toEqual([]);
    });
});
