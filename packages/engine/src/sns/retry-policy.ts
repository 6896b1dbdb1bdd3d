import { snsInvalidParameter } from './errors.js';
import type { SnsProtocol } from './types.js';

export type BackoffFunction = 'linear' | 'arithmetic' | 'geometric' | 'exponential';

/**
 * An SNS delivery retry policy in AWS's four phases ([SNS-DG] sns-message-delivery-retries): retries with no
 * delay, retries at the minimum delay, a backoff phase from minimum to maximum delay, retries at the maximum delay.
 * Counts are retries after the first attempt. AWS adds jitter; the engine does not (runs stay exactly repeatable).
 */
export interface RetryPolicy {
    name: string;
    noDelayRetries: number;
    minDelayRetries: number;
    minDelayMs: number;
    backoffRetries: number;
    backoffFunction: BackoffFunction;
    maxDelayRetries: number;
    maxDelayMs: number;
}

/** SQS, Lambda, Firehose: 3 immediate, 2 at 1 s, 10 backing off 1→20 s, 100,000 at 20 s (100,015 over ~23 days). */
export const AWS_MANAGED_RETRY_POLICY: RetryPolicy = {
    name: 'AWS-managed',
    noDelayRetries: 3,
    minDelayRetries: 2,
    minDelayMs: 1_000,
    backoffRetries: 10,
    backoffFunction: 'exponential',
    maxDelayRetries: 100_000,
    maxDelayMs: 20_000
};

/** Email, SMS, mobile push: 2 at 10 s, 10 backing off 10→600 s, 38 at 600 s (50 over ~6 h). */
export const CUSTOMER_MANAGED_RETRY_POLICY: RetryPolicy = {
    name: 'customer-managed',
    noDelayRetries: 0,
    minDelayRetries: 2,
    minDelayMs: 10_000,
    backoffRetries: 10,
    backoffFunction: 'exponential',
    maxDelayRetries: 38,
    maxDelayMs: 600_000
};

/** HTTP/S default: 3 retries 20 s apart. */
export const HTTP_DEFAULT_RETRY_POLICY: RetryPolicy = {
    name: 'HTTP/S default',
    noDelayRetries: 0,
    minDelayRetries: 0,
    minDelayMs: 20_000,
    backoffRetries: 3,
    backoffFunction: 'linear',
    maxDelayRetries: 0,
    maxDelayMs: 20_000
};

/** AWS's hard limit on an HTTP/S policy's total retry time. */
export const HTTP_MAX_TOTAL_RETRY_MS = 3_600_000;

export function defaultRetryPolicy(protocol: SnsProtocol): RetryPolicy {
    switch (protocol) {
        case 'sqs':
        case 'lambda':
        case 'firehose':
            return AWS_MANAGED_RETRY_POLICY;
        case 'http':
        case 'https':
            return HTTP_DEFAULT_RETRY_POLICY;
        default:
            return CUSTOMER_MANAGED_RETRY_POLICY;
    }
}

function backoffDelay(policy: RetryPolicy, index: number): number {
    const { minDelayMs: min, maxDelayMs: max, backoffRetries: n } = policy;
    const t = n <= 1 ? 1 : index / (n - 1);
    switch (policy.backoffFunction) {
        case 'linear':
            return min + (max - min) * t;
        case 'arithmetic':
            return min + (max - min) * t * t;
        case 'geometric':
            return min + (max - min) * (1 - (1 - t) * (1 - t));
        case 'exponential':
            return min * Math.pow(max / min, t);
    }
}

/** Delay before retry number `retry` (0 = the first retry), or undefined once the policy is exhausted. */
export function retryDelayMs(policy: RetryPolicy, retry: number): number | undefined {
    let n = retry;
    if (n < policy.noDelayRetries) return 0;
    n -= policy.noDelayRetries;
    if (n < policy.minDelayRetries) return policy.minDelayMs;
    n -= policy.minDelayRetries;
    if (n < policy.backoffRetries) return Math.round(backoffDelay(policy, n));
    n -= policy.backoffRetries;
    if (n < policy.maxDelayRetries) return policy.maxDelayMs;
    return undefined;
}

export function totalRetries(policy: RetryPolicy): number {
    return policy.noDelayRetries + policy.minDelayRetries + policy.backoffRetries + policy.maxDelayRetries;
}

export function totalRetryTimeMs(policy: RetryPolicy): number {
    let total = 0;
    for (let retry = 0; ; retry++) {
        const delay = retryDelayMs(policy, retry);
        if (delay === undefined) return total;
        total += delay;
    }
}

function nonNegativeInt(value: unknown, field: string, fallback: number): number {
    if (value === undefined) return fallback;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
        throw snsInvalidParameter(`DeliveryPolicy: ${field} must be a non-negative integer`);
    }
    return value;
}

/**
 * Reads an HTTP/S `DeliveryPolicy` (`{"healthyRetryPolicy": {...}}` on a subscription, or
 * `{"http": {"defaultHealthyRetryPolicy": {...}}}` on a topic). Rejects policies whose total retry time exceeds 3,600 s.
 */
export function parseHttpDeliveryPolicy(text: string): RetryPolicy | undefined {
    let parsed: unknown;
    try {
        parsed = JSON.parse(text);
    } catch {
        throw snsInvalidParameter('DeliveryPolicy: not valid JSON');
    }
    if (typeof parsed !== 'object' || parsed === null) {
        throw snsInvalidParameter('DeliveryPolicy: must be a JSON object');
    }
    const root = parsed as Record<string, unknown>;
    const http = root['http'] as Record<string, unknown> | undefined;
    const raw = (root['healthyRetryPolicy'] ?? http?.['defaultHealthyRetryPolicy']) as Record<string, unknown> | undefined;
    if (raw === undefined) return undefined;
    const minDelaySeconds = nonNegativeInt(raw['minDelayTarget'], 'minDelayTarget', 20);
    const maxDelaySeconds = nonNegativeInt(raw['maxDelayTarget'], 'maxDelayTarget', 20);
    const numRetries = nonNegativeInt(raw['numRetries'], 'numRetries', 3);
    const noDelay = nonNegativeInt(raw['numNoDelayRetries'], 'numNoDelayRetries', 0);
    const minDelay = nonNegativeInt(raw['numMinDelayRetries'], 'numMinDelayRetries', 0);
    const maxDelay = nonNegativeInt(raw['numMaxDelayRetries'], 'numMaxDelayRetries', 0);
    const backoff = raw['backoffFunction'] ?? 'linear';
    if (!['linear', 'arithmetic', 'geometric', 'exponential'].includes(backoff as string)) {
        throw snsInvalidParameter(`DeliveryPolicy: backoffFunction must be one of arithmetic, exponential, geometric, linear`);
    }
    if (minDelaySeconds < 1 || maxDelaySeconds < minDelaySeconds) {
        throw snsInvalidParameter('DeliveryPolicy: minDelayTarget must be at least 1 and at most maxDelayTarget');
    }
    if (noDelay + minDelay + maxDelay > numRetries || numRetries > 100) {
        throw snsInvalidParameter('DeliveryPolicy: numNoDelayRetries + numMinDelayRetries + numMaxDelayRetries must not exceed numRetries (at most 100)');
    }
    const policy: RetryPolicy = {
        name: 'HTTP/S delivery policy',
        noDelayRetries: noDelay,
        minDelayRetries: minDelay,
        minDelayMs: minDelaySeconds * 1000,
        backoffRetries: numRetries - noDelay - minDelay - maxDelay,
        backoffFunction: backoff as BackoffFunction,
        maxDelayRetries: maxDelay,
        maxDelayMs: maxDelaySeconds * 1000
    };
    if (totalRetryTimeMs(policy) > HTTP_MAX_TOTAL_RETRY_MS) {
        throw snsInvalidParameter('DeliveryPolicy: the total retry time of an HTTP/S delivery policy must not exceed 3600 seconds');
    }
    return policy;
}

/**
 * The `throttlePolicy.maxReceivesPerSecond` of an HTTP/S delivery policy (subscription) or
 * `http.defaultThrottlePolicy` (topic): deliveries beyond it wait for the next second.
 */
export function parseHttpThrottle(text: string): number | undefined {
    let parsed: unknown;
    try {
        parsed = JSON.parse(text);
    } catch {
        return undefined;
    }
    const root = (parsed ?? {}) as Record<string, Record<string, unknown> | undefined>;
    const throttle = (root['throttlePolicy'] ?? (root['http'] as Record<string, Record<string, unknown>> | undefined)?.['defaultThrottlePolicy']) as
        Record<string, unknown> | undefined;
    const value = throttle?.['maxReceivesPerSecond'];
    if (value === undefined) return undefined;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
        throw snsInvalidParameter('DeliveryPolicy: throttlePolicy.maxReceivesPerSecond must be a positive integer');
    }
    return value;
}
