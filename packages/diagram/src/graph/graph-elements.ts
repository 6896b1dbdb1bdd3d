import type { ArchitectureModel, SourceLocation, SubscriptionModel } from '@mq-architect/language/model';
import type { EdgeKind } from './diagram-graph.js';
import { IdCache } from './id-cache.js';
import * as nodes from './node-content.js';
import type { NodeContent } from './node-content.js';
import * as edges from './edge-content.js';
import type { EdgeContent } from './edge-content.js';

export interface PendingNode {
    id: string;
    content: NodeContent;
    location?: SourceLocation;
    nameLocation?: SourceLocation;
    /** Derived nodes (destinations, endpoints) show their parent's declaration but never own diagnostics. */
    ownsDiagnostics: boolean;
}

export interface PendingEdge {
    id: string;
    kind: EdgeKind;
    source: string;
    target: string;
    content: EdgeContent;
    location?: SourceLocation;
}

/**
 * Collects the nodes and edges of a model with their content, before anything is measured. Model
 * objects are looked up by identity; references that did not resolve become shared `missing` nodes.
 */
export class GraphBuilder {
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

