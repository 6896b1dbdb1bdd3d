import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { contentSecurityPolicy, createNonce, escapeHtml, webviewHtml } from '../../src/extension/webview-html.js';
import { PREVIEW_VIEW_TYPE, REPORT_VIEW_TYPE } from '../../src/extension/view-types.js';

const packageDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const page = {
    cspSource: 'https://file+.vscode-resource.vscode-cdn.net',
    nonce: 'abc123',
    title: 'Architecture Preview',
    scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/out/webview/preview.js',
    styleUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/out/webview/preview.css'
};

function cspOf(html: string): string {
    const match = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html);
    if (!match) throw new Error('no CSP meta tag');
    return match[1]!.replace(/&#39;/g, '\'');
}

describe('webview HTML', () => {
    test('has a strict CSP: nothing by default, scripts only with the nonce, images from the bundle or data:', () => {
        const csp = cspOf(webviewHtml(page));
        expect(csp).toContain('default-src \'none\'');
        expect(csp).toContain('script-src \'nonce-abc123\'');
        expect(csp).toContain(`img-src ${page.cspSource} data:`);
        expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
    });

    test('every script and stylesheet carries the nonce', () => {
        const html = webviewHtml(page);
        const tags = html.match(/<(script|link)\b[^>]*>/g) ?? [];
        expect(tags.length).toBe(3);
        for (const tag of tags) expect(tag).toContain('nonce="abc123"');
    });

    test('escapes a hostile title and initial data', () => {
        const html = webviewHtml({
            ...page,
            title: '<script>alert("x")</script> \' "',
            initialData: { uri: 'file:///a/</script><script>alert(1)</script>.mq' }
        });
        expect(html).not.toContain('<script>alert');
        expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &#39; &quot;');
        // Inside the JSON block `<` is escaped, so the data cannot close the script element.
        expect(html).toContain('\\u003c/script>');
    });

    test('escapeHtml covers the five HTML-significant characters', () => {
        expect(escapeHtml('<a href="x" title=\'y\'>&</a>')).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
    });

    test('nonces are random and long enough', () => {
        const nonces = new Set(Array.from({ length: 50 }, () => createNonce()));
        expect(nonces.size).toBe(50);
        for (const nonce of nonces) expect(nonce.length).toBeGreaterThanOrEqual(24);
    });

    test('the CSP helper lists the style and font sources of the bundle folder', () => {
        const csp = contentSecurityPolicy('vscode-resource:', 'n');
        expect(csp).toContain('style-src vscode-resource: \'nonce-n\'');
        expect(csp).toContain('font-src vscode-resource:');
    });
});

describe('package.json contributions', () => {
    const manifest = JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as {
        activationEvents: string[];
        contributes: { commands: Array<{ command: string }>; configuration: { properties: Record<string, unknown> } };
    };

    test('every webview panel type can be revived after a reload', () => {
        expect(manifest.activationEvents).toContain(`onWebviewPanel:${PREVIEW_VIEW_TYPE}`);
        expect(manifest.activationEvents).toContain(`onWebviewPanel:${REPORT_VIEW_TYPE}`);
    });

    test('declares the commands and settings the extension registers and reads', () => {
        const commands = manifest.contributes.commands.map((entry) => entry.command);
        expect(commands).toEqual(expect.arrayContaining(['mq.openPreview', 'mq.exportDiagram', 'mq.runSimulation']));
        expect(Object.keys(manifest.contributes.configuration.properties).sort())
            .toEqual(['mq.preview.direction', 'mq.rules', 'mq.simulation.defaultSeed']);
    });
});
