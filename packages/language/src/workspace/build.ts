import type { LangiumDocument } from 'langium';
import { EmptyFileSystem, URI } from 'langium';
import type { Model } from '../generated/ast.js';
import type { ArchitectureModel } from '../model/architecture-model.js';
import type { ModelDiagnostic } from '../model/diagnostic.js';
import { lowerModel } from '../lowering/lower.js';
import type { MqServices } from '../mq-module.js';
import { createMqServices } from '../mq-module.js';
import type { RuleSeverities } from './diagnostics.js';
import { applyRuleSeverities, sortDiagnostics, toModelDiagnostics } from './diagnostics.js';

export interface ArchitectureResult {
    model: ArchitectureModel;
    diagnostics: ModelDiagnostic[];
}

export interface BuildOptions {
    rules?: RuleSeverities;
}

let services: MqServices | undefined;

/** One in-memory service container per process; documents are added per build and removed afterwards. */
export function sharedServices(): MqServices {
    services ??= createMqServices(EmptyFileSystem).mq;
    return services;
}

/**
 * Parses, links, validates and lowers a set of MQ sources held in memory (uri → text). The sources see
 * each other's declarations, as files of one workspace do.
 */
export async function buildArchitecture(sources: ReadonlyMap<string, string>, options: BuildOptions = {}): Promise<ArchitectureResult> {
    const mq = sharedServices();
    const { LangiumDocuments, LangiumDocumentFactory, DocumentBuilder } = mq.shared.workspace;
    const documents: LangiumDocument[] = [];
    for (const [uri, text] of sources) {
        const parsed = URI.parse(uri);
        if (LangiumDocuments.hasDocument(parsed)) await DocumentBuilder.update([], [parsed]);
        const document = LangiumDocumentFactory.fromString(text, parsed);
        LangiumDocuments.addDocument(document);
        documents.push(document);
    }
    try {
        await DocumentBuilder.build(documents, { validation: true });
        const model = lowerModel(documents.map(document => document.parseResult.value as Model));
        const diagnostics = sortDiagnostics(applyRuleSeverities(documents.flatMap(toModelDiagnostics), options.rules));
        return { model, diagnostics };
    } finally {
        await DocumentBuilder.update([], documents.map(document => document.uri));
    }
}

/**
 * For tests and tools: `parseArchitecture(text)` or `parseArchitecture({ 'memory:///a.mq': text, ... })`.
 */
export function parseArchitecture(input: string | Readonly<Record<string, string>>, options: BuildOptions = {}): Promise<ArchitectureResult> {
    const sources = typeof input === 'string' ? new Map([['memory:///architecture.mq', input]]) : new Map(Object.entries(input));
    return buildArchitecture(sources, options);
}
