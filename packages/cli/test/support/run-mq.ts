import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const root = path.resolve(__dirname, '../../../..');
const bin = path.join(root, 'packages/cli/bin/mq.cjs');

/** Runs the built `mq` binary as a user would, from the repository root. */
export function mq(...args: string[]): { code: number | null; stdout: string; stderr: string } {
    const result = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8' });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Bundles the CLI so the tests exercise what `npm run build` ships. */
export function buildCli(): void {
    execFileSync(process.execPath, [path.join(root, 'packages/cli/esbuild.mjs')], { cwd: root });
}

/** Writes `text` to a fresh temporary folder and returns the file's path. */
export function fixture(name: string, text: string, prefix = 'mq-cli-'): string {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), prefix)), name);
    writeFileSync(file, text);
    return file;
}
