/**
 * The result of one scenario run: `simulate(model, scenario)` returns it, `mq simulate --json` writes it,
 * the HTML report and the VS Code panel render it. Documented in docs/report-schema.md; the JSON Schema is
 * report-schema.json next to this file. Everything in it is a pure function of (model, scenario, seed,
 * options): it holds no wall-clock time, so the JSON text is byte-identical across runs.
 */
export const REPORT_SCHEMA_VERSION = 1;

export type ReportResourceKind = 'queue' | 'topic' | 'stream' | 'function' | 'firehose' | 'producer' | 'consumer' | 'endpoint';

/** How one delivery (see Accounting) ended. */
export type Outcome =
    | 'processed'
    | 'dead-lettered'
    | 'filtered-out'
    | 'expired'
    | 'in-flight-at-end'
    | 'dropped'
    | 'throttled'
    | 'deduplicated'
    | 'failed';

export const OUTCOMES: readonly Outcome[] = [
    'processed', 'dead-lettered', 'filtered-out', 'expired', 'in-flight-at-end', 'dropped', 'throttled', 'deduplicated', 'failed'
];

export type OutcomeCounts = Record<Outcome, number>;

export interface SeriesReport {
    /** CloudWatch metric name (or a report series such as `InServiceInstances`). */
    metric: string;
    /** Sum per bucket for counters, Maximum of the samples for gauges. */
    statistic: 'Sum' | 'Maximum';
    unit: 'Count' | 'Milliseconds' | 'Bytes';
    /** One value per bucket; bucket i covers [i·bucketMs, (i+1)·bucketMs). */
    values: number[];
}

export interface ResourceReport {
    name: string;
    kind: ReportResourceKind;
    /** Totals and peaks over the run, keyed by the MQ metric names of metrics.ts (`sent`, `visible`, ...). */
    metrics: Record<string, number>;
    series: SeriesReport[];
}

export interface LatencyReport {
    /** The delivery path, e.g. `checkout → purchases → shipping → shippers`. */
    path: string;
    producer: string;
    /** The resource that finished the delivery (consumer, function, firehose, endpoint). */
    to: string;
    count: number;
    meanMs: number;
    p50Ms: number;
    p90Ms: number;
    p99Ms: number;
    maxMs: number;
    /** Geometric bins for a latency chart: edgesMs has counts.length + 1 entries. */
    distribution: { edgesMs: number[]; counts: number[] };
}

export interface PathAccounting {
    path: string;
    producer: string;
    /** Deliveries that entered this path (a message published to a topic enters one path per subscription). */
    deliveries: number;
    outcomes: OutcomeCounts;
    /** Extra successful processings of a delivery already processed (at-least-once redelivery). */
    duplicates: number;
    /** Deliveries processed before an earlier delivery of the same message group on this FIFO path. */
    orderViolations: number;
    /** True when the outcomes add up to `deliveries`. */
    balanced: boolean;
}

export interface AccountingReport {
    /** Human-readable definition of the unit, repeated in every report for readers of the JSON. */
    unit: string;
    messagesProduced: number;
    deliveries: number;
    outcomes: OutcomeCounts;
    duplicates: number;
    orderViolations: number;
    balanced: boolean;
    paths: PathAccounting[];
}

export interface ExpectationReport {
    /** As written: `shipping.age-of-oldest < 5m`, `no-loss`. */
    text: string;
    passed: boolean;
    /** The measured value in the canonical unit (ms, bytes, count, fraction, per second); invariants: the violation count. */
    measured: number;
    /** The threshold in the canonical unit (invariants: 0). */
    expected: number;
    unit: 'count' | 'ms' | 'bytes' | 'ratio' | 'per-second';
    /** Which statistic was compared (`max`, `sum`, `final`, `p99`, `p50`, `mean`, `violations`). */
    statistic: string;
    /** One sentence explaining the verdict. */
    detail: string;
    location: { uri: string; line: number; character: number };
}

export interface TraceStep {
    atMs: number;
    /** Where it happened (a resource name). */
    at: string;
    /** What happened and why, e.g. `moved to orders-dlq.fifo on receive 6 (maxReceiveCount 5)`. */
    event: string;
}

export interface MessageTrace {
    /** Producer-assigned id: `<producer>#<n>` (n counts from 1). */
    id: string;
    producer: string;
    producedAtMs: number;
    body: string;
    steps: TraceStep[];
}

export interface ScalingEventReport {
    atMs: number;
    consumer: string;
    /** `scale-out` / `scale-in`. */
    action: string;
    from: number;
    to: number;
    reason: string;
}

export interface SimulationReport {
    schemaVersion: typeof REPORT_SCHEMA_VERSION;
    scenario: {
        name: string;
        durationMs: number;
        seed: number;
        arrivals: 'uniform' | 'poisson';
    };
    /** Time series resolution: bucket width in ms and number of points. */
    resolution: { bucketMs: number; points: number };
    passed: boolean;
    resources: ResourceReport[];
    latency: LatencyReport[];
    accounting: AccountingReport;
    expectations: ExpectationReport[];
    scaling: ScalingEventReport[];
    traces: MessageTrace[];
    /** Modelling notes for this run (e.g. a resource the engine could not build and why). */
    notes: string[];
}

export function emptyOutcomes(): OutcomeCounts {
    return {
        'processed': 0, 'dead-lettered': 0, 'filtered-out': 0, 'expired': 0, 'in-flight-at-end': 0,
        'dropped': 0, 'throttled': 0, 'deduplicated': 0, 'failed': 0
    };
}
