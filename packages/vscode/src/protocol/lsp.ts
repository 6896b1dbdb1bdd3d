/**
 * Custom LSP messages between the MQ language server and the VS Code client, each declared once with its
 * payload types so both ends agree at compile time (STYLE item 11). Plain data only: everything here crosses
 * a JSON-RPC boundary.
 */
import { NotificationType, RequestType } from 'vscode-languageserver-protocol';
import type { SourceLocation, SourceRange } from '@mq-architect/language/model';
import type { ReplayData } from './webview.js';

export type DiagramDirection = 'right' | 'down';
export type DiagnosticSeverityName = 'error' | 'warning' | 'info' | 'hint';

export interface DiagramParams {
    /** The document the preview follows; the diagram shows the whole workspace model it belongs to. */
    uri: string;
    direction: DiagramDirection;
}

/** A node of the laid-out diagram, with what the editor needs to reveal and highlight it. */
export interface DiagramNodeInfo {
    /** The element id in the SVG (`data-mq-id`). */
    id: string;
    name: string;
    kind: string;
    location: SourceLocation;
    nameLocation: SourceLocation;
    /** Worst diagnostic on the element, if any. */
    severity?: DiagnosticSeverityName;
    messages: string[];
}

export interface DiagramResult {
    /** Standalone SVG, or an empty string when nothing could be drawn. */
    svg: string;
    nodes: DiagramNodeInfo[];
    /** Number of errors and warnings in the workspace, for the preview's header. */
    errors: number;
    warnings: number;
    /** Set when the diagram could not be produced; the preview keeps the last good SVG and shows this. */
    error?: string;
    /** Milliseconds spent lowering and laying out, for the output channel. */
    elapsedMs: number;
}

export namespace DiagramRequest {
    export const type = new RequestType<DiagramParams, DiagramResult, void>('mq/diagram');
}

export interface ScenarioInfo {
    name: string;
    uri: string;
    range: SourceRange;
    nameRange: SourceRange;
    durationMs: number;
}

export interface ScenariosParams {
    /** Only the scenarios declared in this document; all scenarios of the workspace when absent. */
    uri?: string;
}

export namespace ScenariosRequest {
    export const type = new RequestType<ScenariosParams, ScenarioInfo[], void>('mq/scenarios');
}

export interface SimulateParams {
    /** A document of the workspace whose model contains the scenario. */
    uri: string;
    scenario: string;
    /** Overrides the scenario's seed when set (`mq.simulation.defaultSeed`). */
    seed?: number;
    /** Echoed in progress notifications so the client can tell runs apart. */
    runId: string;
    /** Nonce the report HTML uses for its inline script and style (the webview's CSP allows only it). */
    nonce: string;
    /** The webview's `cspSource`, for the report's Content-Security-Policy. */
    cspSource: string;
    /** Webview URI of the bundled Chart.js, loaded by the report page (allowed by `cspSource`). */
    chartJsUri: string;
}

export interface ExpectationVerdict {
    text: string;
    passed: boolean;
    detail?: string;
}

export type SimulateResult =
    | {
        ok: true;
        /** A complete HTML document for the report webview (CSP with the given nonce). */
        html: string;
        verdicts: ExpectationVerdict[];
        /** Per-node time series for replaying the run on the diagram. */
        replay: ReplayData;
        /** Wall-clock milliseconds the run took. */
        elapsedMs: number;
    }
    | { ok: false; cancelled: boolean; error: string };

export namespace SimulateRequest {
    export const type = new RequestType<SimulateParams, SimulateResult, void>('mq/simulate');
}

export interface SimulationProgress {
    runId: string;
    /** 0..1 of the scenario's virtual duration. */
    fraction: number;
    message?: string;
}

export namespace SimulationProgressNotification {
    export const type = new NotificationType<SimulationProgress>('mq/simulationProgress');
}

export interface DocumentsValidatedParams {
    uris: string[];
}

/** Pushed after every validation pass; open previews then pull a new diagram (STYLE item 12). */
export namespace DocumentsValidatedNotification {
    export const type = new NotificationType<DocumentsValidatedParams>('mq/documentsValidated');
}
