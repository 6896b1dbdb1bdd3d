import type * as ast from '../generated/ast.js';
import {
    isConsumer, isExpectation, isFirehose, isLambdaFunction, isOutage, isProducer, isQueue, isScenarioDuration, isScenarioSeed,
    isStream, isSurge, isTopic
} from '../generated/ast.js';
import type {
    ComparisonOp, ExpectationModel, ExpectationUnit, OutageModel, ProducerModel, ResourceModel, ScenarioModel, SubscriptionModel,
    SurgeModel, TopicModel
} from '../model/architecture-model.js';
import { isEndpointOutageProtocol } from '../model/endpoint-outages.js';
import { parseQuantity } from '../model/units.js';
import type { QuantityKind } from '../model/units.js';
import type { ModelIndex } from './lower.js';
import { locationOf, propertyLocationOf, sourceTextOf } from './location.js';
import { durationOr, findProperty } from './properties.js';

const DEFAULT_DURATION_MS = 10 * 60_000;
const DEFAULT_SEED = 1;

const UNIT_OF: Readonly<Record<QuantityKind, ExpectationUnit>> = {
    duration: 'ms', size: 'bytes', rate: 'per-second', percent: 'ratio', number: 'count'
};

const isResource = (node: unknown): boolean =>
    isQueue(node) || isTopic(node) || isStream(node) || isLambdaFunction(node) || isFirehose(node) || isProducer(node) || isConsumer(node);

function lowerExpectation(node: ast.Expectation, index: ModelIndex): ExpectationModel {
    const text = sourceTextOf(node).replace(/^expect\s+/, '');
    if (node.invariant) {
        const expectation: ExpectationModel = { kind: 'invariant', invariant: node.invariant, text, location: locationOf(node) };
        const scope = index.get<ResourceModel>(node.scope?.ref, isResource);
        if (scope) expectation.scope = scope;
        return expectation;
    }
    const quantity = parseQuantity(String(node.value ?? ''));
    return {
        kind: 'metric',
        resource: index.get<ResourceModel>(node.resource?.ref, isResource),
        resourceName: node.resource?.$refText ?? '',
        metric: node.metric ?? '',
        op: (node.op ?? '<') as ComparisonOp,
        value: quantity?.value ?? 0,
        unit: UNIT_OF[quantity?.kind ?? 'number'],
        text,
        location: locationOf(node)
    };
}

function subscriptionsAt(endpoint: string, topics: readonly TopicModel[]): SubscriptionModel[] {
    return topics.flatMap(topic => topic.subscriptions)
        .filter(subscription => subscription.endpoint === endpoint && isEndpointOutageProtocol(subscription.protocol));
}

/** `topics` (already lowered) resolve endpoint outages to their subscriptions. */
export function lowerScenario(node: ast.Scenario, index: ModelIndex, topics: readonly TopicModel[] = []): ScenarioModel {
    const statements = node.statements;
    const surges: SurgeModel[] = statements.filter(isSurge).map(surge => ({
        producer: index.get<ProducerModel>(surge.producer?.ref, isProducer),
        producerName: surge.producer?.$refText ?? '',
        factor: Number((surge.factor ?? 'x1').slice(1)) || 1,
        fromMs: durationOr(surge.from, 0),
        forMs: durationOr(surge.length, 0),
        location: locationOf(surge)
    }));
    const outages: OutageModel[] = statements.filter(isOutage).map(outage => {
        const lowered: OutageModel = {
            target: index.get<OutageModel['target']>(outage.target?.ref, n => isConsumer(n) || isLambdaFunction(n) || isFirehose(n) || isProducer(n)),
            targetName: outage.endpoint ?? outage.target?.$refText ?? '',
            fromMs: durationOr(outage.from, 0),
            forMs: durationOr(outage.length, 0),
            location: locationOf(outage)
        };
        if (outage.endpoint !== undefined) lowered.subscriptions = subscriptionsAt(outage.endpoint, topics);
        return lowered;
    });
    const seed = findProperty(statements, isScenarioSeed)?.value;
    return {
        kind: 'scenario',
        name: node.name ?? '',
        location: locationOf(node),
        nameLocation: propertyLocationOf(node, 'name'),
        durationMs: durationOr(findProperty(statements, isScenarioDuration)?.value, DEFAULT_DURATION_MS),
        seed: seed === undefined || !Number.isFinite(seed) ? DEFAULT_SEED : Math.trunc(seed),
        surges,
        outages,
        expectations: statements.filter(isExpectation).map(expectation => lowerExpectation(expectation, index))
    };
}
