import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Connection } from 'vscode-languageserver';
import type { LangiumSharedCoreServices } from 'langium';
import { DocumentState } from 'langium';
import { SimulateRequest, SimulationProgressNotification } from '../protocol/lsp.js';
import type { SimulateResult } from '../protocol/lsp.js';
import type { SimulationJob, WorkerToServer } from './simulation-worker-protocol.js';
import { workspaceModel } from './workspace-model.js';

/** After a cancel message, a worker stuck in a long synchronous stretch gets this long before it is terminated. */
const CANCEL_GRACE_MS = 1000;
/** Progress notifications are sent at most this often. */
const PROGRESS_INTERVAL_MS = 100;

/**
 * `mq/simulate`: runs the scenario in a worker thread and answers with the rendered report. The request's
 * cancellation token stops the worker; a scenario of the workspace with errors is refused with the first error.
 */
export function registerSimulationHandler(connection: Connection, shared: LangiumSharedCoreServices, workerScript: string): void {
    connection.onRequest(SimulateRequest.type, async (params, token): Promise<SimulateResult> => {
        const started = performance.now();
        await shared.workspace.DocumentBuilder.waitUntil(DocumentState.Validated, token);
        const { model, diagnostics } = workspaceModel(shared);
        const firstError = diagnostics.find((diagnostic) => diagnostic.severity === 'error');
        if (firstError) {
            const file = path.basename(decodeURIComponent(new URL(firstError.location.uri).pathname));
            return {
                ok: false, cancelled: false,
                error: `fix the errors first (${file}:${firstError.location.range.start.line + 1}: ${firstError.code} ${firstError.message})`
            };
        }
        const job: SimulationJob = {
            model, scenario: params.scenario, uri: params.uri, seed: params.seed, nonce: params.nonce,
            cspSource: params.cspSource, chartJsUri: params.chartJsUri
        };
        return new Promise<SimulateResult>((resolve) => {
            const worker = new Worker(workerScript, { workerData: job });
            let lastProgress = 0;
            let settled = false;
            const finish = (result: SimulateResult): void => {
                if (settled) return;
                settled = true;
                cancellation.dispose();
                void worker.terminate();
                resolve(result.ok ? { ...result, elapsedMs: Math.round(performance.now() - started) } : result);
            };
            const cancellation = token.onCancellationRequested(() => {
                worker.postMessage({ type: 'cancel' });
                setTimeout(() => finish({ ok: false, cancelled: true, error: 'cancelled' }), CANCEL_GRACE_MS);
            });
            worker.on('message', (message: WorkerToServer) => {
                if (message.type === 'progress') {
                    const now = performance.now();
                    if (now - lastProgress < PROGRESS_INTERVAL_MS && message.fraction < 1) return;
                    lastProgress = now;
                    void connection.sendNotification(SimulationProgressNotification.type, { runId: params.runId, fraction: message.fraction });
                } else if (message.type === 'done') {
                    finish({ ok: true, html: message.html, verdicts: message.verdicts, replay: message.replay, elapsedMs: 0 });
                } else {
                    finish({ ok: false, cancelled: token.isCancellationRequested, error: message.message });
                }
            });
            worker.on('error', (error) => finish({ ok: false, cancelled: false, error: error.message }));
            worker.on('exit', (code) => finish({ ok: false, cancelled: token.isCancellationRequested, error: `the simulation stopped (exit code ${code})` }));
        });
    });
}
