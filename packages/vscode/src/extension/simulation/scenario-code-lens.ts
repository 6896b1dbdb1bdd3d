import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ScenariosRequest } from '../../protocol/lsp.js';
import { toVscodeRange } from '../ranges.js';
import { Commands } from '../view-types.js';

/** `▶ Simulate` above every scenario; scenario positions come from the server, refreshed after each validation. */
export class ScenarioCodeLensProvider implements vscode.CodeLensProvider, vscode.Disposable {
    private readonly changed = new vscode.EventEmitter<void>();
    readonly onDidChangeCodeLenses = this.changed.event;

    constructor(private readonly client: () => LanguageClient | undefined) {}

    refresh(): void {
        this.changed.fire();
    }

    async provideCodeLenses(document: vscode.TextDocument, token: vscode.CancellationToken): Promise<vscode.CodeLens[]> {
        const client = this.client();
        if (!client) return [];
        try {
            const scenarios = await client.sendRequest(ScenariosRequest.type, { uri: document.uri.toString() }, token);
            return scenarios.map((scenario) => new vscode.CodeLens(toVscodeRange(scenario.nameRange), {
                title: '▶ Simulate',
                tooltip: `Run scenario ${scenario.name}`,
                command: Commands.runSimulation,
                arguments: [{ uri: scenario.uri, scenario: scenario.name }]
            }));
        } catch {
            // The server is restarting or the request was cancelled by a newer edit: no lenses this time.
            return [];
        }
    }

    dispose(): void {
        this.changed.dispose();
    }
}
