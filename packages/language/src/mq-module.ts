import type { Module } from 'langium';
import { inject } from 'langium';
import type { DefaultSharedModuleContext, LangiumServices, LangiumSharedServices, PartialLangiumServices } from 'langium/lsp';
import { createDefaultModule, createDefaultSharedModule } from 'langium/lsp';
import { MqGeneratedModule, MqGeneratedSharedModule } from './generated/module.js';
import { MqValueConverter } from './mq-value-converter.js';
import { MqLspModule, MqSharedLspModule } from './lsp/mq-lsp-module.js';
import type { MqValidationServices } from './validation/mq-validation-module.js';
import { MqValidationModule, registerMqValidationChecks } from './validation/mq-validation-module.js';

/** Services added to the Langium defaults by the MQ language. */
export type MqAddedServices = MqValidationServices;

export type MqServices = LangiumServices & MqAddedServices;

export const MqModule: Module<MqServices, PartialLangiumServices> = {
    parser: {
        ValueConverter: () => new MqValueConverter()
    }
};

/**
 * Creates the shared services and the MQ language services, and registers the validation checks.
 * With no LSP connection (tests, CLI) configuration is marked initialized so builds do not wait for a client.
 */
export function createMqServices(context: DefaultSharedModuleContext): { shared: LangiumSharedServices; mq: MqServices } {
    const shared = inject(createDefaultSharedModule(context), MqGeneratedSharedModule, MqSharedLspModule);
    const mq = inject(createDefaultModule({ shared }), MqGeneratedModule, MqModule, MqValidationModule, MqLspModule);
    shared.ServiceRegistry.register(mq);
    registerMqValidationChecks(mq);
    if (!context.connection) {
        shared.workspace.ConfigurationProvider.initialized({});
    }
    return { shared, mq };
}
