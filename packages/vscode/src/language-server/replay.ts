/**
 * What the preview needs to replay a run on the diagram: one time series per node (queue depth, publish or
 * processing rate, instances), keyed by the diagram's node ids (`<kind>:<name>`). Pure, so it is unit-tested.
 */
import type { SimulationReport } from '@mq-architect/engine';
import type { ReplayData, ReplaySeries } from '../protocol/webview.js';

/** Per resource kind, the metrics worth showing on the diagram, in order of preference. */
const SHOWN: Record<string, Array<{ metric: string; label: string; rate: boolean }>> = {
    queue: [{ metric: 'ApproximateNumberOfMessagesVisible', label: 'visible', rate: false }],
    topic: [{ metric: 'NumberOfMessagesPublished', label: 'published/s', rate: true }],
    stream: [{ metric: 'IncomingRecords', label: 'records/s', rate: true }],
    firehose: [{ metric: 'IncomingRecords', label: 'records/s', rate: true }],
    function: [{ metric: 'Invocations', label: 'invocations/s', rate: true }],
    producer: [{ metric: 'MessagesSent', label: 'sent/s', rate: true }],
    consumer: [
        { metric: 'MessagesProcessed', label: 'processed/s', rate: true },
        { metric: 'InServiceInstances', label: 'instances', rate: false }
    ]
};

export function replayOf(report: SimulationReport): ReplayData {
    const { bucketMs, points } = report.resolution;
    const series: ReplaySeries[] = [];
    for (const resource of report.resources) {
        for (const shown of SHOWN[resource.kind] ?? []) {
            const source = resource.series.find((candidate) => candidate.metric === shown.metric);
            if (!source) continue;
            const perSecond = shown.rate && bucketMs > 0 ? 1000 / bucketMs : 1;
            series.push({
                nodeId: `${resource.kind}:${resource.name}`,
                label: shown.label,
                values: source.values.map((value) => Math.round(value * perSecond * 10) / 10)
            });
        }
    }
    return { scenario: report.scenario.name, bucketMs, points, series };
}
