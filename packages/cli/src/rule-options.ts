import { InvalidArgumentError } from 'commander';
import type { RuleSeverities } from '@mq-architect/language';

const LEVELS = new Set(['off', 'hint', 'info', 'warning', 'error']);

/** Commander collector for repeated `--rule MQ020=warning` options. */
export function collectRule(value: string, previous: Record<string, string> = {}): Record<string, string> {
    const match = /^(MQ\d{3})=(\w+)$/i.exec(value.trim());
    if (!match || !LEVELS.has(match[2]!.toLowerCase())) {
        throw new InvalidArgumentError(`expected CODE=LEVEL such as MQ020=warning (levels: off, hint, warning, error), got '${value}'`);
    }
    return { ...previous, [match[1]!.toUpperCase()]: match[2]!.toLowerCase() };
}

export function asRuleSeverities(rules: Record<string, string> | undefined): RuleSeverities | undefined {
    return rules as RuleSeverities | undefined;
}
