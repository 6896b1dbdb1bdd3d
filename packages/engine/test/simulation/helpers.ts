import { parseArchitecture } from '@mq-architect/language';
import type { ArchitectureModel } from '@mq-architect/language/model';
import { simulate } from '../../src/simulation/simulate.js';
import type { SimulateOptions } from '../../src/simulation/simulate.js';
import type { ResourceReport, SimulationReport } from '../../src/report/report-types.js';

/** Parses MQ text and fails the test on any error diagnostic, so a test never simulates a broken model. */
export async function model(text: string): Promise<ArchitectureModel> {
    const { model: result, diagnostics } = await parseArchitecture(text);
    const errors = diagnostics.filter(diagnostic => diagnostic.severity === 'error');
    if (errors.length > 0) throw new Error(`model has errors:\n${errors.map(e => `${e.code} ${e.message}`).join('\n')}`);
    return result;
}

export async function run(text: string, scenario = 'test', options: SimulateOptions = {}): Promise<SimulationReport> {
    return simulate(await model(text), scenario, options);
}

export function resource(report: SimulationReport, name: string, kind?: ResourceReport['kind']): ResourceReport {
    const found = report.resources.find(r => r.name === name && (kind === undefined || r.kind === kind));
    if (!found) throw new Error(`no resource ${name} in the report`);
    return found;
}

export function series(report: SimulationReport, name: string, metric: string): number[] {
    const found = resource(report, name).series.find(s => s.metric === metric);
    if (!found) throw new Error(`no series ${metric} for ${name}`);
    return found.values;
}

/** Sum of a per-bucket series over [fromMs, toMs). */
export function sumBetween(report: SimulationReport, values: number[], fromMs: number, toMs: number): number {
    const width = report.resolution.bucketMs;
    let total = 0;
    for (let i = 0; i < values.length; i++) if (i * width >= fromMs && i * width < toMs) total += values[i]!;
    return total;
}
