import type { LangiumDocument } from 'langium';
import type { Diagnostic } from 'vscode-languageserver';
import type { ModelDiagnostic, Severity } from '../model/diagnostic.js';

const SEVERITY: Readonly<Record<number, Severity>> = { 1: 'error', 2: 'warning', 3: 'info', 4: 'hint' };

/** Severity overrides per rule code, as in `mq.rules` or `--rule MQ020=warning`. */
export type RuleSeverities = Readonly<Record<string, Severity | 'off'>>;

/** The stable MQ code of a Langium diagnostic: MQ000 for syntax errors, MQ040 for unresolved references. */
export function codeOf(diagnostic: Diagnostic): string {
    if (typeof diagnostic.code === 'string' && /^MQ\d{3}$/.test(diagnostic.code)) return diagnostic.code;
    const dataCode = (diagnostic.data as { code?: unknown } | undefined)?.code;
    if (typeof dataCode === 'string' && /^MQ\d{3}$/.test(dataCode)) return dataCode;
    if (dataCode === 'linking-error') return 'MQ040';
    return 'MQ000';
}

export function toModelDiagnostics(document: LangiumDocument): ModelDiagnostic[] {
    const uri = document.uri.toString();
    return (document.diagnostics ?? []).map(diagnostic => ({
        severity: SEVERITY[diagnostic.severity ?? 1] ?? 'error',
        code: codeOf(diagnostic),
        message: typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value,
        location: { uri, range: diagnostic.range }
    }));
}

/** Applies per-rule severity overrides; `off` removes the diagnostic. Syntax errors (MQ000) cannot be lowered. */
export function applyRuleSeverities(diagnostics: readonly ModelDiagnostic[], rules: RuleSeverities | undefined): ModelDiagnostic[] {
    if (!rules) return [...diagnostics];
    const result: ModelDiagnostic[] = [];
    for (const diagnostic of diagnostics) {
        const override = diagnostic.code === 'MQ000' ? undefined : rules[diagnostic.code];
        if (override === 'off') continue;
        result.push(override ? { ...diagnostic, severity: override } : diagnostic);
    }
    return result;
}

/** Sorted by file, then position, so output is stable. */
export function sortDiagnostics(diagnostics: ModelDiagnostic[]): ModelDiagnostic[] {
    return diagnostics.sort((a, b) =>
        a.location.uri.localeCompare(b.location.uri)
        || a.location.range.start.line - b.location.range.start.line
        || a.location.range.start.character - b.location.range.start.character
        || a.code.localeCompare(b.code));
}
