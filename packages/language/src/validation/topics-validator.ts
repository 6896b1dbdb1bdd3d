import type { ValidationAcceptor } from 'langium';
import type { Subscription, Topic } from '../generated/ast.js';
import { isFirehose, isLambdaFunction, isQueue } from '../generated/ast.js';
import { isFifo, kindOf, withArticle } from './ast-queries.js';
import { report } from './report.js';

/** What SNS actually delivers to: the protocol word if written, else the kind of the declared target. */
export type DeliveryProtocol = 'sqs' | 'lambda' | 'firehose' | 'email' | 'email-json' | 'sms' | 'http' | 'https' | 'application';

export function deliveryProtocol(subscription: Subscription): DeliveryProtocol | undefined {
    switch (subscription.protocol) {
        case 'queue': case 'sqs': return 'sqs';
        case 'function': case 'lambda': return 'lambda';
        case 'firehose': return 'firehose';
        case undefined: {
            const target = subscription.target?.ref;
            if (isQueue(target)) return 'sqs';
            if (isLambdaFunction(target)) return 'lambda';
            if (isFirehose(target)) return 'firehose';
            return undefined;
        }
        default: return subscription.protocol;
    }
}

/** Protocols whose subscriptions accept RawMessageDelivery (SNS Subscribe attributes). */
const RAW_PROTOCOLS: ReadonlySet<DeliveryProtocol> = new Set(['sqs', 'http', 'https', 'firehose']);

const ENDPOINT_FORMATS: Partial<Record<DeliveryProtocol, { pattern: RegExp; expected: string }>> = {
    email: { pattern: /^[^\s@"]+@[^\s@"]+\.[^\s@".]+$/, expected: 'an email address like "ops@example.com"' },
    'email-json': { pattern: /^[^\s@"]+@[^\s@"]+\.[^\s@".]+$/, expected: 'an email address like "ops@example.com"' },
    sms: { pattern: /^\+[1-9]\d{1,14}$/, expected: 'an E.164 phone number like "+14155550100"' },
    http: { pattern: /^http:\/\/[^\s/?#]+[^\s]*$/, expected: 'a URL starting with http://' },
    https: { pattern: /^https:\/\/[^\s/?#]+[^\s]*$/, expected: 'a URL starting with https://' },
    application: { pattern: /^arn:aws[a-z-]*:sns:[a-z0-9-]+:\d{12}:endpoint\/\S+$/, expected: 'a mobile platform endpoint ARN (arn:aws:sns:REGION:ACCOUNT:endpoint/...)' }
};

const PROTOCOL_TARGET: Partial<Record<string, 'queue' | 'function' | 'firehose'>> = {
    queue: 'queue', sqs: 'queue', function: 'function', lambda: 'function', firehose: 'firehose'
};

/** MQ020–MQ022, MQ026, MQ040 (protocol vs target), MQ041, MQ044, MQ045: what a topic may deliver to, and how. */
export class TopicsValidator {
    checkSubscriptionTarget(subscription: Subscription, accept: ValidationAcceptor): void {
        const topic = subscription.$container;
        const target = subscription.target?.ref;
        const expected = subscription.protocol && PROTOCOL_TARGET[subscription.protocol];
        if (target && expected && kindOf(target) !== expected) {
            report(accept, 'MQ040',
                `'${target.name}' is ${withArticle(kindOf(target) ?? 'declaration')}; subscribe ${subscription.protocol} needs ${withArticle(expected)}`,
                { node: subscription, property: 'target' });
            return;
        }
        const protocol = deliveryProtocol(subscription);
        if (!protocol) return;
        const fifoTopic = isFifo(topic);
        if (fifoTopic && protocol !== 'sqs') {
            const what = target ? `${kindOf(target)} '${target.name}'` : `${protocol} endpoint`;
            report(accept, 'MQ026',
                `FIFO topic '${topic.name}' can deliver only to SQS queues, not to ${what} (SNS rejects ${protocol} subscriptions on FIFO topics); ` +
                `subscribe a queue and let the ${protocol === 'lambda' ? 'function' : 'endpoint'} read from it`,
                { node: subscription, property: target ? 'target' : 'endpoint' });
            return;
        }
        if (!isQueue(target)) return;
        if (fifoTopic && !isFifo(target)) {
            report(accept, 'MQ020',
                `FIFO topic '${topic.name}' subscribes standard queue '${target.name}': the subscriber loses ordering and deduplication ` +
                `(best-effort order, at-least-once delivery). AWS accepts standard queues on FIFO topics since 2023, but MQ Architect ` +
                `requires FIFO subscribers; subscribe a .fifo queue, or lower this rule with "mq.rules": { "MQ020": "warning" } ` +
                `or --rule MQ020=warning`,
                { node: subscription, property: 'target' });
        } else if (!fifoTopic && isFifo(target)) {
            report(accept, 'MQ021',
                `standard topic '${topic.name}' cannot deliver to FIFO queue '${target.name}'; SNS delivers to FIFO queues only from FIFO topics ` +
                `(use a .fifo topic, or a standard queue)`,
                { node: subscription, property: 'target' });
        }
    }

    checkSubscriptionDeadLetter(subscription: Subscription, accept: ValidationAcceptor): void {
        const deadLetter = subscription.deadLetter?.ref;
        if (!deadLetter) return;
        const topic = subscription.$container;
        if (isFifo(topic) !== isFifo(deadLetter)) {
            report(accept, 'MQ022',
                `the dead-letter queue of a ${isFifo(topic) ? 'FIFO' : 'standard'} topic's subscription must be ${isFifo(topic) ? 'a FIFO' : 'a standard'} queue; ` +
                `'${deadLetter.name}' is ${isFifo(deadLetter) ? 'FIFO' : 'standard'}`,
                { node: subscription, property: 'deadLetter' });
        }
    }

    checkEndpoint(subscription: Subscription, accept: ValidationAcceptor): void {
        const protocol = deliveryProtocol(subscription);
        const format = protocol && ENDPOINT_FORMATS[protocol];
        if (!format || subscription.endpoint === undefined) return;
        if (!format.pattern.test(subscription.endpoint)) {
            report(accept, 'MQ041',
                `"${subscription.endpoint}" is not a valid ${protocol} endpoint; expected ${format.expected}`,
                { node: subscription, property: 'endpoint' });
        }
    }

    checkRawDelivery(subscription: Subscription, accept: ValidationAcceptor): void {
        const protocol = deliveryProtocol(subscription);
        if (!subscription.raw || !protocol || RAW_PROTOCOLS.has(protocol)) return;
        report(accept, 'MQ045',
            `raw message delivery is not available for ${protocol} subscriptions; SNS supports it only for SQS, HTTP/S and Firehose`,
            { node: subscription, property: 'raw' });
    }

    checkDuplicateSubscriptions(topic: Topic, accept: ValidationAcceptor): void {
        const seen = new Map<unknown, Subscription>();
        for (const subscription of topic.subscriptions) {
            const key = subscription.target?.ref ?? (subscription.endpoint !== undefined ? `${deliveryProtocol(subscription)}:${subscription.endpoint}` : undefined);
            if (key === undefined) continue;
            if (seen.has(key)) {
                const name = subscription.target?.ref?.name ?? `${subscription.protocol} "${subscription.endpoint}"`;
                report(accept, 'MQ044',
                    `'${topic.name}' already subscribes ${name}; a second subscription delivers every message twice (remove one, or merge their filters)`,
                    { node: subscription });
            } else {
                seen.set(key, subscription);
            }
        }
    }
}
