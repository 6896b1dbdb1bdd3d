import { afterEach, describe, expect, test } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { TextDocument } from 'langium';
import { clearDocuments, expectFormatting, parseHelper } from 'langium/test';
import { createTestServices } from './services.js';

const { mq } = createTestServices();
const format = expectFormatting(mq);
const parse = parseHelper(mq);
const examplesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../examples');

afterEach(() => clearDocuments(mq));

async function formatText(text: string): Promise<string> {
    const document = await parse(text);
    const edits = await mq.lsp.Formatter!.formatDocument(document, { textDocument: { uri: document.uri.toString() }, options: { tabSize: 4, insertSpaces: true } });
    return TextDocument.applyEdits(document.textDocument, edits);
}

describe('formatting', () => {
    test('one property per line, two-space indentation, one space after the colon', async () => {
        await format({
            before: 'queue shipping{visibility:30s   wait :20s\n      dead-letter:  shipping-dlq   after 3   receives}',
            after: 'queue shipping {\n  visibility: 30s\n  wait: 20s\n  dead-letter: shipping-dlq after 3 receives\n}'
        });
    });

    test('two spaces whatever the editor tab size; empty blocks stay on one line', async () => {
        await format({
            before: 'queue fraud-review {\n}\nfunction notify {\n\t\tduration: 50ms\n}',
            after: 'queue fraud-review { }\nfunction notify {\n  duration: 50ms\n}',
            options: { tabSize: 8, insertSpaces: false }
        });
    });

    test('at most one blank line between declarations, none before the first', async () => {
        await format({
            before: '\n\nqueue a { }\n\n\n\nqueue b { }\nqueue c { }',
            after: 'queue a { }\n\nqueue b { }\nqueue c { }'
        });
    });

    test('subscriptions and scenario statements go one per line, ranges are written tight', async () => {
        await format({
            before: 'topic t { deduplication: content subscribe q raw   filter attributes {"a": ["x"]} subscribe function f }',
            after: 'topic t {\n  deduplication: content\n  subscribe q raw filter attributes {"a": ["x"]}\n  subscribe function f\n}'
        });
        await format({
            before: 'scenario s { duration: 15m surge p x20 from 2m   for 1m expect no-loss }\nconsumer c { processing: 200ms .. 800ms instances: 2 .. 20 }',
            after: 'scenario s {\n  duration: 15m\n  surge p x20 from 2m for 1m\n  expect no-loss\n}\nconsumer c {\n  processing: 200ms..800ms\n  instances: 2..20\n}'
        });
    });

    test('target-tracking is written key: metric target, and stays put when formatted again', async () => {
        const after = 'consumer c {\n  poll: q\n  target-tracking: backlog-per-instance 100\n  instances: 1..5\n}';
        await format({ before: 'consumer c { poll: q target-tracking :backlog-per-instance    100 instances:1..5 }', after });
        await format({ before: after, after });
    });

    test('name lists are written [a, b]; JSON values keep the author\'s layout', async () => {
        await format({
            before: 'producer p { attributes: [ eventType ,amount ]  message: { "a": [ 1,2 ] } }\nqueue d { redrive-allow: [q1,q2] }',
            after: 'producer p {\n  attributes: [eventType, amount]\n  message: { "a": [ 1,2 ] }\n}\nqueue d {\n  redrive-allow: [q1, q2]\n}'
        });
    });

    test('comments stay where they were written', async () => {
        await format({
            before: '// Orders\nqueue q {\n  visibility: 30s   // default\n      // long polling\n  wait: 20s\n  /* retention\n     matters */\n  retention: 4d\n}',
            after: '// Orders\nqueue q {\n  visibility: 30s   // default\n  // long polling\n  wait: 20s\n  /* retention\n     matters */\n  retention: 4d\n}'
        });
    });

    const examples = readdirSync(examplesDir).filter(name => name.endsWith('.mq'));
    test.each(examples)('formatting %s twice gives the same text (idempotent), and keeps it parseable', async name => {
        const original = readFileSync(path.join(examplesDir, name), 'utf8');
        const once = await formatText(original);
        const twice = await formatText(once);
        expect(twice).toBe(once);
        const reparsed = await parse(once);
        expect(reparsed.parseResult.parserErrors).toEqual([]);
        // Only whitespace may change.
        expect(once.replace(/\s+/g, '')).toBe(original.replace(/\s+/g, ''));
    });

    test('there are examples to format', () => {
        expect(examples.length).toBeGreaterThan(0);
    });
});
