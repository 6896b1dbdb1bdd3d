import type { Module } from 'langium';
import type { LangiumServices, LangiumSharedServices, PartialLangiumServices, PartialLangiumSharedServices } from 'langium/lsp';
import { MqIndexManager } from '../scope/mq-index-manager.js';
import { MqLinker } from '../scope/mq-linker.js';
import { MqReferenceDescriptionProvider } from '../scope/mq-reference-descriptions.js';
import { MqScopeComputation } from '../scope/mq-scope-computation.js';
import { MqScopeProvider } from '../scope/mq-scope-provider.js';
import { MqCompletionProvider } from './mq-completion-provider.js';
import { MqDocumentSymbolProvider } from './mq-document-symbol-provider.js';
import { MqFoldingRangeProvider } from './mq-folding-range-provider.js';
import { MqFormatter } from './mq-formatter.js';
import { MqHoverProvider } from './mq-hover-provider.js';
import { MqInlayHintProvider } from './mq-inlay-hints.js';
import { MqNodeKindProvider } from './mq-node-kind-provider.js';
import { MqRenameProvider } from './mq-rename-provider.js';
import { MqSemanticTokenProvider } from './mq-semantic-tokens.js';

/**
 * Scoping and editor features of the MQ language server, kept apart from the core module so that the
 * language services (validation, lowering) and the editor services can evolve independently.
 */
export const MqLspModule: Module<LangiumServices, PartialLangiumServices> = {
    references: {
        ScopeComputation: (services) => new MqScopeComputation(services),
        ScopeProvider: (services) => new MqScopeProvider(services),
        Linker: (services) => new MqLinker(services)
    },
    workspace: {
        ReferenceDescriptionProvider: (services) => new MqReferenceDescriptionProvider(services)
    },
    lsp: {
        CompletionProvider: (services) => new MqCompletionProvider(services),
        HoverProvider: (services) => new MqHoverProvider(services),
        RenameProvider: (services) => new MqRenameProvider(services),
        DocumentSymbolProvider: (services) => new MqDocumentSymbolProvider(services),
        FoldingRangeProvider: (services) => new MqFoldingRangeProvider(services),
        Formatter: () => new MqFormatter(),
        SemanticTokenProvider: (services) => new MqSemanticTokenProvider(services),
        InlayHintProvider: () => new MqInlayHintProvider()
    }
};

/** Services shared by all languages of the server: the by-name workspace index, symbol and completion kinds. */
export const MqSharedLspModule: Module<LangiumSharedServices, PartialLangiumSharedServices> = {
    workspace: {
        IndexManager: (shared) => new MqIndexManager(shared)
    },
    lsp: {
        NodeKindProvider: () => new MqNodeKindProvider()
    }
};
