/**
 * Replays a simulation run on the diagram: a scrubber under the diagram picks a moment, and every node with a
 * series shows its value then (queue depth, rates, instances) in a small pill; edges leaving a node get thicker with
 * its rate. Values are drawn into the node groups, so they follow zoom and pan and survive diagram updates.
 */
import type { ReplayData } from '../../protocol/webview.js';
import { nodeElementById } from './svg-nodes.js';

const SVG_NS = 'http://www.w3.org/2000/svg';

export class ReplayView {
    private data: ReplayData | undefined;
    private index = 0;
    private readonly bar: HTMLElement;
    private readonly slider: HTMLInputElement;
    private readonly time: HTMLElement;

    constructor(host: HTMLElement, private readonly svg: () => SVGSVGElement | null) {
        this.bar = document.createElement('footer');
        this.bar.className = 'mq-replay';
        this.bar.hidden = true;
        this.bar.innerHTML = `<span class="mq-replay-title"></span>
<input type="range" class="mq-replay-slider" min="0" max="0" value="0" aria-label="Moment of the run">
<span class="mq-replay-time"></span>
<button type="button" class="mq-replay-close" title="Stop replaying" aria-label="Stop replaying">×</button>`;
        host.appendChild(this.bar);
        this.slider = this.bar.querySelector('.mq-replay-slider')!;
        this.time = this.bar.querySelector('.mq-replay-time')!;
        this.slider.addEventListener('input', () => this.seek(Number(this.slider.value)));
        this.bar.querySelector('.mq-replay-close')!.addEventListener('click', () => this.stop());
    }

    start(data: ReplayData): void {
        this.data = data;
        this.bar.hidden = false;
        this.bar.querySelector('.mq-replay-title')!.textContent = `Replay ${data.scenario}`;
        this.slider.max = String(Math.max(0, data.points - 1));
        // Start at the busiest moment, where there is most to see.
        this.seek(busiestIndex(data));
    }

    stop(): void {
        this.data = undefined;
        this.bar.hidden = true;
        this.clear();
    }

    /** Draws the current moment again, e.g. on a new diagram after an edit. */
    redraw(): void {
        if (this.data) this.seek(this.index);
    }

    seek(index: number): void {
        const data = this.data;
        const svg = this.svg();
        if (!data) return;
        this.index = Math.max(0, Math.min(index, data.points - 1));
        this.slider.value = String(this.index);
        this.time.textContent = formatTime(this.index * data.bucketMs);
        this.clear();
        if (!svg) return;
        const byNode = new Map<string, string[]>();
        const rates = new Map<string, number>();
        for (const series of data.series) {
            const value = series.values[this.index] ?? 0;
            byNode.set(series.nodeId, [...(byNode.get(series.nodeId) ?? []), `${formatNumber(value)} ${series.label}`]);
            if (series.label.endsWith('/s')) rates.set(series.nodeId, Math.max(rates.get(series.nodeId) ?? 0, value));
        }
        for (const [id, lines] of byNode) {
            const node = nodeElementById(svg, id);
            if (node instanceof SVGGElement) node.appendChild(pill(node, lines));
        }
        const maxRate = Math.max(1, ...rates.values());
        for (const edge of Array.from(svg.querySelectorAll<SVGGElement>('g[data-source]'))) {
            const rate = rates.get(edge.getAttribute('data-source') ?? '');
            if (rate === undefined) continue;
            edge.classList.add('mq-replay-edge');
            edge.style.setProperty('--mq-replay-width', `${1 + 5 * Math.sqrt(rate / maxRate)}px`);
        }
    }

    private clear(): void {
        const svg = this.svg();
        if (!svg) return;
        for (const element of Array.from(svg.querySelectorAll('.mq-replay-pill'))) element.remove();
        for (const edge of Array.from(svg.querySelectorAll<SVGGElement>('.mq-replay-edge'))) {
            edge.classList.remove('mq-replay-edge');
            edge.style.removeProperty('--mq-replay-width');
        }
    }
}

function pill(node: SVGGElement, lines: string[]): SVGGElement {
    const box = node.getBBox();
    const group = document.createElementNS(SVG_NS, 'g');
    group.setAttribute('class', 'mq-replay-pill');
    const width = Math.max(...lines.map((line) => line.length)) * 6.2 + 12;
    const height = lines.length * 13 + 6;
    const rect = document.createElementNS(SVG_NS, 'rect');
    rect.setAttribute('x', String(box.x + box.width - width + 6));
    rect.setAttribute('y', String(box.y - height + 4));
    rect.setAttribute('width', String(width));
    rect.setAttribute('height', String(height));
    rect.setAttribute('rx', '4');
    group.appendChild(rect);
    lines.forEach((line, row) => {
        const text = document.createElementNS(SVG_NS, 'text');
        text.setAttribute('x', String(box.x + box.width));
        text.setAttribute('y', String(box.y - height + 16 + row * 13));
        text.setAttribute('text-anchor', 'end');
        text.textContent = line;
        group.appendChild(text);
    });
    return group;
}

function busiestIndex(data: ReplayData): number {
    let best = 0;
    let bestValue = -1;
    for (let index = 0; index < data.points; index++) {
        const total = data.series.reduce((sum, series) => sum + (series.label === 'visible' ? series.values[index] ?? 0 : 0), 0);
        if (total > bestValue) {
            bestValue = total;
            best = index;
        }
    }
    return best;
}

function formatNumber(value: number): string {
    if (value >= 10_000) return `${Math.round(value / 1000)}k`;
    if (value >= 1000) return `${(value / 1000).toFixed(1)}k`;
    return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

function formatTime(ms: number): string {
    const seconds = Math.round(ms / 1000);
    return `${Math.floor(seconds / 60)}m ${String(seconds % 60).padStart(2, '0')}s`;
}
