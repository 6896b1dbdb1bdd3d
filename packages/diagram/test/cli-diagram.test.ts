import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Command as CommandType } from 'commander';
import { DOMParser } from '@xmldom/xmldom';
import { registerDiagram } from '../../cli/src/commands/diagram.js';

// The CLI's own commander, so the command registers on the same classes it was written against.
const { Command } = createRequire(path.resolve(__dirname, '../../cli/package.json'))('commander') as { Command: new (name: string) => CommandType };
const examples = path.resolve(__dirname, '../../../examples');

async function mqDiagram(...args: string[]): Promise<{ stdout: string; stderr: string; code: number | undefined }> {
    const program = new Command('mq').exitOverride();
    registerDiagram(program);
    let stdout = '';
    let stderr = '';
    const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => { stdout += String(chunk); return true; });
    const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => { stderr += String(chunk); return true; });
    process.exitCode = undefined;
    try {
        await program.parseAsync(['diagram', ...args], { from: 'user' });
    } finally {
        out.mockRestore();
        err.mockRestore();
    }
    const code = typeof process.exitCode === 'number' ? process.exitCode : undefined;
    process.exitCode = undefined;
    return { stdout, stderr, code };
}

function wellFormed(svg: string): boolean {
    let ok = true;
    new DOMParser({ onError: (level) => { if (level !== 'warning') ok = false; } }).parseFromString(svg, 'image/svg+xml');
    return ok;
}

describe('mq diagram', () => {
    afterEach(() => { process.exitCode = undefined; });

    it('writes an SVG of a file to standard output', async () => {
        const result = await mqDiagram(path.join(examples, 'language-tour.mq'));
        expect(result.code).toBe(0);
        expect(result.stdout.startsWith('<svg')).toBe(true);
        expect(wellFormed(result.stdout)).toBe(true);
        expect(result.stdout).toContain('data-id="queue:shipping"');
        expect(result.stderr).toMatch(/1 file checked: 0 errors/);
    });

    it('writes to a file with -o, in the dark theme and top-down', async () => {
        const out = path.join(mkdtempSync(path.join(os.tmpdir(), 'mq-diagram-')), 'out.svg');
        const result = await mqDiagram(examples, '-o', out, '--theme', 'dark', '--direction', 'down');
        expect(result.stdout).toBe('');
        expect(result.stderr).toMatch(/wrote .*out\.svg \(\d+ nodes, \d+ edges\)/);
        const svg = readFileSync(out, 'utf8');
        expect(svg).toContain('data-direction="DOWN"');
        expect(svg).toContain('--mq-bg:#1e1e1e;');
        expect(wellFormed(svg)).toBe(true);
    });

    it('prints diagnostics, draws them as badges and exits 1 on errors', async () => {
        const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'mq-diagram-')), 'broken.mq');
        writeFileSync(file, 'queue jobs { visibility: 13h }\nconsumer workers { poll: jobz }\n');
        const result = await mqDiagram(file);
        expect(result.code).toBe(1);
        expect(result.stderr).toMatch(/broken\.mq:1:\d+ error MQ010/);
        expect(result.stderr).toMatch(/broken\.mq:2:\d+ error MQ040 .*jobz/);
        expect(result.stdout).toMatch(/<g class="mq-node node mq-kind-queue mq-has-error" [^>]*data-id="queue:jobs"/);
        expect(result.stdout).toContain('data-id="missing:jobz"');
    });

    it('emits the positioned graph as JSON for tools that draw it themselves', async () => {
        const result = await mqDiagram(path.join(examples, 'language-tour.mq'), '--format', 'json');
        const diagram = JSON.parse(result.stdout);
        expect(diagram.direction).toBe('RIGHT');
        expect(diagram.nodes.find((n: { id: string }) => n.id === 'topic:purchases')).toMatchObject({ kind: 'topic', name: 'purchases' });
        expect(typeof diagram.nodes[0].x).toBe('number');
        expect(diagram.edges[0].points.length).toBeGreaterThanOrEqual(2);
    });

    it('rejects an unknown theme', async () => {
        await expect(mqDiagram(examples, '--theme', 'neon')).rejects.toThrow(/Allowed choices are light, dark/);
    });
});
