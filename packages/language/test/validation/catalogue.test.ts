import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { RULE_CODES, RULES, RULES_DOC_BASE, ruleHref, setRulesDocBase } from '../../src/rules/rule-catalogue.js';
import { validate } from './helpers.js';

const rulesDoc = readFileSync(fileURLToPath(new URL('../../../../docs/rules.md', import.meta.url)), 'utf8');

describe('the rule catalogue and docs/rules.md', () => {
    test('every rule of the language table is in the catalogue', () => {
        const table = ['MQ001', 'MQ002', 'MQ003', 'MQ004', 'MQ010', 'MQ011', 'MQ012', 'MQ013', 'MQ014', 'MQ015', 'MQ016', 'MQ017',
            'MQ020', 'MQ021', 'MQ022', 'MQ023', 'MQ024', 'MQ025', 'MQ026', 'MQ030', 'MQ031', 'MQ032', 'MQ033', 'MQ040', 'MQ041',
            'MQ042', 'MQ043', 'MQ044', 'MQ045', 'MQ050', 'MQ051', 'MQ060', 'MQ061', 'MQ070', 'MQ071', 'MQ072', 'MQ080'];
        expect([...RULE_CODES].sort()).toEqual(table);
    });

    test('every rule has a section with its anchor and a summary row with its default severity', () => {
        for (const code of RULE_CODES) {
            const anchor = code.toLowerCase();
            expect(rulesDoc, code).toContain(`<a id="${anchor}"></a>\n### ${code} `);
            expect(rulesDoc, code).toMatch(new RegExp(`\\| \\[${code}\\]\\(#${anchor}\\) \\| ${RULES[code].severity} \\|`));
        }
    });

    test('diagnostics link to their section', async () => {
        const result = await validate('queue q { visibility: 13h }');
        const diagnostic = result.diagnostics.find(d => d.code === 'MQ010');
        expect(diagnostic?.codeDescription?.href).toBe(ruleHref('MQ010'));
        expect(ruleHref('MQ010')).toMatch(/\/docs\/rules\.md#mq010$/);
    });

    test('the link base can point at a shipped copy of the rules page (as the VS Code extension does)', async () => {
        setRulesDocBase('file:///opt/ext/out/docs/rules.md');
        try {
            const result = await validate('queue q { visibility: 13h }');
            expect(result.diagnostics.find(d => d.code === 'MQ010')?.codeDescription?.href).toBe('file:///opt/ext/out/docs/rules.md#mq010');
        } finally {
            setRulesDocBase(RULES_DOC_BASE);
        }
    });
});
