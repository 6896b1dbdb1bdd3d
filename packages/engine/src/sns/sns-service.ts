import { createHash } from 'node:crypto';
import type { CloudContext } from '../core/context.js';
import type { Random } from '../core/random.js';
import { AwsError } from '../errors.js';
import { stringAttributes } from './attributes.js';
import {
    CONFIRMATION_PROTOCOLS, SNS_CONFIRMATION_TOKEN_TTL_MS, SNS_MAX_FIFO_TOPICS, SNS_MAX_FILTER_POLICIES_PER_ACCOUNT,
    SNS_MAX_FILTER_POLICIES_PER_TOPIC, SNS_MAX_STANDARD_TOPICS, SNS_PROTOCOLS, SNS_SUBSCRIBE_TPS
} from './constants.js';
import type { DeliveryContext, FunctionBehaviour } from './delivery.js';
import { buildConfirmationEnvelope, type EnvelopeOptions } from './envelope.js';
import { snsInvalidParameter, snsNotFound } from './errors.js';
import { emptySnsCounters, type RecordedDelivery, type SnsCounters, type SnsDeliveryEvent } from './events.js';
import { EndpointFailures, type EndpointFailureKind } from './failures.js';
import { arnAccount, topicArnFor, validateEndpoint, validateTopicName } from './names.js';
import type { SnsDeliveryPorts } from './ports.js';
import { checkBatch, publishEntries, publishToTopic, throttled, type PublishContext } from './publisher.js';
import { defaultRetryPolicy, type RetryPolicy } from './retry-policy.js';
import { RateWindow } from './rate-window.js';
import {
    applySubscriptionAttributes, emptySubscriptionCounters, subscriptionAttributes, type Subscription, type SubscriptionCounters
} from './subscription.js';
import { applyTopicAttribute, topicAttributes } from './topic-attributes.js';
import { newTopic, TOPIC_ATTRIBUTES, type Topic } from './topic.js';
import type * as T from './types.js';

export interface SnsOptions {
    /**
     * Confirm HTTP/S and email subscriptions at once instead of waiting for ConfirmSubscription (the
     * simulator models endpoints that always confirm). Default false: AWS's behaviour.
     */
    autoConfirmSubscriptions?: boolean;
    /** How many recorded deliveries (email, SMS, HTTP/S, ...) to keep; older ones are dropped. Default 10,000. */
    maxRecordedDeliveries?: number;
    /** Subscribe calls allowed per virtual second before `Throttled` (AWS: 100). */
    subscribeTransactionsPerSecond?: number;
}


/**
 * Amazon SNS in virtual time: topics, subscriptions with filter policies, Publish/PublishBatch and fan-out to SQS,
 * Lambda, Firehose and recorded endpoints, with AWS's delivery retry policies and subscription dead-letter queues
 * (DOMAIN.md §2). Delivery happens at the instant of the publish; retries are scheduled on the virtual clock.
 */
export class SnsService {
    private readonly topics = new Map<string, Topic>();
    private readonly subscriptionsByArn = new Map<string, Subscription>();
    private readonly random: Random;
    private readonly failures = new EndpointFailures();
    private readonly functionBehaviours = new Map<string, FunctionBehaviour>();
    private readonly listeners: Array<(event: SnsDeliveryEvent) => void> = [];
    private readonly recorded: RecordedDelivery[] = [];
    private recordedDropped = 0;
    private functionErrors = 0;
    private readonly maxRecorded: number;
    private readonly delivery: DeliveryContext;
    private readonly publishing: PublishContext;
    private readonly subscribeWindow = new RateWindow();
    private fifoTopicCount = 0;

    constructor(private readonly ctx: CloudContext, ports: SnsDeliveryPorts = {}, private readonly options: SnsOptions = {}) {
        this.random = ctx.random.fork('sns');
        this.maxRecorded = options.maxRecordedDeliveries ?? 10_000;
        const service = this;
        this.delivery = {
            clock: ctx.clock,
            ports,
            failures: this.failures,
            functionBehaviours: this.functionBehaviours,
            envelopeOptions: subscription => service.envelopeOptions(subscription),
            retryPolicy: subscription => service.retryPolicyOf(subscription),
            maxReceivesPerSecond: subscription => subscription.protocol === 'http' || subscription.protocol === 'https'
                ? subscription.maxReceivesPerSecond ?? service.topics.get(subscription.topicArn)?.httpMaxReceivesPerSecond
                : undefined,
            topicCounters: topicArn => service.topics.get(topicArn)?.counters ?? emptySnsCounters(),
            record: delivery => service.record(delivery),
            get emit() {
                return service.listeners.length === 0 ? undefined : (event: SnsDeliveryEvent) => {
                    for (const listener of service.listeners) listener(event);
                };
            },
            onFunctionError: () => { service.functionErrors++; }
        };
        this.publishing = { random: this.random, delivery: this.delivery };
    }

    // ---- test and simulator hooks --------------------------------------------------------------

    /** Makes every delivery attempt to `endpoint` (`*` = all) in [fromMs, toMs) fail; `client` failures are not retried. */
    injectEndpointFailure(endpoint: string, fromMs: number, toMs: number, kind: EndpointFailureKind = 'server'): { cancel(): void } {
        return this.failures.add(endpoint, fromMs, toMs, kind);
    }

    /** The behaviour of a Lambda function subscribed by ARN: called with the SNS event on each delivery. */
    setFunctionBehaviour(functionArn: string, behaviour: FunctionBehaviour): void {
        this.functionBehaviours.set(functionArn, behaviour);
    }

    /** Listens to per-subscription outcomes (filtered with its reason, delivered, failed attempts, DLQ). */
    onDeliveryEvent(listener: (event: SnsDeliveryEvent) => void): () => void {
        this.listeners.push(listener);
        return () => {
            const index = this.listeners.indexOf(listener);
            if (index >= 0) this.listeners.splice(index, 1);
        };
    }

    /** Deliveries to endpoints the engine does not model: email, SMS, HTTP/S, mobile push, unregistered functions. */
    recordedDeliveries(filter: { endpoint?: string; topicArn?: string } = {}): readonly RecordedDelivery[] {
        return this.recorded.filter(d => (filter.endpoint === undefined || d.endpoint === filter.endpoint)
            && (filter.topicArn === undefined || d.topicArn === filter.topicArn));
    }

    /** Counters of one topic, or summed over all topics. */
    counters(topicArn?: string): SnsCounters {
        if (topicArn !== undefined) {
            return { ...this.requireTopic(topicArn).counters };
        }
        const total = emptySnsCounters();
        for (const topic of this.topics.values()) {
            for (const key of Object.keys(total) as Array<keyof SnsCounters>) total[key] += topic.counters[key];
        }
        return total;
    }

    subscriptionCounters(subscriptionArn: string): SubscriptionCounters {
        const subscription = this.subscriptionsByArn.get(subscriptionArn);
        if (!subscription) throw snsNotFound('Subscription');
        return { ...subscription.counters };
    }

    /** Errors thrown by Lambda function behaviours (Lambda's concern, not a failed SNS delivery). */
    get lambdaFunctionErrors(): number {
        return this.functionErrors;
    }

    // ---- topics ---------------------------------------------------------------------------------

    async createTopic(request: T.CreateTopicRequest): Promise<T.CreateTopicResult> {
        return { TopicArn: this.createTopicSync(request).arn };
    }

    createTopicSync(request: T.CreateTopicRequest): Topic {
        const attributes = stringAttributes(request?.Attributes);
        for (const name of Object.keys(attributes)) {
            if (!TOPIC_ATTRIBUTES.has(name)) throw snsInvalidParameter('AttributeName');
        }
        const fifo = (attributes['FifoTopic'] ?? 'false').toLowerCase() === 'true';
        const name = validateTopicName(request?.Name, fifo);
        const arn = topicArnFor(this.ctx, name);
        const existing = this.topics.get(arn);
        if (existing) {
            // CreateTopic is idempotent for the same name, unless the attributes differ.
            for (const [key, value] of Object.entries(attributes)) {
                const current = key === 'FifoTopic' ? String(existing.fifo) : existing.attributes.get(key);
                if (current?.toLowerCase() !== value.toLowerCase()) {
                    throw snsInvalidParameter('Attributes Reason: Topic already exists with different attributes');
                }
            }
            return existing;
        }
        const standardCount = this.topics.size - this.fifoTopicCount;
        if (fifo ? this.fifoTopicCount >= SNS_MAX_FIFO_TOPICS : standardCount >= SNS_MAX_STANDARD_TOPICS) {
            throw new AwsError('TopicLimitExceeded', 'Topic limit exceeded', { statusCode: 403 });
        }
        const topic = newTopic(arn, name, fifo);
        for (const [key, value] of Object.entries(attributes)) {
            if (key !== 'FifoTopic') applyTopicAttribute(topic, key, value);
        }
        this.topics.set(arn, topic);
        if (fifo) this.fifoTopicCount++;
        return topic;
    }

    async deleteTopic(request: T.DeleteTopicRequest): Promise<Record<string, never>> {
        const topic = this.topics.get(request?.TopicArn);
        if (topic) {
            for (const subscription of topic.subscriptions.values()) this.removeSubscription(subscription);
            this.topics.delete(topic.arn);
            if (topic.fifo) this.fifoTopicCount--;
        }
        return {};
    }

    async listTopics(): Promise<T.ListTopicsResult> {
        return { Topics: [...this.topics.keys()].map(TopicArn => ({ TopicArn })) };
    }

    async getTopicAttributes(request: T.GetTopicAttributesRequest): Promise<T.GetTopicAttributesResult> {
        return { Attributes: topicAttributes(this.requireTopic(request?.TopicArn), this.ctx.accountId) };
    }

    async setTopicAttributes(request: T.SetTopicAttributesRequest): Promise<Record<string, never>> {
        const topic = this.requireTopic(request?.TopicArn);
        const name = request.AttributeName;
        if (!TOPIC_ATTRIBUTES.has(name) || name === 'FifoTopic') throw snsInvalidParameter('AttributeName');
        const value = request.AttributeValue === undefined ? '' : typeof request.AttributeValue === 'string'
            ? request.AttributeValue : JSON.stringify(request.AttributeValue);
        applyTopicAttribute(topic, name, value);
        return {};
    }

    // ---- subscriptions --------------------------------------------------------------------------

    async subscribe(request: T.SubscribeRequest): Promise<T.SubscribeResult> {
        const subscription = this.subscribeSync(request);
        const showArn = subscription.confirmed || request.ReturnSubscriptionArn === true;
        return { SubscriptionArn: showArn ? subscription.arn : 'pending confirmation' };
    }

    subscribeSync(request: T.SubscribeRequest): Subscription {
        const topic = this.requireTopic(request?.TopicArn);
        if (!this.subscribeWindow.tryTake(this.ctx.clock.now(), 1, 0, this.options.subscribeTransactionsPerSecond ?? SNS_SUBSCRIBE_TPS)) {
            throw throttled();
        }
        const protocol = String(request.Protocol ?? '').toLowerCase() as T.SnsProtocol;
        if (!SNS_PROTOCOLS.includes(protocol)) {
            throw snsInvalidParameter(`Amazon SNS does not support this protocol string: ${String(request.Protocol)}`);
        }
        const endpoint = validateEndpoint(protocol, request.Endpoint);
        if (topic.fifo && protocol !== 'sqs') {
            throw snsInvalidParameter(`Invalid protocol type: ${protocol}. FIFO topics deliver only to SQS queues (standard or FIFO)`);
        }
        if (!topic.fifo && protocol === 'sqs' && endpoint.endsWith('.fifo')) {
            throw snsInvalidParameter('Invalid parameter: Endpoint Reason: FIFO SQS Queues can not be subscribed to standard SNS topics');
        }
        const attributeInput = request.Attributes ?? {};
        for (const existing of topic.subscriptions.values()) {
            if (existing.protocol === protocol && existing.endpoint === endpoint) {
                const current = subscriptionAttributes(existing);
                for (const [key, value] of Object.entries(stringAttributes(attributeInput))) {
                    if ((current[key] ?? '') !== value && !(key === 'FilterPolicyScope' && existing.filterScope === value)) {
                        throw snsInvalidParameter('Attributes Reason: Subscription already exists with different attributes');
                    }
                }
                return existing;
            }
        }
        const subscription: Subscription = {
            arn: `${topic.arn}:${this.random.uuid()}`,
            topicArn: topic.arn,
            protocol,
            endpoint,
            owner: this.ctx.accountId,
            // HTTP/S, email and cross-account endpoints must confirm ([API-SNS] Subscribe).
            confirmed: this.options.autoConfirmSubscriptions === true
                || (!CONFIRMATION_PROTOCOLS.has(protocol) && !this.isCrossAccount(protocol, endpoint)),
            deleted: false,
            attributes: new Map(),
            filterScope: 'MessageAttributes',
            raw: false,
            retryPolicy: defaultRetryPolicy(protocol),
            receiveWindow: new RateWindow(),
            counters: emptySubscriptionCounters()
        };
        applySubscriptionAttributes(subscription, attributeInput, topic.fifo);
        if (subscription.filter) this.checkFilterPolicyLimits(topic, 1);
        topic.subscriptions.set(subscription.arn, subscription);
        this.subscriptionsByArn.set(subscription.arn, subscription);
        if (!subscription.confirmed) this.sendConfirmation(topic, subscription);
        return subscription;
    }

    async confirmSubscription(request: T.ConfirmSubscriptionRequest): Promise<T.SubscribeResult> {
        const topic = this.requireTopic(request?.TopicArn);
        const now = this.ctx.clock.now();
        for (const subscription of topic.subscriptions.values()) {
            if (subscription.token !== undefined && subscription.token === request.Token) {
                if (subscription.tokenExpiresAt !== undefined && now >= subscription.tokenExpiresAt) {
                    throw snsInvalidParameter('Token');
                }
                subscription.confirmed = true;
                return { SubscriptionArn: subscription.arn };
            }
        }
        throw snsInvalidParameter('Token');
    }

    async unsubscribe(request: T.UnsubscribeRequest): Promise<Record<string, never>> {
        const subscription = this.subscriptionsByArn.get(request?.SubscriptionArn);
        if (!subscription) {
            if (typeof request?.SubscriptionArn !== 'string' || !request.SubscriptionArn.startsWith('arn:')) {
                throw snsInvalidParameter('SubscriptionArn');
            }
            throw snsNotFound('Subscription');
        }
        this.removeSubscription(subscription);
        return {};
    }

    async getSubscriptionAttributes(request: T.GetSubscriptionAttributesRequest): Promise<T.GetSubscriptionAttributesResult> {
        return { Attributes: subscriptionAttributes(this.requireSubscription(request?.SubscriptionArn)) };
    }

    async setSubscriptionAttributes(request: T.SetSubscriptionAttributesRequest): Promise<Record<string, never>> {
        const subscription = this.requireSubscription(request?.SubscriptionArn);
        const topic = this.requireTopic(subscription.topicArn);
        const hadFilter = subscription.filter !== undefined;
        const value = request.AttributeValue ?? '';
        applySubscriptionAttributes(subscription, { [request.AttributeName]: value }, topic.fifo, 'SetSubscriptionAttributes');
        if (!hadFilter && subscription.filter) {
            try {
                this.checkFilterPolicyLimits(topic, 0);
            } catch (error) {
                applySubscriptionAttributes(subscription, { FilterPolicy: '' }, topic.fifo);
                throw error;
            }
        }
        return {};
    }

    async listSubscriptions(): Promise<T.ListSubscriptionsResult> {
        return { Subscriptions: [...this.subscriptionsByArn.values()].map(s => this.summary(s)) };
    }

    async listSubscriptionsByTopic(request: T.ListSubscriptionsByTopicRequest): Promise<T.ListSubscriptionsResult> {
        return { Subscriptions: [...this.requireTopic(request?.TopicArn).subscriptions.values()].map(s => this.summary(s)) };
    }

    // ---- publishing -----------------------------------------------------------------------------

    /** Publish. `options.tag` is not an AWS field: it follows the message into SQS (SqsMessage.tag) for the simulator. */
    async publish(request: T.PublishRequest, options: { tag?: unknown } = {}): Promise<T.PublishResult> {
        return this.publishSync(request, options);
    }

    /** Publish without a promise (the simulator's hot path); throws the AwsError Publish would reject with. */
    publishSync(request: T.PublishRequest, options: { tag?: unknown } = {}): T.PublishResult {
        const topic = this.requireTopic(request?.TopicArn ?? request?.TargetArn);
        return publishToTopic(this.publishing, topic, request, options.tag);
    }

    /** PublishBatch; `options.tags` maps entry Ids to simulator tags (see `publish`). */
    async publishBatch(request: T.PublishBatchRequest, options: { tags?: Record<string, unknown> } = {}): Promise<T.PublishBatchResult> {
        const topic = this.requireTopic(request?.TopicArn);
        return publishEntries(this.publishing, topic, checkBatch(request), options.tags);
    }

    // ---- helpers --------------------------------------------------------------------------------

    private envelopeOptions(subscription: Subscription): EnvelopeOptions {
        const topic = this.topics.get(subscription.topicArn);
        return {
            region: this.ctx.region,
            epochMs: this.ctx.epochMs,
            subscriptionArn: subscription.arn,
            signatureVersion: topic?.attributes.get('SignatureVersion') ?? '1'
        };
    }

    private retryPolicyOf(subscription: Subscription): RetryPolicy {
        if (!subscription.attributes.has('DeliveryPolicy') && (subscription.protocol === 'http' || subscription.protocol === 'https')) {
            return this.topics.get(subscription.topicArn)?.httpRetryPolicy ?? subscription.retryPolicy;
        }
        return subscription.retryPolicy;
    }

    private record(delivery: RecordedDelivery): void {
        if (this.recorded.length >= this.maxRecorded) {
            this.recorded.shift();
            this.recordedDropped++;
        }
        this.recorded.push(delivery);
    }

    /** Deliveries no longer kept because of `maxRecordedDeliveries`. */
    get recordedDeliveriesDropped(): number {
        return this.recordedDropped;
    }

    private sendConfirmation(topic: Topic, subscription: Subscription): void {
        const token = createHash('sha256').update(`${subscription.arn}:${this.random.uuid()}`).digest('hex');
        const now = this.ctx.clock.now();
        subscription.token = token;
        subscription.tokenExpiresAt = now + SNS_CONFIRMATION_TOKEN_TTL_MS;
        const envelope = buildConfirmationEnvelope(topic.arn, token, this.random.uuid(), now, this.envelopeOptions(subscription));
        this.record({
            at: now, topicArn: topic.arn, subscriptionArn: subscription.arn, protocol: subscription.protocol,
            endpoint: subscription.endpoint, messageId: envelope.MessageId,
            body: subscription.protocol === 'email' ? envelope.SubscribeURL ?? '' : JSON.stringify(envelope),
            ...(subscription.protocol === 'http' || subscription.protocol === 'https' ? {
                headers: {
                    'x-amz-sns-message-type': 'SubscriptionConfirmation',
                    'x-amz-sns-message-id': envelope.MessageId,
                    'x-amz-sns-topic-arn': topic.arn
                }
            } : {}),
            type: 'SubscriptionConfirmation',
            token
        });
    }

    /** [SNS-DG] constraints: 200 filter policies per topic, 10,000 per account; `adding` is the policy not yet counted. */
    private checkFilterPolicyLimits(topic: Topic, adding: number): void {
        let onTopic = adding;
        for (const subscription of topic.subscriptions.values()) if (subscription.filter) onTopic++;
        let inAccount = adding;
        for (const subscription of this.subscriptionsByArn.values()) if (subscription.filter) inAccount++;
        if (onTopic > SNS_MAX_FILTER_POLICIES_PER_TOPIC || inAccount > SNS_MAX_FILTER_POLICIES_PER_ACCOUNT) {
            const limit = onTopic > SNS_MAX_FILTER_POLICIES_PER_TOPIC ? `${SNS_MAX_FILTER_POLICIES_PER_TOPIC} per topic` : `${SNS_MAX_FILTER_POLICIES_PER_ACCOUNT} per account`;
            throw new AwsError('FilterPolicyLimitExceeded', `Filter policy limit exceeded (${limit})`, { statusCode: 403 });
        }
    }

    private isCrossAccount(protocol: T.SnsProtocol, endpoint: string): boolean {
        return (protocol === 'sqs' || protocol === 'lambda') && arnAccount(endpoint) !== this.ctx.accountId;
    }

    private removeSubscription(subscription: Subscription): void {
        subscription.deleted = true;
        this.subscriptionsByArn.delete(subscription.arn);
        const topic = this.topics.get(subscription.topicArn);
        if (topic?.subscriptions.delete(subscription.arn)) topic.deletedSubscriptions++;
    }

    private summary(subscription: Subscription): T.SubscriptionSummary {
        return {
            SubscriptionArn: subscription.confirmed ? subscription.arn : 'PendingConfirmation',
            Owner: subscription.owner,
            Protocol: subscription.protocol,
            Endpoint: subscription.endpoint,
            TopicArn: subscription.topicArn
        };
    }

    private requireTopic(topicArn: unknown): Topic {
        if (typeof topicArn !== 'string' || topicArn.length === 0) {
            throw snsInvalidParameter('TopicArn');
        }
        const topic = this.topics.get(topicArn);
        if (!topic) throw snsNotFound('Topic');
        return topic;
    }

    private requireSubscription(subscriptionArn: unknown): Subscription {
        const subscription = typeof subscriptionArn === 'string' ? this.subscriptionsByArn.get(subscriptionArn) : undefined;
        if (!subscription) throw snsNotFound('Subscription');
        return subscription;
    }
}
