import * as vscode from 'vscode';
import type { ErrorHandler, ErrorHandlerResult, CloseHandlerResult, LanguageClientOptions, ServerOptions } from 'vscode-languageclient/node';
import { CloseAction, ErrorAction, LanguageClient, State, TransportKind } from 'vscode-languageclient/node';
import { RestartBudget } from './restart-budget.js';

export type ServerState = 'starting' | 'running' | 'stopped' | 'failed';

/**
 * Owns the language client: starts the bundled server over IPC, restarts it after a crash while the restart
 * budget lasts, and reports its state. A server that keeps crashing is left stopped with a message offering a
 * manual restart, rather than looping.
 */
export class MqLanguageClient implements vscode.Disposable {
    private client: LanguageClient | undefined;
    private readonly budget = new RestartBudget();
    private readonly stateEmitter = new vscode.EventEmitter<ServerState>();
    private readonly disposables: vscode.Disposable[] = [this.stateEmitter];
    private readonly clientListeners: vscode.Disposable[] = [];
    private currentState: ServerState = 'stopped';

    readonly onDidChangeState = this.stateEmitter.event;

    constructor(
        private readonly serverModule: string,
        private readonly output: vscode.LogOutputChannel,
        private readonly configure: (client: LanguageClient) => vscode.Disposable[]
    ) {}

    get state(): ServerState {
        return this.currentState;
    }

    /** The running client, or undefined while the server is down. */
    get running(): LanguageClient | undefined {
        return this.currentState === 'running' ? this.client : undefined;
    }

    async start(): Promise<void> {
        await this.stopClient();
        const client = new LanguageClient('mq', 'MQ Language Server', this.serverOptions(), this.clientOptions());
        this.client = client;
        this.clientListeners.push(client.onDidChangeState((event) => {
            if (event.newState === State.Running) this.setState('running');
            else if (event.newState === State.Starting) this.setState('starting');
            else if (this.currentState !== 'failed') this.setState('stopped');
        }));
        this.clientListeners.push(...this.configure(client));
        this.setState('starting');
        try {
            await client.start();
        } catch (error) {
            this.output.appendLine(`[client] the language server failed to start: ${describe(error)}`);
            this.setState('failed');
        }
    }

    async restart(): Promise<void> {
        this.budget.reset();
        this.output.appendLine('[client] restarting the language server');
        await this.start();
    }

    async dispose(): Promise<void> {
        await this.stopClient();
        for (const disposable of this.disposables) disposable.dispose();
    }

    private async stopClient(): Promise<void> {
        for (const listener of this.clientListeners.splice(0)) listener.dispose();
        const client = this.client;
        this.client = undefined;
        if (client?.needsStop()) {
            try {
                await client.stop(2000);
            } catch (error) {
                this.output.appendLine(`[client] stopping the server: ${describe(error)}`);
            }
        }
    }

    private setState(state: ServerState): void {
        if (state === this.currentState) return;
        this.currentState = state;
        this.stateEmitter.fire(state);
    }

    private serverOptions(): ServerOptions {
        return {
            run: { module: this.serverModule, transport: TransportKind.ipc },
            debug: {
                module: this.serverModule,
                transport: TransportKind.ipc,
                options: { execArgv: ['--nolazy', '--inspect=6009'] }
            }
        };
    }

    private clientOptions(): LanguageClientOptions {
        return {
            documentSelector: [{ scheme: 'file', language: 'mq' }, { scheme: 'untitled', language: 'mq' }],
            synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/*.mq') },
            outputChannel: this.output,
            errorHandler: this.errorHandler(),
            initializationFailedHandler: (error) => {
                this.output.appendLine(`[client] initialization failed: ${describe(error)}`);
                this.setState('failed');
                void this.offerRestart('The MQ language server failed to initialize.');
                return false;
            }
        };
    }

    private errorHandler(): ErrorHandler {
        return {
            error: (error, _message, count): ErrorHandlerResult => {
                this.output.appendLine(`[client] connection error (${count ?? 1}): ${describe(error)}`);
                return { action: (count ?? 1) <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown };
            },
            closed: (): CloseHandlerResult => {
                const { maxRestarts, windowMs } = this.budget;
                if (this.budget.recordCrash()) {
                    this.output.appendLine(`[client] the server stopped; restarting (${this.budget.recentCrashes}/${maxRestarts})`);
                    return { action: CloseAction.Restart, handled: true };
                }
                this.setState('failed');
                void this.offerRestart(`The MQ language server crashed ${this.budget.recentCrashes} times in ${windowMs / 60_000} minutes and was not restarted.`);
                return { action: CloseAction.DoNotRestart, handled: true };
            }
        };
    }

    private async offerRestart(message: string): Promise<void> {
        const choice = await vscode.window.showErrorMessage(message, 'Restart', 'Show Output');
        if (choice === 'Restart') await this.restart();
        else if (choice === 'Show Output') this.output.show(true);
    }
}

function describe(error: unknown): string {
    return error instanceof Error ? error.message : String(error);
}
