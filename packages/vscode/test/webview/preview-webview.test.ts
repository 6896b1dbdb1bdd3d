/**
 * The preview's browser bundle in Debian chromium (playwright-core), with `acquireVsCodeApi` stubbed and the page's
 * CSP in force: the handshake, rendering, node clicks, highlights, zoom kept across updates, PNG export and the
 * VS Code themes. Screenshots go to test-artifacts/webview/.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseArchitecture } from '@mq-architect/language';
import { layoutArchitecture, renderSvg } from '@mq-architect/diagram';
import { webviewHtml } from '../../src/extension/webview-html.js';
import type { PreviewNode, ShowDiagramParams } from '../../src/protocol/webview.js';
import { THEMES } from './themes.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const packageDir = path.resolve(here, '..', '..');
const repoRoot = path.resolve(packageDir, '..', '..');
const artifacts = path.join(repoRoot, 'test-artifacts', 'webview');
const CHROMIUM = process.env.MQ_E2E_CHROMIUM ?? '/usr/bin/chromium';
const ORIGIN = 'https://mq-webview.test';
const NONCE = 'dGVzdC1ub25jZS0xMjM0NTY3OA==';

interface Sent {
    method: string;
    params: Record<string, unknown>;
}

let browser: Browser;
let bundle: { js: string; css: string };
let diagram: ShowDiagramParams;

async function buildBundle(): Promise<{ js: string; css: string }> {
    const result = await esbuild.build({
        entryPoints: { preview: path.join(packageDir, 'src/webview/preview/main.ts') },
        bundle: true, platform: 'browser', format: 'iife', write: false, outdir: '/virtual', loader: { '.css': 'css' }
    });
    const file = (ext: string) => result.outputFiles.find((output) => output.path.endsWith(ext))!.text;
    return { js: file('.js'), css: file('.css') };
}

async function fixtureDiagram(): Promise<ShowDiagramParams> {
    const text = readFileSync(path.join(repoRoot, 'examples', 'purchase-fanout.mq'), 'utf8')
        + '\nqueue broken-queue { visibility: 13h }\n';
    const { model, diagnostics } = await parseArchitecture(text);
    const positioned = await layoutArchitecture(model, { diagnostics });
    const nodes: PreviewNode[] = positioned.nodes.map((node) => ({ id: node.id, severity: node.badge, messages: [] }));
    return { svg: renderSvg(positioned, { theme: 'vscode' }), nodes, title: 'purchase-fanout.mq — 1 error' };
}

/** Opens the preview page as VS Code would serve it, with the host side replaced by an array of sent messages. */
async function openPreview(theme: keyof typeof THEMES = 'dark', state?: unknown): Promise<{ page: Page; cspErrors: string[] }> {
    const page = await browser.newPage({ viewport: { width: 1000, height: 700 } });
    const cspErrors: string[] = [];
    page.on('console', (message) => {
        if (/Content Security Policy/i.test(message.text())) cspErrors.push(message.text());
    });
    await page.route(`${ORIGIN}/**`, (route) => {
        const url = route.request().url();
        if (url.endsWith('/preview.js')) return route.fulfill({ contentType: 'text/javascript', body: bundle.js });
        if (url.endsWith('/preview.css')) return route.fulfill({ contentType: 'text/css', body: bundle.css });
        if (url === `${ORIGIN}/index.html`) {
            const html = webviewHtml({
                cspSource: ORIGIN, nonce: NONCE, title: 'Architecture Preview',
                scriptUri: `${ORIGIN}/preview.js`, styleUri: `${ORIGIN}/preview.css`,
                initialData: { uri: 'file:///w/purchase-fanout.mq', zoom: 0, panX: 0, panY: 0 }
            });
            return route.fulfill({ contentType: 'text/html', body: html });
        }
        return route.fulfill({ status: 404, body: '' });
    });
    await page.addInitScript(({ state: initial, vars, bodyClass }) => {
        const w = window as unknown as { __sent: unknown[]; __state: unknown; acquireVsCodeApi: () => unknown };
        w.__sent = [];
        w.__state = initial;
        w.acquireVsCodeApi = () => ({
            postMessage: (data: unknown) => w.__sent.push(data),
            getState: () => w.__state,
            setState: (value: unknown) => { w.__state = value; }
        });
        // VS Code puts the theme's colours on <html> and a theme class on <body> before any script runs.
        document.addEventListener('DOMContentLoaded', () => {
            for (const [name, value] of Object.entries(vars)) document.documentElement.style.setProperty(name, value);
            document.body.classList.add(bodyClass);
        });
    }, { state: state ?? null, vars: THEMES[theme].vars, bodyClass: THEMES[theme].bodyClass });
    await page.goto(`${ORIGIN}/index.html`);
    return { page, cspErrors };
}

async function sent(page: Page): Promise<Sent[]> {
    return page.evaluate(() => (window as unknown as { __sent: Sent[] }).__sent);
}

async function hostSends(page: Page, method: string, params: unknown): Promise<void> {
    await page.evaluate(([m, p]) => window.postMessage({ method: m, params: p }, '*'), [method, params] as const);
}

async function transformOf(page: Page): Promise<string> {
    return page.$eval('#mq-canvas', (element) => (element as HTMLElement).style.transform);
}

const chromiumAvailable = existsSync(CHROMIUM);

describe.skipIf(!chromiumAvailable)('architecture preview webview in chromium', { timeout: 90_000 }, () => {
    beforeAll(async () => {
        mkdirSync(artifacts, { recursive: true });
        [bundle, diagram] = await Promise.all([buildBundle(), fixtureDiagram()]);
        browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
    }, 60_000);

    afterAll(async () => {
        await browser?.close();
    });

    test('handshake: the page says ready, then renders the diagram it is sent, under the CSP', async () => {
        const { page, cspErrors } = await openPreview('dark');
        await expect.poll(async () => (await sent(page)).map((message) => message.method)).toEqual(['preview/ready']);
        await hostSends(page, 'preview/showDiagram', diagram);
        await page.waitForSelector('#mq-canvas svg g.mq-node');
        expect(await page.locator('#mq-canvas g.mq-node').count()).toBe(diagram.nodes.length);
        expect(await page.textContent('#mq-title')).toBe('purchase-fanout.mq — 1 error');
        // The renderer's own <style> block applies (it got the page nonce): nodes are not painted black.
        const fill = await page.$eval('#mq-canvas g.mq-node path, #mq-canvas g.mq-node rect', (element) => getComputedStyle(element).fill);
        expect(fill).not.toBe('rgb(0, 0, 0)');
        expect(cspErrors).toEqual([]);
        await page.screenshot({ path: path.join(artifacts, 'preview-dark.png') });
        await page.close();
    });

    test('a click on a node sends its id; a highlight request marks the node', async () => {
        const { page } = await openPreview('dark');
        await hostSends(page, 'preview/showDiagram', diagram);
        await page.click('#mq-canvas g.mq-node[data-id="queue:fulfilment"]');
        await expect.poll(async () => (await sent(page)).filter((message) => message.method === 'preview/nodeClicked').map((message) => message.params))
            .toEqual([{ id: 'queue:fulfilment' }]);
        await hostSends(page, 'preview/highlightNode', { id: 'queue:loyalty' });
        await expect.poll(() => page.$$eval('.mq-highlight', (elements) => elements.map((element) => element.getAttribute('data-id'))))
            .toEqual(['queue:loyalty']);
        await page.screenshot({ path: path.join(artifacts, 'preview-highlight.png') });
        await page.close();
    });

    test('zoom and pan survive a diagram update and are stored in the webview state', async () => {
        const { page } = await openPreview('dark');
        await hostSends(page, 'preview/showDiagram', diagram);
        await page.waitForSelector('#mq-canvas svg');
        await page.click('button[data-action="zoom-in"]');
        await page.click('button[data-action="zoom-in"]');
        const zoomed = await transformOf(page);
        await hostSends(page, 'preview/showDiagram', { ...diagram, title: 'after an edit' });
        await expect.poll(() => page.textContent('#mq-title')).toBe('after an edit');
        expect(await transformOf(page)).toBe(zoomed);
        const state = await page.evaluate(() => (window as unknown as { __state: { zoom: number } }).__state);
        expect(state.zoom).toBeGreaterThan(0);
        await page.close();
    });

    test('a failed update keeps the last diagram and shows the error in a banner', async () => {
        const { page } = await openPreview('dark');
        await hostSends(page, 'preview/showDiagram', diagram);
        await page.waitForSelector('#mq-canvas svg');
        await hostSends(page, 'preview/showDiagram', { svg: '', nodes: [], title: 'x', error: 'The diagram took too long' });
        await expect.poll(() => page.textContent('#mq-banner')).toBe('The diagram took too long');
        expect(await page.locator('#mq-canvas g.mq-node').count()).toBe(diagram.nodes.length);
        await page.close();
    });

    test('document-derived text is shown as text, and scripts inside an SVG never run', async () => {
        const { page } = await openPreview('dark');
        const hostile = '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="50" onload="window.__pwned=1">'
            + '<script>window.__pwned=2</script><g class="mq-node" data-id="queue:x" onclick="window.__pwned=3"><rect width="50" height="20"/></g></svg>';
        await hostSends(page, 'preview/showDiagram', { svg: hostile, nodes: [], title: '<img src=x onerror="window.__pwned=4">' });
        await page.waitForSelector('#mq-canvas g.mq-node');
        await page.click('#mq-canvas g.mq-node');
        expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
        expect(await page.$('#mq-title img')).toBeNull();
        expect(await page.textContent('#mq-title')).toBe('<img src=x onerror="window.__pwned=4">');
        await page.close();
    });

    test('PNG export renders the diagram on a canvas and answers with a PNG data URL', async () => {
        const { page } = await openPreview('light');
        await hostSends(page, 'preview/showDiagram', diagram);
        await page.waitForSelector('#mq-canvas svg');
        await hostSends(page, 'preview/renderPng', { requestId: 7, scale: 1 });
        await expect.poll(async () => (await sent(page)).some((message) => message.method === 'preview/pngRendered'), { timeout: 15_000 }).toBe(true);
        const answer = (await sent(page)).find((message) => message.method === 'preview/pngRendered')!.params as { requestId: number; dataUrl?: string; error?: string };
        expect(answer.error).toBeUndefined();
        expect(answer.requestId).toBe(7);
        const png = Buffer.from(answer.dataUrl!.replace(/^data:image\/png;base64,/, ''), 'base64');
        expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
        expect(png.readUInt32BE(16)).toBeGreaterThan(200);
        await page.close();
    });

    test('replays a run: a scrubber moves through time and nodes show their values then', async () => {
        const { page } = await openPreview('dark');
        await hostSends(page, 'preview/showDiagram', diagram);
        await page.waitForSelector('#mq-canvas svg g.mq-node');
        await hostSends(page, 'preview/replay', {
            scenario: 'flash-sale', bucketMs: 60_000, points: 3,
            series: [
                { nodeId: 'queue:fulfilment', label: 'visible', values: [0, 2500, 10] },
                { nodeId: 'producer:checkout-service', label: 'sent/s', values: [200, 4000, 200] }
            ]
        });
        // It opens at the busiest moment.
        await expect.poll(() => page.$eval('.mq-replay-time', (element) => element.textContent)).toBe('1m 00s');
        const pill = () => page.$eval('g.mq-node[data-id="queue:fulfilment"] .mq-replay-pill', (element) => element.textContent);
        expect(await pill()).toBe('2.5k visible');
        await page.screenshot({ path: path.join(artifacts, 'preview-replay.png') });
        await page.$eval('.mq-replay-slider', (element) => {
            const slider = element as HTMLInputElement;
            slider.value = '2';
            slider.dispatchEvent(new Event('input'));
        });
        expect(await pill()).toBe('10 visible');
        // The values survive a diagram update.
        await hostSends(page, 'preview/showDiagram', { ...diagram, title: 'edited' });
        await expect.poll(() => page.textContent('#mq-title')).toBe('edited');
        expect(await pill()).toBe('10 visible');
        await page.click('.mq-replay-close');
        expect(await page.$('.mq-replay-pill')).toBeNull();
        await page.close();
    });

    test('follows the VS Code theme: light, dark and high contrast colour the page and the diagram differently', async () => {
        const colours: Record<string, { background: string; text: string }> = {};
        for (const theme of Object.keys(THEMES) as Array<keyof typeof THEMES>) {
            const { page } = await openPreview(theme);
            await hostSends(page, 'preview/showDiagram', diagram);
            await page.waitForSelector('#mq-canvas svg g.mq-node');
            colours[theme] = {
                background: await page.evaluate(() => getComputedStyle(document.body).backgroundColor),
                text: await page.$eval('#mq-canvas g.mq-node text', (element) => getComputedStyle(element).fill)
            };
            await page.screenshot({ path: path.join(artifacts, `preview-${theme}.png`) });
            await page.close();
        }
        expect(colours.light!.background).toBe('rgb(255, 255, 255)');
        expect(colours.dark!.background).toBe('rgb(30, 30, 30)');
        expect(colours['high-contrast']!.background).toBe('rgb(0, 0, 0)');
        expect(new Set(Object.values(colours).map((colour) => colour.text)).size).toBeGreaterThan(1);
    });
});
