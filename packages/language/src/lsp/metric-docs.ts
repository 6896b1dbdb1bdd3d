import type { MetricInfo } from '../model/metrics.js';
import { findMetric, METRICS } from '../model/metrics.js';
import type { ResourceKind } from '../model/architecture-model.js';

/** Metrics a scaling rule may watch: the queue's (SQS consumers) or the stream's iterator age (Kinesis consumers). */
export const SCALING_METRICS: ReadonlyArray<{ kind: ResourceKind; name: string }> = [
    { kind: 'queue', name: 'visible' }, { kind: 'queue', name: 'in-flight' }, { kind: 'queue', name: 'delayed' },
    { kind: 'queue', name: 'age-of-oldest' }, { kind: 'stream', name: 'iterator-age' }
];

const RESOURCE_KINDS: Readonly<Record<string, ResourceKind>> = {
    Queue: 'queue', Topic: 'topic', Stream: 'stream', LambdaFunction: 'function', Firehose: 'firehose', Producer: 'producer', Consumer: 'consumer'
};

export function resourceKindOfType(type: string): ResourceKind | undefined {
    return RESOURCE_KINDS[type];
}

export function metricsOf(kind: ResourceKind): readonly MetricInfo[] {
    return METRICS[kind];
}

export function scalingMetric(name: string): MetricInfo | undefined {
    const entry = SCALING_METRICS.find(candidate => candidate.name === name);
    return entry ? findMetric(entry.kind, entry.name) : undefined;
}

/** Markdown for hover and completion documentation. */
export function renderMetric(kind: ResourceKind, metric: MetricInfo): string {
    return [
        `**${metric.name}** (${kind} metric) — ${metric.description}`,
        '',
        `- Statistic over the run: \`${metric.statistic}\``,
        `- Unit: \`${metric.unit}\``,
        `- CloudWatch: \`${metric.cloudWatch}\``
    ].join('\n');
}
