import { afterEach, describe, expect, test } from 'vitest';
import { clearDocuments, expectFoldings, expectSymbols, expectWorkspaceSymbols, parseHelper } from 'langium/test';
import { SymbolKind } from 'vscode-languageserver';
import { createTestServices } from './services.js';

const { shared, mq } = createTestServices();
const parse = parseHelper(mq);

afterEach(() => clearDocuments(mq));

describe('document symbols', () => {
    test('every declaration is an outline entry with its kind as detail and a kind-specific icon', async () => {
        await expectSymbols(mq)({
            text: 'queue ledger.fifo { }\ntopic purchases {\n  subscribe ledger.fifo\n}\nstream clicks { }\nfunction enrich { }\nfirehose archive { source: direct }\nproducer web { }\nconsumer workers { }\nscenario peak { }',
            assert: symbols => {
                expect(symbols.map(symbol => `${symbol.name}:${symbol.detail}`)).toEqual([
                    'ledger.fifo:queue · FIFO', 'purchases:topic', 'clicks:stream', 'enrich:function', 'archive:firehose',
                    'web:producer', 'workers:consumer', 'peak:scenario'
                ]);
                expect(symbols.map(symbol => symbol.kind)).toEqual([
                    SymbolKind.Array, SymbolKind.Event, SymbolKind.Struct, SymbolKind.Function, SymbolKind.Package,
                    SymbolKind.Constructor, SymbolKind.Method, SymbolKind.Namespace
                ]);
                expect(symbols[1]!.range).toEqual({ start: { line: 1, character: 0 }, end: { line: 3, character: 1 } });
                expect(symbols[1]!.selectionRange).toEqual({ start: { line: 1, character: 6 }, end: { line: 1, character: 15 } });
            }
        });
    });
});

describe('workspace symbols', () => {
    test('declarations of every file are found by name', async () => {
        await parse('queue orders { }\nqueue orders-dlq { }', { documentUri: 'file:///ws/a.mq' });
        await parse('topic order-events { }\nstream clicks { }', { documentUri: 'file:///ws/b.mq' });
        await expectWorkspaceSymbols(shared)({
            query: 'order',
            assert: symbols => {
                expect(symbols.map(symbol => symbol.name).sort()).toEqual(['order-events', 'orders', 'orders-dlq']);
                const topic = symbols.find(symbol => symbol.name === 'order-events')!;
                expect(topic.kind).toBe(SymbolKind.Event);
                expect(topic.location).toMatchObject({ uri: 'file:///ws/b.mq' });
            }
        });
    });
});

describe('folding', () => {
    test('declarations, multi-line filter policies and block comments of three lines or more fold, keeping the closing line visible', async () => {
        await expectFoldings(mq)({
            text: [
                '/* Orders',
                '   platform',
                '*/',
                'queue q {',
                '  visibility: 30s',
                '}',
                'queue one-line { }',
                'topic t {',
                '  subscribe q filter attributes {',
                '    "a": ["x"]',
                '  }',
                '}'
            ].join('\n'),
            assert: foldings => {
                const spans = foldings.map(folding => `${folding.startLine}-${folding.endLine}${folding.kind ? ` ${folding.kind}` : ''}`);
                expect(spans.sort()).toEqual(['0-1 comment', '3-4', '7-10', '8-9'].sort());
            }
        });
    });
});
