/**
 * The language server bundled with the extension: the MQ language server plus the requests only the editor
 * needs (diagram, scenarios, simulation) and the push notification that drives live previews.
 */
import './polyfills.js';
import path from 'node:path';
import { DocumentState } from 'langium';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startMqLanguageServer } from '@mq-architect/language/server';
import { DocumentsValidatedNotification } from '../protocol/lsp.js';
import { registerDiagramHandler } from './diagram-handler.js';
import { registerScenariosHandler } from './scenarios-handler.js';
import { registerSimulationHandler } from './simulation-handler.js';

const connection = createConnection(ProposedFeatures.all);
const { shared } = startMqLanguageServer(connection);

shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.Validated, (documents) => {
    void connection.sendNotification(DocumentsValidatedNotification.type, { uris: documents.map((document) => document.uri.toString()) });
});
registerDiagramHandler(connection, shared);
registerScenariosHandler(connection, shared);
registerSimulationHandler(connection, shared, path.join(__dirname, 'simulation-worker.cjs'));
