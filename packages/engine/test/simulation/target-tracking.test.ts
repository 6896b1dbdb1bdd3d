import type { ArchitectureModel } from '@mq-architect/language/model';
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/simulation/simulate.js';
import { model } from './helpers.js';

/** The model of `text` with `target-tracking: backlog-per-instance <target>` on consumer `workers`. */
async function tracked(text: string, target: number): Promise<ArchitectureModel> {
    const architecture = await model(text);
    const workers = architecture.consumers.find(consumer => consumer.name === 'workers')!;
    workers.targetTracking = { metric: 'backlog-per-instance', target, location: workers.location };
    return architecture;
}

// One instance handles 10 messages/s (100 ms each); the surge brings 150/s for 4 minutes, then 10/s.
const surge = `
queue jobs { wait: 20s }
producer p { publish: jobs  rate: 10/s }
consumer workers { poll: jobs  processing: 100ms  instances: 1..20  warm-up: 30s }
scenario test { duration: 40m  surge p x15 from 0m for 4m }`;

describe('target tracking on backlog per instance (DOMAIN §5)', () => {
    it('DOMAIN §5: target tracking scales out after 3 of 3 one-minute data points above the target, to ⌈in-service × backlog per instance ÷ target⌉', async () => {
        const report = await simulate(await tracked(surge, 50), 'test');
        const first = report.scaling[0]!;
        expect(first).toMatchObject({ consumer: 'workers', action: 'scale-out', atMs: 180_000, from: 1 });
        // Proportional, not a fixed step: the backlog after 3 minutes at 140 msg/s net needs far more than one more instance.
        const [, perInstance] = /backlog per instance ([\d.]+)/.exec(first.reason)!;
        expect(first.to).toBe(Math.min(20, Math.ceil(Number(perInstance) / 50)));
        expect(first.to).toBeGreaterThan(10);
        expect(first.reason).toContain('above the target 50 for 3 of 3 minutes');
    }, 60_000);

    it('DOMAIN §5: target tracking scales in only after 15 of 15 minutes below 90 % of the target, gradually (a tenth of the group per action)', async () => {
        const report = await simulate(await tracked(surge, 50), 'test');
        const ins = report.scaling.filter(event => event.action === 'scale-in');
        expect(ins.length).toBeGreaterThan(1);
        const lastOut = Math.max(...report.scaling.filter(event => event.action === 'scale-out').map(event => event.atMs));
        // The backlog is gone a few minutes after the surge; AlarmLow then needs 15 breaching minutes.
        expect(ins[0]!.atMs).toBeGreaterThanOrEqual(lastOut + 15 * 60_000);
        for (const event of ins) {
            expect(event.from - event.to).toBe(Math.max(1, Math.floor(event.from / 10)));
            expect(event.reason).toContain('below 90 % of the target 50 for 15 of 15 minutes');
        }
        expect(ins[ins.length - 1]!.to).toBeGreaterThanOrEqual(1);
        expect(report.accounting.balanced).toBe(true);
    }, 60_000);

    it('DOMAIN §5: with step rules too, the group scales out if any policy says so and scales in only if all do', async () => {
        // A step scale-in rule that never fires (visible < 0) vetoes target tracking's scale-in.
        const text = surge.replace('warm-up: 30s', 'warm-up: 30s  scale-in: when visible < 0 for 1m remove 1');
        const report = await simulate(await tracked(text, 50), 'test');
        expect(report.scaling.some(event => event.action === 'scale-out')).toBe(true);
        expect(report.scaling.filter(event => event.action === 'scale-in')).toEqual([]);
        // Without the veto, target tracking does scale in.
        const alone = await simulate(await tracked(surge, 50), 'test');
        expect(alone.scaling.some(event => event.action === 'scale-in')).toBe(true);
    }, 60_000);

    it('DOMAIN §5: no data point while no instance is in service (metric math divides by zero), so target tracking cannot scale up from zero', async () => {
        const text = `
queue jobs { wait: 20s }
producer p { publish: jobs  rate: 30/s }
consumer workers { poll: jobs  processing: 100ms  instances: 0..5  warm-up: 30s }
scenario test { duration: 10m }`;
        const report = await simulate(await tracked(text, 50), 'test');
        expect(report.scaling).toEqual([]);
        // The same group starting with one instance is scaled out.
        const one = await simulate(await tracked(text.replace('instances: 0..5', 'instances: 1..5'), 50), 'test');
        expect(one.scaling[0]).toMatchObject({ action: 'scale-out', from: 1 });
    }, 60_000);
});
