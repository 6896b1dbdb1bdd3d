/**
 * HTML shells for the webviews. Pure (no vscode import) so the CSP and escaping are unit-tested.
 * Every webview gets `default-src 'none'`; scripts run only with the page's nonce, styles come from the
 * bundle folder or carry the nonce, images only from the bundle folder or data: URLs (the PNG export).
 */
import { randomBytes } from 'node:crypto';

export function createNonce(): string {
    return randomBytes(18).toString('base64');
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\'': '&#39;' };

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
    return text.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch]!);
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
    return [
        `default-src 'none'`,
        `img-src ${cspSource} data:`,
        `style-src ${cspSource} 'nonce-${nonce}'`,
        `font-src ${cspSource}`,
        `script-src 'nonce-${nonce}'`
    ].join('; ');
}

export interface WebviewPage {
    /** `webview.cspSource`. */
    cspSource: string;
    nonce: string;
    /** Document-derived text is allowed here: it is escaped. */
    title: string;
    /** `webview.asWebviewUri(...)` of the bundled script and stylesheet, as strings. */
    scriptUri: string;
    styleUri: string;
    /** JSON-serialisable data the script reads from the page before the handshake (e.g. the restored state). */
    initialData?: unknown;
}

export function webviewHtml(page: WebviewPage): string {
    const { cspSource, nonce } = page;
    // JSON inside a <script type="application/json"> block: only `<` can end the block early, so escape it.
    const data = JSON.stringify(page.initialData ?? null).replace(/</g, '\\u003c');
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(contentSecurityPolicy(cspSource, nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeHtml(page.styleUri)}" nonce="${escapeHtml(nonce)}">
<title>${escapeHtml(page.title)}</title>
</head>
<body>
<script type="application/json" id="mq-initial-data" nonce="${escapeHtml(nonce)}">${data}</script>
<script src="${escapeHtml(page.scriptUri)}" nonce="${escapeHtml(nonce)}"></script>
</body>
</html>`;
}
