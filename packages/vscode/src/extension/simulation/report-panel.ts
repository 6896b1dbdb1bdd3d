import * as vscode from 'vscode';
import { REPORT_VIEW_TYPE } from '../view-types.js';
import { createNonce, escapeHtml, contentSecurityPolicy } from '../webview-html.js';

const LAST_REPORT_KEY = 'mq.lastReport';

interface StoredReport {
    scenario: string;
    html: string;
}

/**
 * The simulation report panel. The report HTML is rendered by the server (the engine's `renderReportHtml`, with a
 * nonce this panel chose); the last report is kept in the workspace state so the panel survives a window reload.
 */
export class ReportPanel implements vscode.Disposable {
    private static current: ReportPanel | undefined;
    private readonly disposables: vscode.Disposable[] = [];

    static showRunning(context: vscode.ExtensionContext, scenario: string): ReportPanel {
        const existing = ReportPanel.current;
        const panel = existing?.panel ?? vscode.window.createWebviewPanel(REPORT_VIEW_TYPE, `Simulation: ${scenario}`,
            { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, ReportPanel.webviewOptions(context));
        const report = existing ?? new ReportPanel(context, panel);
        report.showMessage(scenario, `Simulating ${scenario}…`);
        panel.reveal(undefined, true);
        return report;
    }

    static revive(context: vscode.ExtensionContext, panel: vscode.WebviewPanel): void {
        ReportPanel.current?.dispose();
        panel.webview.options = ReportPanel.webviewOptions(context);
        const report = new ReportPanel(context, panel);
        const stored = context.workspaceState.get<StoredReport>(LAST_REPORT_KEY);
        if (stored) report.showReport(stored.scenario, stored.html);
        else report.showMessage('', 'Run MQ: Run Simulation to see a report here.');
    }

    private static webviewOptions(context: vscode.ExtensionContext): vscode.WebviewOptions {
        // The report's own script and style are inline with a nonce; only Chart.js is loaded from the bundle folder.
        return { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(context.extensionUri, 'out', 'webview')] };
    }

    private constructor(private readonly context: vscode.ExtensionContext, readonly panel: vscode.WebviewPanel) {
        ReportPanel.current = this;
        this.disposables.push(panel.onDidDispose(() => this.dispose()));
    }

    get cspSource(): string {
        return this.panel.webview.cspSource;
    }

    /** The bundled Chart.js as a webview resource, for the report's charts. */
    get chartJsUri(): string {
        return this.panel.webview.asWebviewUri(vscode.Uri.joinPath(this.context.extensionUri, 'out', 'webview', 'chart.umd.min.js')).toString();
    }

    showReport(scenario: string, html: string): void {
        this.panel.title = `Simulation: ${scenario}`;
        this.panel.webview.html = html;
        void this.context.workspaceState.update(LAST_REPORT_KEY, { scenario, html } satisfies StoredReport);
    }

    showMessage(scenario: string, text: string): void {
        if (scenario) this.panel.title = `Simulation: ${scenario}`;
        const nonce = createNonce();
        this.panel.webview.html = `<!DOCTYPE html><html lang="en"><head><meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(contentSecurityPolicy(this.panel.webview.cspSource, nonce))}">
<style nonce="${nonce}">body{font-family:var(--vscode-font-family);color:var(--vscode-foreground);padding:2em}</style>
</head><body><p class="mq-report-status">${escapeHtml(text)}</p></body></html>`;
    }

    dispose(): void {
        if (ReportPanel.current === this) ReportPanel.current = undefined;
        this.panel.dispose();
        for (const disposable of this.disposables.splice(0)) disposable.dispose();
    }
}
