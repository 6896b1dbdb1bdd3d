import type { Connection } from 'vscode-languageserver';
import type { LangiumSharedCoreServices } from 'langium';
import { DocumentState } from 'langium';
import { ScenariosRequest } from '../protocol/lsp.js';
import type { ScenarioInfo } from '../protocol/lsp.js';
import { workspaceModel } from './workspace-model.js';

/** `mq/scenarios`: the scenarios of the workspace (or of one document, for the `▶ Simulate` code lenses). */
export function registerScenariosHandler(connection: Connection, shared: LangiumSharedCoreServices): void {
    connection.onRequest(ScenariosRequest.type, async (params, token): Promise<ScenarioInfo[]> => {
        await shared.workspace.DocumentBuilder.waitUntil(DocumentState.Validated, token);
        const { model } = workspaceModel(shared);
        return model.scenarios
            .filter((scenario) => !params.uri || scenario.location.uri === params.uri)
            .map((scenario) => ({
                name: scenario.name,
                uri: scenario.location.uri,
                range: scenario.location.range,
                nameRange: scenario.nameLocation.range,
                durationMs: scenario.durationMs
            }));
    });
}
