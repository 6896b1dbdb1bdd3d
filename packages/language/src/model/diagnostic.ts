import type { SourceLocation } from './architecture-model.js';

export type Severity = 'error' | 'warning' | 'info' | 'hint';

/** A diagnostic in tool-neutral form, for the CLI, the diagram badges and reports. */
export interface ModelDiagnostic {
    severity: Severity;
    /** Stable rule code, e.g. `MQ010`; `MQ000` for syntax errors. */
    code: string;
    message: string;
    location: SourceLocation;
}
