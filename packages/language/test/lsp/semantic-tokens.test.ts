import { afterEach, describe, expect, test } from 'vitest';
import { clearDocuments, expectSemanticToken, highlightHelper } from 'langium/test';
import { SemanticTokenModifiers, SemanticTokenTypes } from 'vscode-languageserver';
import { createTestServices } from './services.js';

const { mq } = createTestServices();
const highlight = highlightHelper(mq);

afterEach(() => clearDocuments(mq));

describe('semantic tokens', () => {
    test('names are coloured by kind where declared and where referenced', async () => {
        const tokens = await highlight([
            'queue <|archive|> { }',
            'firehose <|archive|> { source: direct }',
            'topic <|events|> {',
            '  subscribe queue <|archive|>',
            '  subscribe firehose <|archive|>',
            '}',
            'function <|notify|> { }',
            'consumer <|workers|> {',
            '  poll: <|archive|>',
            '}'
        ].join('\n'));
        expectSemanticToken(tokens, { rangeIndex: 0, tokenType: SemanticTokenTypes.class });
        expectSemanticToken(tokens, { rangeIndex: 1, tokenType: SemanticTokenTypes.type });
        expectSemanticToken(tokens, { rangeIndex: 2, tokenType: SemanticTokenTypes.interface });
        expectSemanticToken(tokens, { rangeIndex: 3, tokenType: SemanticTokenTypes.class });
        expectSemanticToken(tokens, { rangeIndex: 4, tokenType: SemanticTokenTypes.type });
        expectSemanticToken(tokens, { rangeIndex: 5, tokenType: SemanticTokenTypes.function });
        expectSemanticToken(tokens, { rangeIndex: 6, tokenType: SemanticTokenTypes.method });
        expectSemanticToken(tokens, { rangeIndex: 7, tokenType: SemanticTokenTypes.class });
        const declarationBit = mq.lsp.SemanticTokenProvider!.tokenModifiers[SemanticTokenModifiers.declaration]!;
        const modifiersAt = (rangeIndex: number) => tokens.tokens.find(token => token.offset === tokens.ranges[rangeIndex]![0])!.tokenModifiers;
        expect(modifiersAt(0) & declarationBit).toBe(declarationBit);
        expect(modifiersAt(3) & declarationBit).toBe(0);
    });

    test('property keys, quantities, keyword values and metrics', async () => {
        const tokens = await highlight([
            'queue q {',
            '  <|visibility|>: <|45s|>',
            '  encryption: <|sqs-managed|>',
            '}',
            'scenario s {',
            '  expect q.<|visible|> == 0',
            '}'
        ].join('\n'));
        expectSemanticToken(tokens, { rangeIndex: 0, tokenType: SemanticTokenTypes.property });
        expectSemanticToken(tokens, { rangeIndex: 1, tokenType: SemanticTokenTypes.number });
        expectSemanticToken(tokens, { rangeIndex: 2, tokenType: SemanticTokenTypes.enumMember });
        expectSemanticToken(tokens, { rangeIndex: 3, tokenType: SemanticTokenTypes.property });
    });
});
