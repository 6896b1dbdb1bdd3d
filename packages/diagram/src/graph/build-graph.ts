import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api.js';
import type {
    ArchitectureModel, ModelDiagnostic, SourceLocation, SubscriptionModel
} from '@mq-architect/language/model';
import type { DiagramEdge, DiagramGraph, DiagramNode, EdgeKind, LayoutDirection } from './diagram-graph.js';
import { assignDiagnostics, worstBadge } from './diagnostics.js';
import type { DiagnosticOwner } from './diagnostics.js';
import { IdCache } from './id-cache.js';
import * as nodes from './node-content.js';
import type { NodeContent } from './node-content.js';
import * as edges from './edge-content.js';
import type { EdgeContent } from './edge-content.js';
import { DefaultLayoutConfigurator } from '../layout/layout-options.js';
import type { LayoutConfigurator } from '../layout/layout-options.js';
import { measureEdgeLabel, measureNode } from '../layout/node-geometry.js';

export interface BuildGraphOptions {
    /** Diagnostics of the workspace; each lands on the element whose declaration contains it. */
    diagnostics?: readonly ModelDiagnostic[];
    /** Main flow direction, default `RIGHT` (producers on the left, destinations on the right). */
    direction?: LayoutDirection;
    layoutConfigurator?: LayoutConfigurator;
}

interface PendingNode {
    id: string;
    content: NodeContent;
    location?: SourceLocation;
    nameLocation?: SourceLocation;
    /** Derived nodes (destinations, endpoints) show their parent's declaration but never own diagnostics. */
    ownsDiagnostics: boolean;
}

interface PendingEdge {
    id: string;
    kind: EdgeKind;
    source: string;
    target: string;
    content: EdgeContent;
    location?: SourceLocation;
}

const KIND_LABELS: Record<string, string> = {
    queue: 'SQS queue', 'fifo-queue': 'SQS FIFO queue', topic: 'SNS topic', 'fifo-topic': 'SNS FIFO topic',
    stream: 'Kinesis stream', firehose: 'Data Firehose', destination: 'Firehose destination', function: 'Lambda function',
    producer: 'producer', consumer: 'consumer group', endpoint: 'subscription endpoint', missing: 'unresolved reference'
};

const SEVERITY_MARKS: Record<string, string> = { error: '✖', warning: '⚠', info: 'ℹ', hint: '·' };

/**
 * The pure transform ArchitectureModel → ELK graph. Model objects are looked up by identity
 * (references in the model point at the referenced objects); references that did not resolve are
 * drawn as `missing` nodes so a broken document still shows what it says.
 */
class GraphBuilder {
    private readonly ids = new IdCache();
    private readonly nodeOf = new Map<object, string>();
    private readonly missing = new Map<string, string>();
    private readonly endpoints = new Map<string, string>();
    private readonly pendingNodes: PendingNode[] = [];
    private readonly pendingEdges: PendingEdge[] = [];

    constructor(private readonly model: ArchitectureModel) {}

    build(): { nodes: PendingNode[]; edges: PendingEdge[] } {
        const m = this.model;
        // Declaration order within kinds, kinds in flow order: ELK keeps model order where it can.
        for (const producer of m.producers) this.addElement(producer, 'producer', nodes.producerContent(producer));
        for (const topic of m.topics) this.addElement(topic, 'topic', nodes.topicContent(topic));
        for (const stream of m.streams) this.addElement(stream, 'stream', nodes.streamContent(stream));
        for (const queue of m.queues) this.addElement(queue, 'queue', nodes.queueContent(queue));
        for (const fn of m.functions) this.addElement(fn, 'function', nodes.functionContent(fn));
        for (const firehose of m.firehoses) this.addElement(firehose, 'firehose', nodes.firehoseContent(firehose));
        for (const consumer of m.consumers) this.addElement(consumer, 'consumer', nodes.consumerContent(consumer));

        for (const producer of m.producers) {
            const target = this.resolve(producer.target, producer.targetName, 'target');
            this.addEdge('publish', this.idOf(producer), target, edges.publishContent(producer, producer.target?.kind === 'stream'), producer.location);
        }
        for (const topic of m.topics) {
            for (const subscription of topic.subscriptions) this.addSubscription(subscription);
        }
        for (const queue of m.queues) {
            const dl = queue.deadLetter;
            if (dl === undefined) continue;
            const dlq = this.resolve(dl.queue, dl.queueName, 'queue');
            this.addEdge('redrive', this.idOf(queue), dlq, edges.redriveContent(queue, dl.maxReceiveCount, dl.queueName), dl.location);
        }
        for (const firehose of m.firehoses) {
            const id = this.idOf(firehose);
            if (firehose.source.kind === 'stream') {
                const stream = this.resolve(firehose.source.stream, firehose.source.streamName, 'stream');
                this.addEdge('source', stream, id, edges.sourceContent(firehose, firehose.source.streamName), firehose.location);
            }
            if (firehose.transform) {
                const fn = this.resolve(firehose.transform.function, firehose.transform.functionName, 'function');
                this.addEdge('transform', fn, id, edges.transformContent(firehose, firehose.transform.functionName), firehose.location);
            }
            const destination = this.addNode(`dest:${firehose.name}`, nodes.destinationContent(firehose), firehose.location, undefined, false);
            this.addEdge('deliver', id, destination, edges.deliverContent(firehose), firehose.location,
                `edge:deliver:${firehose.name}->${firehose.destination.type}`);
        }
        for (const consumer of m.consumers) {
            const source = consumer.source;
            if (source === undefined) continue;
            const [from, name] = source.kind === 'queue'
                ? [this.resolve(source.queue, source.queueName, 'queue'), source.queueName]
                : [this.resolve(source.stream, source.streamName, 'stream'), source.streamName];
            this.addEdge(source.kind === 'queue' ? 'poll' : 'read', from, this.idOf(consumer), edges.consumeContent(consumer, name), consumer.location);
        }
        return { nodes: this.pendingNodes, edges: this.pendingEdges };
    }

    private addSubscription(subscription: SubscriptionModel): void {
        const topicId = this.idOf(subscription.topic);
        let target: string;
        if (subscription.protocol === 'sqs' || subscription.protocol === 'lambda' || subscription.protocol === 'firehose') {
            const expected = subscription.protocol === 'sqs' ? 'queue' : subscription.protocol === 'lambda' ? 'function' : 'firehose';
            target = this.resolve(subscription.target, subscription.endpoint, expected);
        } else {
            const key = `${subscription.protocol}:${subscription.endpoint}`;
            target = this.endpoints.get(key)
                ?? this.addNode(`endpoint:${key}`, nodes.endpointContent(subscription.protocol, subscription.endpoint), subscription.location, undefined, false);
            this.endpoints.set(key, target);
        }
        this.addEdge('subscription', topicId, target, edges.subscriptionContent(subscription), subscription.location, `sub:${subscription.id}`);
        if (subscription.deadLetter) {
            const dlq = this.idOf(subscription.deadLetter);
            this.addEdge('subscription-dlq', topicId, dlq, edges.subscriptionDlqContent(subscription, subscription.deadLetter.name), subscription.location,
                `edge:subscription-dlq:${subscription.id}->${subscription.deadLetter.name}`);
        }
    }

    private addElement(element: { name: string; location: SourceLocation; nameLocation: SourceLocation }, prefix: string, content: NodeContent): void {
        const id = this.addNode(`${prefix}:${element.name}`, content, element.location, element.nameLocation, true);
        this.nodeOf.set(element, id);
    }

    private addNode(proposal: string, content: NodeContent, location: SourceLocation | undefined,
        nameLocation: SourceLocation | undefined, ownsDiagnostics: boolean): string {
        const id = this.ids.uniqueId(proposal);
        this.pendingNodes.push({ id, content, location, nameLocation, ownsDiagnostics });
        return id;
    }

    /** The node of a declared element; an object the model lists nowhere is drawn as unresolved rather than crashing. */
    private idOf(element: { name: string }): string {
        return this.nodeOf.get(element) ?? this.resolve(undefined, element.name, 'element');
    }

    /** The node of a referenced element, or a shared placeholder for a name that did not resolve. */
    private resolve(element: object | undefined, name: string, expected: string): string {
        if (element !== undefined) {
            const id = this.nodeOf.get(element);
            if (id !== undefined) return id;
        }
        const existing = this.missing.get(name);
        if (existing !== undefined) return existing;
        const id = this.addNode(`missing:${name}`, nodes.missingContent(name, expected), undefined, undefined, false);
        this.missing.set(name, id);
        return id;
    }

    private addEdge(kind: EdgeKind, source: string, target: string, content: EdgeContent, location: SourceLocation | undefined, proposal?: string): void {
        const id = this.ids.uniqueId(proposal ?? `edge:${kind}:${stripPrefix(source)}->${stripPrefix(target)}`);
        this.pendingEdges.push({ id, kind, source, target, content, location });
    }
}

function stripPrefix(id: string): string {
    return id.slice(id.indexOf(':') + 1);
}

function tooltipOf(content: NodeContent, diagnostics: DiagramNode['diagnostics']): string {
    const head = `${KIND_LABELS[content.kind] ?? content.kind} ${content.name}`;
    const description = content.lines.slice(2).map((line) => line.text);
    const problems = diagnostics.map((d) => `${SEVERITY_MARKS[d.severity] ?? ''} ${d.code}: ${d.message}`);
    return [head, ...description, ...content.facts, ...(problems.length > 0 ? ['', ...problems] : [])].join('\n');
}

/** Builds the diagram graph of a model: typed nodes and edges, measured, plus the ELK graph to lay out. */
export function buildGraph(model: ArchitectureModel, options: BuildGraphOptions = {}): DiagramGraph {
    const direction = options.direction ?? 'RIGHT';
    const configurator = options.layoutConfigurator ?? new DefaultLayoutConfigurator();
    const pending = new GraphBuilder(model).build();

    const owners: DiagnosticOwner[] = [];
    for (const node of pending.nodes) {
        if (node.ownsDiagnostics && node.location) owners.push({ id: node.id, location: node.location });
    }
    const diagnosticsOf = assignDiagnostics(owners, options.diagnostics ?? []);

    const diagramNodes: DiagramNode[] = pending.nodes.map((node) => {
        const diagnostics = diagnosticsOf.get(node.id) ?? [];
        const badge = worstBadge(diagnostics);
        const { content } = node;
        const measured = measureNode(content.kind, content.lines, content.tag, badge !== undefined, direction);
        return {
            id: node.id,
            kind: content.kind,
            name: content.name,
            lines: measured.lines,
            ...(content.tag !== undefined ? { tag: content.tag } : {}),
            ...(content.shards !== undefined ? { shards: content.shards } : {}),
            ...(content.variant !== undefined ? { variant: content.variant } : {}),
            width: measured.width,
            height: measured.height,
            ...(node.location ? { location: node.location } : {}),
            ...(node.nameLocation ? { nameLocation: node.nameLocation } : {}),
            diagnostics,
            ...(badge ? { badge } : {}),
            tooltip: tooltipOf(content, diagnostics)
        };
    });
    const diagramEdges: DiagramEdge[] = pending.edges.map((edge) => ({
        id: edge.id,
        kind: edge.kind,
        source: edge.source,
        target: edge.target,
        ...(edge.content.label.length > 0 ? { label: measureEdgeLabel(edge.content.label) } : {}),
        tooltip: edge.content.tooltip,
        ...(edge.location ? { location: edge.location } : {})
    }));

    const elk: ElkNode = {
        id: 'root',
        layoutOptions: configurator.graphOptions(direction, diagramNodes.length),
        children: diagramNodes.map((node) => {
            const layoutOptions = configurator.nodeOptions(node);
            return { id: node.id, width: node.width, height: node.height, ...(layoutOptions ? { layoutOptions } : {}) };
        }),
        edges: diagramEdges.map((edge): ElkExtendedEdge => {
            const labelOptions = configurator.edgeLabelOptions(edge);
            return {
                id: edge.id,
                sources: [edge.source],
                targets: [edge.target],
                labels: edge.label
                    ? [{ id: `${edge.id}:label`, text: edge.label.lines.join('\n'), width: edge.label.width, height: edge.label.height,
                        ...(labelOptions ? { layoutOptions: labelOptions } : {}) }]
                    : []
            };
        })
    };
    return { direction, elk, nodes: diagramNodes, edges: diagramEdges };
}
