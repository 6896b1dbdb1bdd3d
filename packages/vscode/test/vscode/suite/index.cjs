// Runs inside the VS Code extension host (CommonJS, as @vscode/test-electron loads it). A tiny sequential runner:
// each test asserts through VS Code's own commands (`vscode.execute*Provider`) and polls for state with a deadline
// instead of sleeping. Throws when any test fails, which makes runTests reject.
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const vscode = require('vscode');

const EXTENSION_ID = 'mq-architect.mq-architect';

async function until(description, probe, timeoutMs = 30000) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
        const value = await probe();
        if (value) return value;
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${description}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
    }
}

function fileUri(name) {
    return vscode.Uri.joinPath(vscode.workspace.workspaceFolders[0].uri, name);
}

async function open(name) {
    const document = await vscode.workspace.openTextDocument(fileUri(name));
    await vscode.window.showTextDocument(document);
    return document;
}

const tests = [
    ['activates and starts the language server', async () => {
        const extension = vscode.extensions.getExtension(EXTENSION_ID);
        assert.ok(extension, 'extension installed');
        await open('shop.mq');
        await extension.activate();
        assert.equal(extension.isActive, true);
    }],
    ['registers its commands', async () => {
        const commands = await vscode.commands.getCommands(true);
        for (const command of ['mq.openPreview', 'mq.exportDiagram', 'mq.runSimulation', 'mq.restartServer']) {
            assert.ok(commands.includes(command), `${command} registered`);
        }
    }],
    ['publishes diagnostics with rule codes', async () => {
        const document = await open('broken.mq');
        const diagnostics = await until('MQ010 on broken.mq', () => {
            const found = vscode.languages.getDiagnostics(document.uri);
            return found.some((diagnostic) => String(diagnostic.code?.value ?? diagnostic.code) === 'MQ010') && found;
        });
        const visibility = diagnostics.find((diagnostic) => String(diagnostic.code?.value ?? diagnostic.code) === 'MQ010');
        assert.equal(visibility.severity, vscode.DiagnosticSeverity.Error);
        assert.equal(document.getText(visibility.range), '13h');
    }],
    ['offers the quick fix for the diagnostic', async () => {
        const document = await open('broken.mq');
        const diagnostic = vscode.languages.getDiagnostics(document.uri).find((d) => String(d.code?.value ?? d.code) === 'MQ010');
        const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', document.uri, diagnostic.range);
        assert.ok(actions.some((action) => action.title === 'Change to 12h'), `actions: ${actions.map((action) => action.title).join(', ')}`);
    }],
    ['refuses to simulate while the workspace has errors', async () => {
        const result = await vscode.commands.executeCommand('mq.runSimulation', { uri: fileUri('shop.mq').toString(), scenario: 'quiet-hour' });
        assert.equal(result.ok, false);
        assert.match(result.error, /MQ010/);
    }],
    ['applies the quick fix, and the diagnostic goes away', async () => {
        const document = await open('broken.mq');
        const diagnostic = vscode.languages.getDiagnostics(document.uri).find((d) => String(d.code?.value ?? d.code) === 'MQ010');
        const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', document.uri, diagnostic.range);
        const fix = actions.find((action) => action.title === 'Change to 12h');
        assert.ok(await vscode.workspace.applyEdit(fix.edit));
        assert.match(document.getText(), /visibility: 12h/);
        await until('MQ010 to disappear', () => !vscode.languages.getDiagnostics(document.uri).some((d) => String(d.code?.value ?? d.code) === 'MQ010'));
    }],
    ['runs a scenario to a report with verdicts', async () => {
        const result = await vscode.commands.executeCommand('mq.runSimulation', { uri: fileUri('shop.mq').toString(), scenario: 'quiet-hour' });
        assert.equal(result.ok, true, result.error);
        assert.deepEqual(result.verdicts.map((verdict) => verdict.text), ['orders.age-of-oldest < 1m', 'no-loss']);
        await until('the report tab', () => vscode.window.tabGroups.all.flatMap((group) => group.tabs)
            .some((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith('mq.simulationReport')));
    }],
    ['lists document symbols', async () => {
        const document = await open('shop.mq');
        const symbols = await until('symbols', () => vscode.commands.executeCommand('vscode.executeDocumentSymbolProvider', document.uri));
        const names = symbols.map((symbol) => symbol.name);
        for (const name of ['orders', 'checkout', 'workers', 'quiet-hour']) assert.ok(names.includes(name), `${name} in ${names.join(', ')}`);
    }],
    ['puts a ▶ Simulate code lens above the scenario', async () => {
        const document = await open('shop.mq');
        const lenses = await until('code lenses', async () => {
            const found = await vscode.commands.executeCommand('vscode.executeCodeLensProvider', document.uri, 10);
            return found.some((lens) => lens.command?.title === '▶ Simulate') && found;
        });
        const lens = lenses.find((candidate) => candidate.command?.title === '▶ Simulate');
        assert.equal(document.lineAt(lens.range.start.line).text.startsWith('scenario quiet-hour'), true);
        assert.deepEqual(lens.command.arguments, [{ uri: document.uri.toString(), scenario: 'quiet-hour' }]);
    }],
    ['opens the architecture preview beside the editor', async () => {
        const document = await open('shop.mq');
        await vscode.commands.executeCommand('mq.openPreview', document.uri);
        await until('the preview tab', () => vscode.window.tabGroups.all.flatMap((group) => group.tabs)
            .some((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith('mq.architecturePreview')));
    }],
    ['exports the diagram as SVG', async () => {
        const target = path.join(os.tmpdir(), `mq-export-${Date.now()}.svg`);
        const written = await vscode.commands.executeCommand('mq.exportDiagram', { format: 'svg', target });
        assert.ok(written, 'export returned the file');
        const svg = fs.readFileSync(target, 'utf8');
        assert.match(svg, /<svg[\s\S]*data-id="queue:orders"[\s\S]*<\/svg>\s*$/);
        fs.rmSync(target, { force: true });
    }],
];

async function run() {
    const failures = [];
    for (const [name, body] of tests) {
        try {
            await body();
            console.log(`  ✓ ${name}`);
        } catch (error) {
            failures.push(name);
            console.log(`  ✗ ${name}\n      ${error && error.stack ? error.stack.split('\n').slice(0, 3).join('\n      ') : error}`);
        }
    }
    console.log(`${tests.length - failures.length} passed, ${failures.length} failed`);
    if (failures.length > 0) throw new Error(`${failures.length} test(s) failed: ${failures.join('; ')}`);
}

module.exports = { run };
