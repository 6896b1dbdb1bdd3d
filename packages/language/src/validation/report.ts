import type { AstNode, DiagnosticInfo, ValidationAcceptor } from 'langium';
import type { RuleCode, RuleSeverity } from '../rules/rule-catalogue.js';
import { RULES, ruleHref } from '../rules/rule-catalogue.js';

/** Extra facts a quick fix needs (e.g. the clamped value); `code` is always added. */
export type RulePayload = Record<string, unknown>;

export type RuleDiagnosticInfo<N extends AstNode> = Omit<DiagnosticInfo<N>, 'code' | 'codeDescription' | 'data'> & {
    data?: RulePayload;
    /**
     * A milder severity than the catalogue's for one case of a rule (MQ072: a policy that can never act is a
     * warning, a policy AWS would reject is an error). A user's override of the rule still sets every case.
     */
    severity?: RuleSeverity;
};

/**
 * Reports a rule violation with the catalogue's default severity; the document validator applies the user's
 * severity overrides afterwards. Every MQ diagnostic carries the code twice: `code` for the user and
 * `data.code` for code actions (Langium's convention, which `testCodeAction` relies on).
 */
export function report<N extends AstNode>(accept: ValidationAcceptor, code: RuleCode, message: string, info: RuleDiagnosticInfo<N>): void {
    const { severity, ...rest } = info;
    accept(severity ?? RULES[code].severity, message, {
        ...rest,
        code,
        codeDescription: { href: ruleHref(code) },
        data: { ...rest.data, code }
    });
}
