import { DocumentState } from 'langium';
import { describe, expect, test } from 'vitest';
import { parseRuleOption, parseRuleOverrides, setRuleOverrides } from '../../src/rules/rule-configuration.js';
import { ERROR, services, validate, WARNING, withCode } from './helpers.js';

const fifoTopicToStandardQueue = 'queue audit { }\ntopic ledger.fifo { subscribe audit }\nproducer p { publish: ledger.fifo  group: g  dedup-id: id }\nconsumer c { poll: audit }';

/** As the language server does on workspace/didChangeConfiguration; waits for the re-validation it triggers. */
async function setWorkspaceSettings(rules: unknown): Promise<void> {
    services.shared.workspace.ConfigurationProvider.updateConfiguration({ settings: { mq: { rules } } });
    await services.shared.workspace.WorkspaceLock.read(() => undefined);
}

describe('rule severities are configurable like a linter', () => {
    test('MQ020 is an error by default', async () => {
        const result = await validate(fifoTopicToStandardQueue);
        expect(withCode(result, 'MQ020').map(d => d.severity)).toEqual([ERROR]);
    });

    test('mq.rules from the workspace configuration lowers MQ020 to a warning', async () => {
        await setWorkspaceSettings({ MQ020: 'warning' });
        try {
            const result = await validate(fifoTopicToStandardQueue);
            expect(withCode(result, 'MQ020').map(d => d.severity)).toEqual([WARNING]);
        } finally {
            await setWorkspaceSettings(undefined);
        }
    });

    test("'off' suppresses a rule", async () => {
        await setWorkspaceSettings({ MQ071: 'off' });
        try {
            expect(withCode(await validate('queue forgotten { }'), 'MQ071')).toEqual([]);
        } finally {
            await setWorkspaceSettings(undefined);
        }
    });

    test('explicit overrides (CLI --rule) win over the workspace setting', async () => {
        await setWorkspaceSettings({ MQ020: 'off' });
        setRuleOverrides(services.mq, { MQ020: 'warning' });
        try {
            const result = await validate(fifoTopicToStandardQueue);
            expect(withCode(result, 'MQ020').map(d => d.severity)).toEqual([WARNING]);
        } finally {
            setRuleOverrides(services.mq, {});
            await setWorkspaceSettings(undefined);
        }
    });

    test('MQ040 linking diagnostics can be configured too', async () => {
        setRuleOverrides(services.mq, { MQ040: 'off' });
        try {
            expect(withCode(await validate('consumer c { poll: nowhere }'), 'MQ040')).toEqual([]);
        } finally {
            setRuleOverrides(services.mq, {});
        }
    });
});

describe('changing mq.rules in the editor', () => {
    test('re-validates open documents with the new severities', async () => {
        const result = await validate('queue forgotten { }');
        expect(withCode(result, 'MQ071')).toHaveLength(1);
        await setWorkspaceSettings({ MQ071: 'off' });
        try {
            expect(result.document.state).toBe(DocumentState.Validated);
            expect((result.document.diagnostics ?? []).filter(d => d.code === 'MQ071')).toEqual([]);
        } finally {
            await setWorkspaceSettings(undefined);
        }
    });
});

describe('parsing rule settings', () => {
    test('valid entries are kept, bad ones are reported', () => {
        expect(parseRuleOverrides({ MQ020: 'warning', mq071: 'off', MQ999: 'error', MQ010: 'loud' })).toEqual({
            overrides: { MQ020: 'warning', MQ071: 'off' },
            problems: [
                "unknown rule 'MQ999' (rules are MQ001..MQ080, see docs/rules.md)",
                "rule MQ010: 'loud' is not one of off, hint, info, warning, error"
            ]
        });
        expect(parseRuleOverrides(['MQ020']).problems).toEqual(['mq.rules must be an object like { "MQ020": "warning" }']);
    });

    test('--rule CODE=LEVEL', () => {
        expect(parseRuleOption('MQ020=warning')).toEqual({ code: 'MQ020', level: 'warning' });
        expect(parseRuleOption('MQ020')).toEqual({ error: "--rule expects CODE=LEVEL (e.g. MQ020=warning), got 'MQ020'" });
        expect(parseRuleOption('MQ020=maybe')).toEqual({ error: "rule MQ020: 'maybe' is not one of off, hint, info, warning, error" });
    });
});
