import type { Subscription } from '../generated/ast.js';
import { isFirehose, isLambdaFunction, isQueue } from '../generated/ast.js';
import type { FirehoseModel, FunctionModel, QueueModel, SubscriptionModel, SubscriptionProtocol, TopicModel } from '../model/architecture-model.js';
import { toJson } from './json.js';
import type { ModelIndex } from './lower.js';
import { locationOf } from './location.js';

const PROTOCOL_WORDS: Readonly<Record<string, SubscriptionProtocol>> = {
    queue: 'sqs', sqs: 'sqs', function: 'lambda', lambda: 'lambda', firehose: 'firehose',
    email: 'email', 'email-json': 'email-json', sms: 'sms', http: 'http', https: 'https', application: 'application'
};

function protocolOf(node: Subscription): SubscriptionProtocol {
    if (node.protocol) return PROTOCOL_WORDS[node.protocol] ?? 'sqs';
    const target = node.target?.ref;
    if (isLambdaFunction(target)) return 'lambda';
    if (isFirehose(target)) return 'firehose';
    return 'sqs';
}

export function lowerSubscription(node: Subscription, position: number, topic: TopicModel, index: ModelIndex): SubscriptionModel {
    const protocol = protocolOf(node);
    const ref = node.target?.ref;
    const target = index.get<QueueModel | FunctionModel | FirehoseModel>(ref, candidate =>
        (protocol === 'sqs' && isQueue(candidate)) || (protocol === 'lambda' && isLambdaFunction(candidate)) || (protocol === 'firehose' && isFirehose(candidate)));
    const subscription: SubscriptionModel = {
        id: `${topic.name}:${position}`,
        topic,
        protocol,
        endpoint: node.endpoint ?? node.target?.$refText ?? '',
        raw: node.raw,
        filterPolicyScope: node.scope === 'body' ? 'MessageBody' : 'MessageAttributes',
        location: locationOf(node)
    };
    if (target) subscription.target = target;
    if (node.policy) subscription.filterPolicy = toJson(node.policy);
    const deadLetter = index.get<QueueModel>(node.deadLetter?.ref, isQueue);
    if (deadLetter) subscription.deadLetter = deadLetter;
    return subscription;
}
