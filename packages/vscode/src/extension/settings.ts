import * as vscode from 'vscode';
import type { DiagramDirection } from '../protocol/lsp.js';

/** Typed reads of the `mq.*` settings (the server reads `mq.rules` itself through workspace/configuration). */
export function previewDirection(scope?: vscode.Uri): DiagramDirection {
    return vscode.workspace.getConfiguration('mq', scope).get<string>('preview.direction') === 'down' ? 'down' : 'right';
}

export function defaultSeed(scope?: vscode.Uri): number | undefined {
    const seed = vscode.workspace.getConfiguration('mq', scope).get<number | null>('simulation.defaultSeed');
    return typeof seed === 'number' && Number.isInteger(seed) && seed >= 0 ? seed : undefined;
}
