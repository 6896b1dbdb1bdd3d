import type { FilterPolicyScope } from '../model/architecture-model.js';

export type { FilterPolicyScope };

/** A problem found in a filter policy; `path` holds the keys and array indexes from the policy root to the offending JSON value. */
export interface FilterPolicyIssue {
    message: string;
    path: Array<string | number>;
}

/** One message attribute as SNS Publish receives it. */
export interface SnsMessageAttributeValue {
    DataType: string;
    StringValue?: string;
    BinaryValue?: Uint8Array | string;
}

/** The part of an SNS Publish request that filter policies look at. */
export interface SnsFilterableMessage {
    Message: string;
    MessageAttributes?: Record<string, SnsMessageAttributeValue>;
}

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export function isPlainObject(value: unknown): value is Record<string, unknown> {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
