/**
 * The architecture preview webview. It only displays: the server lays out and renders the SVG; this script keeps
 * zoom and pan across updates, reports clicks on nodes, highlights nodes on request and rasterises PNG exports.
 */
import './preview.css';
import { PreviewMessages, isMessage } from '../../protocol/webview.js';
import type { PreviewState, ShowDiagramParams } from '../../protocol/webview.js';
import { getState, initialData, onHostMessage, pageNonce, post, setState } from '../shared/host.js';
import { PanZoom } from './pan-zoom.js';
import { svgSize, svgToPng } from './png.js';
import { ReplayView } from './replay.js';
import { findNodeElement, nodeElementById, nodeIdOf, parseSvg } from './svg-nodes.js';

const state: PreviewState = getState<PreviewState>() ?? initialData<PreviewState>() ?? { uri: '', zoom: 0, panX: 0, panY: 0 };
const nonce = pageNonce();

document.body.innerHTML = `
<header class="mq-toolbar" role="toolbar">
  <span class="mq-title" id="mq-title">Architecture Preview</span>
  <span class="mq-spacer"></span>
  <button type="button" data-action="zoom-out" title="Zoom out" aria-label="Zoom out">−</button>
  <button type="button" data-action="zoom-in" title="Zoom in" aria-label="Zoom in">+</button>
  <button type="button" data-action="fit" title="Fit to window" aria-label="Fit to window">Fit</button>
  <button type="button" data-action="export-svg" title="Export as SVG">SVG</button>
  <button type="button" data-action="export-png" title="Export as PNG">PNG</button>
</header>
<div class="mq-banner" id="mq-banner" role="alert" hidden></div>
<main class="mq-viewport" id="mq-viewport" tabindex="0" aria-label="Architecture diagram">
  <div class="mq-canvas" id="mq-canvas"></div>
  <p class="mq-empty" id="mq-empty">Waiting for the language server…</p>
</main>`;

const viewport = document.getElementById('mq-viewport')!;
const canvas = document.getElementById('mq-canvas')!;
const banner = document.getElementById('mq-banner')!;
const empty = document.getElementById('mq-empty')!;
const title = document.getElementById('mq-title')!;
let highlighted: string | undefined;
const replay = new ReplayView(document.body, () => currentSvg());
let fitted = state.zoom > 0;

const panZoom = new PanZoom(viewport, canvas, (view) => {
    Object.assign(state, view);
    setState(state);
});
if (fitted) panZoom.set(state);

function currentSvg(): SVGSVGElement | null {
    return canvas.querySelector('svg');
}

function fit(): void {
    const svg = currentSvg();
    if (!svg) return;
    const { width, height } = svgSize(svg);
    panZoom.fit(width, height);
    fitted = true;
}

function showDiagram(params: ShowDiagramParams): void {
    title.textContent = params.title;
    banner.hidden = !params.error;
    banner.textContent = params.error ?? '';
    if (!params.svg) {
        if (!currentSvg()) empty.textContent = params.error ? 'No diagram yet.' : 'Nothing to draw: declare a queue, topic or stream.';
        empty.hidden = Boolean(currentSvg());
        return;
    }
    const svg = parseSvg(params.svg, nonce);
    if (!svg) {
        banner.hidden = false;
        banner.textContent = 'The diagram could not be displayed (invalid SVG).';
        return;
    }
    canvas.replaceChildren(svg);
    empty.hidden = true;
    for (const node of params.nodes) {
        const element = nodeElementById(svg, node.id);
        if (!element) continue;
        element.classList.add('mq-node');
        if (node.severity) element.classList.add(`mq-severity-${node.severity}`);
    }
    // Zoom and pan survive updates: only the very first diagram is fitted.
    if (!fitted) fit();
    highlight(highlighted, false);
    replay.redraw();
}

function highlight(id: string | undefined, reveal: boolean): void {
    highlighted = id;
    for (const element of Array.from(canvas.querySelectorAll('.mq-highlight'))) element.classList.remove('mq-highlight');
    const svg = currentSvg();
    const element = id && svg ? nodeElementById(svg, id) : undefined;
    if (!element) return;
    element.classList.add('mq-highlight');
    if (reveal && element instanceof SVGGraphicsElement) {
        const box = element.getBBox();
        panZoom.reveal(box.x, box.y, box.width, box.height);
    }
}

async function renderPng(requestId: number, scale: number): Promise<void> {
    const svg = currentSvg();
    if (!svg) {
        post(PreviewMessages.pngRendered, { requestId, error: 'no diagram to export' });
        return;
    }
    try {
        const background = getComputedStyle(document.body).getPropertyValue('--vscode-editor-background').trim() || '#ffffff';
        post(PreviewMessages.pngRendered, { requestId, dataUrl: await svgToPng(svg, scale, background) });
    } catch (error) {
        post(PreviewMessages.pngRendered, { requestId, error: error instanceof Error ? error.message : String(error) });
    }
}

canvas.addEventListener('click', (event) => {
    if (panZoom.justDragged) return;
    const element = findNodeElement(event.target);
    const id = element ? nodeIdOf(element) : undefined;
    if (!id) return;
    highlight(id, false);
    post(PreviewMessages.nodeClicked, { id });
});

document.querySelector('.mq-toolbar')!.addEventListener('click', (event) => {
    const action = (event.target as HTMLElement).closest('button')?.dataset.action;
    if (action === 'zoom-in') panZoom.zoomBy(1.25);
    else if (action === 'zoom-out') panZoom.zoomBy(0.8);
    else if (action === 'fit') fit();
    else if (action === 'export-svg') post(PreviewMessages.exportRequested, { format: 'svg' });
    else if (action === 'export-png') post(PreviewMessages.exportRequested, { format: 'png' });
});

viewport.addEventListener('keydown', (event) => {
    if (event.key === '+' || event.key === '=') panZoom.zoomBy(1.25);
    else if (event.key === '-') panZoom.zoomBy(0.8);
    else if (event.key === '0') fit();
});

onHostMessage((data) => {
    if (isMessage(data, PreviewMessages.showDiagram)) showDiagram(data.params);
    else if (isMessage(data, PreviewMessages.highlightNode)) highlight(data.params.id, true);
    else if (isMessage(data, PreviewMessages.fitToWindow)) fit();
    else if (isMessage(data, PreviewMessages.replay)) replay.start(data.params);
    else if (isMessage(data, PreviewMessages.renderPng)) void renderPng(data.params.requestId, data.params.scale);
});

post(PreviewMessages.ready, {});
