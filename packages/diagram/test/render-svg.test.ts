import { DOMParser } from '@xmldom/xmldom';
import type { Element as XmlElement } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import type { ModelDiagnostic } from '@mq-architect/language/model';
import { renderArchitectureSvg } from '../src/render-architecture.js';
import { escapeXml } from '../src/render/escape.js';
import { ModelBuilder, pollSource } from './support/model-builder.js';
import { tourModel } from './support/tour-model.js';

/** Parses strictly: any well-formedness error throws. */
function parse(svg: string) {
    const errors: string[] = [];
    const doc = new DOMParser({ onError: (level, message) => { if (level !== 'warning') errors.push(message); } })
        .parseFromString(svg, 'image/svg+xml');
    if (errors.length > 0) throw new Error(errors.join('\n'));
    return doc;
}

function elements(doc: ReturnType<typeof parse>, tag: string): XmlElement[] {
    return Array.from(doc.getElementsByTagName(tag)) as XmlElement[];
}

function nodeGroups(doc: ReturnType<typeof parse>): XmlElement[] {
    return elements(doc, 'g').filter((g) => g.getAttribute('data-kind') !== null && (g.getAttribute('class') ?? '').includes('mq-node'));
}

describe('renderSvg', () => {
    it('produces a well-formed standalone SVG with a viewBox, a stylesheet and no scripts or remote content', async () => {
        const svg = await renderArchitectureSvg(tourModel());
        const doc = parse(svg);
        const root = doc.documentElement!;
        expect(root.tagName).toBe('svg');
        expect(root.getAttribute('xmlns')).toBe('http://www.w3.org/2000/svg');
        expect(root.getAttribute('viewBox')).toMatch(/^0 0 \d+ \d+$/);
        expect(elements(doc, 'style')).toHaveLength(1);
        expect(elements(doc, 'script')).toHaveLength(0);
        expect(svg).not.toMatch(/https?:\/\/(?!www\.w3\.org)(?!hooks\.example\.com)/);
        expect(svg).not.toMatch(/\son\w+=/);
    });

    it('marks each node group with data-id, data-kind, data-name and its declaration', async () => {
        const model = tourModel();
        const doc = parse(await renderArchitectureSvg(model));
        const groups = nodeGroups(doc);
        const byId = new Map(groups.map((g) => [g.getAttribute('data-id'), g]));
        expect(byId.get('queue:shipping')?.getAttribute('data-kind')).toBe('queue');
        expect(byId.get('queue:shipping')?.getAttribute('data-name')).toBe('shipping');
        expect(byId.get('queue:ledger.fifo')?.getAttribute('data-kind')).toBe('fifo-queue');
        expect(byId.get('stream:clicks')?.getAttribute('data-kind')).toBe('stream');
        const shipping = model.queues.find((q) => q.name === 'shipping')!;
        expect(byId.get('queue:shipping')?.getAttribute('data-uri')).toBe(shipping.nameLocation.uri);
        expect(byId.get('queue:shipping')?.getAttribute('data-line')).toBe(String(shipping.nameLocation.range.start.line));
        const kinds = new Set(groups.map((g) => g.getAttribute('data-kind')));
        expect([...kinds].sort()).toEqual(['consumer', 'destination', 'endpoint', 'fifo-queue', 'fifo-topic', 'firehose', 'function', 'producer', 'queue', 'stream', 'topic']);
        expect(groups.length).toBe(23);
    });

    it('draws one stripe per shard on streams', async () => {
        const doc = parse(await renderArchitectureSvg(tourModel()));
        const stream = nodeGroups(doc).find((g) => g.getAttribute('data-id') === 'stream:clicks')!;
        const stripes = Array.from(stream.getElementsByTagName('rect')).filter((r) => r.getAttribute('class') === 'mq-shards');
        expect(stripes).toHaveLength(4);
        expect(Array.from(stream.getElementsByTagName('text')).map((t) => t.textContent)).toContain('4 shards');
    });

    it('draws edges with their kind, labels and distinct styles for dead-letter and transform edges', async () => {
        const svg = await renderArchitectureSvg(tourModel());
        const doc = parse(svg);
        const edges = elements(doc, 'g').filter((g) => (g.getAttribute('class') ?? '').startsWith('mq-edge ') && g.getAttribute('data-id'));
        const redrive = edges.find((g) => g.getAttribute('data-id') === 'edge:redrive:shipping->shipping-dlq')!;
        expect(redrive.getAttribute('class')).toContain('mq-edge-redrive');
        expect(redrive.getElementsByTagName('path')[0].getAttribute('marker-end')).toBe('url(#mq-arrow-dlq)');
        const read = edges.find((g) => g.getAttribute('data-id') === 'edge:read:clicks->dashboard')!;
        expect(read.getAttribute('class')).toContain('mq-edge-enhanced');
        const labels = elements(doc, 'g').filter((g) => g.getAttribute('data-label-of'));
        const texts = labels.flatMap((g) => Array.from(g.getElementsByTagName('text')).map((t) => t.textContent));
        expect(texts).toEqual(expect.arrayContaining(['after 3 receives', '50/s', 'raw', 'amount > 100; country ∉ {test}', 'transform']));
        expect(svg).toMatch(/\.mq-edge-redrive \.mq-edge-line,\.mq-edge-subscription-dlq \.mq-edge-line\{[^}]*stroke-dasharray/);
    });

    it('includes a legend of the node kinds and edge styles in use', async () => {
        const doc = parse(await renderArchitectureSvg(tourModel()));
        const legend = elements(doc, 'g').find((g) => g.getAttribute('class') === 'mq-legend')!;
        const texts = Array.from(legend.getElementsByTagName('text')).map((t) => t.textContent);
        expect(texts).toEqual(expect.arrayContaining(['SQS queue', 'SQS FIFO queue', 'SNS topic', 'Kinesis stream', 'Data Firehose', 'Destination',
            'Lambda function', 'Producer', 'Consumer group', 'Endpoint', 'message flow', 'dead-letter redrive', 'Firehose transform', 'enhanced fan-out read']));
        expect(texts).not.toContain('Unresolved');
        const without = parse(await renderArchitectureSvg(tourModel(), { legend: false }));
        expect(elements(without, 'g').some((g) => g.getAttribute('class') === 'mq-legend')).toBe(false);
    });

    it('embeds concrete colours for light and dark, and VS Code theme variables for vscode', async () => {
        const light = await renderArchitectureSvg(tourModel(), { theme: 'light' });
        const dark = await renderArchitectureSvg(tourModel(), { theme: 'dark' });
        const vscode = await renderArchitectureSvg(tourModel(), { theme: 'vscode' });
        expect(light).toContain('--mq-bg:#ffffff;');
        expect(dark).toContain('--mq-bg:#1e1e1e;');
        expect(light).not.toContain('--vscode-');
        expect(dark).not.toContain('--vscode-');
        expect(vscode).toContain('--mq-bg:var(--vscode-editor-background');
        expect(vscode).toContain('var(--vscode-editorError-foreground');
        for (const svg of [light, dark, vscode]) parse(svg);
    });

    it('shows diagnostics as a badge with the messages in a tooltip', async () => {
        const b = new ModelBuilder();
        const q = b.queue('jobs');
        b.consumer('workers', pollSource(q));
        const diagnostics: ModelDiagnostic[] = [{ severity: 'error', code: 'MQ010', message: 'visibility must be within 0s..12h', location: q.location }];
        const doc = parse(await renderArchitectureSvg(b.model, { diagnostics }));
        const node = nodeGroups(doc).find((g) => g.getAttribute('data-id') === 'queue:jobs')!;
        expect(node.getAttribute('class')).toContain('mq-has-error');
        expect(node.getAttribute('data-severity')).toBe('error');
        expect(Array.from(node.getElementsByTagName('g')).some((g) => g.getAttribute('class') === 'mq-badge mq-badge-error')).toBe(true);
        expect(node.getElementsByTagName('title')[0].textContent).toContain('MQ010: visibility must be within 0s..12h');
        const clean = nodeGroups(doc).find((g) => g.getAttribute('data-id') === 'consumer:workers')!;
        expect(clean.getAttribute('class')).not.toContain('mq-has-');
    });

    it('renders an empty model as a valid SVG that says so', async () => {
        const svg = await renderArchitectureSvg(new ModelBuilder().model);
        const doc = parse(svg);
        expect(elements(doc, 'text').map((t) => t.textContent)).toContain('No resources declared');
    });
});

describe('escaping', () => {
    const HOSTILE = ['<script>alert(1)</script>', 'a"b\'c', 'fish & chips', 'x]]>y', '<!--', '\u0001bell', '<svg onload="x()">'];

    it('escapes the five XML special characters and drops characters XML forbids', () => {
        expect(escapeXml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
        expect(escapeXml('a\u0000b\u001Fc\uFFFE')).toBe('a\uFFFDb\uFFFDc\uFFFD');
        expect(escapeXml('emoji 🚀 stays')).toBe('emoji 🚀 stays');
    });

    it('keeps hostile names, endpoints, filter values and messages inert in the SVG', async () => {
        const b = new ModelBuilder();
        const queues = HOSTILE.map((name) => b.queue(name));
        const topic = b.topic('<b>topic</b>');
        HOSTILE.forEach((name, i) => b.subscribe(topic, {
            protocol: 'sqs', endpoint: name, target: queues[i],
            filterPolicy: { [name]: [name, { prefix: name }] }
        }));
        b.subscribe(topic, { protocol: 'https', endpoint: 'https://x.example/?a=1&b="2"<script>' });
        b.subscribe(topic, { protocol: 'email', endpoint: '"><script>alert(1)</script>@example.com' });
        b.firehose('f', { destination: { type: 's3', target: 's3://b/<script>/&' } });
        b.producer('p&<>', topic, { ratePerSecond: 5 });
        const diagnostics: ModelDiagnostic[] = [{ severity: 'warning', code: 'MQ999', message: 'bad <script>alert("x")</script> & ]]>', location: queues[0].location }];
        const svg = await renderArchitectureSvg(b.model, { diagnostics, theme: 'vscode' });
        const doc = parse(svg);

        expect(elements(doc, 'script')).toHaveLength(0);
        expect(svg).not.toContain('<script');
        expect(svg).not.toContain('<b>');
        expect(svg).not.toContain('<!--');
        expect(svg).not.toContain('\u0001');
        const allowed = new Set(['svg', 'style', 'defs', 'marker', 'path', 'symbol', 'rect', 'circle', 'ellipse', 'polygon', 'g', 'title', 'text', 'use']);
        for (const element of elements(doc, '*')) expect(allowed.has(element.tagName), element.tagName).toBe(true);
        for (const element of elements(doc, '*')) {
            for (const attribute of Array.from(element.attributes)) expect(attribute.name.startsWith('on'), attribute.name).toBe(false);
        }
        // The names survive as text and attribute values, exactly.
        const names = nodeGroups(doc).map((g) => g.getAttribute('data-name'));
        expect(names).toEqual(expect.arrayContaining(['<script>alert(1)</script>', 'a"b\'c', 'fish & chips', 'x]]>y', '<b>topic</b>', 'p&<>', 's3://b/<script>/&']));
        const titles = elements(doc, 'title').map((t) => t.textContent ?? '');
        expect(titles.some((t) => t.includes('MQ999: bad <script>alert("x")</script> & ]]>'))).toBe(true);
        expect(titles.some((t) => t.includes('<script>alert(1)</script> = <script>alert(1)</script> ∨ <script>alert(1)</script> starts with'))).toBe(true);
    });
});
