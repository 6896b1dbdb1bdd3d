/**
 * Benchmark parts (b) and (c): one simulated hour of the purchases fan-out example at 1,000 msg/s into
 * 3 queues, and the peak memory of that run. Bundled by run.mjs with esbuild (no per-closure naming
 * helpers) and run in the same process.
 */
import { readFileSync } from 'node:fs';
import { getHeapStatistics } from 'node:v8';
import { parseArchitecture } from '@mq-architect/language';
import { simulate } from '../src/simulation/simulate.js';

export interface HourResult {
    virtualMs: number;
    wallMs: number;
    cpuMs: number;
    lifecycles: number;
    lifecyclesPerSecond: number;
    messagesProduced: number;
    peakHeapBytes: number;
    peakRssBytes: number;
    /** Live heap after GC when 10 %, 20 %, ... of the run was done: flat when memory follows what is in flight. */
    heapAfterGc: Array<{ virtualMs: number; heapBytes: number }>;
}

/**
 * The example with its three queue subscriptions unfiltered (so every message reaches all three queues),
 * the producer at 1,000 msg/s, and consumer groups sized to keep up (3 instances, batch 10, 1-3 ms per
 * message: about 1,500 msg/s per queue).
 */
export async function purchaseFanoutAtScale(examplePath: string, durationMs: number) {
    const { model, diagnostics } = await parseArchitecture({ [`file://${examplePath}`]: readFileSync(examplePath, 'utf8') });
    const errors = diagnostics.filter(d => d.severity === 'error');
    if (errors.length > 0) throw new Error(`${examplePath} has errors: ${errors.map(e => e.message).join('; ')}`);
    for (const topic of model.topics) for (const subscription of topic.subscriptions) if (subscription.protocol === 'sqs') subscription.filterPolicy = undefined;
    for (const producer of model.producers) producer.ratePerSecond = 1000;
    for (const consumer of model.consumers) {
        consumer.batchSize = 10;
        consumer.processing = { minMs: 1, maxMs: 3 };
        consumer.failureRate = 0;
        consumer.instances = { min: 3, max: 3 };
        consumer.scaleIn = undefined;
        consumer.scaleOut = undefined;
    }
    const scenario = model.scenarios[0]!;
    scenario.durationMs = durationMs;
    scenario.surges = [];
    scenario.outages = [];
    scenario.expectations = [];
    return { model, scenario: scenario.name };
}

export async function runSimulatedHour(examplePath: string, durationMs = 3_600_000): Promise<HourResult> {
    const { model, scenario } = await purchaseFanoutAtScale(examplePath, durationMs);
    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
    let peakHeap = process.memoryUsage().heapUsed;
    let peakRss = process.memoryUsage().rss;
    const heapAfterGc: HourResult['heapAfterGc'] = [];
    let nextSnapshot = durationMs / 10;
    const cpu0 = process.cpuUsage();
    const started = performance.now();
    const report = await simulate(model, scenario, {
        onProgress(virtualMs) {
            peakHeap = Math.max(peakHeap, getHeapStatistics().used_heap_size);
            peakRss = Math.max(peakRss, process.memoryUsage.rss());
            if (virtualMs >= nextSnapshot && gc) {
                gc();
                heapAfterGc.push({ virtualMs, heapBytes: process.memoryUsage().heapUsed });
                nextSnapshot += durationMs / 10;
            }
        }
    });
    const wallMs = performance.now() - started;
    const cpu = process.cpuUsage(cpu0);
    const lifecycles = report.resources.filter(r => r.kind === 'queue').reduce((total, r) => total + (r.metrics['deleted'] ?? 0), 0);
    return {
        virtualMs: durationMs, wallMs, cpuMs: (cpu.user + cpu.system) / 1000, lifecycles,
        lifecyclesPerSecond: lifecycles / (wallMs / 1000), messagesProduced: report.accounting.messagesProduced,
        peakHeapBytes: peakHeap, peakRssBytes: peakRss, heapAfterGc
    };
}

export interface ExampleRunResult {
    scenario: string;
    virtualMs: number;
    wallMs: number;
    cpuMs: number;
    messagesProduced: number;
    deliveries: number;
    /** Largest live heap seen after a GC at each simulated minute. */
    peakHeapAfterGcBytes: number;
}

/** One scenario of an example as written (no changes), timed: the streams, firehoses and topics of the language tour. */
export async function runExampleScenario(examplePath: string, scenarioName?: string): Promise<ExampleRunResult> {
    const { model, diagnostics } = await parseArchitecture({ [`file://${examplePath}`]: readFileSync(examplePath, 'utf8') });
    if (diagnostics.some(d => d.severity === 'error')) throw new Error(`${examplePath} has errors`);
    const scenario = model.scenarios.find(s => s.name === scenarioName) ?? model.scenarios[0]!;
    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
    let peak = 0;
    let nextMinute = 0;
    const cpu0 = process.cpuUsage();
    const started = performance.now();
    const report = await simulate(model, scenario.name, {
        onProgress(virtualMs) {
            if (!gc || virtualMs < nextMinute) return;
            gc();
            peak = Math.max(peak, process.memoryUsage().heapUsed);
            nextMinute = virtualMs + 60_000;
        }
    });
    const wallMs = performance.now() - started;
    const cpu = process.cpuUsage(cpu0);
    return {
        scenario: scenario.name, virtualMs: scenario.durationMs, wallMs, cpuMs: (cpu.user + cpu.system) / 1000,
        messagesProduced: report.accounting.messagesProduced, deliveries: report.accounting.deliveries, peakHeapAfterGcBytes: peak
    };
}
