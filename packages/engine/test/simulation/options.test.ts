import { describe, expect, it } from 'vitest';
import { simulate, SimulationError } from '../../src/simulation/simulate.js';
import { model } from './helpers.js';

const text = `
queue jobs { wait: 20s }
producer p { publish: jobs  rate: 10/s }
consumer c { poll: jobs  processing: 5ms }
scenario test { duration: 2m }`;

describe('simulate options', () => {
    it('reports progress in virtual time up to the scenario duration', async () => {
        const seen: Array<[number, number]> = [];
        await simulate(await model(text), 'test', { onProgress: (virtualMs, totalMs) => seen.push([virtualMs, totalMs]) });
        expect(seen.length).toBeGreaterThanOrEqual(50);
        expect(seen.every(([, total]) => total === 120_000)).toBe(true);
        expect(seen.map(([virtual]) => virtual)).toEqual([...seen.map(([virtual]) => virtual)].sort((a, b) => a - b));
        expect(seen.at(-1)![0]).toBe(120_000);
    });

    it('stops with an AbortError when the signal is aborted', async () => {
        const controller = new AbortController();
        const run = simulate(await model(text), 'test', {
            signal: controller.signal,
            onProgress: virtualMs => { if (virtualMs >= 30_000) controller.abort(); }
        });
        await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    });

    it('rejects an unknown scenario with the declared names', async () => {
        await expect(simulate(await model(text), 'nope')).rejects.toThrow(SimulationError);
        await expect(simulate(await model(text), 'nope')).rejects.toThrow("unknown scenario 'nope'; declared: test");
    });

    it('traces the requested number of messages per producer, spread over the run', async () => {
        const report = await simulate(await model(text), 'test', { traceSample: 4 });
        expect(report.traces.map(trace => trace.id)).toEqual(['p#1', 'p#301', 'p#601', 'p#901']);
        const none = await simulate(await model(text), 'test', { traceSample: 0 });
        expect(none.traces).toEqual([]);
    });
});
