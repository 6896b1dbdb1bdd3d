import * as vscode from 'vscode';
import type { ServerState } from './language-client.js';

const PRESENTATION: Record<ServerState, { text: string; tooltip: string; error: boolean }> = {
    starting: { text: '$(loading~spin) MQ', tooltip: 'MQ language server: starting', error: false },
    running: { text: '$(check) MQ', tooltip: 'MQ language server: running', error: false },
    stopped: { text: '$(circle-slash) MQ', tooltip: 'MQ language server: stopped', error: false },
    failed: { text: '$(error) MQ', tooltip: 'MQ language server: failed (click for the output)', error: true }
};

/** The status bar item showing the language server's state; a click shows the server's output. */
export class ServerStatusItem implements vscode.Disposable {
    private readonly item = vscode.window.createStatusBarItem('mq.serverStatus', vscode.StatusBarAlignment.Right, 100);

    constructor(showOutputCommand: string) {
        this.item.name = 'MQ Language Server';
        this.item.command = showOutputCommand;
        this.update('starting');
        this.item.show();
    }

    update(state: ServerState): void {
        const { text, tooltip, error } = PRESENTATION[state];
        this.item.text = text;
        this.item.tooltip = tooltip;
        this.item.backgroundColor = error ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
    }

    dispose(): void {
        this.item.dispose();
    }
}
