import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ModelDiagnostic } from '@mq-architect/language/model';

/** A diagnostic's file as the user would type it: relative to the working directory when below it. */
export function displayPath(uri: string, cwd = process.cwd()): string {
    if (!uri.startsWith('file:')) return uri;
    const file = fileURLToPath(uri);
    const relative = path.relative(cwd, file);
    return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
}

/** `path:line:col severity CODE message`, 1-based like compilers print. */
export function formatDiagnostic(diagnostic: ModelDiagnostic, cwd?: string): string {
    const { start } = diagnostic.location.range;
    return `${displayPath(diagnostic.location.uri, cwd)}:${start.line + 1}:${start.character + 1} ${diagnostic.severity} ${diagnostic.code} ${diagnostic.message}`;
}

export function diagnosticsToJson(diagnostics: readonly ModelDiagnostic[], cwd?: string): object[] {
    return diagnostics.map(diagnostic => ({
        file: displayPath(diagnostic.location.uri, cwd),
        line: diagnostic.location.range.start.line + 1,
        column: diagnostic.location.range.start.character + 1,
        endLine: diagnostic.location.range.end.line + 1,
        endColumn: diagnostic.location.range.end.character + 1,
        severity: diagnostic.severity,
        code: diagnostic.code,
        message: diagnostic.message
    }));
}

export function summarize(diagnostics: readonly ModelDiagnostic[], files: number): string {
    const count = (severity: ModelDiagnostic['severity']) => diagnostics.filter(d => d.severity === severity).length;
    const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
    return `${plural(files, 'file')} checked: ${plural(count('error'), 'error')}, ${plural(count('warning'), 'warning')}, ${plural(count('info') + count('hint'), 'hint')}`;
}
