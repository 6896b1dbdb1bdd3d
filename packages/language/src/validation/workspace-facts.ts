/**
 * Who publishes to, subscribes, reads and dead-letters what, over every MQ document of the workspace.
 * Rules that look beyond one file (MQ004, MQ025, MQ043, MQ050, MQ051, MQ071, MQ080 endpoint outages) read this index instead of
 * walking all documents per node. It is refreshed lazily once per build, per document: references are resolved by then.
 */
import type { AstNode, LangiumDocument, LangiumDocuments, URI } from 'langium';
import type { Stream as LangiumStream } from 'langium';
import { DocumentState, MultiMap, stream } from 'langium';
import type { LangiumCoreServices } from 'langium';
import type { Consumer, Declaration, Firehose, Model, Producer, Queue, Stream, Subscription } from '../generated/ast.js';
import { isModel, isPollProperty, isReadProperty, isSourceProperty, isPublishProperty } from '../generated/ast.js';
import type { DeclarationKind } from './ast-queries.js';
import { kindOf, property } from './ast-queries.js';

/** The read side of a MultiMap: what the rules ask of the workspace index. */
export interface FactsMultiMap<K, V> {
    /** Every value under `key`, documents in workspace order, each document's in document order. */
    get(key: K): readonly V[];
    keys(): LangiumStream<K>;
}

export interface WorkspaceIndex {
    /** `queue:shipping` → every declaration of that kind and name, in document order. */
    declarations: FactsMultiMap<string, Declaration>;
    producersByTarget: FactsMultiMap<AstNode, Producer>;
    subscriptionsByTarget: FactsMultiMap<AstNode, Subscription>;
    /** `https://…`, `ops@example.com`, … → the subscriptions delivering to that address (string endpoints only). */
    subscriptionsByEndpoint: FactsMultiMap<string, Subscription>;
    consumersByQueue: FactsMultiMap<Queue, Consumer>;
    consumersByStream: FactsMultiMap<Stream, Consumer>;
    firehosesBySource: FactsMultiMap<Stream, Firehose>;
    /** Queues named as a dead-letter queue by a queue or by a subscription. */
    deadLetterQueues: { has(queue: Queue): boolean };
}

export function declarationKey(kind: DeclarationKind, name: string): string {
    return `${kind}:${name}`;
}

/** What one document contributes to the index; the same shape as the index, for that document only. */
interface DocumentIndex {
    declarations: MultiMap<string, Declaration>;
    producersByTarget: MultiMap<AstNode, Producer>;
    subscriptionsByTarget: MultiMap<AstNode, Subscription>;
    subscriptionsByEndpoint: MultiMap<string, Subscription>;
    consumersByQueue: MultiMap<Queue, Consumer>;
    consumersByStream: MultiMap<Stream, Consumer>;
    firehosesBySource: MultiMap<Stream, Firehose>;
    deadLetterQueues: Queue[];
}

type MapName = Exclude<keyof DocumentIndex, 'deadLetterQueues'>;
const MAP_NAMES: readonly MapName[] = [
    'declarations', 'producersByTarget', 'subscriptionsByTarget', 'subscriptionsByEndpoint', 'consumersByQueue', 'consumersByStream', 'firehosesBySource'
];

interface DocumentEntry {
    /** The parsed model the facts were read from; a re-parse brings a new one. */
    model: Model;
    facts: DocumentIndex;
    /** Position in the workspace's document order at the last refresh. */
    ordinal: number;
}

/**
 * One index over all documents, kept per document: after an edit only the documents that were re-parsed or
 * re-linked are read again (the edited file and the files that reference it), not the whole workspace.
 * A lookup merges the per-document values in workspace order, so every answer is the one a full rebuild gives.
 */
class MergedMultiMap<K, V> implements FactsMultiMap<K, V> {
    /** Key → the documents with values under it, in workspace order, with their values. */
    protected readonly owners = new Map<K, Array<{ entry: DocumentEntry; values: readonly V[] }>>();

    constructor(protected readonly name: MapName, protected readonly entries: () => Iterable<DocumentEntry>) {}

    get(key: K): readonly V[] {
        const owners = this.owners.get(key);
        if (!owners) return [];
        if (owners.length === 1) return owners[0]!.values;
        return owners.flatMap(owner => owner.values);
    }

    keys(): LangiumStream<K> {
        // Key order of a full rebuild: first appearance over the documents in workspace order.
        const keys = new Set<K>();
        for (const entry of this.entries()) {
            for (const key of (entry.facts[this.name] as unknown as MultiMap<K, V>).keys()) keys.add(key);
        }
        return stream(keys);
    }

    remove(entry: DocumentEntry): void {
        for (const key of (entry.facts[this.name] as unknown as MultiMap<K, V>).keys()) {
            const owners = this.owners.get(key);
            if (!owners) continue;
            const at = owners.findIndex(owner => owner.entry === entry);
            if (at >= 0) owners.splice(at, 1);
            if (owners.length === 0) this.owners.delete(key);
        }
    }

    add(entry: DocumentEntry): void {
        const map = entry.facts[this.name] as unknown as MultiMap<K, V>;
        for (const key of map.keys()) {
            const owner = { entry, values: map.get(key) };
            const owners = this.owners.get(key);
            if (!owners) {
                this.owners.set(key, [owner]);
            } else {
                owners.push(owner);
                owners.sort((a, b) => a.entry.ordinal - b.entry.ordinal);
            }
        }
    }
}

export class WorkspaceFacts {
    protected readonly documents: LangiumDocuments;
    protected readonly entries = new Map<string, DocumentEntry>();
    /** Documents linked since the last refresh: their references (so their facts) may have changed. */
    protected readonly relinked = new Set<string>();
    protected readonly merged: { [N in MapName]: MergedMultiMap<unknown, unknown> };
    protected readonly deadLetterCounts = new Map<Queue, number>();
    protected readonly view: WorkspaceIndex;
    protected stale = true;

    constructor(services: LangiumCoreServices) {
        this.documents = services.shared.workspace.LangiumDocuments;
        const builder = services.shared.workspace.DocumentBuilder;
        builder.onBuildPhase(DocumentState.Linked, linked => {
            for (const document of linked) this.relinked.add(document.uri.toString());
            this.invalidate();
        });
        // Linking of a build is complete at IndexedReferences; validation runs right after.
        builder.onBuildPhase(DocumentState.IndexedReferences, () => this.invalidate());
        builder.onUpdate(() => this.invalidate());
        const ordered = () => [...this.entries.values()].sort((a, b) => a.ordinal - b.ordinal);
        this.merged = Object.fromEntries(MAP_NAMES.map(name => [name, new MergedMultiMap(name, ordered)])) as WorkspaceFacts['merged'];
        this.view = {
            ...(this.merged as unknown as Omit<WorkspaceIndex, 'deadLetterQueues'>),
            deadLetterQueues: { has: queue => (this.deadLetterCounts.get(queue) ?? 0) > 0 }
        };
    }

    get index(): WorkspaceIndex {
        if (this.stale) this.refresh();
        return this.view;
    }

    documentOf(uri: URI): LangiumDocument | undefined {
        return this.documents.getDocument(uri);
    }

    invalidate(): void {
        this.stale = true;
    }

    protected refresh(): void {
        this.stale = false;
        const seen = new Set<string>();
        let ordinal = 0;
        for (const document of this.documents.all) {
            const model = document.parseResult.value;
            if (!isModel(model)) continue;
            const uri = document.uri.toString();
            seen.add(uri);
            const cached = this.entries.get(uri);
            const position = ordinal++;
            // A document not yet through reference indexing may hold unresolved references: never cache it.
            const current = cached && cached.model === model && !this.relinked.has(uri) && document.state >= DocumentState.IndexedReferences;
            if (current) {
                cached.ordinal = position;
                continue;
            }
            if (cached) this.drop(cached);
            const entry: DocumentEntry = { model, facts: this.read(model), ordinal: position };
            this.entries.set(uri, entry);
            for (const name of MAP_NAMES) this.merged[name].add(entry);
            for (const queue of entry.facts.deadLetterQueues) this.deadLetterCounts.set(queue, (this.deadLetterCounts.get(queue) ?? 0) + 1);
        }
        for (const [uri, entry] of this.entries) {
            if (!seen.has(uri)) {
                this.drop(entry);
                this.entries.delete(uri);
            }
        }
        this.relinked.clear();
        // Documents still being built are read again at the next question.
        for (const document of this.documents.all) {
            if (document.state < DocumentState.IndexedReferences) this.relinked.add(document.uri.toString());
        }
        if (this.relinked.size > 0) this.stale = true;
    }

    protected drop(entry: DocumentEntry): void {
        for (const name of MAP_NAMES) this.merged[name].remove(entry);
        for (const queue of entry.facts.deadLetterQueues) {
            const count = (this.deadLetterCounts.get(queue) ?? 0) - 1;
            if (count > 0) this.deadLetterCounts.set(queue, count);
            else this.deadLetterCounts.delete(queue);
        }
    }

    protected read(model: Model): DocumentIndex {
        const index: DocumentIndex = {
            declarations: new MultiMap(),
            producersByTarget: new MultiMap(),
            subscriptionsByTarget: new MultiMap(),
            subscriptionsByEndpoint: new MultiMap(),
            consumersByQueue: new MultiMap(),
            consumersByStream: new MultiMap(),
            firehosesBySource: new MultiMap(),
            deadLetterQueues: []
        };
        for (const declaration of model.declarations) {
            this.add(index, declaration);
        }
        return index;
    }

    protected add(index: DocumentIndex, declaration: Declaration): void {
        const kind = kindOf(declaration);
        if (kind && declaration.name) index.declarations.add(declarationKey(kind, declaration.name), declaration);
        switch (declaration.$type) {
            case 'Queue': {
                const deadLetter = property(declaration.properties, 'dead-letter')?.queue?.ref;
                if (deadLetter) index.deadLetterQueues.push(deadLetter);
                break;
            }
            case 'Topic':
                for (const subscription of declaration.subscriptions) {
                    const target = subscription.target?.ref;
                    if (target) index.subscriptionsByTarget.add(target, subscription);
                    if (subscription.endpoint !== undefined) index.subscriptionsByEndpoint.add(subscription.endpoint, subscription);
                    const deadLetter = subscription.deadLetter?.ref;
                    if (deadLetter) index.deadLetterQueues.push(deadLetter);
                }
                break;
            case 'Producer': {
                const target = declaration.properties.find(isPublishProperty)?.target?.ref;
                if (target) index.producersByTarget.add(target, declaration);
                break;
            }
            case 'Consumer': {
                const queue = declaration.properties.find(isPollProperty)?.queue?.ref;
                if (queue) index.consumersByQueue.add(queue, declaration);
                const stream = declaration.properties.find(isReadProperty)?.stream?.ref;
                if (stream) index.consumersByStream.add(stream, declaration);
                break;
            }
            case 'Firehose': {
                const stream = declaration.properties.find(isSourceProperty)?.stream?.ref;
                if (stream) index.firehosesBySource.add(stream, declaration);
                break;
            }
        }
    }
}
