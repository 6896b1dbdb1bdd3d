import type { ValidationAcceptor } from 'langium';
import type { Expectation, Outage, Surge } from '../generated/ast.js';
import { isScenarioDuration } from '../generated/ast.js';
import { findMetric, METRICS } from '../model/metrics.js';
import { durationLiteral, durationOf, kindOf } from './ast-queries.js';
import { report } from './report.js';

/** MQ080 (unknown resources are linking errors, reported by the document validator under the same code). */
export class ScenariosValidator {
    checkMetric(expectation: Expectation, accept: ValidationAcceptor): void {
        const resource = expectation.resource?.ref;
        const kind = kindOf(resource);
        if (!resource || !expectation.metric || !kind || kind === 'scenario') return;
        if (findMetric(kind, expectation.metric)) return;
        report(accept, 'MQ080',
            `'${expectation.metric}' is not a ${kind} metric; ${kind} '${resource.name}' has ${METRICS[kind].map(m => m.name).join(', ')}`,
            { node: expectation, property: 'metric' });
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
