import { EmptyFileSystem } from 'langium';
import { clearDocuments, testCodeAction, validationHelper } from 'langium/test';
import { afterEach, describe, expect, test } from 'vitest';
import type { CodeAction } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createMqServices } from '../../src/mq-module.js';

const services = createMqServices(EmptyFileSystem);
const fix = testCodeAction(services.mq);
const validate = validationHelper(services.mq);

afterEach(() => clearDocuments(services.shared));

/**
 * Langium's testCodeAction: exactly one diagnostic with `code`, exactly one fix, the fixed text, and the
 * diagnostic gone when the fixed text is validated.
 */
async function expectFix(code: string, before: string, after: string): Promise<void> {
    await clearDocuments(services.shared);
    const result = await fix(before, code, after);
    await result.dispose();
}

/**
 * The same assertions as testCodeAction, but the fixed text is validated in a fresh workspace. Needed when the fix
 * edits a declaration other than the one reported: MQ names are global per kind, so testCodeAction's re-validation
 * (which keeps the original document) would resolve the fixed document's references to the unfixed declarations.
 */
async function expectFixAcrossDeclarations(code: string, before: string, after: string): Promise<void> {
    await clearDocuments(services.shared);
    const original = await validate(before);
    const relevant = original.diagnostics.filter(d => (d.data as { code?: string } | undefined)?.code === code);
    expect(relevant).toHaveLength(1);
    const actions = await services.mq.lsp.CodeActionProvider!.getCodeActions(original.document, {
        textDocument: { uri: original.document.textDocument.uri },
        range: relevant[0]!.range,
        context: { diagnostics: relevant, triggerKind: 1 }
    });
    expect(actions).toHaveLength(1);
    const edits = (actions![0] as CodeAction).edit?.changes?.[original.document.textDocument.uri] ?? [];
    const fixed = TextDocument.applyEdits(original.document.textDocument, edits);
    expect(fixed).toBe(after);
    await clearDocuments(services.shared);
    const revalidated = await validate(fixed);
    expect(revalidated.diagnostics.filter(d => d.code === code)).toEqual([]);
}

describe('quick fixes', () => {
    test('MQ001 appends .fifo to the name and renames the references', async () => {
        await expectFix('MQ001',
            'queue ledger { type: fifo  deduplication: content }\nconsumer c { poll: ledger }\nproducer p { publish: ledger  group: g }',
            'queue ledger.fifo { type: fifo  deduplication: content }\nconsumer c { poll: ledger.fifo }\nproducer p { publish: ledger.fifo  group: g }');
    });

    test('MQ002 makes the declared type agree with the .fifo name', async () => {
        await expectFix('MQ002', 'queue ledger.fifo { type: standard }', 'queue ledger.fifo { type: fifo }');
    });

    test('MQ010 clamps visibility to 12h', async () => {
        await expectFix('MQ010', 'queue q { visibility: 13h }', 'queue q { visibility: 12h }');
    });

    test('MQ011 clamps retention to the queue range', async () => {
        await expectFix('MQ011', 'queue q { retention: 30s }', 'queue q { retention: 1m }');
    });

    test('MQ012 clamps delay to 15m', async () => {
        await expectFix('MQ012', 'queue q { delay: 1h }', 'queue q { delay: 15m }');
    });

    test('MQ013 clamps wait to 20s', async () => {
        await expectFix('MQ013', 'queue q { wait: 25s }', 'queue q { wait: 20s }');
    });

    test('MQ014 clamps a size to the service limit', async () => {
        await expectFix('MQ014', 'queue q { max-message-size: 2MiB }', 'queue q { max-message-size: 1MiB }');
    });

    test('MQ015 clamps dead-letter receives', async () => {
        await expectFix('MQ015', 'queue q { dead-letter: d after 5000 receives }\nqueue d { }', 'queue q { dead-letter: d after 1000 receives }\nqueue d { }');
    });

    test('MQ016 clamps a Firehose buffer size', async () => {
        await expectFix('MQ016', 'firehose f { source: direct  buffer: 256MiB or 60s }', 'firehose f { source: direct  buffer: 128MiB or 60s }');
    });

    test('MQ017 clamps an SQS batch to 10', async () => {
        await expectFix('MQ017', 'queue q { }\nconsumer c { poll: q  batch: 25 }', 'queue q { }\nconsumer c { poll: q  batch: 10 }');
    });

    test('MQ023 removes a FIFO-only property from a standard queue, with its line', async () => {
        await expectFix('MQ023',
            'queue q {\n  type: standard\n  deduplication: content\n  visibility: 30s\n}',
            'queue q {\n  type: standard\n  visibility: 30s\n}');
    });

    test('MQ024 adds group: to a producer (first template field)', async () => {
        await expectFix('MQ024',
            'queue q.fifo { deduplication: content }\nproducer p {\n  publish: q.fifo\n  message: { "account": "a1" }\n}',
            'queue q.fifo { deduplication: content }\nproducer p {\n  publish: q.fifo\n  message: { "account": "a1" }\n  group: account\n}');
    });

    test('MQ024 adds dedup-id: when the FIFO target does not deduplicate by content', async () => {
        await expectFix('MQ024',
            'topic e.fifo { }\nproducer p { publish: e.fifo  group: account  message: { "id": uuid() } }',
            'topic e.fifo { }\nproducer p { publish: e.fifo  group: account  message: { "id": uuid() }  dedup-id: id }');
    });

    test('MQ025 sets throughput: per-group on the FIFO target', async () => {
        await expectFixAcrossDeclarations('MQ025',
            'queue q.fifo { deduplication: content }\nproducer p { publish: q.fifo  group: g  rate: 500/s }',
            'queue q.fifo { deduplication: content  throughput: per-group }\nproducer p { publish: q.fifo  group: g  rate: 500/s }');
    });

    test('MQ025 on a FIFO topic subscription sets throughput: per-group on the subscribed queue', async () => {
        await expectFixAcrossDeclarations('MQ025',
            'queue ledger.fifo {\n  visibility: 30s\n}\ntopic events.fifo { deduplication: content  subscribe ledger.fifo }\nproducer p { publish: events.fifo  group: g  rate: 1000/s }',
            'queue ledger.fifo {\n  visibility: 30s\n  throughput: per-group\n}\ntopic events.fifo { deduplication: content  subscribe ledger.fifo }\nproducer p { publish: events.fifo  group: g  rate: 1000/s }');
    });

    test('MQ031 sets the dead-letter queue retention', async () => {
        await expectFixAcrossDeclarations('MQ031',
            'queue q { retention: 14d  dead-letter: q-dlq after 3 receives }\nqueue q-dlq {\n  retention: 1d\n}',
            'queue q { retention: 14d  dead-letter: q-dlq after 3 receives }\nqueue q-dlq {\n  retention: 14d\n}');
    });

    test('MQ032 sets the visibility to about 3× the processing time', async () => {
        await expectFixAcrossDeclarations('MQ032',
            'queue q { }\nconsumer c { poll: q  processing: 40s }',
            'queue q { visibility: 2m }\nconsumer c { poll: q  processing: 40s }');
    });

    test('MQ033 declares a dead-letter queue and points the polled queue at it', async () => {
        await expectFixAcrossDeclarations('MQ033',
            'queue shipping {\n  visibility: 30s\n}\nconsumer c { poll: shipping  failure: 2% }',
            'queue shipping {\n  visibility: 30s\n  dead-letter: shipping-dlq after 3 receives\n}\nqueue shipping-dlq { retention: 14d }\nconsumer c { poll: shipping  failure: 2% }');
    });

    test('MQ033 keeps FIFO dead-letter queues FIFO', async () => {
        await expectFixAcrossDeclarations('MQ033',
            'queue ledger.fifo { }\nconsumer c { poll: ledger.fifo  failure: 1% }',
            'queue ledger.fifo { dead-letter: ledger-dlq.fifo after 3 receives }\nqueue ledger-dlq.fifo { retention: 14d }\nconsumer c { poll: ledger.fifo  failure: 1% }');
    });

    test('MQ044 removes the duplicate subscription', async () => {
        await expectFix('MQ044',
            'queue q { }\ntopic t {\n  subscribe q\n  subscribe q raw\n}',
            'queue q { }\ntopic t {\n  subscribe q\n}');
    });

    test('MQ045 removes raw', async () => {
        await expectFix('MQ045', 'function f { }\ntopic t { subscribe function f raw }', 'function f { }\ntopic t { subscribe function f }');
    });

    test('MQ050 sets the shard count the producers need', async () => {
        await expectFix('MQ050',
            'stream s { capacity: provisioned 1 shard }\nproducer p { publish: s  rate: 2500/s  size: 100B }',
            'stream s { capacity: provisioned 3 shards }\nproducer p { publish: s  rate: 2500/s  size: 100B }');
    });

    test('MQ051 sets fan-out: enhanced on the extra shared reader', async () => {
        const readers = Array.from({ length: 5 }, (_, i) => `consumer c${i + 1} { read: s }`).join('\n');
        await expectFixAcrossDeclarations('MQ051',
            `stream s { }\n${readers}\nconsumer c6 { read: s }`,
            `stream s { }\n${readers}\nconsumer c6 { read: s  fan-out: enhanced }`);
    });

    test('MQ040 replaces a misspelt name with the suggestion', async () => {
        await expectFix('MQ040', 'queue shipping { }\nconsumer c { poll: shiping }', 'queue shipping { }\nconsumer c { poll: shipping }');
    });

    test('MQ080 replaces a misspelt scenario reference with the suggestion', async () => {
        await expectFix('MQ080',
            'producer checkout { }\nscenario s { duration: 5m  surge chekout x2 from 1m for 1m }',
            'producer checkout { }\nscenario s { duration: 5m  surge checkout x2 from 1m for 1m }');
    });

    test('MQ080 replaces a misspelt outage endpoint with the closest subscription endpoint', async () => {
        const topic = 'topic t { subscribe https "https://hooks.example.com/orders" }\n';
        await expectFix('MQ080',
            `${topic}scenario s { duration: 5m  outage "https://hooks.example.com/order" from 1m for 1m }`,
            `${topic}scenario s { duration: 5m  outage "https://hooks.example.com/orders" from 1m for 1m }`);
    });

    test('rules without a quick fix offer none', async () => {
        const result = await fix('queue loop { dead-letter: loop after 3 receives }', 'MQ030', undefined);
        await result.dispose();
        await clearDocuments(services.shared);
        const unresolved = await fix('consumer c { poll: zzz }', 'MQ040', undefined);
        await unresolved.dispose();
    });
});
