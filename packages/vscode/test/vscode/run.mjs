// The @vscode/test-electron suite (the standard harness): runs suite/index.cjs inside a real VS Code desktop with
// the extension under development. It needs a VS Code build: set VSCODE_TEST_PATH to its executable, or
// MQ_VSCODE_DOWNLOAD=1 to let @vscode/test-electron download one (machines with internet only). Otherwise it is
// skipped, since CI machines here cannot download VS Code; there the code-server suite (test/e2e) runs instead.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const packageDir = path.resolve(here, '..', '..');
const executable = process.env.VSCODE_TEST_PATH;

if (!executable && process.env.MQ_VSCODE_DOWNLOAD !== '1') {
    console.log('test:vscode skipped: set VSCODE_TEST_PATH=/path/to/code (or MQ_VSCODE_DOWNLOAD=1 with internet access).');
    process.exit(0);
}

const { runTests } = await import('@vscode/test-electron');
execFileSync(process.execPath, [path.join(packageDir, 'esbuild.mjs')], { cwd: packageDir, stdio: 'inherit' });
const workspace = mkdtempSync(path.join(os.tmpdir(), 'mq-vscode-test-'));
cpSync(path.join(here, 'workspace'), workspace, { recursive: true });
try {
    await runTests({
        vscodeExecutablePath: executable,
        extensionDevelopmentPath: packageDir,
        extensionTestsPath: path.join(here, 'suite', 'index.cjs'),
        launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome']
    });
} catch (error) {
    console.error(`test:vscode failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
} finally {
    rmSync(workspace, { recursive: true, force: true });
}
