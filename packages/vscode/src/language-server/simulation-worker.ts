/**
 * Runs one scenario in a worker thread of the language server, so neither the server's request loop nor the
 * extension host waits on the engine. Cancellation arrives as a message and aborts the engine's signal.
 */
import './polyfills.js';
import { parentPort, workerData } from 'node:worker_threads';
import { simulate, renderReportHtml } from '@mq-architect/engine';
import { replayOf } from './replay.js';
import type { ServerToWorker, SimulationJob, WorkerToServer } from './simulation-worker-protocol.js';

const job = workerData as SimulationJob;
const abort = new AbortController();

function send(message: WorkerToServer): void {
    parentPort?.postMessage(message);
}

parentPort?.on('message', (message: ServerToWorker) => {
    if (message.type === 'cancel') abort.abort();
});

async function run(): Promise<void> {
    // Several files may declare a scenario of the same name (MQ004 reports it); run the one the user picked.
    const model = { ...job.model, scenarios: job.model.scenarios.filter((scenario) => scenario.name !== job.scenario || scenario.location.uri === job.uri) };
    if (!model.scenarios.some((scenario) => scenario.name === job.scenario)) model.scenarios = job.model.scenarios;
    const report = await simulate(model, job.scenario, {
        seed: job.seed,
        signal: abort.signal,
        onProgress: (virtualMs, totalMs) => send({ type: 'progress', fraction: totalMs > 0 ? virtualMs / totalMs : 1 })
    });
    const html = renderReportHtml(report, { nonce: job.nonce, cspSource: job.cspSource, inlineScripts: false, chartJsUri: job.chartJsUri });
    send({
        type: 'done',
        html,
        verdicts: report.expectations.map((expectation) => ({ text: expectation.text, passed: expectation.passed, detail: expectation.detail })),
        replay: replayOf(report)
    });
}

run().catch((error: unknown) => send({ type: 'error', message: error instanceof Error ? error.message : String(error) }));
