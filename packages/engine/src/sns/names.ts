import { arn, type CloudContext } from '../core/context.js';
import { snsInvalidParameter } from './errors.js';
import type { SnsProtocol } from './types.js';

const TOPIC_NAME = /^[A-Za-z0-9_-]{1,256}$/;

/** [API-SNS] CreateTopic: 1-256 of `[A-Za-z0-9_-]`, FIFO names end in `.fifo` (counted in the 256). */
export function validateTopicName(name: unknown, fifo: boolean): string {
    if (typeof name !== 'string' || name.length === 0) {
        throw snsInvalidParameter('Topic Name');
    }
    const isFifoName = name.endsWith('.fifo');
    if (fifo !== isFifoName) {
        throw snsInvalidParameter('Fifo Topic names must end with .fifo and Standard Topic cannot end with .fifo');
    }
    const stem = isFifoName ? name.slice(0, -5) : name;
    if (name.length > 256 || !TOPIC_NAME.test(stem)) {
        throw snsInvalidParameter('Topic Name');
    }
    return name;
}

export function topicArnFor(ctx: CloudContext, name: string): string {
    return arn(ctx, 'sns', name);
}

/** The resource name at the end of an ARN (`...:name`, or `.../name` for Firehose delivery streams). */
export function arnResourceName(resourceArn: string): string {
    const afterColon = resourceArn.slice(resourceArn.lastIndexOf(':') + 1);
    return afterColon.slice(afterColon.lastIndexOf('/') + 1);
}

export function arnAccount(resourceArn: string): string | undefined {
    return resourceArn.split(':')[4];
}

const ENDPOINT_RULES: Record<SnsProtocol, { test: (endpoint: string) => boolean; expects: string }> = {
    sqs: { test: e => /^arn:aws[a-z-]*:sqs:[^:]+:[^:]+:.+$/.test(e), expects: 'an SQS queue ARN' },
    lambda: { test: e => /^arn:aws[a-z-]*:lambda:[^:]+:[^:]+:function:.+$/.test(e), expects: 'a Lambda function ARN' },
    firehose: { test: e => /^arn:aws[a-z-]*:firehose:[^:]+:[^:]+:deliverystream\/.+$/.test(e), expects: 'a Firehose delivery stream ARN' },
    application: { test: e => /^arn:aws[a-z-]*:sns:[^:]+:[^:]+:endpoint\/.+$/.test(e), expects: 'a platform application endpoint ARN' },
    http: { test: e => /^http:\/\/[^\s]+$/i.test(e), expects: 'an http:// URL' },
    https: { test: e => /^https:\/\/[^\s]+$/i.test(e), expects: 'an https:// URL' },
    email: { test: e => /^[^@\s]+@[^@\s]+$/.test(e), expects: 'an email address' },
    'email-json': { test: e => /^[^@\s]+@[^@\s]+$/.test(e), expects: 'an email address' },
    sms: { test: e => /^\+?[0-9][0-9 ()-]{3,19}$/.test(e), expects: 'a phone number' }
};

export function validateEndpoint(protocol: SnsProtocol, endpoint: unknown): string {
    const rule = ENDPOINT_RULES[protocol];
    if (typeof endpoint !== 'string' || !rule.test(endpoint)) {
        throw snsInvalidParameter(`${protocol === 'sms' ? 'Invalid SMS endpoint' : 'Endpoint'} Reason: expected ${rule.expects} for protocol ${protocol}, got ${JSON.stringify(endpoint)}`);
    }
    return endpoint;
}
