/**
 * The language server bundled with the extension: the MQ language server plus the requests only the editor
 * needs (diagram, scenarios, simulation) and the push notification that drives live previews.
 */
import './polyfills.js';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DocumentState } from 'langium';
import { setRulesDocBase } from '@mq-architect/language';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startMqLanguageServer } from '@mq-architect/language/server';
import { DocumentsValidatedNotification } from '../protocol/lsp.js';
import { registerDiagramHandler } from './diagram-handler.js';
import { registerScenariosHandler } from './scenarios-handler.js';
import { registerSimulationHandler } from './simulation-handler.js';

// Rule codes in the Problems panel link to the rules page shipped with this extension.
setRulesDocBase(pathToFileURL(path.join(__dirname, '..', 'docs', 'rules.md')).toString());

const connection = createConnection(ProposedFeatures.all);
const { shared } = startMqLanguageServer(connection);

shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.Validated, (documents) => {
    void connection.sendNotification(DocumentsValidatedNotification.type, { uris: documents.map((document) => document.uri.toString()) });
});
registerDiagramHandler(connection, shared);
registerScenariosHandler(connection, shared);
registerSimulationHandler(connection, shared, path.join(__dirname, 'simulation-worker.cjs'));
