import { describe, expect, it } from 'vitest';
import type { ModelDiagnostic, SourceLocation } from '@mq-architect/language/model';
import { buildGraph } from '../src/graph/build-graph.js';
import type { DiagramGraph } from '../src/graph/diagram-graph.js';
import { ModelBuilder, pollSource } from './support/model-builder.js';
import { tourModel } from './support/tour-model.js';

function node(graph: DiagramGraph, id: string) {
    const found = graph.nodes.find((n) => n.id === id);
    if (!found) throw new Error(`no node ${id}; have ${graph.nodes.map((n) => n.id).join(', ')}`);
    return found;
}

function edge(graph: DiagramGraph, id: string) {
    const found = graph.edges.find((e) => e.id === id);
    if (!found) throw new Error(`no edge ${id}; have ${graph.edges.map((e) => e.id).join(', ')}`);
    return found;
}

function texts(graph: DiagramGraph, id: string): string[] {
    return node(graph, id).lines.map((line) => line.text);
}

function inside(location: SourceLocation, line: number): SourceLocation {
    return { uri: location.uri, range: { start: { line, character: 2 }, end: { line, character: 8 } } };
}

describe('buildGraph: nodes', () => {
    const graph = buildGraph(tourModel());

    it('gives every declared element a node with a stable id derived from kind and name', () => {
        expect(graph.nodes.map((n) => n.id)).toEqual(expect.arrayContaining([
            'queue:orders-dlq.fifo', 'queue:shipping', 'topic:purchases', 'topic:ledger-events.fifo', 'stream:clicks',
            'function:enrich', 'firehose:clicks-archive', 'producer:checkout', 'consumer:shippers'
        ]));
        expect(buildGraph(tourModel()).nodes.map((n) => n.id)).toEqual(graph.nodes.map((n) => n.id));
        expect(new Set(graph.nodes.map((n) => n.id)).size).toBe(graph.nodes.length);
    });

    it('distinguishes FIFO queues and topics from standard ones', () => {
        expect(node(graph, 'queue:ledger.fifo')).toMatchObject({ kind: 'fifo-queue', tag: 'FIFO' });
        expect(node(graph, 'queue:shipping').kind).toBe('queue');
        expect(node(graph, 'queue:shipping').tag).toBeUndefined();
        expect(node(graph, 'topic:ledger-events.fifo')).toMatchObject({ kind: 'fifo-topic', tag: 'FIFO' });
        expect(texts(graph, 'topic:purchases')).toEqual(['purchases', 'SNS topic', '6 subscriptions']);
        expect(texts(graph, 'queue:shipping')).toEqual(['shipping', 'SQS queue', 'visibility 30s · wait 20s']);
    });

    it('shows a retention the author wrote (a dead-letter queue\'s 14 days), not the default', () => {
        const b = new ModelBuilder('file:///workspace/dlq.mq');
        b.queue('jobs');
        b.queue('jobs-dlq', { retentionMs: 14 * 86_400_000, declared: ['retention'] });
        const built = buildGraph(b.model);
        expect(texts(built, 'queue:jobs-dlq')).toEqual(['jobs-dlq', 'SQS queue', 'visibility 30s · retention 14d']);
        expect(texts(built, 'queue:jobs')).toEqual(['jobs', 'SQS queue', 'visibility 30s']);
    });

    it('shows a stream\'s shards, and on-demand capacity', () => {
        expect(node(graph, 'stream:clicks')).toMatchObject({ kind: 'stream', shards: 4, tag: '4 shards' });
        const b = new ModelBuilder();
        b.stream('elastic', 'on-demand');
        expect(buildGraph(b.model).nodes[0]).toMatchObject({ shards: 'on-demand', tag: 'on-demand' });
    });

    it('draws one destination node per firehose, with its type', () => {
        expect(node(graph, 'dest:clicks-archive')).toMatchObject({ kind: 'destination', variant: 's3', name: 's3://analytics/clicks/' });
        expect(texts(graph, 'dest:analytics-archive')).toEqual(['s3://analytics/purchases/', 'Amazon S3']);
    });

    it('labels producers with their rate and consumer groups with their instance range', () => {
        expect(texts(graph, 'producer:checkout')).toEqual(['checkout', 'Producer', '50/s · 2KiB']);
        expect(texts(graph, 'consumer:shippers')).toEqual(['shippers', 'Consumer group', '2..20 instances · 200ms–800ms']);
        expect(texts(graph, 'function:enrich')).toEqual(['enrich', 'Lambda function', '20ms–80ms · 1% errors']);
    });

    it('names a consumer group\'s scaling policies in its tooltip, target tracking included', () => {
        const model = tourModel();
        const shippers = model.consumers.find((consumer) => consumer.name === 'shippers')!;
        shippers.targetTracking = { metric: 'backlog-per-instance', target: 100, location: shippers.location };
        const tooltip = node(buildGraph(model), 'consumer:shippers').tooltip;
        expect(tooltip).toBe('consumer group shippers\n2..20 instances · 200ms–800ms\nbatch 10\nfailure 2%\ntarget tracking: 100 messages per instance');
    });

    it('draws email and http endpoints as small external nodes', () => {
        expect(node(graph, 'endpoint:email:ops@example.com')).toMatchObject({ kind: 'endpoint', variant: 'email' });
        expect(node(graph, 'endpoint:https:https://hooks.example.com/orders')).toMatchObject({ kind: 'endpoint', variant: 'https' });
    });

    it('sizes nodes to their text and truncates what is too long for the widest node', () => {
        const b = new ModelBuilder();
        b.queue('q');
        b.queue('a-rather-long-queue-name-for-billing-events');
        b.queue('x'.repeat(80));
        const [small, wide, huge] = buildGraph(b.model).nodes;
        expect(wide.width).toBeGreaterThan(small.width);
        expect(huge.width).toBeLessThanOrEqual(260);
        expect(huge.lines[0].text.endsWith('…')).toBe(true);
        expect(huge.name).toBe('x'.repeat(80));
        expect(huge.tooltip).toContain('x'.repeat(80));
    });
});

describe('buildGraph: edges', () => {
    const graph = buildGraph(tourModel());

    it('connects producers to their targets with the rate as label', () => {
        expect(edge(graph, 'edge:publish:checkout->purchases')).toMatchObject({ kind: 'publish', source: 'producer:checkout', target: 'topic:purchases' });
        expect(edge(graph, 'edge:publish:checkout->purchases').label?.lines).toEqual(['50/s']);
        expect(edge(graph, 'edge:publish:web->clicks').label?.lines).toEqual(['2,000/s records']);
    });

    it('labels subscriptions with raw delivery and the filter summary', () => {
        expect(edge(graph, 'sub:purchases:0')).toMatchObject({ kind: 'subscription', source: 'topic:purchases', target: 'queue:shipping' });
        expect(edge(graph, 'sub:purchases:0').label?.lines).toEqual(['raw']);
        expect(edge(graph, 'sub:purchases:1').label?.lines).toEqual(['eventType ∈ {order_placed, order_updated};', 'amount > 100; country ∉ {test}']);
        expect(edge(graph, 'sub:purchases:1').tooltip).toContain('filter (MessageAttributes): eventType ∈ {order_placed, order_updated}; amount > 100; country ∉ {test}');
        expect(edge(graph, 'sub:purchases:2').target).toBe('firehose:analytics-archive');
        expect(edge(graph, 'sub:purchases:3').target).toBe('function:notify');
        expect(edge(graph, 'sub:purchases:4').target).toBe('endpoint:email:ops@example.com');
        expect(edge(graph, 'sub:purchases:2').label).toBeUndefined();
    });

    it('marks payload-scope filters', () => {
        const b = new ModelBuilder();
        const t = b.topic('t');
        const q = b.queue('q');
        b.subscribe(t, { protocol: 'sqs', endpoint: 'q', target: q, filterPolicy: { order: { tier: ['gold'] } }, filterPolicyScope: 'MessageBody' });
        expect(buildGraph(b.model).edges[0].label?.lines).toEqual(['body: order.tier = gold']);
    });

    it('draws dead-letter redrive with its receive count, and subscription DLQs', () => {
        expect(edge(graph, 'edge:redrive:shipping->shipping-dlq')).toMatchObject({ kind: 'redrive', target: 'queue:shipping-dlq' });
        expect(edge(graph, 'edge:redrive:shipping->shipping-dlq').label?.lines).toEqual(['after 3 receives']);
        const b = new ModelBuilder();
        const t = b.topic('t');
        const q = b.queue('q');
        const dlq = b.queue('q-dlq');
        b.subscribe(t, { protocol: 'sqs', endpoint: 'q', target: q, deadLetter: dlq });
        const sub = buildGraph(b.model).edges.find((e) => e.kind === 'subscription-dlq');
        expect(sub).toMatchObject({ id: 'edge:subscription-dlq:t:0->q-dlq', source: 'topic:t', target: 'queue:q-dlq' });
    });

    it('draws stream → firehose → destination and the transform function', () => {
        expect(edge(graph, 'edge:source:clicks->clicks-archive')).toMatchObject({ kind: 'source', source: 'stream:clicks', target: 'firehose:clicks-archive' });
        expect(edge(graph, 'edge:deliver:clicks-archive->s3')).toMatchObject({ kind: 'deliver', target: 'dest:clicks-archive' });
        expect(edge(graph, 'edge:deliver:clicks-archive->s3').label?.lines).toEqual(['backup: failed']);
        expect(edge(graph, 'edge:transform:enrich->clicks-archive')).toMatchObject({ kind: 'transform', source: 'function:enrich' });
    });

    it('draws polls and reads, marking enhanced fan-out', () => {
        expect(edge(graph, 'edge:poll:shipping->shippers').label?.lines).toEqual(['poll · batch 10']);
        expect(edge(graph, 'edge:poll:ledger.fifo->bookkeeper').label?.lines).toEqual(['poll']);
        expect(edge(graph, 'edge:read:clicks->dashboard')).toMatchObject({ kind: 'read', source: 'stream:clicks', target: 'consumer:dashboard' });
        expect(edge(graph, 'edge:read:clicks->dashboard').label?.lines).toEqual(['read · enhanced fan-out']);
    });

    it('passes edge labels to ELK with their measured size so the layout avoids them', () => {
        const elkEdge = graph.elk.edges?.find((e) => e.id === 'sub:purchases:1');
        const label = elkEdge?.labels?.[0];
        expect(label?.width).toBe(edge(graph, 'sub:purchases:1').label?.width);
        expect(label?.height).toBeGreaterThan(28);
        expect(graph.elk.children?.find((c) => c.id === 'queue:shipping')).toMatchObject({ width: node(graph, 'queue:shipping').width });
        expect(graph.elk.layoutOptions).toMatchObject({ 'elk.algorithm': 'layered', 'elk.direction': 'RIGHT', 'elk.edgeRouting': 'ORTHOGONAL' });
        expect(buildGraph(tourModel(), { direction: 'DOWN' }).elk.layoutOptions?.['elk.direction']).toBe('DOWN');
    });
});

describe('buildGraph: purity and configuration', () => {
    function deepFreeze(value: unknown, seen = new Set<unknown>()): void {
        if (typeof value !== 'object' || value === null || seen.has(value)) return;
        seen.add(value);
        Object.freeze(value);
        for (const child of Object.values(value)) deepFreeze(child, seen);
    }

    it('never modifies the model (it may be shared with the engine and the language server)', () => {
        const model = tourModel();
        deepFreeze(model);
        expect(() => buildGraph(model)).not.toThrow();
    });

    it('takes every ELK option from the layout configurator', () => {
        const graph = buildGraph(tourModel(), {
            layoutConfigurator: {
                graphOptions: (direction) => ({ 'elk.algorithm': 'layered', 'elk.direction': direction, 'test.marker': 'graph' }),
                nodeOptions: (n) => (n.kind === 'stream' ? { 'test.marker': 'stream' } : undefined),
                edgeLabelOptions: () => undefined
            }
        });
        expect(graph.elk.layoutOptions).toEqual({ 'elk.algorithm': 'layered', 'elk.direction': 'RIGHT', 'test.marker': 'graph' });
        expect(graph.elk.children?.filter((c) => c.layoutOptions).map((c) => c.id)).toEqual(['stream:clicks']);
        expect(graph.elk.edges?.flatMap((e) => e.labels ?? []).every((l) => l.layoutOptions === undefined)).toBe(true);
    });

    it('pins producers to the first layer and destinations to the last by default', () => {
        const graph = buildGraph(tourModel());
        const constraint = (id: string) => graph.elk.children?.find((c) => c.id === id)?.layoutOptions?.['elk.layered.layering.layerConstraint'];
        expect(constraint('producer:web')).toBe('FIRST');
        expect(constraint('dest:clicks-archive')).toBe('LAST');
        expect(constraint('queue:shipping')).toBeUndefined();
    });
});

describe('buildGraph: broken documents', () => {
    it('draws unresolved references as shared placeholder nodes instead of failing', () => {
        const b = new ModelBuilder();
        b.producer('p', undefined, { targetName: 'nowhere' });
        b.consumer('c', { kind: 'queue', queue: undefined, queueName: 'nowhere' });
        const graph = buildGraph(b.model);
        expect(node(graph, 'missing:nowhere').kind).toBe('missing');
        expect(graph.nodes.filter((n) => n.kind === 'missing')).toHaveLength(1);
        expect(graph.edges.map((e) => `${e.source}->${e.target}`)).toEqual(['producer:p->missing:nowhere', 'missing:nowhere->consumer:c']);
    });

    it('keeps ids unique when a name is declared twice', () => {
        const b = new ModelBuilder();
        b.queue('jobs');
        b.queue('jobs');
        expect(buildGraph(b.model).nodes.map((n) => n.id)).toEqual(['queue:jobs', 'queue:jobs#2']);
    });

    it('draws an empty model as an empty graph', () => {
        const graph = buildGraph(new ModelBuilder().model);
        expect(graph.nodes).toEqual([]);
        expect(graph.elk.children).toEqual([]);
    });
});

describe('buildGraph: diagnostics', () => {
    function diagnostic(severity: ModelDiagnostic['severity'], code: string, message: string, location: SourceLocation): ModelDiagnostic {
        return { severity, code, message, location };
    }

    it('puts a badge and the messages on the element whose declaration contains the diagnostic', () => {
        const b = new ModelBuilder();
        const q = b.queue('shipping');
        const t = b.topic('orders');
        const sub = b.subscribe(t, { protocol: 'sqs', endpoint: 'shipping', target: q, location: inside(t.location, t.location.range.start.line + 1) });
        const graph = buildGraph(b.model, {
            diagnostics: [
                diagnostic('warning', 'MQ032', 'processing is longer than the visibility timeout', inside(q.location, q.location.range.start.line + 1)),
                diagnostic('error', 'MQ010', 'visibility must be within 0s..12h', inside(q.location, q.location.range.start.line + 1)),
                diagnostic('warning', 'MQ043', 'the filter can never match', sub.location)
            ]
        });
        const queue = node(graph, 'queue:shipping');
        expect(queue.badge).toBe('error');
        expect(queue.diagnostics.map((d) => d.code)).toEqual(['MQ032', 'MQ010']);
        expect(queue.tooltip).toContain('MQ010: visibility must be within 0s..12h');
        expect(queue.tooltip).toContain('MQ032: processing is longer than the visibility timeout');
        expect(node(graph, 'topic:orders').badge).toBe('warning');
    });

    it('ignores diagnostics of other documents and hints for the badge', () => {
        const b = new ModelBuilder('file:///a.mq');
        const q = b.queue('jobs');
        const other = { ...q.location, uri: 'file:///b.mq' };
        const graph = buildGraph(b.model, {
            diagnostics: [
                diagnostic('error', 'MQ004', 'duplicate', other),
                diagnostic('hint', 'MQ071', 'nobody reads jobs', q.location)
            ]
        });
        expect(graph.nodes[0].badge).toBeUndefined();
        expect(graph.nodes[0].diagnostics.map((d) => d.code)).toEqual(['MQ071']);
    });

    it('makes room for the badge in the title row', () => {
        const b = new ModelBuilder();
        const q = b.queue('shipping-events-for-europe');
        const plain = buildGraph(b.model).nodes[0];
        const flagged = buildGraph(b.model, { diagnostics: [diagnostic('error', 'MQ010', 'bad', q.location)] }).nodes[0];
        expect(flagged.width).toBeGreaterThan(plain.width);
    });

    it('does not let derived nodes (destinations) take diagnostics from their firehose', () => {
        const b = new ModelBuilder();
        const f = b.firehose('archive', { destination: { type: 'redshift', target: 'jdbc:redshift://x' } });
        const graph = buildGraph(b.model, { diagnostics: [diagnostic('error', 'MQ061', 'needs an s3 intermediate bucket', inside(f.location, f.location.range.start.line + 1))] });
        expect(node(graph, 'firehose:archive').badge).toBe('error');
        expect(node(graph, 'dest:archive').badge).toBeUndefined();
        expect(node(graph, 'dest:archive').location).toEqual(f.location);
    });

    it('uses the innermost element when declarations nest', () => {
        const b = new ModelBuilder();
        const q = b.queue('outer');
        const inner = b.consumer('inner', pollSource(q));
        inner.location = inside(q.location, q.location.range.start.line + 1);
        inner.location.range.end.character = 40;
        const graph = buildGraph(b.model, { diagnostics: [diagnostic('error', 'MQ017', 'batch', inside(q.location, q.location.range.start.line + 1))] });
        expect(node(graph, 'consumer:inner').badge).toBe('error');
        expect(node(graph, 'queue:outer').badge).toBeUndefined();
    });
});
