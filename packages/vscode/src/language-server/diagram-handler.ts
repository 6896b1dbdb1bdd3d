import type { Connection } from 'vscode-languageserver';
import type { LangiumSharedCoreServices } from 'langium';
import { DocumentState } from 'langium';
import { layoutArchitecture, renderSvg } from '@mq-architect/diagram';
import { DiagramRequest } from '../protocol/lsp.js';
import type { DiagramNodeInfo, DiagramResult } from '../protocol/lsp.js';
import { workspaceModel } from './workspace-model.js';

/**
 * `mq/diagram`: lowers the workspace and lays it out in the server process, so elkjs never runs on the
 * extension host or in the webview. Failures come back as `error` (the preview keeps its last diagram).
 */
export function registerDiagramHandler(connection: Connection, shared: LangiumSharedCoreServices): void {
    connection.onRequest(DiagramRequest.type, async (params, token): Promise<DiagramResult> => {
        const started = performance.now();
        try {
            await shared.workspace.DocumentBuilder.waitUntil(DocumentState.Validated, token);
            const { model, diagnostics } = workspaceModel(shared);
            const direction = params.direction === 'down' ? 'DOWN' : 'RIGHT';
            const diagram = await layoutArchitecture(model, { diagnostics, direction });
            // The `vscode` theme maps every colour onto the webview's --vscode-* variables (light, dark, high contrast).
            const svg = renderSvg(diagram, { theme: 'vscode' });
            const nodes: DiagramNodeInfo[] = diagram.nodes.flatMap((node) => node.location && node.nameLocation ? [{
                id: node.id,
                name: node.name,
                kind: node.kind,
                location: node.location,
                nameLocation: node.nameLocation,
                severity: node.badge,
                messages: node.diagnostics.map((diagnostic) => `${diagnostic.code}: ${diagnostic.message}`)
            }] : []);
            return {
                svg,
                nodes,
                errors: diagnostics.filter((diagnostic) => diagnostic.severity === 'error').length,
                warnings: diagnostics.filter((diagnostic) => diagnostic.severity === 'warning').length,
                elapsedMs: Math.round(performance.now() - started)
            };
        } catch (error) {
            if (token.isCancellationRequested) throw error;
            return {
                svg: '', nodes: [], errors: 0, warnings: 0,
                error: `The diagram could not be drawn: ${error instanceof Error ? error.message : String(error)}`,
                elapsedMs: Math.round(performance.now() - started)
            };
        }
    });
}
