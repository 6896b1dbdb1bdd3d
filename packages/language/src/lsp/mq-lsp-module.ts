import type { Module } from 'langium';
import type { LangiumServices, LangiumSharedServices, PartialLangiumServices, PartialLangiumSharedServices } from 'langium/lsp';
import { MqScopeComputation } from '../scope/mq-scope-computation.js';
import { MqScopeProvider } from '../scope/mq-scope-provider.js';

/**
 * Scoping and editor features of the MQ language server, kept apart from the core module so that the
 * language services (validation, lowering) and the editor services can evolve independently.
 */
export const MqLspModule: Module<LangiumServices, PartialLangiumServices> = {
    references: {
        ScopeComputation: (services) => new MqScopeComputation(services),
        ScopeProvider: (services) => new MqScopeProvider(services)
    }
};

/** Editor services shared by all languages of the server (symbol kinds, workspace symbols). */
export const MqSharedLspModule: Module<LangiumSharedServices, PartialLangiumSharedServices> = {};
