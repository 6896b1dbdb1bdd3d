/**
 * Extension entry. Activation only wires things up: the language client, status bar, commands, the code lens
 * and the webview serializers. Layout (elkjs) and simulation (engine) live in the language server process, so
 * none of them is loaded into the extension host.
 */
import * as vscode from 'vscode';
import { DocumentsValidatedNotification } from '../protocol/lsp.js';
import type { PreviewState } from '../protocol/webview.js';
import { MqLanguageClient } from './language-client.js';
import { ServerStatusItem } from './status-bar.js';
import { ArchitecturePreview } from './preview/preview-panel.js';
import type { PreviewHost } from './preview/preview-panel.js';
import { exportDiagram } from './preview/export-diagram.js';
import type { ExportDiagramArgs } from './preview/export-diagram.js';
import { runSimulation } from './simulation/run-simulation.js';
import type { RunSimulationArgs, SimulationHost } from './simulation/run-simulation.js';
import { ReportPanel } from './simulation/report-panel.js';
import { ScenarioCodeLensProvider } from './simulation/scenario-code-lens.js';
import { Commands, PREVIEW_VIEW_TYPE, REPORT_VIEW_TYPE } from './view-types.js';

let languageClient: MqLanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
    const output = vscode.window.createOutputChannel('MQ Architect', { log: true });
    const codeLenses = new ScenarioCodeLensProvider(() => languageClient?.running);
    const client = new MqLanguageClient(context.asAbsolutePath('out/language-server/main.cjs'), output, (lc) => [
        lc.onNotification(DocumentsValidatedNotification.type, ({ uris }) => {
            ArchitecturePreview.active?.onDocumentsValidated(uris);
            codeLenses.refresh();
        })
    ]);
    languageClient = client;
    const status = new ServerStatusItem(Commands.showOutput);
    const host: PreviewHost & SimulationHost = { context, extensionUri: context.extensionUri, output, client: () => client.running };

    context.subscriptions.push(
        output,
        status,
        codeLenses,
        { dispose: () => void client.dispose() },
        client.onDidChangeState((state) => {
            status.update(state);
            if (state === 'running') {
                ArchitecturePreview.active?.onServerReady();
                codeLenses.refresh();
            }
        }),
        vscode.commands.registerCommand(Commands.openPreview, (uri?: vscode.Uri) => openPreview(host, uri)),
        vscode.commands.registerCommand(Commands.exportDiagram, (args?: ExportDiagramArgs) => exportDiagram(host, args)),
        vscode.commands.registerCommand(Commands.runSimulation, (args?: RunSimulationArgs) => runSimulation(host, args)),
        vscode.commands.registerCommand(Commands.restartServer, () => client.restart()),
        vscode.commands.registerCommand(Commands.showOutput, () => output.show(true)),
        vscode.languages.registerCodeLensProvider({ language: 'mq' }, codeLenses),
        vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, {
            deserializeWebviewPanel: async (panel, state: PreviewState | undefined) => {
                ArchitecturePreview.revive(host, panel, state);
            }
        }),
        vscode.window.registerWebviewPanelSerializer(REPORT_VIEW_TYPE, {
            deserializeWebviewPanel: async (panel) => ReportPanel.revive(context, panel)
        }),
        vscode.window.onDidChangeActiveTextEditor((editor) => {
            if (editor?.document.languageId === 'mq') ArchitecturePreview.active?.follow(editor.document.uri);
        }),
        vscode.window.onDidChangeTextEditorSelection(({ textEditor, selections }) => {
            if (textEditor.document.languageId === 'mq' && selections[0]) {
                ArchitecturePreview.active?.highlightAt(textEditor.document.uri, selections[0].active);
            }
        })
    );
    await client.start();
}

export async function deactivate(): Promise<void> {
    await languageClient?.dispose();
    languageClient = undefined;
}

function openPreview(host: PreviewHost, uri: vscode.Uri | undefined): void {
    const target = uri ?? vscode.window.activeTextEditor?.document.uri;
    if (!target || !target.path.toLowerCase().endsWith('.mq')) {
        void vscode.window.showWarningMessage('Open an MQ file (*.mq) to preview its architecture.');
        return;
    }
    ArchitecturePreview.createOrShow(host, target);
}
