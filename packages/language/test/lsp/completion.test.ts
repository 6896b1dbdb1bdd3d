import { afterEach, describe, expect, test } from 'vitest';
import { clearDocuments, expectCompletion } from 'langium/test';
import type { CompletionItem, CompletionList } from 'vscode-languageserver';
import { InsertTextFormat, MarkupKind } from 'vscode-languageserver';
import { createTestServices } from './services.js';

const { mq } = createTestServices();
const complete = expectCompletion(mq);

afterEach(() => clearDocuments(mq));

function labels(list: CompletionList): string[] {
    return list.items.map(item => item.label);
}

function item(list: CompletionList, label: string): CompletionItem {
    const found = list.items.find(candidate => candidate.label === label);
    expect(found, `no completion '${label}' among ${labels(list).join(', ')}`).toBeDefined();
    return found!;
}

describe('completion', () => {
    test('property names of a queue come with documentation, default and a value snippet', async () => {
        await complete({
            text: 'queue orders {\n  <|>\n}',
            index: 0,
            assert: list => {
                expect(labels(list)).toEqual(expect.arrayContaining(['visibility', 'wait', 'delay', 'retention', 'dead-letter', 'redrive-allow']));
                expect(labels(list)).not.toContain('capacity');
                const visibility = item(list, 'visibility');
                expect(visibility.detail).toBe('default 30s');
                expect(visibility.insertTextFormat).toBe(InsertTextFormat.Snippet);
                expect(visibility.textEdit?.newText).toBe('visibility: ${1:30s}');
                expect(visibility.documentation).toMatchObject({ kind: MarkupKind.Markdown });
                expect((visibility.documentation as { value: string }).value).toContain('Range: `0s..12h`');
            }
        });
    });

    test('keyword values of a property are offered after the colon', async () => {
        await complete({
            text: 'queue orders {\n  encryption: <|>\n}',
            index: 0,
            assert: list => expect(labels(list)).toEqual(expect.arrayContaining(['none', 'sqs-managed', 'kms']))
        });
        await complete({
            text: 'consumer c {\n  fan-out: <|>\n}',
            index: 0,
            assert: list => expect(labels(list)).toEqual(expect.arrayContaining(['shared', 'enhanced']))
        });
    });

    test('target-tracking is a documented consumer property, and backlog-per-instance is offered after it', async () => {
        await complete({
            text: 'queue q { }\nconsumer c {\n  poll: q\n  <|>\n}',
            index: 0,
            assert: list => {
                const tracking = item(list, 'target-tracking');
                expect(tracking.textEdit?.newText).toBe('target-tracking: backlog-per-instance ${1:100}');
                expect((tracking.documentation as { value: string }).value).toContain('acceptable latency ÷ average processing time per message');
            }
        });
        await complete({
            text: 'queue q { }\nconsumer c {\n  poll: q\n  target-tracking: <|>\n}',
            index: 0,
            assert: list => expect(labels(list)).toContain('backlog-per-instance')
        });
        await complete({
            text: 'queue q {\n  <|>\n}',
            index: 0,
            assert: list => expect(labels(list)).not.toContain('target-tracking')
        });
    });

    test('units are offered after a number, by the family the property expects', async () => {
        await complete({
            text: 'queue orders {\n  visibility: 30<|>\n}',
            index: 0,
            assert: list => {
                expect(labels(list)).toEqual(['30ms', '30s', '30m', '30h', '30d']);
                expect(item(list, '30s').textEdit).toMatchObject({ newText: '30s', range: { start: { line: 1, character: 14 }, end: { line: 1, character: 16 } } });
            }
        });
        await complete({ text: 'queue q {\n  max-message-size: 256<|>\n}', index: 0, assert: list => expect(labels(list)).toContain('256KiB') });
        await complete({ text: 'producer p {\n  rate: 50<|>\n}', index: 0, assert: list => expect(labels(list)).toEqual(['50/s', '50/m']) });
        await complete({ text: 'consumer c {\n  failure: 2<|>\n}', index: 0, assert: list => expect(labels(list)).toEqual(['2%']) });
        await complete({ text: 'firehose f {\n  buffer: 5MiB or 60<|>\n}', index: 0, assert: list => expect(labels(list)).toContain('60s') });
        await complete({ text: 'scenario s {\n  surge p x2 from 2<|>\n}', index: 0, assert: list => expect(labels(list)).toContain('2m') });
        await complete({ text: 'consumer c {\n  processing: 200ms..8<|>\n}', index: 0, assert: list => expect(labels(list)).toContain('8ms') });
        // Plain counts get no units.
        await complete({ text: 'consumer c {\n  instances: 2..2<|>\n}', index: 0, assert: list => expect(labels(list)).not.toContain('2s') });
    });

    test('an outage offers the consumers, functions, firehoses and producers, and the endpoints of subscriptions', async () => {
        await complete({
            text: 'topic t {\n  subscribe https "https://hooks.example.com/orders"\n  subscribe email "ops@example.com"\n}\nconsumer shippers { }\n' +
                'scenario s {\n  outage <|>\n}',
            index: 0,
            assert: list => {
                expect(labels(list)).toEqual(expect.arrayContaining(['shippers', '"https://hooks.example.com/orders"', '"ops@example.com"']));
                expect(item(list, '"ops@example.com"').detail).toBe('subscription endpoint');
                expect(labels(list)).not.toContain('t');
            }
        });
    });

    test('references only offer declarations of the kind the position expects', async () => {
        const declarations = 'queue shipping { }\ntopic purchases { }\nstream clicks { }\nfunction notify { }\nfirehose archive { source: direct }\n';
        await complete({
            text: `${declarations}consumer c {\n  poll: <|>\n}`,
            index: 0,
            assert: list => {
                expect(labels(list)).toContain('shipping');
                expect(labels(list)).not.toContain('purchases');
                expect(labels(list)).not.toContain('clicks');
                expect(item(list, 'shipping').detail).toBe('queue');
            }
        });
        await complete({
            text: `${declarations}producer p {\n  publish: <|>\n}`,
            index: 0,
            assert: list => {
                expect(labels(list)).toEqual(expect.arrayContaining(['shipping', 'purchases', 'clicks', 'archive']));
                expect(labels(list)).not.toContain('notify');
            }
        });
        await complete({
            text: `${declarations}consumer c {\n  read: <|>\n}`,
            index: 0,
            assert: list => {
                expect(labels(list)).toContain('clicks');
                expect(labels(list)).not.toContain('shipping');
            }
        });
    });

    test('filter operators are offered as snippets inside a filter policy', async () => {
        await complete({
            text: 'queue q { }\ntopic t {\n  subscribe q filter attributes {\n    "amount": [<|>]\n  }\n}',
            index: 0,
            assert: list => {
                expect(labels(list)).toEqual(['prefix', 'suffix', 'anything-but', 'numeric', 'exists', 'equals-ignore-case', 'cidr', '$or']);
                expect(item(list, 'numeric').insertText).toBe('{"numeric": [">", ${1:0}, "<=", ${2:100}]}');
                expect(item(list, '$or').insertText).toContain('"\\$or": [');
            }
        });
        // Outside the policy (after its closing brace) the operators are not offered.
        await complete({
            text: 'queue q { }\ntopic t {\n  subscribe q filter attributes { "a": ["x"] }\n  <|>\n}',
            index: 0,
            assert: list => {
                expect(labels(list)).not.toContain('prefix');
                expect(labels(list)).toContain('subscribe');
            }
        });
    });

    test('metrics of the named resource after `expect RESOURCE.`, scalable metrics after `when`', async () => {
        await complete({
            text: 'queue ledger.fifo { }\nstream clicks { }\nscenario s {\n  expect ledger.fifo.<|>\n  expect clicks.inc<|>\n}',
            index: 0,
            assert: list => {
                expect(labels(list)).toEqual(expect.arrayContaining(['visible', 'in-flight', 'age-of-oldest', 'moved-to-dlq']));
                expect(labels(list)).not.toContain('iterator-age');
                expect((item(list, 'age-of-oldest').documentation as { value: string }).value).toContain('`ApproximateAgeOfOldestMessage`');
            }
        });
        await complete({
            text: 'queue ledger.fifo { }\nstream clicks { }\nscenario s {\n  expect ledger.fifo.<|>\n  expect clicks.inc<|>\n}',
            index: 1,
            assert: list => {
                expect(labels(list)).toContain('incoming-records');
                expect(item(list, 'incoming-records').textEdit).toMatchObject({ range: { start: { line: 4, character: 16 }, end: { line: 4, character: 19 } } });
            }
        });
        await complete({
            text: 'consumer c {\n  scale-out: when <|>\n}',
            index: 0,
            assert: list => expect(labels(list)).toEqual(['visible', 'in-flight', 'delayed', 'age-of-oldest', 'iterator-age'])
        });
    });

    test('top-level keywords start declarations', async () => {
        await complete({
            text: '<|>',
            index: 0,
            assert: list => expect(labels(list)).toEqual(expect.arrayContaining(['queue', 'topic', 'stream', 'function', 'firehose', 'producer', 'consumer', 'scenario']))
        });
    });
});
