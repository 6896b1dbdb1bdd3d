import type { ModelDiagnostic, SourcePosition, SourceRange, SourceLocation } from '@mq-architect/language/model';
import type { BadgeSeverity, NodeDiagnostic } from './diagram-graph.js';

function before(a: SourcePosition, b: SourcePosition): boolean {
    return a.line < b.line || (a.line === b.line && a.character <= b.character);
}

function contains(outer: SourceRange, inner: SourceRange): boolean {
    return before(outer.start, inner.start) && before(inner.end, outer.end);
}

function extent(range: SourceRange): number {
    // Lines dominate; characters break ties between ranges on the same lines.
    return (range.end.line - range.start.line) * 1e6 + (range.end.character - range.start.character);
}

export interface DiagnosticOwner {
    id: string;
    location: SourceLocation;
}

/**
 * Assigns each diagnostic to the innermost element whose declaration contains it (same document),
 * so an error inside a topic's subscription lands on that topic. Diagnostics outside every
 * element (for instance in a scenario) are not shown on the diagram.
 */
export function assignDiagnostics(owners: readonly DiagnosticOwner[], diagnostics: readonly ModelDiagnostic[]): Map<string, NodeDiagnostic[]> {
    const byUri = new Map<string, DiagnosticOwner[]>();
    for (const owner of owners) {
        const list = byUri.get(owner.location.uri) ?? [];
        list.push(owner);
        byUri.set(owner.location.uri, list);
    }
    const result = new Map<string, NodeDiagnostic[]>();
    for (const diagnostic of diagnostics) {
        let best: DiagnosticOwner | undefined;
        for (const owner of byUri.get(diagnostic.location.uri) ?? []) {
            if (contains(owner.location.range, diagnostic.location.range)
                && (best === undefined || extent(owner.location.range) < extent(best.location.range))) {
                best = owner;
            }
        }
        if (best === undefined) continue;
        const list = result.get(best.id) ?? [];
        list.push({ severity: diagnostic.severity, code: diagnostic.code, message: diagnostic.message });
        result.set(best.id, list);
    }
    return result;
}

export function worstBadge(diagnostics: readonly NodeDiagnostic[]): BadgeSeverity | undefined {
    if (diagnostics.some((d) => d.severity === 'error')) return 'error';
    if (diagnostics.some((d) => d.severity === 'warning')) return 'warning';
    return undefined;
}
