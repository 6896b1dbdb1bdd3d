/**
 * The one message protocol between the extension host and its webviews. Each message is a constant typed by its
 * payload; both sides send and test messages only through `message`/`isMessage`, never through bare strings.
 * Handshake: a webview posts `ready` once its script runs; only then does the host post content, so nothing sent
 * before the page loaded is lost.
 *
 * This module is bundled into the browser scripts too: no Node or vscode imports.
 */

export interface MessageType<P> {
    readonly method: string;
    /** Phantom field carrying the payload type; never set. */
    readonly _payload?: P;
}

export interface Message<P> {
    method: string;
    params: P;
}

function messageType<P>(method: string): MessageType<P> {
    return { method };
}

export function message<P>(type: MessageType<P>, params: P): Message<P> {
    return { method: type.method, params };
}

export function isMessage<P>(data: unknown, type: MessageType<P>): data is Message<P> {
    return typeof data === 'object' && data !== null && (data as { method?: unknown }).method === type.method
        && 'params' in data;
}

// ------------------------------------------------------------------ architecture preview

export interface PreviewNode {
    id: string;
    severity?: 'error' | 'warning' | 'info' | 'hint';
    /** Diagnostic messages shown in the node's tooltip. */
    messages: string[];
}

export interface ShowDiagramParams {
    svg: string;
    nodes: PreviewNode[];
    /** Header line, e.g. `orders.mq — 2 errors, 1 warning`. */
    title: string;
    /** Shown in a banner above the (kept) last diagram when the update failed. */
    error?: string;
}

export type ExportFormat = 'svg' | 'png';

export interface PreviewState {
    /** The document the panel follows, for reviving the panel after a reload. */
    uri: string;
    zoom: number;
    panX: number;
    panY: number;
}

/** One metric of one diagram node over the run, one value per time bucket. */
export interface ReplaySeries {
    nodeId: string;
    label: string;
    values: number[];
}

/** A simulation run replayed on the diagram with a timeline scrubber. */
export interface ReplayData {
    scenario: string;
    bucketMs: number;
    points: number;
    series: ReplaySeries[];
}

export namespace PreviewMessages {
    /** webview → host: the script is running; send the diagram. */
    export const ready = messageType<Record<string, never>>('preview/ready');
    /** host → webview. */
    export const showDiagram = messageType<ShowDiagramParams>('preview/showDiagram');
    /** host → webview: select a node (e.g. the one under the cursor or a diagnostic). */
    export const highlightNode = messageType<{ id: string | undefined }>('preview/highlightNode');
    /** host → webview. */
    export const fitToWindow = messageType<Record<string, never>>('preview/fitToWindow');
    /** webview → host: a node was clicked. */
    export const nodeClicked = messageType<{ id: string }>('preview/nodeClicked');
    /** host → webview: render the diagram as PNG and send it back. */
    export const renderPng = messageType<{ requestId: number; scale: number }>('preview/renderPng');
    /** webview → host: answer to `renderPng`, a base64 data URL. */
    export const pngRendered = messageType<{ requestId: number; dataUrl?: string; error?: string }>('preview/pngRendered');
    /** host → webview: show the run on the diagram with a timeline scrubber. */
    export const replay = messageType<ReplayData>('preview/replay');
    /** webview → host: the user asked for an export from the webview's toolbar. */
    export const exportRequested = messageType<{ format: ExportFormat }>('preview/exportRequested');
}
