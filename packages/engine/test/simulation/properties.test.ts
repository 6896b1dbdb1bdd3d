import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OUTCOMES } from '../../src/report/report-types.js';
import type { SimulationReport } from '../../src/report/report-types.js';
import { model, resource } from './helpers.js';
import { simulate } from '../../src/simulation/simulate.js';

interface Shape {
    fifo: boolean;
    viaTopic: boolean;
    filtered: boolean;
    dlqAfter: number | undefined;
    visibilityS: number;
    retentionS: number;
    failurePct: number;
    processingMs: [number, number];
    instances: number;
    batch: number;
    waitS: number;
    ratePerS: number;
    durationS: number;
    groups: number;
    dedupKeys: number | undefined;
    heartbeatS: number | undefined;
    /** The consumer group crashes for a window (batches in hand abandoned, long polls withdrawn). */
    outage: { fromS: number; forS: number } | undefined;
    /** The group scales between `instances` and `instances + 3` on its backlog. */
    scaling: boolean;
    seed: number;
}

const shapes: fc.Arbitrary<Shape> = fc.record({
    fifo: fc.boolean(),
    viaTopic: fc.boolean(),
    filtered: fc.boolean(),
    dlqAfter: fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }),
    visibilityS: fc.integer({ min: 1, max: 20 }),
    retentionS: fc.constantFrom(60, 90, 345_600),
    failurePct: fc.constantFrom(0, 5, 30, 60),
    processingMs: fc.tuple(fc.integer({ min: 1, max: 400 }), fc.integer({ min: 0, max: 1500 })).map(([a, b]) => [a, a + b] as [number, number]),
    instances: fc.integer({ min: 1, max: 3 }),
    batch: fc.integer({ min: 1, max: 10 }),
    waitS: fc.constantFrom(0, 5, 20),
    ratePerS: fc.integer({ min: 1, max: 15 }),
    durationS: fc.integer({ min: 20, max: 240 }),
    groups: fc.integer({ min: 1, max: 4 }),
    dedupKeys: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
    heartbeatS: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
    outage: fc.option(fc.record({ fromS: fc.integer({ min: 0, max: 90 }), forS: fc.integer({ min: 1, max: 60 }) }), { nil: undefined }),
    scaling: fc.boolean(),
    seed: fc.integer({ min: 0, max: 1_000_000 })
});

/** An MQ workspace for a shape: producer → [topic →] queue (+ filtered queue) → consumer, optional DLQ. */
function render(shape: Shape): string {
    const suffix = shape.fifo ? '.fifo' : '';
    const queue = `work${suffix}`;
    const dlq = `work-dlq${suffix}`;
    const lines: string[] = [];
    lines.push(`queue ${queue} { visibility: ${shape.visibilityS}s  retention: ${shape.retentionS}s  wait: ${shape.waitS}s${shape.dlqAfter ? `  dead-letter: ${dlq} after ${shape.dlqAfter} receives` : ''} }`);
    if (shape.dlqAfter) lines.push(`queue ${dlq} { retention: 14d }`);
    const filtered = shape.viaTopic && shape.filtered && !shape.fifo;
    if (filtered) lines.push('queue big-ones { wait: 20s }', 'consumer big-readers { poll: big-ones  processing: 1ms  batch: 10 }');
    let target = queue;
    if (shape.viaTopic) {
        target = `events${suffix}`;
        lines.push(`topic ${target} {${shape.fifo ? '  deduplication: content' : ''}\n  subscribe ${queue}${filtered ? '\n  subscribe big-ones filter attributes { "n": [{"numeric": [">", 50]}] }' : ''}\n}`);
    }
    const keys = shape.dedupKeys !== undefined ? Array.from({ length: shape.dedupKeys }, (_, i) => `"k${i}"`).join(', ') : undefined;
    const groups = Array.from({ length: shape.groups }, (_, i) => `"g${i}"`).join(', ');
    const fifoLines = shape.fifo ? `  group: g\n  dedup-id: key\n` : '';
    lines.push(`producer p { publish: ${target}  rate: ${shape.ratePerS}/s\n${fifoLines}  message: { "id": uuid(), "g": one-of(${groups}), "n": uniform(1, 100), "key": ${keys && shape.fifo ? `one-of(${keys})` : 'uuid()'} }\n  attributes: [n] }`);
    const [min, max] = shape.processingMs;
    const instances = shape.scaling
        ? `${shape.instances}..${shape.instances + 3}  scale-out: when visible > 3 for 1m add 2  scale-in: when visible < 1 for 1m remove 1`
        : `${shape.instances}`;
    lines.push(`consumer c { poll: ${queue}  batch: ${shape.batch}  processing: ${min}ms..${max}ms  failure: ${shape.failurePct}%  instances: ${instances}${shape.heartbeatS ? `  heartbeat: ${shape.heartbeatS}s` : ''} }`);
    const outage = shape.outage && shape.outage.fromS + shape.outage.forS <= shape.durationS ? `  outage c from ${shape.outage.fromS}s for ${shape.outage.forS}s` : '';
    lines.push(`scenario test { duration: ${shape.durationS}s  seed: ${shape.seed}${outage}  expect no-loss  expect in-order  expect no-duplicates }`);
    return lines.join('\n');
}

function checkAccounting(report: SimulationReport): void {
    const a = report.accounting;
    expect(a.balanced).toBe(true);
    let deliveries = 0;
    for (const path of a.paths) {
        const sum = OUTCOMES.reduce((total, outcome) => total + path.outcomes[outcome], 0);
        expect(sum, path.path).toBe(path.deliveries);
        deliveries += path.deliveries;
    }
    expect(deliveries).toBe(a.deliveries);
    // Every produced message enters each path from its producer once.
    const perPath = new Set(a.paths.map(path => path.deliveries));
    expect([...perPath]).toEqual([a.messagesProduced]);
    // What the consumer processed is what the accounting calls processed, plus duplicates.
    const consumer = resource(report, 'c').metrics;
    const toConsumer = a.paths.filter(path => path.path.endsWith('→ c'));
    const processed = toConsumer.reduce((total, path) => total + path.outcomes.processed + path.duplicates, 0);
    expect(consumer['processed']).toBe(processed);
}

describe('properties on random small architectures (fast-check)', () => {
    it('accounting adds up for every delivery, with outages and autoscaling too; FIFO paths keep group order and deliver no duplicate within the dedup interval; runs are byte-identical', async () => {
        await fc.assert(fc.asyncProperty(shapes, async shape => {
            const text = render(shape);
            const architecture = await model(text);
            const report = await simulate(architecture, 'test', { traceSample: 3 });
            checkAccounting(report);
            if (shape.fifo) {
                expect(report.accounting.orderViolations).toBe(0);
                const queue = resource(report, 'work.fifo').metrics;
                if (shape.dedupKeys !== undefined && !shape.viaTopic) {
                    // Within one 5-minute interval each deduplication id enters the queue at most once.
                    expect(queue['sent']).toBeLessThanOrEqual(shape.dedupKeys);
                }
                // A crash abandons processed but undeleted messages, which are processed again: a duplicate by design.
                const worstBatchMs = shape.batch * shape.processingMs[1];
                if (worstBatchMs < shape.visibilityS * 1000 && shape.outage === undefined) expect(report.accounting.duplicates).toBe(0);
            }
            const again = await simulate(await model(text), 'test', { traceSample: 3 });
            expect(JSON.stringify(again)).toBe(JSON.stringify(report));
        }), { numRuns: 25, seed: 20261125, endOnFailure: true });
    }, 300_000);

    it('a different seed gives a different run', async () => {
        const text = render({
            fifo: false, viaTopic: true, filtered: true, dlqAfter: 2, visibilityS: 5, retentionS: 345_600, failurePct: 30,
            processingMs: [10, 300], instances: 2, batch: 5, waitS: 20, ratePerS: 10, durationS: 60, groups: 2, dedupKeys: undefined,
            heartbeatS: undefined, outage: undefined, scaling: false, seed: 1
        });
        const one = await simulate(await model(text), 'test');
        const two = await simulate(await model(text), 'test', { seed: 2 });
        expect(JSON.stringify(one)).not.toBe(JSON.stringify(two));
        expect(two.scenario.seed).toBe(2);
    });
});
