import { snsInvalidParameter } from './errors.js';
import { parseHttpDeliveryPolicy, parseHttpThrottle } from './retry-policy.js';
import { FIFO_ONLY_TOPIC_ATTRIBUTES, type Topic } from './topic.js';

/** GetTopicAttributes: AWS's computed attributes, then the ones set on the topic. */
export function topicAttributes(topic: Topic, accountId: string): Record<string, string> {
    let confirmed = 0;
    let pending = 0;
    for (const subscription of topic.subscriptions.values()) {
        if (subscription.confirmed) confirmed++; else pending++;
    }
    const attributes: Record<string, string> = {
        TopicArn: topic.arn,
        Owner: accountId,
        DisplayName: '',
        SubscriptionsConfirmed: String(confirmed),
        SubscriptionsPending: String(pending),
        SubscriptionsDeleted: String(topic.deletedSubscriptions),
        Policy: JSON.stringify({ Version: '2008-10-17', Id: '__default_policy_ID', Statement: [] }),
        EffectiveDeliveryPolicy: JSON.stringify({
            http: {
                defaultHealthyRetryPolicy: { minDelayTarget: 20, maxDelayTarget: 20, numRetries: 3, numMaxDelayRetries: 0, numNoDelayRetries: 0, numMinDelayRetries: 0, backoffFunction: 'linear' },
                disableSubscriptionOverrides: false
            }
        })
    };
    if (topic.fifo) {
        attributes['FifoTopic'] = 'true';
        attributes['ContentBasedDeduplication'] = String(topic.contentBasedDeduplication);
    }
    for (const [key, value] of topic.attributes) attributes[key] = value;
    return attributes;
}

/** Checks and applies one topic attribute (CreateTopic.Attributes, SetTopicAttributes). */
export function applyTopicAttribute(topic: Topic, name: string, value: string): void {
    if (FIFO_ONLY_TOPIC_ATTRIBUTES.has(name) && !topic.fifo) {
        throw snsInvalidParameter(`Attributes Reason: ${name} can only be set on FIFO topics`);
    }
    switch (name) {
        case 'ContentBasedDeduplication':
            if (!/^(true|false)$/i.test(value)) throw snsInvalidParameter('Attributes Reason: ContentBasedDeduplication must be true or false');
            topic.contentBasedDeduplication = value.toLowerCase() === 'true';
            break;
        case 'FifoThroughputScope':
            if (value !== 'Topic' && value !== 'MessageGroup') {
                throw snsInvalidParameter('Attributes Reason: FifoThroughputScope must be Topic or MessageGroup');
            }
            topic.throughputScope = value;
            break;
        case 'SignatureVersion':
            if (value !== '1' && value !== '2') throw snsInvalidParameter('Attributes Reason: SignatureVersion must be 1 or 2');
            break;
        case 'DeliveryPolicy':
            topic.httpRetryPolicy = value === '' ? undefined : parseHttpDeliveryPolicy(value);
            topic.httpMaxReceivesPerSecond = value === '' ? undefined : parseHttpThrottle(value);
            break;
    }
    topic.attributes.set(name, value);

}
