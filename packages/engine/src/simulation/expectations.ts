import type { ExpectationModel } from '@mq-architect/language/model';
import { findMetric, formatSize } from '@mq-architect/language/model';
import { formatMs } from '../report/format.js';
import type { ExpectationReport, ResourceReport } from '../report/report-types.js';
import { compare } from './alarm.js';
import type { DeliveryPath } from './ledger.js';

function formatValue(value: number, unit: ExpectationReport['unit']): string {
    switch (unit) {
        case 'ms': return formatMs(value);
        case 'bytes': return formatSize(Math.round(value));
        case 'ratio': return `${+(value * 100).toFixed(3)}%`;
        case 'per-second': return `${+value.toFixed(3)}/s`;
        case 'count': return String(+value.toFixed(3));
    }
}

function where(expectation: ExpectationModel): ExpectationReport['location'] {
    const { uri, range } = expectation.location;
    return { uri, line: range.start.line, character: range.start.character };
}

/**
 * Evaluates one `expect`: a metric expectation compares the statistic that metrics.ts assigns to the
 * metric (max, sum, final, p99, ...) over the whole run; an invariant counts its violations on the paths
 * through its scope (or all paths): `no-loss` counts deliveries that expired, failed or were throttled and
 * deliveries missing from the accounting; `in-order` counts FIFO order violations; `no-duplicates` counts
 * extra processings.
 */
export function evaluateExpectation(
    expectation: ExpectationModel,
    resources: ReadonlyMap<string, ResourceReport>,
    paths: readonly DeliveryPath[]
): ExpectationReport {
    if (expectation.kind === 'invariant') {
        const scope = expectation.scope?.name;
        const scoped = paths.filter(path => scope === undefined || path.resources.has(scope));
        let violations = 0;
        let detail: string;
        if (expectation.invariant === 'no-loss') {
            let missing = 0;
            for (const path of scoped) {
                const o = path.outcomes;
                violations += o.expired + o.failed + o.throttled;
                const settled = Object.values(o).reduce((sum, count) => sum + count, 0);
                missing += Math.max(0, path.deliveries - settled);
            }
            violations += missing;
            detail = violations === 0
                ? `every delivery${scope ? ` through ${scope}` : ''} was processed, dead-lettered, filtered, dropped by a transform or is still in flight`
                : `${violations} deliveries${scope ? ` through ${scope}` : ''} were lost (expired, failed after retries, throttled${missing ? ' or unaccounted' : ''})`;
        } else if (expectation.invariant === 'in-order') {
            for (const path of scoped) violations += path.orderViolations;
            detail = violations === 0
                ? 'no message was processed before an earlier message of its group'
                : `${violations} messages were processed before an earlier message of the same group`;
        } else {
            for (const path of scoped) violations += path.duplicates;
            detail = violations === 0 ? 'no message was processed twice' : `${violations} extra processings of messages already processed`;
        }
        return {
            text: expectation.text, passed: violations === 0, measured: violations, expected: 0, unit: 'count',
            statistic: 'violations', detail, location: where(expectation)
        };
    }
    const resource = resources.get(expectation.resourceName);
    const info = expectation.resource ? findMetric(expectation.resource.kind, expectation.metric) : undefined;
    const statistic = info?.statistic ?? 'max';
    const measured = resource?.metrics[expectation.metric];
    if (measured === undefined) {
        return {
            text: expectation.text, passed: false, measured: 0, expected: expectation.value, unit: expectation.unit, statistic,
            detail: resource ? `${expectation.resourceName} has no metric ${expectation.metric}` : `${expectation.resourceName} is not part of the simulation`,
            location: where(expectation)
        };
    }
    const passed = compare(measured, expectation.op, expectation.value);
    const label = statistic === 'final' ? 'at the end' : statistic === 'sum' ? 'in total' : statistic === 'max' ? 'at its peak' : `(${statistic})`;
    return {
        text: expectation.text, passed, measured, expected: expectation.value, unit: expectation.unit, statistic,
        detail: `${expectation.resourceName}.${expectation.metric} was ${formatValue(measured, expectation.unit)} ${label}; expected ${expectation.op} ${formatValue(expectation.value, expectation.unit)}`,
        location: where(expectation)
    };
}
