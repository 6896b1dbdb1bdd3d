import './polyfills.js';
import type { LangiumSharedServices } from 'langium/lsp';
import { startLanguageServer } from 'langium/lsp';
import { NodeFileSystem } from 'langium/node';
import type { Connection } from 'vscode-languageserver';
import type { MqServices } from '../mq-module.js';
import { createMqServices } from '../mq-module.js';

/**
 * Starts the MQ language server on an existing connection and returns its services, so that a host
 * (the VS Code extension's server entry) can register its own requests on the same connection and
 * reach the same workspace. The connection must not be listening yet: Langium calls `listen()`.
 */
export function startMqLanguageServer(connection: Connection): { shared: LangiumSharedServices; mq: MqServices } {
    const services = createMqServices({ connection, ...NodeFileSystem });
    // Langium validates only opened documents by default; MQ rules span files, so the Problems view should
    // show every file's diagnostics from the start, not after the first edit.
    services.shared.workspace.WorkspaceManager.initialBuildOptions = { validation: true };
    startLanguageServer(services.shared);
    return services;
}
