/**
 * The catalogue of MQ validation rules: stable code, default severity, one-line title and the docs anchor.
 * Codes never change meaning; the CLI, the editor settings (`mq.rules`) and docs/rules.md all key on them.
 */

export type RuleSeverity = 'error' | 'warning' | 'info' | 'hint';

/** What a user may set a rule to (`mq.rules`, `--rule CODE=LEVEL`). */
export type RuleLevel = RuleSeverity | 'off';

export const RULE_LEVELS: readonly RuleLevel[] = ['off', 'hint', 'info', 'warning', 'error'];

export interface RuleInfo {
    code: RuleCode;
    severity: RuleSeverity;
    title: string;
}

/**
 * Where docs/rules.md is published. Anchors are the lower-cased codes (`#mq010`). A full URI so that
 * VS Code renders the code in the Problems panel as a clickable link.
 */
export const RULES_DOC_BASE = 'https://github.com/mq-architect/mq-architect/blob/main/docs/rules.md';

let rulesDocBase: string = RULES_DOC_BASE;

/**
 * Points rule links at another copy of docs/rules.md: the VS Code extension ships the page and links to
 * that file, so a click on a code works offline and matches the installed version.
 */
export function setRulesDocBase(uri: string): void {
    rulesDocBase = uri;
}

const rule = (severity: RuleSeverity, title: string) => ({ severity, title });

const CATALOGUE = {
    MQ001: rule('error', 'a FIFO queue or topic must be named *.fifo'),
    MQ002: rule('error', 'a standard queue or topic must not be named *.fifo'),
    MQ003: rule('error', 'name length and characters per kind'),
    MQ004: rule('error', 'duplicate name within a kind, across the workspace'),
    MQ010: rule('error', 'visibility outside 0s..12h'),
    MQ011: rule('error', 'retention outside the service range'),
    MQ012: rule('error', 'delay outside 0s..15m'),
    MQ013: rule('error', 'wait outside 0s..20s'),
    MQ014: rule('error', 'message or record size outside the service limit'),
    MQ015: rule('error', 'dead-letter receives outside 1..1000'),
    MQ016: rule('error', 'Firehose buffer size or interval outside the service range'),
    MQ017: rule('error', 'batch outside 1..10 (SQS) or 1..10000 (stream)'),
    MQ020: rule('error', 'a FIFO topic subscribes a standard queue'),
    MQ021: rule('error', 'a standard topic cannot subscribe a FIFO queue'),
    MQ022: rule('error', 'a dead-letter queue must be of the same type as its source'),
    MQ023: rule('error', 'property not allowed on this queue or topic type'),
    MQ024: rule('error', 'a producer to a FIFO queue or topic needs a group (and a dedup-id)'),
    MQ025: rule('warning', 'declared rate exceeds FIFO throughput'),
    MQ026: rule('error', 'a FIFO topic can only subscribe SQS queues'),
    MQ030: rule('error', 'dead-letter queue cycle'),
    MQ031: rule('warning', 'dead-letter queue retention shorter than its source'),
    MQ032: rule('warning', 'processing longer than the visibility timeout without heartbeat'),
    MQ033: rule('hint', 'failing consumer on a queue without dead-letter queue'),
    MQ040: rule('error', 'unresolved reference or reference to the wrong kind'),
    MQ041: rule('error', 'malformed subscription endpoint'),
    MQ042: rule('error', 'invalid filter policy'),
    MQ043: rule('warning', 'filter policy never matches any published message'),
    MQ044: rule('warning', 'the same endpoint subscribed twice'),
    MQ045: rule('error', 'raw delivery on a protocol that does not support it'),
    MQ050: rule('warning', 'producer throughput exceeds stream write capacity'),
    MQ051: rule('warning', 'more than 5 shared-throughput consumers on a stream'),
    MQ060: rule('error', 'a producer publishes directly to a firehose whose source is a stream'),
    MQ061: rule('error', 'a redshift destination without an s3 intermediate bucket'),
    MQ070: rule('error', 'inconsistent scaling: instances or thresholds'),
    MQ071: rule('hint', 'resource nobody publishes to or nobody reads'),
    MQ072: rule('error', 'target tracking on a stream consumer, with a target ≤ 0, or on a fixed-size group (warning)'),
    MQ080: rule('error', 'scenario names an unknown resource or metric, or a window beyond its duration')
} as const satisfies Record<string, { severity: RuleSeverity; title: string }>;

export type RuleCode = keyof typeof CATALOGUE;

export const RULES: Readonly<Record<RuleCode, RuleInfo>> = Object.fromEntries(
    Object.entries(CATALOGUE).map(([code, info]) => [code, { code, ...info }])
) as Record<RuleCode, RuleInfo>;

export const RULE_CODES = Object.keys(CATALOGUE) as RuleCode[];

export function isRuleCode(value: unknown): value is RuleCode {
    return typeof value === 'string' && Object.hasOwn(CATALOGUE, value);
}

/** `MQ010` → `…/docs/rules.md#mq010`. */
export function ruleHref(code: RuleCode): string {
    return `${rulesDocBase}#${code.toLowerCase()}`;
}
