/**
 * Rule severities as the user configured them, like a linter's: the catalogue default, overridden by the
 * workspace setting `mq.rules` (LSP configuration section `mq`), overridden by explicit overrides given in code
 * (the CLI's `--rule CODE=LEVEL`, `loadWorkspace(paths, { rules })`). `off` suppresses a rule's diagnostics.
 */
import type { ConfigurationProvider, LangiumSharedCoreServices } from 'langium';
import type { RuleCode, RuleLevel } from './rule-catalogue.js';
import { isRuleCode, RULE_LEVELS } from './rule-catalogue.js';

export type RuleOverrides = Partial<Record<RuleCode, RuleLevel>>;

export interface ParsedRuleOverrides {
    overrides: RuleOverrides;
    /** Entries that were ignored, each with the reason (for a CLI error or a settings warning). */
    problems: string[];
}

function isRuleLevel(value: unknown): value is RuleLevel {
    return typeof value === 'string' && (RULE_LEVELS as readonly string[]).includes(value);
}

/** Reads `{ "MQ020": "warning", "MQ071": "off" }` from untrusted settings; bad entries are reported, not thrown. */
export function parseRuleOverrides(raw: unknown): ParsedRuleOverrides {
    const overrides: RuleOverrides = {};
    const problems: string[] = [];
    if (raw === undefined || raw === null) return { overrides, problems };
    if (typeof raw !== 'object' || Array.isArray(raw)) {
        return { overrides, problems: ['mq.rules must be an object like { "MQ020": "warning" }'] };
    }
    for (const [key, value] of Object.entries(raw)) {
        const code = key.toUpperCase();
        if (!isRuleCode(code)) problems.push(`unknown rule '${key}' (rules are MQ001..MQ080, see docs/rules.md)`);
        else if (!isRuleLevel(value)) problems.push(`rule ${code}: '${String(value)}' is not one of ${RULE_LEVELS.join(', ')}`);
        else overrides[code] = value;
    }
    return { overrides, problems };
}

/** Parses one `--rule` argument: `MQ020=warning`. */
export function parseRuleOption(text: string): { code: RuleCode; level: RuleLevel } | { error: string } {
    const match = /^\s*([A-Za-z]{2}\d{3})\s*=\s*([a-z]+)\s*$/.exec(text);
    if (!match) return { error: `--rule expects CODE=LEVEL (e.g. MQ020=warning), got '${text}'` };
    const { overrides, problems } = parseRuleOverrides({ [match[1]!]: match[2] });
    const [code, level] = Object.entries(overrides)[0] ?? [];
    return code && level ? { code: code as RuleCode, level } : { error: problems[0] ?? `invalid rule option '${text}'` };
}

export class RuleConfiguration {
    protected readonly configuration: ConfigurationProvider;
    protected explicit: RuleOverrides = {};

    constructor(shared: LangiumSharedCoreServices) {
        this.configuration = shared.workspace.ConfigurationProvider;
    }

    /** Replaces the explicit overrides (they win over `mq.rules`). */
    setOverrides(overrides: RuleOverrides): void {
        this.explicit = { ...overrides };
    }

    /**
     * The level the user set for each rule (`mq.rules` < explicit overrides), undefined where the rule's own
     * severity applies (the catalogue's, or a milder one a check reports for one case).
     */
    async overrides(): Promise<(code: RuleCode) => RuleLevel | undefined> {
        const workspace = parseRuleOverrides(await this.configuration.getConfiguration('mq', 'rules')).overrides;
        const explicit = this.explicit;
        return code => explicit[code] ?? workspace[code];
    }
}

/**
 * Sets explicit severity overrides on a service container, e.g. from `--rule MQ020=warning`. Takes effect on the
 * next validation (rebuild the documents if they were already validated).
 */
export function setRuleOverrides(services: { validation: { RuleConfiguration: RuleConfiguration } }, overrides: RuleOverrides): void {
    services.validation.RuleConfiguration.setOverrides(overrides);
}
