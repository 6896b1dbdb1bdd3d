import type { ArchitectureModel } from '@mq-architect/language/model';
import type { ExpectationVerdict } from '../protocol/lsp.js';
import type { ReplayData } from '../protocol/webview.js';

/** workerData of the simulation worker: the model survives structured cloning (see architecture-model.ts). */
export interface SimulationJob {
    model: ArchitectureModel;
    scenario: string;
    /** Prefer the scenario declared in this document when several files declare the same name. */
    uri: string;
    seed?: number;
    nonce: string;
    cspSource: string;
    chartJsUri: string;
}

export type WorkerToServer =
    | { type: 'progress'; fraction: number }
    | { type: 'done'; html: string; verdicts: ExpectationVerdict[]; replay: ReplayData }
    | { type: 'error'; message: string };

export type ServerToWorker = { type: 'cancel' };
