// The end-to-end suite in a real VS Code: the packaged .vsix installed into code-server, driven in Debian
// chromium by playwright-core as a user would. Screenshots of every step go to test-artifacts/e2e/.
// Usage: npm run test:e2e   (MQ_E2E_VSIX=path skips packaging; MQ_E2E_HEADED=1 shows the browser)
import { execFileSync } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { codeServerInstalled, installExtension, startCodeServer } from './code-server.mjs';
import { activeEditorText, activeTab, cursorPosition, openFile, pickQuickItem, problemRows, runCommand, showProblems, waitFor, waitForWorkbench, webviewFrame } from './workbench.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const packageDir = path.resolve(here, '..', '..');
const repoRoot = path.resolve(packageDir, '..', '..');
const artifacts = path.join(repoRoot, 'test-artifacts', 'e2e');
const EXAMPLE = process.env.MQ_E2E_EXAMPLE ?? 'purchase-fanout.mq';
const SCENARIO = process.env.MQ_E2E_SCENARIO ?? 'steady-day';
const SUITE_TIMEOUT_MS = Number(process.env.MQ_E2E_TIMEOUT_MS ?? 8 * 60_000);
const CHROMIUM = process.env.MQ_E2E_CHROMIUM ?? '/usr/bin/chromium';

/** A file with one rule violation that has a quick fix (visibility above the SQS maximum of 12 hours, MQ010), and a scenario. */
const BROKEN_FILE = 'broken.mq';
const BROKEN_TEXT = `// A queue whose visibility timeout exceeds the SQS maximum (12h).
queue e2e-jobs {
  visibility: 13h
}

consumer e2e-workers {
  poll: e2e-jobs
  processing: 1s
}

scenario e2e-smoke {
  duration: 1m
  expect no-loss
}
`;

const results = [];
let shot = 0;

async function screenshot(page, name) {
    shot += 1;
    const file = path.join(artifacts, `${String(shot).padStart(2, '0')}-${name}.png`);
    await page.screenshot({ path: file }).catch((error) => console.error(`  (screenshot failed: ${error.message})`));
    return file;
}

async function step(page, name, body) {
    const started = Date.now();
    try {
        // A widget left open by a failed step must not swallow this step's keystrokes.
        await page.keyboard.press('Escape').catch(() => undefined);
        await body();
        const file = await screenshot(page, name);
        results.push({ name, ok: true });
        console.log(`✓ ${name} (${Date.now() - started} ms) → ${path.relative(repoRoot, file)}`);
    } catch (error) {
        const file = await screenshot(page, `${name}-FAILED`);
        results.push({ name, ok: false, error });
        console.log(`✗ ${name} (${Date.now() - started} ms) → ${path.relative(repoRoot, file)}\n    ${error.message.split('\n').join('\n    ')}`);
    }
}

async function prepareWorkspace(root) {
    const workspace = path.join(root, 'workspace');
    await mkdir(workspace, { recursive: true });
    await copyFile(path.join(repoRoot, 'examples', EXAMPLE), path.join(workspace, EXAMPLE));
    await writeFile(path.join(workspace, BROKEN_FILE), BROKEN_TEXT);
    return workspace;
}

async function packageVsix(root) {
    if (process.env.MQ_E2E_VSIX) return path.resolve(process.env.MQ_E2E_VSIX);
    const vsix = path.join(root, 'mq-architect.vsix');
    execFileSync(process.execPath, [path.join(packageDir, 'scripts', 'package.mjs'), '--out', vsix], { cwd: packageDir, stdio: 'inherit' });
    return vsix;
}

async function main() {
    if (!codeServerInstalled()) {
        execFileSync('bash', [path.join(here, 'setup.sh')], { stdio: 'inherit' });
    }
    await rm(artifacts, { recursive: true, force: true });
    await mkdir(artifacts, { recursive: true });
    const root = await mkdtemp(path.join(os.tmpdir(), 'mq-e2e-'));
    const vsix = await packageVsix(root);
    const workspace = await prepareWorkspace(root);
    const extensionsDir = path.join(root, 'extensions');
    console.log(await installExtension(vsix, extensionsDir));
    const server = await startCodeServer({
        workspace, extensionsDir, userDataDir: path.join(root, 'user-data'), logFile: path.join(artifacts, 'code-server.log')
    });
    const browser = await chromium.launch({
        executablePath: CHROMIUM,
        headless: !process.env.MQ_E2E_HEADED,
        args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
            '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage']
    });
    const suiteTimer = setTimeout(() => {
        console.log(`✗ the suite exceeded ${SUITE_TIMEOUT_MS / 1000} s; stopping`);
        results.push({ name: 'suite time limit', ok: false, error: new Error('timeout') });
        void browser.close();
    }, SUITE_TIMEOUT_MS);
    try {
        const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
        const page = await context.newPage();
        const consoleErrors = [];
        page.on('console', (message) => {
            if (message.type() === 'error') consoleErrors.push(message.text());
        });
        await runSteps(page, `${server.url}/?folder=${encodeURIComponent(workspace)}`, workspace);
        await writeFile(path.join(artifacts, 'browser-console-errors.txt'), consoleErrors.join('\n'));
    } finally {
        clearTimeout(suiteTimer);
        await browser.close().catch(() => undefined);
        await server.stop();
        await rm(root, { recursive: true, force: true }).catch(() => undefined);
    }
}

async function runSteps(page, url, workspace) {
    const exampleText = await readFile(path.join(workspace, EXAMPLE), 'utf8');

    await step(page, 'open-example', async () => {
        await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 120_000 });
        await waitForWorkbench(page);
        await openFile(page, EXAMPLE);
        // The status bar item turns into "✓ MQ" once the language server is running.
        await page.locator('.statusbar-item', { hasText: /^\s*MQ\s*$/ }).first().waitFor({ timeout: 60_000 });
        await waitFor('the server to be running', async () => {
            const label = await page.locator('.statusbar-item', { hasText: /^\s*MQ\s*$/ }).first().getAttribute('aria-label');
            return label?.includes('running');
        }, { timeout: 60_000 });
    });

    await step(page, 'problems-panel-shows-broken-file', async () => {
        await openFile(page, BROKEN_FILE);
        await showProblems(page);
        await problemRows(page, 'MQ010').first().waitFor({ timeout: 60_000 });
        // The scenario in the same file gets its code lens.
        await page.locator('.editor-group-container.active .codelens-decoration', { hasText: '▶ Simulate' }).first().waitFor({ timeout: 30_000 });
    });

    let frame;
    await step(page, 'preview-flags-broken-node', async () => {
        await runCommand(page, 'MQ: Open Architecture Preview');
        frame = await webviewFrame(page, '#mq-canvas svg g.mq-node[data-id]', { timeout: 60_000 });
        const ids = await frame.$$eval('g.mq-node[data-id]', (elements) => elements.map((element) => element.getAttribute('data-id')));
        if (ids.length < 5) throw new Error(`expected the workspace's nodes, found ${ids.length}: ${ids.join(', ')}`);
        // The whole workspace is drawn: the example's topic as well as the broken file's queue, badged as an error.
        if (!ids.includes('topic:order-events')) throw new Error(`the example's topic is missing: ${ids.join(', ')}`);
        await frame.waitForSelector('g.mq-node[data-id="queue:e2e-jobs"][data-severity="error"]', { timeout: 30_000 });
    });

    await step(page, 'quick-fix-applied', async () => {
        // Put the cursor into the flagged value, then ask for quick fixes as a user would (Ctrl+.).
        await page.locator('.monaco-editor .view-lines span', { hasText: /^13h$/ }).first().click();
        await page.keyboard.press('Control+.');
        const fix = page.locator('.action-widget .monaco-list-row', { hasText: 'Change to 12h' }).first();
        await fix.waitFor({ timeout: 20_000 });
        // The widget focuses its first fix; a mouse click would land on the widget's pointer shield.
        await page.keyboard.press('Enter');
        await waitFor('the editor to contain the fixed value', async () => (await activeEditorText(page)).includes('visibility: 12h'));
        await waitFor('MQ010 to leave the Problems panel', async () => (await problemRows(page, 'MQ010').count()) === 0, { timeout: 30_000 });
        // The open preview follows the edit: the queue loses its error badge.
        if (!frame) throw new Error('no preview from the previous step');
        await frame.waitForSelector('g.mq-node[data-id="queue:e2e-jobs"]:not([data-severity])', { timeout: 30_000 });
    });

    let node;
    await step(page, 'preview-shows-example-nodes', async () => {
        await openFile(page, EXAMPLE);
        await runCommand(page, 'MQ: Open Architecture Preview');
        frame = await webviewFrame(page, '#mq-canvas svg g.mq-node[data-kind="queue"]', { timeout: 60_000 });
        // Pick a queue declared in the example; its declaration line is known from the text.
        const queue = await waitFor('a queue node of the example', () => frame.$$eval('g.mq-node[data-kind="queue"]', (elements, file) => elements
            .map((element) => ({ id: element.getAttribute('data-id'), name: element.getAttribute('data-name'), uri: element.getAttribute('data-uri') }))
            .find((candidate) => candidate.uri?.endsWith(`/${file}`)), EXAMPLE));
        node = { ...queue, frame };
    });

    await step(page, 'click-node-reveals-declaration', async () => {
        if (!node) throw new Error('no node from the previous step');
        const lines = exampleText.split('\n');
        const expectedLine = lines.findIndex((line) => new RegExp(`^\\s*queue\\s+${node.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`).test(line)) + 1;
        if (expectedLine === 0) throw new Error(`queue ${node.name} not found in ${EXAMPLE}`);
        await node.frame.click(`g.mq-node[data-id="${node.id}"]`);
        await activeTab(page, EXAMPLE).waitFor({ timeout: 10_000 });
        await waitFor(`the cursor on line ${expectedLine} (queue ${node.name})`, async () => (await cursorPosition(page))?.line === expectedLine, { timeout: 15_000 });
    });

    await step(page, 'export-png-from-preview', async () => {
        if (!node) throw new Error('no preview from the previous steps');
        const target = path.join(workspace, 'architecture.png');
        await node.frame.click('button[data-action="export-png"]');
        // code-server's save dialog is the simple file dialog: a quick input holding the path.
        const input = page.locator('.quick-input-widget .quick-input-box input');
        await input.waitFor({ state: 'visible', timeout: 20_000 });
        // The dialog fills in its default path after it appears; typing before that loses the race, so wait
        // for the default, then replace it and check the path is ours before confirming.
        await waitFor('the save dialog\'s default path', async () => (await input.inputValue()) !== '', { timeout: 10_000 }).catch(() => undefined);
        await waitFor('our path in the save dialog', async () => {
            if ((await input.inputValue()) !== target) await input.fill(target);
            return (await input.inputValue()) === target;
        }, { timeout: 10_000 });
        await page.keyboard.press('Enter');
        const png = await waitFor('the exported PNG on disk', async () => {
            const bytes = await readFile(target).catch(() => undefined);
            return bytes && bytes.length > 1000 ? bytes : undefined;
        }, { timeout: 30_000 });
        if (png.subarray(1, 4).toString('latin1') !== 'PNG') throw new Error('the exported file is not a PNG');
        if (png.readUInt32BE(16) < 200) throw new Error(`the PNG is only ${png.readUInt32BE(16)} px wide`);
    });

    await step(page, 'simulation-report-with-verdicts', async () => {
        await runCommand(page, 'MQ: Run Simulation');
        await pickQuickItem(page, SCENARIO);
        // Either the report with its verdicts, or the panel's failure message (which ends the wait early).
        const frame = await webviewFrame(page, 'td.pass, td.fail, p.mq-report-status:not(:has-text("Simulating"))', { timeout: 240_000 });
        const status = await frame.$eval('p.mq-report-status', (element) => element.textContent).catch(() => undefined);
        if (status) throw new Error(`the report panel says: ${status}`);
        const verdicts = await frame.$$eval('td.pass, td.fail', (cells) => cells.map((cell) => cell.className));
        if (verdicts.length === 0) throw new Error('the report shows no verdicts');
        const heading = await frame.$eval('h1', (element) => element.textContent ?? '');
        if (!heading.includes(SCENARIO)) throw new Error(`the report is for another scenario: ${heading}`);
    });

    await step(page, 'replay-on-diagram', async () => {
        // The report opened over the preview; bringing the preview back reloads its page, which must get the
        // diagram and the replay again through the ready handshake.
        await page.locator('.tab', { hasText: `Preview ${EXAMPLE}` }).first().click();
        const frame = await webviewFrame(page, '.mq-replay:not([hidden]) .mq-replay-slider', { timeout: 60_000 });
        await frame.waitForSelector('g.mq-node[data-kind="queue"] .mq-replay-pill', { timeout: 30_000 });
        const title = await frame.$eval('.mq-replay-title', (element) => element.textContent ?? '');
        if (!title.includes(SCENARIO)) throw new Error(`the replay shows another run: ${title}`);
    });
}

const started = Date.now();
try {
    await main();
} catch (error) {
    results.push({ name: 'suite setup', ok: false, error });
    console.error(`✗ suite setup: ${error.stack ?? error.message}`);
}
const passed = results.filter((result) => result.ok).length;
const failed = results.length - passed;
console.log(`\n${passed} passed, ${failed} failed (${((Date.now() - started) / 1000).toFixed(1)} s); screenshots in ${path.relative(process.cwd(), artifacts) || artifacts}`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
