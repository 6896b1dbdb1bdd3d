// The polyfill must be evaluated before Langium builds its parser.
import './polyfills.js';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startMqLanguageServer } from './start-server.js';

startMqLanguageServer(createConnection(ProposedFeatures.all));
