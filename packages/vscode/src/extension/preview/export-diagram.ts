import * as vscode from 'vscode';
import type { ExportFormat } from '../../protocol/webview.js';
import { ArchitecturePreview } from './preview-panel.js';
import type { PreviewHost } from './preview-panel.js';

/** Arguments for scripted use (tests, keybindings); without them the command asks. */
export interface ExportDiagramArgs {
    format?: ExportFormat;
    /** Target file; skips the save dialog. */
    target?: string;
}

/**
 * MQ: Export Diagram. SVG comes straight from the server's rendering; PNG is rasterised by the preview webview
 * (canvas), so the preview is opened first when needed.
 */
export async function exportDiagram(host: PreviewHost, args: ExportDiagramArgs = {}): Promise<vscode.Uri | undefined> {
    const preview = await ensurePreview(host);
    if (!preview) {
        void vscode.window.showWarningMessage('Open an MQ file to export its architecture diagram.');
        return undefined;
    }
    const format = args.format ?? (await pickFormat());
    if (!format) return undefined;
    const target = args.target ? vscode.Uri.file(args.target) : await vscode.window.showSaveDialog({
        defaultUri: preview.documentUri.with({ path: preview.documentUri.path.replace(/\.mq$/i, '') + `.${format}` }),
        filters: format === 'svg' ? { 'SVG image': ['svg'] } : { 'PNG image': ['png'] },
        title: 'Export Architecture Diagram'
    });
    if (!target) return undefined;
    try {
        const bytes = format === 'svg' ? new TextEncoder().encode(await svgOf(preview)) : await preview.renderPng(2);
        await vscode.workspace.fs.writeFile(target, bytes);
        void vscode.window.showInformationMessage(`Diagram exported to ${vscode.workspace.asRelativePath(target)}`);
        return target;
    } catch (error) {
        void vscode.window.showErrorMessage(`Export failed: ${error instanceof Error ? error.message : String(error)}`);
        return undefined;
    }
}

async function ensurePreview(host: PreviewHost): Promise<ArchitecturePreview | undefined> {
    const editor = vscode.window.activeTextEditor;
    if (ArchitecturePreview.active) return ArchitecturePreview.active;
    if (editor?.document.languageId !== 'mq') return undefined;
    return ArchitecturePreview.createOrShow(host, editor.document.uri);
}

async function svgOf(preview: ArchitecturePreview): Promise<string> {
    const svg = (await preview.waitForDiagram())?.svg;
    if (!svg) throw new Error('The preview has no diagram yet.');
    return svg;
}

async function pickFormat(): Promise<ExportFormat | undefined> {
    const choice = await vscode.window.showQuickPick(
        [{ label: 'SVG', description: 'vector, standalone', format: 'svg' as const }, { label: 'PNG', description: 'raster, 2× scale', format: 'png' as const }],
        { title: 'Export Diagram', placeHolder: 'Format' }
    );
    return choice?.format;
}
