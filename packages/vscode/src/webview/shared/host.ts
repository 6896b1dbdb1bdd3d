/** The webview side of the typed protocol: one wrapper around `acquireVsCodeApi`, which may be called only once. */
import { message } from '../../protocol/webview.js';
import type { Message, MessageType } from '../../protocol/webview.js';

interface VsCodeApi {
    postMessage(data: unknown): void;
    getState(): unknown;
    setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

const api = acquireVsCodeApi();

export function post<P>(type: MessageType<P>, params: P): void {
    api.postMessage(message(type, params));
}

export function onHostMessage(handler: (data: Message<unknown>) => void): void {
    window.addEventListener('message', (event: MessageEvent<unknown>) => {
        const data = event.data;
        if (typeof data === 'object' && data !== null && typeof (data as { method?: unknown }).method === 'string') {
            handler(data as Message<unknown>);
        }
    });
}

export function getState<T>(): T | undefined {
    return (api.getState() as T | null) ?? undefined;
}

export function setState<T>(state: T): void {
    api.setState(state);
}

/** Data the host embedded in the page (`<script type="application/json" id="mq-initial-data">`). */
export function initialData<T>(): T | undefined {
    const text = document.getElementById('mq-initial-data')?.textContent;
    if (!text) return undefined;
    try {
        return (JSON.parse(text) as T | null) ?? undefined;
    } catch {
        return undefined;
    }
}

/** The page's CSP nonce, needed to attach `<style>` blocks that arrive inside an SVG. */
export function pageNonce(): string {
    const script = document.querySelector<HTMLScriptElement>('script[nonce]');
    return script?.nonce || script?.getAttribute('nonce') || '';
}
