import type { LangiumDocument, LangiumSharedCoreServices } from 'langium';
import { lowerModel, toModelDiagnostics } from '@mq-architect/language';
import type { ArchitectureModel, ModelDiagnostic } from '@mq-architect/language/model';
import type { ast } from '@mq-architect/language';

export interface WorkspaceModel {
    model: ArchitectureModel;
    /** The diagnostics as published to the editor (rule severities already applied by the validator). */
    diagnostics: ModelDiagnostic[];
}

/**
 * Lowers every MQ document the server knows (open editors and files of the workspace folders) into one model:
 * declarations are global across files, so a diagram or a simulation always sees the whole workspace.
 */
export function workspaceModel(shared: LangiumSharedCoreServices): WorkspaceModel {
    const documents: LangiumDocument[] = shared.workspace.LangiumDocuments.all
        .filter((document) => document.uri.path.toLowerCase().endsWith('.mq'))
        .toArray();
    const model = lowerModel(documents.map((document) => document.parseResult.value as ast.Model));
    return { model, diagnostics: documents.flatMap(toModelDiagnostics) };
}
