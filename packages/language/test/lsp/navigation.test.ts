import { afterEach, describe, expect, test } from 'vitest';
import { TextDocument } from 'langium';
import { clearDocuments, expectFindReferences, expectGoToDefinition, parseHelper } from 'langium/test';
import type { WorkspaceEdit } from 'vscode-languageserver';
import { createTestServices } from './services.js';

const { mq } = createTestServices();
const parse = parseHelper(mq);

afterEach(() => clearDocuments(mq));

describe('go to definition', () => {
    test('jumps from a reference to the declaration of that kind', async () => {
        await expectGoToDefinition(mq)({
            text: 'queue <|orders-dlq|> { }\nfirehose orders-dlq { source: direct }\nqueue orders {\n  dead-letter: <|>orders-dlq after 3 receives\n}',
            index: 0,
            rangeIndex: 0
        });
    });

    test('jumps across files', async () => {
        const target = await parse('queue shipping { }', { documentUri: 'file:///ws/queues.mq' });
        const source = await parse('consumer c {\n  poll: shipping\n}', { documentUri: 'file:///ws/consumers.mq' });
        const links = await mq.lsp.DefinitionProvider!.getDefinition(source, {
            textDocument: { uri: source.uri.toString() }, position: { line: 1, character: 10 }
        });
        expect(links).toHaveLength(1);
        expect(links![0]!.targetUri).toBe(target.uri.toString());
        expect(links![0]!.targetSelectionRange).toEqual({ start: { line: 0, character: 6 }, end: { line: 0, character: 14 } });
    });
});

describe('find references', () => {
    test('finds every reference of a queue, and not those of a same-named firehose', async () => {
        await expectFindReferences(mq)({
            text: [
                'queue <|arch<|>ive|> { }',
                'firehose archive { source: direct }',
                'topic t {\n  subscribe queue <|archive|>\n}',
                'consumer c {\n  poll: <|archive|>\n}',
                'producer p {\n  publish: <|archive|>\n}'
            ].join('\n'),
            includeDeclaration: true
        });
    });
});

function applyEdit(edit: WorkspaceEdit | undefined, uri: string, text: string): string {
    const edits = edit?.changes?.[uri] ?? [];
    return TextDocument.applyEdits(TextDocument.create(uri, 'mq', 0, text), edits);
}

describe('rename', () => {
    const queues = 'queue orders-dlq { retention: 14d }\nqueue orders {\n  dead-letter: orders-dlq after 3 receives\n}\n';
    const clients = 'consumer c {\n  poll: orders-dlq\n}\nscenario s {\n  expect orders-dlq.visible == 0\n}\n';

    test('renames the declaration and its references in every file', async () => {
        const queueDoc = await parse(queues, { documentUri: 'file:///ws/queues.mq' });
        await parse(clients, { documentUri: 'file:///ws/clients.mq' });
        const edit = await mq.lsp.RenameProvider!.rename(queueDoc, {
            textDocument: { uri: 'file:///ws/queues.mq' }, position: { line: 0, character: 8 }, newName: 'orders-parking'
        });
        expect(applyEdit(edit, 'file:///ws/queues.mq', queues)).toBe(queues.replaceAll('orders-dlq', 'orders-parking'));
        expect(applyEdit(edit, 'file:///ws/clients.mq', clients)).toBe(clients.replaceAll('orders-dlq', 'orders-parking'));
    });

    test('can be started from a reference', async () => {
        await parse(queues, { documentUri: 'file:///ws/queues.mq' });
        const clientDoc = await parse(clients, { documentUri: 'file:///ws/clients.mq' });
        const edit = await mq.lsp.RenameProvider!.rename(clientDoc, {
            textDocument: { uri: 'file:///ws/clients.mq' }, position: { line: 1, character: 10 }, newName: 'parking'
        });
        expect(Object.keys(edit?.changes ?? {}).sort()).toEqual(['file:///ws/clients.mq', 'file:///ws/queues.mq']);
        expect(applyEdit(edit, 'file:///ws/clients.mq', clients)).toContain('expect parking.visible == 0');
    });

    test('refuses to drop the .fifo suffix of a FIFO queue, with a message saying why', async () => {
        const doc = await parse('queue ledger.fifo { }\nconsumer c {\n  poll: ledger.fifo\n}', { documentUri: 'file:///ws/fifo.mq' });
        await expect(mq.lsp.RenameProvider!.rename(doc, {
            textDocument: { uri: 'file:///ws/fifo.mq' }, position: { line: 0, character: 7 }, newName: 'ledger'
        })).rejects.toThrow("Cannot rename queue 'ledger.fifo' to 'ledger': it is a FIFO queue, and AWS requires FIFO queue names to end in '.fifo'. Use 'ledger.fifo'.");
        const edit = await mq.lsp.RenameProvider!.rename(doc, {
            textDocument: { uri: 'file:///ws/fifo.mq' }, position: { line: 2, character: 10 }, newName: 'journal.fifo'
        });
        expect(edit?.changes?.['file:///ws/fifo.mq']).toHaveLength(2);
    });

    test('refuses to give a standard topic a .fifo name, an invalid name, or a name its kind already uses', async () => {
        const doc = await parse('topic events { }\ntopic audit { }\nqueue events-copy { }', { documentUri: 'file:///ws/topics.mq' });
        const rename = (newName: string) => mq.lsp.RenameProvider!.rename(doc, {
            textDocument: { uri: 'file:///ws/topics.mq' }, position: { line: 0, character: 8 }, newName
        });
        await expect(rename('events.fifo')).rejects.toThrow(/reserved for FIFO topics/);
        await expect(rename('my events')).rejects.toThrow(/not a valid MQ name/);
        await expect(rename('subscribe')).rejects.toThrow("'subscribe' is a reserved MQ keyword and cannot name a topic.");
        // Soft keywords are fine as names.
        await expect(rename('source')).resolves.toBeDefined();
        await expect(rename('audit')).rejects.toThrow("a topic named 'audit' already exists");
        // Another kind may use the name.
        await expect(rename('events-copy')).resolves.toBeDefined();
    });
});
