import { afterEach, describe, expect, test } from 'vitest';
import { clearDocuments, parseHelper } from 'langium/test';
import type { InlayHint } from 'vscode-languageserver';
import { createTestServices } from './services.js';

const { mq } = createTestServices();
const parse = parseHelper(mq);

afterEach(() => clearDocuments(mq));

async function hints(text: string): Promise<Array<{ line: number; character: number; label: string }>> {
    const document = await parse(text);
    const result: InlayHint[] = await mq.lsp.InlayHintProvider!.getInlayHints(document, {
        textDocument: { uri: document.uri.toString() },
        range: { start: { line: 0, character: 0 }, end: document.textDocument.positionAt(text.length) }
    }) ?? [];
    return result.map(hint => ({ ...hint.position, label: typeof hint.label === 'string' ? hint.label : hint.label.map(part => part.value).join('') }));
}

describe('inlay hints', () => {
    test('a queue shows the defaults of visibility and retention when they are not written', async () => {
        expect(await hints('queue shipping {\n  wait: 20s\n}')).toEqual([
            { line: 0, character: 14, label: 'visibility 30s · retention 4d (default)' }
        ]);
        expect(await hints('queue shipping {\n  visibility: 45s\n}')).toEqual([
            { line: 0, character: 14, label: 'retention 4d (default)' }
        ]);
        expect(await hints('queue shipping {\n  visibility: 45s\n  retention: 14d\n}')).toEqual([]);
    });

    test('a provisioned stream shows its write capacity after the capacity', async () => {
        expect(await hints('stream clicks {\n  capacity: provisioned 4 shards\n  retention: 48h\n}')).toEqual([
            { line: 1, character: 32, label: '4MiB/s · 4,000 rec/s' }
        ]);
        expect(await hints('stream live {\n  capacity: on-demand\n  retention: 24h\n}')).toEqual([
            { line: 1, character: 21, label: '4MB/s · 4,000 rec/s at start' }
        ]);
    });

    test('a stream without capacity shows the one-shard default next to its name', async () => {
        expect(await hints('stream clicks { }')).toEqual([
            { line: 0, character: 13, label: 'retention 24h (default)' },
            { line: 0, character: 13, label: 'provisioned 1 shard: 1MiB/s · 1,000 rec/s' }
        ]);
    });

    test('consumers, functions and firehoses show their main defaults', async () => {
        expect(await hints('queue q { visibility: 1m retention: 1d }\nconsumer c {\n  poll: q\n  instances: 1..4\n}')).toEqual([
            { line: 1, character: 10, label: 'batch 1 (default)' }
        ]);
        expect(await hints('stream s { capacity: on-demand retention: 24h }\nconsumer r {\n  read: s\n}').then(all => all.filter(hint => hint.line === 1))).toEqual([
            { line: 1, character: 10, label: 'batch 10000 · instances 1 (default)' }
        ]);
        expect(await hints('function f { }')).toEqual([{ line: 0, character: 10, label: 'duration 100ms (default)' }]);
        expect(await hints('firehose h { source: direct }')).toEqual([{ line: 0, character: 10, label: 'buffer 5MiB or 300s (default)' }]);
    });
});
