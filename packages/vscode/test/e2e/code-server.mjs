// Starting and stopping code-server (VS Code 1.100 in the browser, with a real Node extension host).
import { spawn, execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

export const CODE_SERVER_VERSION = process.env.MQ_E2E_CODE_SERVER_VERSION ?? '4.100.3';
export const CACHE_DIR = process.env.MQ_E2E_CACHE ?? path.join(os.homedir(), '.cache', 'mq-e2e');
export const CODE_SERVER_BIN = path.join(CACHE_DIR, `code-server-${CODE_SERVER_VERSION}`, 'node_modules', '.bin', 'code-server');

const run = promisify(execFile);

export function codeServerInstalled() {
    return existsSync(CODE_SERVER_BIN);
}

/** Settings that keep the workbench quiet and deterministic: no welcome page, no trust prompt, no tips. */
const USER_SETTINGS = {
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'security.workspace.trust.enabled': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.ignoreRecommendations': true,
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'editor.codeLens': true,
    'editor.minimap.enabled': false,
    'chat.commandCenter.enabled': false,
    'workbench.colorTheme': 'Default Dark Modern',
    'files.autoSave': 'off'
};

export async function installExtension(vsix, extensionsDir) {
    await mkdir(extensionsDir, { recursive: true });
    const { stdout, stderr } = await run(CODE_SERVER_BIN, ['--extensions-dir', extensionsDir, '--install-extension', vsix], { timeout: 120_000 });
    return `${stdout}${stderr}`.trim();
}

async function freePort() {
    return new Promise((resolve, reject) => {
        const server = net.createServer();
        server.unref();
        server.on('error', reject);
        server.listen(0, '127.0.0.1', () => {
            const { port } = server.address();
            server.close(() => resolve(port));
        });
    });
}

/**
 * Starts code-server on 127.0.0.1 and resolves once it answers HTTP. Returns `{ url, stop, log }`; `stop` kills
 * exactly the process it started (and its children, through the process group).
 */
export async function startCodeServer({ workspace, extensionsDir, userDataDir, logFile }) {
    await mkdir(path.join(userDataDir, 'User'), { recursive: true });
    await writeFile(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify(USER_SETTINGS, null, 2));
    const port = await freePort();
    const args = [
        '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry', '--disable-update-check',
        '--disable-workspace-trust', '--disable-getting-started-override',
        '--extensions-dir', extensionsDir, '--user-data-dir', userDataDir, workspace
    ];
    const child = spawn(CODE_SERVER_BIN, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, VSCODE_PROXY_URI: '' } });
    let log = '';
    child.stdout.on('data', (chunk) => { log += chunk; });
    child.stderr.on('data', (chunk) => { log += chunk; });
    const url = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
        if (child.exitCode !== null) throw new Error(`code-server exited with ${child.exitCode}:\n${log}`);
        try {
            const response = await fetch(`${url}/healthz`);
            if (response.ok) break;
        } catch {
            // not listening yet
        }
        await new Promise((resolve) => setTimeout(resolve, 250));
    }
    if (Date.now() >= deadline) throw new Error(`code-server did not answer within 60 s:\n${log}`);
    const stop = async () => {
        if (logFile) await writeFile(logFile, log).catch(() => undefined);
        if (child.exitCode !== null) return;
        try {
            process.kill(-child.pid, 'SIGTERM');
        } catch {
            // already gone
        }
        await new Promise((resolve) => {
            const timer = setTimeout(() => {
                try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ }
                resolve();
            }, 5000);
            child.once('exit', () => { clearTimeout(timer); resolve(); });
        });
    };
    return { url, stop, log: () => log };
}
