import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { DiagramRequest } from '../../protocol/lsp.js';
import type { DiagramNodeInfo, DiagramResult } from '../../protocol/lsp.js';
import { PreviewMessages, isMessage, message } from '../../protocol/webview.js';
import type { MessageType, PreviewState, ReplayData, ShowDiagramParams } from '../../protocol/webview.js';
import { PREVIEW_VIEW_TYPE } from '../view-types.js';
import { previewDirection } from '../settings.js';
import { createNonce, webviewHtml } from '../webview-html.js';
import { containsPosition, toVscodeRange } from '../ranges.js';

export interface PreviewHost {
    extensionUri: vscode.Uri;
    output: vscode.OutputChannel;
    /** The language client while the server runs. */
    client(): LanguageClient | undefined;
}

/** Validation bursts while typing collapse into one diagram request. */
const UPDATE_DEBOUNCE_MS = 250;
/** A diagram request that takes longer is cancelled and reported, so the preview is never stuck. */
const REQUEST_TIMEOUT_MS = 30_000;
const PNG_TIMEOUT_MS = 20_000;

/**
 * The architecture preview: one panel beside the editor that follows the active MQ document. It pulls a laid-out
 * SVG from the language server whenever the server reports validated documents, keeps at most one request in
 * flight (a change during a request triggers exactly one more), and keeps the last good diagram when an update fails.
 */
export class ArchitecturePreview implements vscode.Disposable {
    private static current: ArchitecturePreview | undefined;

    static get active(): ArchitecturePreview | undefined {
        return ArchitecturePreview.current;
    }

    static createOrShow(host: PreviewHost, uri: vscode.Uri): ArchitecturePreview {
        const column = vscode.window.activeTextEditor ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active;
        const existing = ArchitecturePreview.current;
        if (existing) {
            existing.follow(uri);
            existing.panel.reveal(column, true);
            return existing;
        }
        const panel = vscode.window.createWebviewPanel(PREVIEW_VIEW_TYPE, 'Architecture Preview', { viewColumn: column, preserveFocus: true },
            ArchitecturePreview.webviewOptions(host.extensionUri));
        return new ArchitecturePreview(host, panel, uri, undefined);
    }

    static revive(host: PreviewHost, panel: vscode.WebviewPanel, state: PreviewState | undefined): ArchitecturePreview | undefined {
        const uri = state?.uri ? vscode.Uri.parse(state.uri) : vscode.window.activeTextEditor?.document.uri;
        if (!uri) {
            panel.dispose();
            return undefined;
        }
        ArchitecturePreview.current?.dispose();
        panel.webview.options = ArchitecturePreview.webviewOptions(host.extensionUri);
        return new ArchitecturePreview(host, panel, uri, state);
    }

    private static webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions & vscode.WebviewPanelOptions {
        return { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'out', 'webview')] };
    }

    private readonly disposables: vscode.Disposable[] = [];
    private diagram: DiagramResult | undefined;
    private webviewReady = false;
    private inFlight: vscode.CancellationTokenSource | undefined;
    private updateAgain = false;
    private debounceTimer: ReturnType<typeof setTimeout> | undefined;
    private nextPngRequest = 1;
    private readonly pngWaiters = new Map<number, (result: { dataUrl?: string; error?: string }) => void>();
    private highlighted: string | undefined;
    private replay: ReplayData | undefined;
    private readonly diagramWaiters: Array<() => void> = [];
    private readonly readyWaiters: Array<() => void> = [];

    private constructor(
        private readonly host: PreviewHost,
        readonly panel: vscode.WebviewPanel,
        private uri: vscode.Uri,
        restored: PreviewState | undefined
    ) {
        ArchitecturePreview.current = this;
        panel.iconPath = vscode.Uri.joinPath(host.extensionUri, 'media', 'mq-file.svg');
        this.setTitle();
        this.disposables.push(
            panel.onDidDispose(() => this.dispose()),
            panel.webview.onDidReceiveMessage((data: unknown) => this.onMessage(data)),
            panel.onDidChangeViewState(() => {
                void vscode.commands.executeCommand('setContext', 'mqPreviewFocused', panel.active);
            })
        );
        const nonce = createNonce();
        const bundle = vscode.Uri.joinPath(host.extensionUri, 'out', 'webview');
        const initial: PreviewState = { uri: uri.toString(), zoom: restored?.zoom ?? 0, panX: restored?.panX ?? 0, panY: restored?.panY ?? 0 };
        panel.webview.html = webviewHtml({
            cspSource: panel.webview.cspSource,
            nonce,
            title: 'Architecture Preview',
            scriptUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(bundle, 'preview.js')).toString(),
            styleUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(bundle, 'preview.css')).toString(),
            initialData: initial
        });
        this.scheduleUpdate(0);
    }

    get documentUri(): vscode.Uri {
        return this.uri;
    }

    get lastDiagram(): DiagramResult | undefined {
        return this.diagram;
    }

    /** The current diagram, waiting for the first one of a freshly opened panel (at most `timeoutMs`). */
    async waitForDiagram(timeoutMs = REQUEST_TIMEOUT_MS): Promise<DiagramResult | undefined> {
        if (this.diagram?.svg) return this.diagram;
        await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, timeoutMs);
            this.diagramWaiters.push(() => {
                clearTimeout(timer);
                resolve();
            });
        });
        return this.diagram;
    }

    /** Shows the diagram of another document's workspace (the panel follows the active MQ editor). */
    follow(uri: vscode.Uri): void {
        if (uri.toString() === this.uri.toString()) return;
        this.uri = uri;
        this.setTitle();
        this.scheduleUpdate(0);
    }

    /** Called when the server validated documents; any MQ change can alter the workspace-wide diagram. */
    onDocumentsValidated(uris: readonly string[]): void {
        if (uris.length > 0) this.scheduleUpdate(UPDATE_DEBOUNCE_MS);
    }

    /** Called when the server (re)started: the previous request may have died with it. */
    onServerReady(): void {
        this.scheduleUpdate(0);
    }

    /** Highlights the node declared at the position (cursor moves, diagnostics opened from the Problems panel). */
    highlightAt(uri: vscode.Uri, position: vscode.Position): void {
        const node = this.nodeAt(uri, position);
        if (node?.id === this.highlighted) return;
        this.highlighted = node?.id;
        this.post(PreviewMessages.highlightNode, { id: node?.id });
    }

    /** Replays a simulation run on the diagram (queue depths and rates per node, with a timeline scrubber). */
    showReplay(replay: ReplayData): void {
        this.replay = replay;
        this.post(PreviewMessages.replay, replay);
    }

    fitToWindow(): void {
        this.post(PreviewMessages.fitToWindow, {});
    }

    /** Renders the current diagram as PNG inside the webview (canvas) and returns the bytes. */
    async renderPng(scale = 2): Promise<Uint8Array> {
        if (!(await this.waitForDiagram())?.svg) throw new Error('The preview has no diagram yet.');
        if (!this.webviewReady) {
            await new Promise<void>((resolve) => {
                const timer = setTimeout(resolve, PNG_TIMEOUT_MS);
                this.readyWaiters.push(() => {
                    clearTimeout(timer);
                    resolve();
                });
            });
        }
        const requestId = this.nextPngRequest++;
        const result = await new Promise<{ dataUrl?: string; error?: string }>((resolve) => {
            const timer = setTimeout(() => {
                this.pngWaiters.delete(requestId);
                resolve({ error: 'The preview did not answer in time.' });
            }, PNG_TIMEOUT_MS);
            this.pngWaiters.set(requestId, (answer) => {
                clearTimeout(timer);
                resolve(answer);
            });
            this.post(PreviewMessages.renderPng, { requestId, scale });
        });
        const prefix = 'data:image/png;base64,';
        if (!result.dataUrl?.startsWith(prefix)) throw new Error(result.error ?? 'The preview returned no PNG.');
        return Buffer.from(result.dataUrl.slice(prefix.length), 'base64');
    }

    dispose(): void {
        if (ArchitecturePreview.current === this) ArchitecturePreview.current = undefined;
        clearTimeout(this.debounceTimer);
        this.inFlight?.cancel();
        for (const waiter of this.pngWaiters.values()) waiter({ error: 'The preview was closed.' });
        for (const wake of [...this.diagramWaiters.splice(0), ...this.readyWaiters.splice(0)]) wake();
        this.pngWaiters.clear();
        void vscode.commands.executeCommand('setContext', 'mqPreviewFocused', false);
        this.panel.dispose();
        for (const disposable of this.disposables.splice(0)) disposable.dispose();
    }

    private setTitle(): void {
        this.panel.title = `Preview ${this.uri.path.split('/').pop() ?? ''}`;
    }

    private scheduleUpdate(delayMs: number): void {
        clearTimeout(this.debounceTimer);
        this.debounceTimer = setTimeout(() => void this.update(), delayMs);
    }

    private async update(): Promise<void> {
        if (this.inFlight) {
            this.updateAgain = true;
            return;
        }
        const client = this.host.client();
        if (!client) {
            this.showDiagram('The MQ language server is not running.');
            return;
        }
        const source = new vscode.CancellationTokenSource();
        this.inFlight = source;
        const timeout = setTimeout(() => source.cancel(), REQUEST_TIMEOUT_MS);
        try {
            const result = await client.sendRequest(DiagramRequest.type,
                { uri: this.uri.toString(), direction: previewDirection(this.uri) }, source.token);
            if (result.error) this.host.output.appendLine(`[preview] ${result.error}`);
            if (result.svg || !this.diagram) this.diagram = result;
            this.showDiagram(result.error);
            for (const wake of this.diagramWaiters.splice(0)) wake();
        } catch (error) {
            const reason = source.token.isCancellationRequested
                ? 'The diagram took too long and was cancelled; it will be retried on the next change.'
                : `The diagram could not be updated: ${error instanceof Error ? error.message : String(error)}`;
            this.host.output.appendLine(`[preview] ${reason}`);
            this.showDiagram(reason);
        } finally {
            clearTimeout(timeout);
            source.dispose();
            this.inFlight = undefined;
            if (this.updateAgain) {
                this.updateAgain = false;
                this.scheduleUpdate(0);
            }
        }
    }

    private showDiagram(error: string | undefined): void {
        const diagram = this.diagram;
        const counts = diagram ? [plural(diagram.errors, 'error'), plural(diagram.warnings, 'warning')].join(', ') : '';
        const params: ShowDiagramParams = {
            svg: diagram?.svg ?? '',
            nodes: (diagram?.nodes ?? []).map((node) => ({ id: node.id, severity: node.severity, messages: node.messages })),
            title: `${this.uri.path.split('/').pop() ?? ''}${counts ? ` — ${counts}` : ''}`,
            error
        };
        this.post(PreviewMessages.showDiagram, params);
        if (this.highlighted) this.post(PreviewMessages.highlightNode, { id: this.highlighted });
    }

    private post<P>(type: MessageType<P>, params: P): void {
        // Before the handshake the page cannot receive; `ready` triggers a resend of the current diagram.
        if (!this.webviewReady) return;
        void this.panel.webview.postMessage(message(type, params));
    }

    private onMessage(data: unknown): void {
        if (isMessage(data, PreviewMessages.ready)) {
            this.webviewReady = true;
            if (this.diagram) this.showDiagram(undefined);
            if (this.replay) this.post(PreviewMessages.replay, this.replay);
            for (const wake of this.readyWaiters.splice(0)) wake();
        } else if (isMessage(data, PreviewMessages.nodeClicked)) {
            void this.revealNode(data.params.id);
        } else if (isMessage(data, PreviewMessages.pngRendered)) {
            const waiter = this.pngWaiters.get(data.params.requestId);
            this.pngWaiters.delete(data.params.requestId);
            waiter?.(data.params);
        } else if (isMessage(data, PreviewMessages.exportRequested)) {
            void vscode.commands.executeCommand('mq.exportDiagram', { format: data.params.format });
        }
    }

    private async revealNode(id: string): Promise<void> {
        const node = this.diagram?.nodes.find((candidate) => candidate.id === id);
        if (!node) return;
        this.highlighted = id;
        this.post(PreviewMessages.highlightNode, { id });
        const uri = vscode.Uri.parse(node.nameLocation.uri);
        const visible = vscode.window.visibleTextEditors.find((editor) => editor.document.uri.toString() === uri.toString());
        const range = toVscodeRange(node.nameLocation.range);
        await vscode.window.showTextDocument(uri, { selection: range, viewColumn: visible?.viewColumn ?? vscode.ViewColumn.One });
    }

    private nodeAt(uri: vscode.Uri, position: vscode.Position): DiagramNodeInfo | undefined {
        const key = uri.toString();
        let best: DiagramNodeInfo | undefined;
        for (const node of this.diagram?.nodes ?? []) {
            if (node.location.uri !== key || !containsPosition(node.location.range, position)) continue;
            if (!best || toVscodeRange(node.location.range).start.isAfter(toVscodeRange(best.location.range).start)) best = node;
        }
        return best;
    }
}

function plural(count: number, noun: string): string {
    return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
