import { describe, expect, test } from 'vitest';
import type { SimulationReport } from '@mq-architect/engine';
import { replayOf } from '../../src/language-server/replay.js';

function report(resources: SimulationReport['resources']): SimulationReport {
    return {
        scenario: { name: 'peak', durationMs: 3000, seed: 1, arrivals: 'uniform' },
        resolution: { bucketMs: 1000, points: 3 },
        resources
    } as unknown as SimulationReport;
}

describe('replay data for the diagram', () => {
    test('keys series by diagram node id and turns per-bucket sums into per-second rates', () => {
        const replay = replayOf({
            ...report([
                { name: 'orders', kind: 'queue', metrics: {}, series: [
                    { metric: 'ApproximateNumberOfMessagesVisible', statistic: 'Maximum', unit: 'Count', values: [0, 40, 12] },
                    { metric: 'ApproximateAgeOfOldestMessage', statistic: 'Maximum', unit: 'Milliseconds', values: [0, 900, 100] }
                ] },
                { name: 'checkout', kind: 'producer', metrics: {}, series: [
                    { metric: 'MessagesSent', statistic: 'Sum', unit: 'Count', values: [10, 10, 10] }
                ] }
            ]),
            resolution: { bucketMs: 500, points: 3 }
        });
        expect(replay.scenario).toBe('peak');
        expect(replay.series).toEqual([
            { nodeId: 'queue:orders', label: 'visible', values: [0, 40, 12] },
            { nodeId: 'producer:checkout', label: 'sent/s', values: [20, 20, 20] }
        ]);
    });

    test('skips resources without a shown metric instead of failing', () => {
        const replay = replayOf(report([
            { name: 'ops@example.com', kind: 'endpoint', metrics: {}, series: [] },
            { name: 'workers', kind: 'consumer', metrics: {}, series: [
                { metric: 'InServiceInstances', statistic: 'Maximum', unit: 'Count', values: [2, 4, 4] }
            ] }
        ]));
        expect(replay.series).toEqual([{ nodeId: 'consumer:workers', label: 'instances', values: [2, 4, 4] }]);
    });
});
