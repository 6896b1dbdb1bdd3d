import type { VirtualClock } from '../core/clock.js';
import { isAwsError } from '../errors.js';
import { buildLambdaEvent, envelopeJson, messageFor, type EnvelopeOptions, type PublishedMessage } from './envelope.js';
import type { RecordedDelivery, SnsCounters, SnsDeliveryEvent } from './events.js';
import type { EndpointFailures } from './failures.js';
import type { SnsDeliveryPorts, SqsDeliveryRequest } from './ports.js';
import { CUSTOMER_MANAGED_RETRY_POLICY, retryDelayMs, type RetryPolicy } from './retry-policy.js';
import type { Subscription } from './subscription.js';
import type { SnsLambdaEvent } from './types.js';

export type FunctionBehaviour = (event: SnsLambdaEvent) => unknown;

/** What a delivery needs from the service around it. */
export interface DeliveryContext {
    readonly clock: VirtualClock;
    readonly ports: SnsDeliveryPorts;
    readonly failures: EndpointFailures;
    readonly functionBehaviours: ReadonlyMap<string, FunctionBehaviour>;
    envelopeOptions(subscription: Subscription): EnvelopeOptions;
    retryPolicy(subscription: Subscription): RetryPolicy;
    /** HTTP/S throttlePolicy in effect (the subscription's, else the topic's), if any. */
    maxReceivesPerSecond(subscription: Subscription): number | undefined;
    topicCounters(topicArn: string): SnsCounters;
    record(delivery: RecordedDelivery): void;
    /** Undefined when nobody listens, so events are not even built. */
    readonly emit: ((event: SnsDeliveryEvent) => void) | undefined;
    onFunctionError(functionArn: string, error: unknown): void;
}

type Payload =
    | { kind: 'sqs'; arn: string; request: SqsDeliveryRequest }
    | { kind: 'firehose'; arn: string; data: string }
    | { kind: 'lambda'; arn: string; event: SnsLambdaEvent }
    | { kind: 'record'; body: string; headers?: Record<string, string> };

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
    return typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function';
}

function errorText(error: unknown): string {
    if (isAwsError(error)) return `${error.code}: ${error.message}`;
    return error instanceof Error ? error.message : String(error);
}

/** Client-side errors (the caller's fault: queue gone, no permission, bad message) are not retried. */
function isClientError(error: unknown): boolean {
    return isAwsError(error) && error.senderFault;
}

/** Builds what the endpoint receives: the JSON envelope, or the raw message with SNS attributes as SQS attributes. */
function buildPayload(subscription: Subscription, published: PublishedMessage, ctx: DeliveryContext): Payload {
    const options = ctx.envelopeOptions(subscription);
    const message = messageFor(published, subscription.protocol);
    const envelopeText = (): string => envelopeJson(published, subscription.protocol, options);
    switch (subscription.protocol) {
        case 'sqs': {
            const request: SqsDeliveryRequest = subscription.raw
                ? { MessageBody: message, ...(published.attributes && Object.keys(published.attributes).length > 0 ? { MessageAttributes: published.attributes } : {}) }
                : { MessageBody: envelopeText() };
            if (published.messageGroupId !== undefined) {
                request.MessageGroupId = published.messageGroupId;
            }
            if (published.tag !== undefined) {
                request.tag = published.tag;
            }
            // The dedup ID (explicit or content-based) travels to FIFO queues, whose own FIFO rules then apply.
            if (published.fifo && subscription.endpoint.endsWith('.fifo') && published.deduplicationId !== undefined) {
                request.MessageDeduplicationId = published.deduplicationId;
            }
            return { kind: 'sqs', arn: subscription.endpoint, request };
        }
        case 'firehose':
            return { kind: 'firehose', arn: subscription.endpoint, data: subscription.raw ? message : envelopeText() };
        case 'lambda':
            return { kind: 'lambda', arn: subscription.endpoint, event: buildLambdaEvent(published, options) };
        case 'http':
        case 'https': {
            const headers: Record<string, string> = {
                'x-amz-sns-message-type': 'Notification',
                'x-amz-sns-message-id': published.messageId,
                'x-amz-sns-topic-arn': published.topicArn,
                'x-amz-sns-subscription-arn': subscription.arn,
                'Content-Type': 'text/plain; charset=UTF-8'
            };
            if (subscription.raw) headers['x-amz-sns-rawdelivery'] = 'true';
            return { kind: 'record', body: subscription.raw ? message : envelopeText(), headers };
        }
        case 'email-json':
            return { kind: 'record', body: envelopeText() };
        default:
            return { kind: 'record', body: message };
    }
}

/** Delivers one published message to one subscription, retrying by the subscription's policy, then the DLQ. */
export function deliver(subscription: Subscription, published: PublishedMessage, ctx: DeliveryContext): void {
    const payload = buildPayload(subscription, published, ctx);
    const topicCounters = ctx.topicCounters(subscription.topicArn);
    const base = { topicArn: subscription.topicArn, subscriptionArn: subscription.arn, messageId: published.messageId };

    const send = (): unknown => {
        switch (payload.kind) {
            case 'sqs':
                if (ctx.ports.sqs) return ctx.ports.sqs(payload.arn, payload.request);
                break;
            case 'firehose':
                if (ctx.ports.firehose) return ctx.ports.firehose(payload.arn, payload.data);
                break;
            case 'lambda': {
                const behaviour = ctx.functionBehaviours.get(payload.arn);
                if (behaviour) {
                    // SNS invokes Lambda asynchronously: once the event is accepted the delivery has succeeded,
                    // and errors inside the function are Lambda's to retry, not SNS's.
                    try {
                        const outcome = behaviour(payload.event);
                        if (isPromiseLike(outcome)) outcome.then(undefined, error => ctx.onFunctionError(payload.arn, error));
                    } catch (error) {
                        ctx.onFunctionError(payload.arn, error);
                    }
                    return undefined;
                }
                if (ctx.ports.lambda) return ctx.ports.lambda(payload.arn, payload.event);
                break;
            }
            case 'record':
                break;
        }
        ctx.record({
            at: ctx.clock.now(), ...base, protocol: subscription.protocol, endpoint: subscription.endpoint,
            body: payload.kind === 'record' ? payload.body : payload.kind === 'sqs' ? payload.request.MessageBody
                : payload.kind === 'firehose' ? payload.data : JSON.stringify(payload.event),
            ...(payload.kind === 'record' && payload.headers ? { headers: payload.headers } : {}),
            type: 'Notification'
        });
        return undefined;
    };

    const succeeded = (attempt: number): void => {
        subscription.counters.delivered++;
        topicCounters.delivered++;
        ctx.emit?.({ type: 'delivered', at: ctx.clock.now(), ...base, attempt });
    };

    const redrive = (): void => {
        const dlqArn = subscription.dlqArn;
        if (!dlqArn) return;
        const request: SqsDeliveryRequest = payload.kind === 'sqs' ? { ...payload.request } : {
            MessageBody: payload.kind === 'record' ? payload.body : payload.kind === 'firehose' ? payload.data : JSON.stringify(payload.event)
        };
        if (published.fifo && dlqArn.endsWith('.fifo')) {
            if (published.messageGroupId !== undefined) request.MessageGroupId = published.messageGroupId;
            if (published.deduplicationId !== undefined) request.MessageDeduplicationId = published.deduplicationId;
        } else {
            delete request.MessageDeduplicationId;
        }
        const ok = (): void => {
            subscription.counters.redrivenToDlq++;
            topicCounters.redrivenToDlq++;
            ctx.emit?.({ type: 'redriven', at: ctx.clock.now(), ...base, deadLetterQueueArn: dlqArn });
        };
        const failed = (error: unknown): void => {
            subscription.counters.failedToRedriveToDlq++;
            topicCounters.failedToRedriveToDlq++;
            ctx.emit?.({ type: 'redrive-failed', at: ctx.clock.now(), ...base, deadLetterQueueArn: dlqArn, error: errorText(error) });
        };
        if (!ctx.ports.sqs) {
            failed(new Error('no SQS service to hold the dead-letter queue'));
            return;
        }
        try {
            const outcome = ctx.ports.sqs(dlqArn, request);
            if (isPromiseLike(outcome)) {
                ctx.clock.requestDrain();
                outcome.then(ok, failed);
            } else {
                ok();
            }
        } catch (error) {
            failed(error);
        }
    };

    const failedAttempt = (attempt: number, attemptAt: number, clientError: boolean, error: string, throttled = false): void => {
        subscription.counters.failedAttempts++;
        topicCounters.failedAttempts++;
        const policy = throttled && subscription.protocol === 'firehose' ? CUSTOMER_MANAGED_RETRY_POLICY : ctx.retryPolicy(subscription);
        const delay = clientError ? undefined : retryDelayMs(policy, attempt);
        if (delay !== undefined && !subscription.deleted) {
            const nextAttemptAt = attemptAt + delay;
            ctx.emit?.({ type: 'attempt-failed', at: ctx.clock.now(), ...base, attempt, error, clientError, nextAttemptAt });
            ctx.clock.scheduleInternal(nextAttemptAt, () => attemptDelivery(attempt + 1));
            return;
        }
        ctx.emit?.({ type: 'attempt-failed', at: ctx.clock.now(), ...base, attempt, error, clientError });
        subscription.counters.failed++;
        topicCounters.failed++;
        ctx.emit?.({ type: 'failed', at: ctx.clock.now(), ...base, attempts: attempt + 1, error });
        redrive();
    };

    const attemptDelivery = (attempt: number): void => {
        if (subscription.deleted) return;
        const at = ctx.clock.now();
        const maxPerSecond = ctx.maxReceivesPerSecond(subscription);
        if (maxPerSecond !== undefined && !subscription.receiveWindow.tryTake(at, 1, 0, maxPerSecond)) {
            ctx.clock.scheduleInternal((Math.floor(at / 1000) + 1) * 1000, () => attemptDelivery(attempt));
            return;
        }
        const injected = ctx.failures.at(subscription.endpoint, at);
        if (injected) {
            const what = injected === 'throttled' ? 'throttling' : `${injected}-side failure`;
            failedAttempt(attempt, at, injected === 'client', `injected ${what} of ${subscription.endpoint}`, injected === 'throttled');
            return;
        }
        let outcome: unknown;
        try {
            outcome = send();
        } catch (error) {
            failedAttempt(attempt, at, isClientError(error), errorText(error));
            return;
        }
        if (isPromiseLike(outcome)) {
            ctx.clock.requestDrain();
            outcome.then(() => succeeded(attempt), error => failedAttempt(attempt, at, isClientError(error), errorText(error)));
        } else {
            succeeded(attempt);
        }
    };

    attemptDelivery(0);
}
