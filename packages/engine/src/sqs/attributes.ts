import { AwsError, invalidParameter } from '../errors.js';
import { SQS } from './constants.js';
import type { QueueAttributeInput } from './types.js';

export interface RedrivePolicy {
    deadLetterTargetArn: string;
    maxReceiveCount: number;
}

export interface RedriveAllowPolicy {
    redrivePermission: 'allowAll' | 'denyAll' | 'byQueue';
    sourceQueueArns?: string[];
}

/** A queue's settable attributes, parsed ([API-SQS] CreateQueue.Attributes; DOMAIN.md §1.1). Times in seconds. */
export interface QueueConfig {
    fifo: boolean;
    delaySeconds: number;
    maximumMessageSize: number;
    messageRetentionPeriod: number;
    receiveMessageWaitTimeSeconds: number;
    visibilityTimeout: number;
    contentBasedDeduplication: boolean;
    deduplicationScope: 'queue' | 'messageGroup';
    fifoThroughputLimit: 'perQueue' | 'perMessageGroupId';
    redrivePolicy: RedrivePolicy | undefined;
    redriveAllowPolicy: RedriveAllowPolicy | undefined;
    policy: string | undefined;
    kmsMasterKeyId: string | undefined;
    kmsDataKeyReusePeriodSeconds: number | undefined;
    sqsManagedSseEnabled: boolean;
}

export const FIFO_ONLY_ATTRIBUTES = new Set(['ContentBasedDeduplication', 'DeduplicationScope', 'FifoThroughputLimit']);

export const READ_ONLY_ATTRIBUTES = new Set([
    'ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible', 'ApproximateNumberOfMessagesDelayed',
    'CreatedTimestamp', 'LastModifiedTimestamp', 'QueueArn'
]);

export const SETTABLE_ATTRIBUTES = new Set([
    'DelaySeconds', 'MaximumMessageSize', 'MessageRetentionPeriod', 'ReceiveMessageWaitTimeSeconds', 'VisibilityTimeout',
    'RedrivePolicy', 'RedriveAllowPolicy', 'Policy', 'KmsMasterKeyId', 'KmsDataKeyReusePeriodSeconds',
    'SqsManagedSseEnabled', 'FifoQueue', 'ContentBasedDeduplication', 'DeduplicationScope', 'FifoThroughputLimit'
]);

export function defaultConfig(fifo: boolean): QueueConfig {
    return {
        fifo,
        delaySeconds: SQS.delaySeconds.default,
        maximumMessageSize: SQS.maximumMessageSize.default,
        messageRetentionPeriod: SQS.messageRetentionPeriod.default,
        receiveMessageWaitTimeSeconds: SQS.receiveMessageWaitTimeSeconds.default,
        visibilityTimeout: SQS.visibilityTimeout.default,
        contentBasedDeduplication: false,
        deduplicationScope: 'queue',
        fifoThroughputLimit: 'perQueue',
        redrivePolicy: undefined,
        redriveAllowPolicy: undefined,
        policy: undefined,
        kmsMasterKeyId: undefined,
        kmsDataKeyReusePeriodSeconds: undefined,
        sqsManagedSseEnabled: true
    };
}

/**
 * Applies CreateQueue/SetQueueAttributes input to a copy of `base`. Checks names, ranges and FIFO-only
 * attributes; cross-queue checks (does the dead-letter target exist, same type) are the service's job.
 */
export function applyAttributes(base: QueueConfig, input: QueueAttributeInput, creating: boolean): QueueConfig {
    const config: QueueConfig = { ...base };
    for (const [name, raw] of Object.entries(input)) {
        if (!SETTABLE_ATTRIBUTES.has(name)) {
            if (READ_ONLY_ATTRIBUTES.has(name) || name === 'All') throw invalidAttributeName(name);
            throw invalidAttributeName(name);
        }
        if (FIFO_ONLY_ATTRIBUTES.has(name) && !base.fifo) throw invalidAttributeName(name);
        const value = typeof raw === 'object' ? raw : String(raw);
        switch (name) {
            case 'DelaySeconds': config.delaySeconds = intAttribute(name, value, SQS.delaySeconds); break;
            case 'MaximumMessageSize': config.maximumMessageSize = intAttribute(name, value, SQS.maximumMessageSize); break;
            case 'MessageRetentionPeriod': config.messageRetentionPeriod = intAttribute(name, value, SQS.messageRetentionPeriod); break;
            case 'ReceiveMessageWaitTimeSeconds': config.receiveMessageWaitTimeSeconds = intAttribute(name, value, SQS.receiveMessageWaitTimeSeconds); break;
            case 'VisibilityTimeout': config.visibilityTimeout = intAttribute(name, value, SQS.visibilityTimeout); break;
            case 'KmsDataKeyReusePeriodSeconds': config.kmsDataKeyReusePeriodSeconds = intAttribute(name, value, SQS.kmsDataKeyReusePeriodSeconds); break;
            case 'KmsMasterKeyId': config.kmsMasterKeyId = String(value) || undefined; break;
            case 'Policy': config.policy = typeof value === 'object' ? JSON.stringify(value) : (value || undefined); break;
            case 'SqsManagedSseEnabled': config.sqsManagedSseEnabled = boolAttribute(name, value); break;
            case 'FifoQueue': {
                const fifo = boolAttribute(name, value);
                if (!creating || fifo !== base.fifo) {
                    throw invalidAttributeValue(name, value, creating ? 'The queue type cannot be set with this attribute.' : 'The queue type cannot be changed after creation.');
                }
                break;
            }
            case 'ContentBasedDeduplication': config.contentBasedDeduplication = boolAttribute(name, value); break;
            case 'DeduplicationScope':
                if (value !== 'queue' && value !== 'messageGroup') throw invalidAttributeValue(name, value);
                config.deduplicationScope = value;
                break;
            case 'FifoThroughputLimit':
                if (value !== 'perQueue' && value !== 'perMessageGroupId') throw invalidAttributeValue(name, value);
                config.fifoThroughputLimit = value;
                break;
            case 'RedrivePolicy': config.redrivePolicy = parseRedrivePolicy(value); break;
            case 'RedriveAllowPolicy': config.redriveAllowPolicy = parseRedriveAllowPolicy(value); break;
        }
    }
    if (config.fifo && config.fifoThroughputLimit === 'perMessageGroupId' && config.deduplicationScope !== 'messageGroup') {
        throw invalidAttributeValue('FifoThroughputLimit', 'perMessageGroupId',
            'The perMessageGroupId value is allowed only when the value for DeduplicationScope is messageGroup.');
    }
    return config;
}

/** The stored (non-counter) attributes as GetQueueAttributes renders them. */
export function renderConfig(config: QueueConfig): Record<string, string> {
    const out: Record<string, string> = {
        VisibilityTimeout: String(config.visibilityTimeout),
        MaximumMessageSize: String(config.maximumMessageSize),
        MessageRetentionPeriod: String(config.messageRetentionPeriod),
        DelaySeconds: String(config.delaySeconds),
        ReceiveMessageWaitTimeSeconds: String(config.receiveMessageWaitTimeSeconds),
        SqsManagedSseEnabled: String(config.sqsManagedSseEnabled)
    };
    if (config.policy !== undefined) out['Policy'] = config.policy;
    if (config.kmsMasterKeyId !== undefined) out['KmsMasterKeyId'] = config.kmsMasterKeyId;
    if (config.kmsDataKeyReusePeriodSeconds !== undefined) out['KmsDataKeyReusePeriodSeconds'] = String(config.kmsDataKeyReusePeriodSeconds);
    if (config.redrivePolicy) out['RedrivePolicy'] = JSON.stringify(config.redrivePolicy);
    if (config.redriveAllowPolicy) out['RedriveAllowPolicy'] = JSON.stringify(config.redriveAllowPolicy);
    if (config.fifo) {
        out['FifoQueue'] = 'true';
        out['ContentBasedDeduplication'] = String(config.contentBasedDeduplication);
        out['DeduplicationScope'] = config.deduplicationScope;
        out['FifoThroughputLimit'] = config.fifoThroughputLimit;
    }
    return out;
}

export function parseRedrivePolicy(value: string | object): RedrivePolicy | undefined {
    if (value === '') return undefined;
    const parsed = parseJsonAttribute('RedrivePolicy', value);
    const arn = parsed['deadLetterTargetArn'];
    const rawCount = parsed['maxReceiveCount'];
    if (typeof arn !== 'string' || arn === '') {
        throw invalidAttributeValue('RedrivePolicy', value, 'Redrive policy does not contain mandatory attribute: deadLetterTargetArn.');
    }
    // AWS accepts maxReceiveCount as a number or a numeric string (DOMAIN.md product decisions); left out,
    // it is the API default of 10 (DOMAIN.md §1.9).
    const count = rawCount === undefined ? SQS.maxReceiveCount.default
        : typeof rawCount === 'string' && rawCount.trim() !== '' ? Number(rawCount) : rawCount;
    if (typeof count !== 'number' || !Number.isInteger(count) || count < SQS.maxReceiveCount.min || count > SQS.maxReceiveCount.max) {
        throw invalidAttributeValue('RedrivePolicy', value,
            `Invalid value for maxReceiveCount: ${String(rawCount)}, valid values are from ${SQS.maxReceiveCount.min} to ${SQS.maxReceiveCount.max} both inclusive.`);
    }
    return { deadLetterTargetArn: arn, maxReceiveCount: count };
}

export function parseRedriveAllowPolicy(value: string | object): RedriveAllowPolicy | undefined {
    if (value === '') return undefined;
    const parsed = parseJsonAttribute('RedriveAllowPolicy', value);
    const permission = parsed['redrivePermission'];
    if (permission !== 'allowAll' && permission !== 'denyAll' && permission !== 'byQueue') {
        throw invalidAttributeValue('RedriveAllowPolicy', value, 'Invalid value for redrivePermission. Valid values are allowAll, denyAll and byQueue.');
    }
    const arns = parsed['sourceQueueArns'];
    if (permission === 'byQueue') {
        if (!Array.isArray(arns) || arns.length === 0 || arns.length > SQS.maxRedriveAllowSourceQueues
            || !arns.every(a => typeof a === 'string')) {
            throw invalidAttributeValue('RedriveAllowPolicy', value,
                `sourceQueueArns must list 1 to ${SQS.maxRedriveAllowSourceQueues} queue ARNs when redrivePermission is byQueue.`);
        }
        return { redrivePermission: permission, sourceQueueArns: arns as string[] };
    }
    if (arns !== undefined) {
        throw invalidAttributeValue('RedriveAllowPolicy', value, 'sourceQueueArns is allowed only when redrivePermission is byQueue.');
    }
    return { redrivePermission: permission };
}

function parseJsonAttribute(name: string, value: string | object): Record<string, unknown> {
    let parsed: unknown = value;
    if (typeof value === 'string') {
        try {
            parsed = JSON.parse(value);
        } catch {
            throw invalidAttributeValue(name, value, 'Invalid JSON.');
        }
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw invalidAttributeValue(name, value, 'Invalid JSON.');
    return parsed as Record<string, unknown>;
}

function intAttribute(name: string, value: string | object, range: { min: number; max: number }): number {
    const n = typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : NaN;
    if (!Number.isInteger(n) || n < range.min || n > range.max) {
        throw invalidAttributeValue(name, value, `Must be an integer from ${range.min} to ${range.max}.`);
    }
    return n;
}

function boolAttribute(name: string, value: string | object): boolean {
    if (value === 'true' || value === 'True' || value === 'TRUE') return true;
    if (value === 'false' || value === 'False' || value === 'FALSE') return false;
    throw invalidAttributeValue(name, value);
}

export function invalidAttributeName(name: string): AwsError {
    return new AwsError('InvalidAttributeName', `Unknown Attribute ${name}.`);
}

// AWS documents the constraints, not one code for every value error; InvalidParameterValue is what the
// query protocol and the conformance cases use.
export function invalidAttributeValue(name: string, value: unknown, reason?: string): AwsError {
    const shown = typeof value === 'object' ? JSON.stringify(value) : String(value);
    return invalidParameter(`Value ${shown} for parameter ${name} is invalid. Reason: ${reason ?? `Invalid value for the parameter ${name}.`}`);
}
