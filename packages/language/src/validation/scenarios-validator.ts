import type { ValidationAcceptor } from 'langium';
import type { Expectation, Outage, Surge } from '../generated/ast.js';
import { isScenarioDuration } from '../generated/ast.js';
import type { ExpectationUnit } from '../model/architecture-model.js';
import type { MetricInfo } from '../model/metrics.js';
import { findMetric, METRICS } from '../model/metrics.js';
import type { QuantityKind } from '../model/units.js';
import { parseQuantity } from '../model/units.js';

const UNIT_KINDS: Readonly<Record<ExpectationUnit, { kinds: readonly QuantityKind[]; description: string; example: string }>> = {
    count: { kinds: ['number'], description: 'a count', example: 'a number like 0 or 1000' },
    ms: { kinds: ['duration'], description: 'a duration', example: 'a duration like 5m or 500ms' },
    bytes: { kinds: ['size'], description: 'a size', example: 'a size like 5MiB' },
    'per-second': { kinds: ['rate', 'number'], description: 'a rate', example: 'a rate like 50/s' },
    ratio: { kinds: ['percent'], description: 'a percentage', example: 'a percentage like 1%' }
};
import { durationLiteral, durationOf, kindOf } from './ast-queries.js';
import { closest } from './did-you-mean.js';
import { report } from './report.js';
import type { WorkspaceFacts } from './workspace-facts.js';

/** MQ080 (unknown resources are linking errors, reported by the document validator under the same code). */
export class ScenariosValidator {
    constructor(protected readonly facts: WorkspaceFacts) {}

    /** `outage "https://…"` must name the address of an http/https/email/email-json/sms/application subscription. */
    checkOutageEndpoint(outage: Outage, accept: ValidationAcceptor): void {
        const endpoint = outage.endpoint;
        if (endpoint === undefined) return;
        const byEndpoint = this.facts.index.subscriptionsByEndpoint;
        if (byEndpoint.get(endpoint).length > 0) return;
        const suggestion = closest(endpoint, byEndpoint.keys().filter(candidate => candidate !== endpoint));
        report(accept, 'MQ080',
            `no topic subscribes the endpoint "${endpoint}"` + (suggestion ? ` (did you mean "${suggestion}"?)` : '') +
            `; a quoted outage target must be the address of an http, https, email, email-json, sms or application subscription ` +
            `(write a consumer, function, firehose or producer by its name, without quotes)`,
            // The quick fix replaces the whole string token, so its text is the JSON string (MQ strings are JSON strings).
            { node: outage, property: 'endpoint', ...(suggestion ? { data: { suggestion: JSON.stringify(suggestion) } } : {}) });
    }

    checkMetric(expectation: Expectation, accept: ValidationAcceptor): void {
        const resource = expectation.resource?.ref;
        const kind = kindOf(resource);
        if (!resource || !expectation.metric || !kind || kind === 'scenario') return;
        const metric = findMetric(kind, expectation.metric);
        if (metric) {
            this.checkUnit(expectation, metric, accept);
            return;
        }
        report(accept, 'MQ080',
            `'${expectation.metric}' is not a ${kind} metric; ${kind} '${resource.name}' has ${METRICS[kind].map(m => m.name).join(', ')}`,
            { node: expectation, property: 'metric' });
    }

    /** `expect q.age-of-oldest < 5MiB` compares a duration with a size: the value must be in the metric's unit. */
    protected checkUnit(expectation: Expectation, metric: MetricInfo, accept: ValidationAcceptor): void {
        if (expectation.value === undefined) return;
        const written = typeof expectation.value === 'number' ? { kind: 'number' as const } : parseQuantity(expectation.value);
        const accepted = UNIT_KINDS[metric.unit];
        if (!written || accepted.kinds.includes(written.kind)) return;
        report(accept, 'MQ080',
            `'${metric.name}' is ${accepted.description}; compare it with ${accepted.example}, not ${String(expectation.value)}`,
            { node: expectation, property: 'value' });
    }

    checkWindow(statement: Surge | Outage, accept: ValidationAcceptor): void {
        const durationStatement = statement.$container.statements.find(isScenarioDuration);
        const duration = durationOf(durationStatement?.value);
        const from = durationOf(statement.from);
        const length = durationOf(statement.length);
        if (duration === undefined || from === undefined || length === undefined || from + length <= duration) return;
        const startsAfter = from >= duration;
        report(accept, 'MQ080',
            `${statement.key} window ${durationLiteral(from)}..${durationLiteral(from + length)} ${startsAfter ? 'starts' : 'ends'} after the ` +
            `scenario's duration ${durationLiteral(duration)}; windows must lie within 0s..${durationLiteral(duration)}`,
            { node: statement, property: startsAfter ? 'from' : 'length' });
    }
}
