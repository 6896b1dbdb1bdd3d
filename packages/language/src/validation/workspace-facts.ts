/**
 * Who publishes to, subscribes, reads and dead-letters what, over every MQ document of the workspace.
 * Rules that look beyond one file (MQ004, MQ025, MQ043, MQ050, MQ051, MQ071) read this index instead of
 * walking all documents per node. It is rebuilt lazily once per build: references are resolved by then.
 */
import type { AstNode, LangiumDocument, LangiumDocuments, URI } from 'langium';
import { DocumentState, MultiMap } from 'langium';
import type { LangiumCoreServices } from 'langium';
import type { Consumer, Declaration, Firehose, Producer, Queue, Stream, Subscription } from '../generated/ast.js';
import { isModel, isPollProperty, isReadProperty, isSourceProperty, isPublishProperty } from '../generated/ast.js';
import type { DeclarationKind } from './ast-queries.js';
import { kindOf, property } from './ast-queries.js';

export interface WorkspaceIndex {
    /** `queue:shipping` → every declaration of that kind and name, in document order. */
    declarations: MultiMap<string, Declaration>;
    producersByTarget: MultiMap<AstNode, Producer>;
    subscriptionsByTarget: MultiMap<AstNode, Subscription>;
    consumersByQueue: MultiMap<Queue, Consumer>;
    consumersByStream: MultiMap<Stream, Consumer>;
    firehosesBySource: MultiMap<Stream, Firehose>;
    /** Queues named as a dead-letter queue by a queue or by a subscription. */
    deadLetterQueues: Set<Queue>;
}

export function declarationKey(kind: DeclarationKind, name: string): string {
    return `${kind}:${name}`;
}

export class WorkspaceFacts {
    protected readonly documents: LangiumDocuments;
    protected cached: WorkspaceIndex | undefined;

    constructor(services: LangiumCoreServices) {
        this.documents = services.shared.workspace.LangiumDocuments;
        const builder = services.shared.workspace.DocumentBuilder;
        // Linking of a build is complete at IndexedReferences; validation runs right after.
        builder.onBuildPhase(DocumentState.IndexedReferences, () => this.invalidate());
        builder.onUpdate(() => this.invalidate());
    }

    get index(): WorkspaceIndex {
        this.cached ??= this.build();
        return this.cached;
    }

    documentOf(uri: URI): LangiumDocument | undefined {
        return this.documents.getDocument(uri);
    }

    invalidate(): void {
        this.cached = undefined;
    }

    protected build(): WorkspaceIndex {
        const index: WorkspaceIndex = {
            declarations: new MultiMap(),
            producersByTarget: new MultiMap(),
            subscriptionsByTarget: new MultiMap(),
            consumersByQueue: new MultiMap(),
            consumersByStream: new MultiMap(),
            firehosesBySource: new MultiMap(),
            deadLetterQueues: new Set()
        };
        for (const document of this.documents.all) {
            const model = document.parseResult.value;
            if (!isModel(model)) continue;
            for (const declaration of model.declarations) {
                this.add(index, declaration);
            }
        }
        return index;
    }

    protected add(index: WorkspaceIndex, declaration: Declaration): void {
        const kind = kindOf(declaration);
        if (kind && declaration.name) index.declarations.add(declarationKey(kind, declaration.name), declaration);
        switch (declaration.$type) {
            case 'Queue': {
                const deadLetter = property(declaration.properties, 'dead-letter')?.queue?.ref;
                if (deadLetter) index.deadLetterQueues.add(deadLetter);
                break;
            }
            case 'Topic':
                for (const subscription of declaration.subscriptions) {
                    const target = subscription.target?.ref;
                    if (target) index.subscriptionsByTarget.add(target, subscription);
                    const deadLetter = subscription.deadLetter?.ref;
                    if (deadLetter) index.deadLetterQueues.add(deadLetter);
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
