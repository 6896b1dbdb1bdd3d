import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';
import { execFileSync, spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CompletionItem, CompletionList, Hover, ProtocolConnection, PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import {
    CompletionRequest, createProtocolConnection, DidOpenTextDocumentNotification, ExitNotification, HoverRequest,
    InitializedNotification, InitializeRequest, PublishDiagnosticsNotification, RenameRequest, ShutdownRequest, StreamMessageReader, StreamMessageWriter
} from 'vscode-languageserver-protocol/node';

/**
 * End to end: the bundled server, spawned the way an editor spawns it, speaking LSP over stdio.
 * Builds the bundle first so the test checks what ships.
 */
const packageDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const bundle = path.join(packageDir, 'out', 'server.cjs');
const uri = 'file:///workspace/orders.mq';
const text = 'queue orders {\n  visibility: 13h\n}\nconsumer workers {\n  poll: orders\n}\nqueue ledger.fifo { }\n';

let server: ChildProcessWithoutNullStreams;
let connection: ProtocolConnection;
let stderr = '';

function startServer(): void {
    // No --require: the bundle must install its own Object.groupBy polyfill on Node 20.
    stderr = '';
    server = spawn(process.execPath, [bundle, '--stdio'], { stdio: 'pipe' });
    server.stderr.on('data', chunk => { stderr += String(chunk); });
    connection = createProtocolConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
    connection.listen();
}

function stopServer(): void {
    connection?.dispose();
    if (server && server.exitCode === null) server.kill();
}

beforeAll(() => {
    execFileSync(process.execPath, [path.join(packageDir, 'esbuild.mjs')], { stdio: 'inherit' });
}, 60_000);

afterEach(stopServer);

describe('language server over stdio', () => {
    test('initialize → diagnostics with codes → completion → hover → shutdown', async () => {
        startServer();
        const diagnosticsArrived = new Promise<PublishDiagnosticsParams>(resolve => {
            connection.onNotification(PublishDiagnosticsNotification.type, params => {
                if (params.uri === uri && params.diagnostics.length > 0) resolve(params);
            });
        });

        const init = await connection.sendRequest(InitializeRequest.type, {
            processId: process.pid, rootUri: null, workspaceFolders: null, capabilities: {}
        });
        expect(init.capabilities.completionProvider, stderr).toBeDefined();
        expect(init.capabilities.hoverProvider).toBeTruthy();
        expect(init.capabilities.documentFormattingProvider).toBeTruthy();
        expect(init.capabilities.renameProvider).toBeTruthy();
        expect(init.capabilities.inlayHintProvider).toBeTruthy();
        expect(init.capabilities.semanticTokensProvider).toBeDefined();
        await connection.sendNotification(InitializedNotification.type, {});

        await connection.sendNotification(DidOpenTextDocumentNotification.type, {
            textDocument: { uri, languageId: 'mq', version: 1, text }
        });
        const published = await diagnosticsArrived;
        const visibility = published.diagnostics.find(diagnostic => diagnostic.code === 'MQ010');
        expect(visibility, JSON.stringify(published.diagnostics)).toBeDefined();
        expect(visibility!.range.start).toEqual({ line: 1, character: 14 });
        expect((visibility!.data as { code?: string }).code).toBe('MQ010');

        const completion = await connection.sendRequest(CompletionRequest.type, {
            textDocument: { uri }, position: { line: 1, character: 2 }
        }) as CompletionList | CompletionItem[] | null;
        const items = Array.isArray(completion) ? completion : completion?.items ?? [];
        expect(items.map(item => item.label)).toEqual(expect.arrayContaining(['visibility', 'retention', 'dead-letter']));

        const hover = await connection.sendRequest(HoverRequest.type, {
            textDocument: { uri }, position: { line: 4, character: 9 }
        }) as Hover | null;
        const hoverText = typeof hover?.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '';
        expect(hoverText).toContain('**queue** `orders`');
        expect(hoverText).toContain('| retention | `4d` *(default)* |');

        // A refused rename reaches the editor as an error response carrying the explanation.
        await expect(connection.sendRequest(RenameRequest.type, {
            textDocument: { uri }, position: { line: 6, character: 8 }, newName: 'ledger'
        })).rejects.toThrow(/it is a FIFO queue, and AWS requires FIFO queue names to end in '\.fifo'/);

        await connection.sendRequest(ShutdownRequest.type);
        const exited = new Promise<number | null>(resolve => server.once('exit', code => resolve(code)));
        await connection.sendNotification(ExitNotification.type);
        expect(await exited).toBe(0);
    }, 60_000);

    test('a workspace folder is loaded from disk: every file is validated, references across files resolve', async () => {
        const folderPath = mkdtempSync(path.join(tmpdir(), 'mq-ws-'));
        writeFileSync(path.join(folderPath, 'queues.mq'), 'queue orders-dlq {\n  retention: 14d\n}\n');
        writeFileSync(path.join(folderPath, 'orders.mq'), 'queue orders {\n  dead-letter: orders-dlq after 3 receives\n  retention: 4d\n}\nconsumer workers {\n  poll: orders\n}\n');
        writeFileSync(path.join(folderPath, 'broken.mq'), 'consumer lost {\n  poll: nowhere\n}\n');
        writeFileSync(path.join(folderPath, 'notes.txt'), 'not MQ');
        startServer();
        const files = ['queues.mq', 'orders.mq', 'broken.mq'].map(name => pathToFileURL(path.join(folderPath, name)).toString());
        const published = new Map<string, PublishDiagnosticsParams>();
        const allPublished = new Promise<void>(resolve => {
            connection.onNotification(PublishDiagnosticsNotification.type, params => {
                published.set(params.uri, params);
                if (files.every(file => published.has(file))) resolve();
            });
        });
        const folder = pathToFileURL(folderPath).toString();
        await connection.sendRequest(InitializeRequest.type, {
            processId: process.pid, rootUri: folder, workspaceFolders: [{ uri: folder, name: 'ws' }], capabilities: {}
        });
        await connection.sendNotification(InitializedNotification.type, {});
        await allPublished;
        const errorsOf = (uri: string) => published.get(uri)!.diagnostics.filter(diagnostic => diagnostic.severity === 1).map(diagnostic => diagnostic.code);
        expect(errorsOf(files[0]!), stderr).toEqual([]);
        expect(errorsOf(files[1]!)).toEqual([]);
        expect(errorsOf(files[2]!)).toEqual(['MQ040']);
        expect([...published.keys()].some(uri => uri.endsWith('notes.txt'))).toBe(false);
        rmSync(folderPath, { recursive: true, force: true });
    }, 60_000);
});
