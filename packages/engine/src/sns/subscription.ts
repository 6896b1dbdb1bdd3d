import { compileFilterPolicy, validateFilterPolicy, type CompiledFilterPolicy } from '@mq-architect/language/filter-policy';
import { attributeString } from './attributes.js';
import { RAW_DELIVERY_PROTOCOLS } from './constants.js';
import { snsInvalidParameter } from './errors.js';
import { defaultRetryPolicy, parseHttpDeliveryPolicy, parseHttpThrottle, type RetryPolicy } from './retry-policy.js';
import { RateWindow } from './rate-window.js';
import type { SnsProtocol } from './types.js';

export type FilterScope = 'MessageAttributes' | 'MessageBody';

/** Counters per subscription; the names of the CloudWatch metrics they stand for are in `SnsCounters`. */
export interface SubscriptionCounters {
    delivered: number;
    filteredOut: number;
    failed: number;
    failedAttempts: number;
    redrivenToDlq: number;
    failedToRedriveToDlq: number;
}

export function emptySubscriptionCounters(): SubscriptionCounters {
    return { delivered: 0, filteredOut: 0, failed: 0, failedAttempts: 0, redrivenToDlq: 0, failedToRedriveToDlq: 0 };
}

export interface Subscription {
    readonly arn: string;
    readonly topicArn: string;
    readonly protocol: SnsProtocol;
    readonly endpoint: string;
    readonly owner: string;
    confirmed: boolean;
    deleted: boolean;
    token?: string;
    tokenExpiresAt?: number;
    /** Attribute strings as GetSubscriptionAttributes shows them. */
    readonly attributes: Map<string, string>;
    filter?: CompiledFilterPolicy;
    filterScope: FilterScope;
    raw: boolean;
    dlqArn?: string;
    retryPolicy: RetryPolicy;
    /** HTTP/S throttlePolicy.maxReceivesPerSecond of the subscription's own DeliveryPolicy. */
    maxReceivesPerSecond?: number;
    readonly receiveWindow: RateWindow;
    readonly counters: SubscriptionCounters;
}

export const SUBSCRIPTION_ATTRIBUTES = new Set([
    'DeliveryPolicy', 'FilterPolicy', 'FilterPolicyScope', 'RawMessageDelivery', 'RedrivePolicy', 'SubscriptionRoleArn', 'ReplayPolicy'
]);

function parseFilterScope(value: string): FilterScope {
    if (value !== 'MessageAttributes' && value !== 'MessageBody') {
        throw snsInvalidParameter(`FilterPolicyScope: Invalid value [${value}]. Please use either MessageBody or MessageAttributes`);
    }
    return value;
}

/** Subscribe reports policy errors under "Attributes Reason:", SetSubscriptionAttributes without it ([LS-V] snapshots). */
export type AttributeAction = 'Subscribe' | 'SetSubscriptionAttributes';

function checkFilterPolicy(policy: string, scope: FilterScope, action: AttributeAction): void {
    const issues = validateFilterPolicy(policy, scope);
    if (issues.length === 0) {
        return;
    }
    const message = issues[0]!.message;
    if (message.startsWith('Filter policy scope MessageAttributes')) {
        throw snsInvalidParameter(message);
    }
    throw snsInvalidParameter(`${action === 'Subscribe' ? 'Attributes Reason: ' : ''}FilterPolicy: ${message}`);
}

function parseRedrivePolicy(text: string): string {
    let parsed: unknown;
    try {
        parsed = JSON.parse(text);
    } catch {
        throw snsInvalidParameter('RedrivePolicy: Invalid RedrivePolicy JSON');
    }
    const target = (parsed as { deadLetterTargetArn?: unknown } | null)?.deadLetterTargetArn;
    if (typeof target !== 'string' || !/^arn:aws[a-z-]*:sqs:[^:]+:[^:]+:.+$/.test(target)) {
        throw snsInvalidParameter('RedrivePolicy: deadLetterTargetArn is invalid');
    }
    return target;
}

/**
 * Checks and applies subscription attributes (Subscribe.Attributes and SetSubscriptionAttributes). All values are
 * validated before any is applied, so a rejected request leaves the subscription unchanged.
 */
export function applySubscriptionAttributes(
    subscription: Subscription,
    input: Record<string, string | number | boolean | object | undefined>,
    fifoTopic: boolean,
    action: AttributeAction = 'Subscribe'
): void {
    const values = new Map<string, string>();
    for (const [name, raw] of Object.entries(input)) {
        if (!SUBSCRIPTION_ATTRIBUTES.has(name)) {
            throw snsInvalidParameter('AttributeName');
        }
        values.set(name, attributeString(raw) ?? '');
    }
    const scope = values.has('FilterPolicyScope') ? parseFilterScope(values.get('FilterPolicyScope')!) : subscription.filterScope;
    const policyText = values.has('FilterPolicy') ? values.get('FilterPolicy')! : subscription.attributes.get('FilterPolicy');
    if (policyText !== undefined && policyText !== '') {
        checkFilterPolicy(policyText, scope, action);
    }
    const rawText = values.get('RawMessageDelivery');
    if (rawText !== undefined) {
        if (rawText.toLowerCase() !== 'true' && rawText.toLowerCase() !== 'false') {
            throw snsInvalidParameter('Attributes Reason: RawMessageDelivery: Invalid value [' + rawText + ']. Must be true or false.');
        }
        if (rawText.toLowerCase() === 'true' && !RAW_DELIVERY_PROTOCOLS.has(subscription.protocol)) {
            throw snsInvalidParameter(`Attributes Reason: Delivery protocol [${subscription.protocol}] does not support raw message delivery.`);
        }
    }
    const dlqText = values.get('RedrivePolicy');
    const dlqArn = dlqText ? parseRedrivePolicy(dlqText) : undefined;
    if (dlqArn && fifoTopic && !dlqArn.endsWith('.fifo')) {
        throw snsInvalidParameter('RedrivePolicy: must use a FIFO queue as the dead-letter queue of a subscription to a FIFO topic');
    }
    const deliveryText = values.get('DeliveryPolicy');
    let retryPolicy: RetryPolicy | undefined;
    let maxReceivesPerSecond: number | undefined;
    if (deliveryText) {
        if (subscription.protocol !== 'http' && subscription.protocol !== 'https') {
            throw snsInvalidParameter(`DeliveryPolicy: only HTTP/S subscriptions have a customizable delivery policy (protocol ${subscription.protocol})`);
        }
        retryPolicy = parseHttpDeliveryPolicy(deliveryText);
        maxReceivesPerSecond = parseHttpThrottle(deliveryText);
    }
    if (values.get('ReplayPolicy') && !fifoTopic) {
        throw snsInvalidParameter('ReplayPolicy: message replay is available only for subscriptions to FIFO topics');
    }

    for (const [name, value] of values) {
        if (value === '' && name !== 'RawMessageDelivery') {
            subscription.attributes.delete(name);
        } else {
            subscription.attributes.set(name, value);
        }
    }
    subscription.filterScope = scope;
    if (values.has('FilterPolicyScope')) {
        subscription.attributes.set('FilterPolicyScope', scope);
    }
    const policy = subscription.attributes.get('FilterPolicy');
    subscription.filter = policy ? compileFilterPolicy(policy, scope) : undefined;
    if (rawText !== undefined) {
        subscription.raw = rawText.toLowerCase() === 'true';
        subscription.attributes.set('RawMessageDelivery', String(subscription.raw));
    }
    if (values.has('RedrivePolicy')) {
        subscription.dlqArn = dlqArn;
    }
    if (values.has('DeliveryPolicy')) {
        subscription.retryPolicy = retryPolicy ?? defaultRetryPolicy(subscription.protocol);
        subscription.maxReceivesPerSecond = maxReceivesPerSecond;
    }
}

/** GetSubscriptionAttributes: FilterPolicyScope shows only once a FilterPolicy is set ([LS-V] test_set_subscription_filter_policy_scope). */
export function subscriptionAttributes(subscription: Subscription): Record<string, string> {
    const out: Record<string, string> = {
        ConfirmationWasAuthenticated: String(subscription.confirmed),
        Endpoint: subscription.endpoint,
        Owner: subscription.owner,
        PendingConfirmation: String(!subscription.confirmed),
        Protocol: subscription.protocol,
        RawMessageDelivery: String(subscription.raw),
        SubscriptionArn: subscription.arn,
        TopicArn: subscription.topicArn
    };
    for (const [name, value] of subscription.attributes) {
        if (name === 'FilterPolicyScope') continue;
        out[name] = value;
    }
    if (subscription.attributes.has('FilterPolicy')) {
        out['FilterPolicyScope'] = subscription.filterScope;
    }
    return out;
}
