import { SNS_MAX_NUMBER_ATTRIBUTE } from './constants.js';
import { snsInvalidParameter } from './errors.js';
import type { AttributeInput, SnsMessageAttribute, SnsMessageAttributeMap } from './types.js';

const ATTRIBUTE_NAME = /^[A-Za-z0-9_.-]{1,256}$/;
const NUMBER_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

function baseType(dataType: string): string {
    return dataType === 'String.Array' ? dataType : dataType.split('.')[0]!;
}

function fractionDigits(text: string): number {
    const [mantissa = '', exponentText] = text.toLowerCase().split('e');
    const dot = mantissa.indexOf('.');
    const digits = dot < 0 ? 0 : mantissa.replace(/0+$/, '').length - dot - 1;
    return Math.max(0, digits - Number(exponentText ?? 0));
}

/** [SNS-DG] sns-message-attributes: names, the four types (with optional custom labels) and Number's range/precision. */
export function validateMessageAttributes(attributes: SnsMessageAttributeMap | undefined): void {
    for (const [name, attribute] of Object.entries(attributes ?? {})) {
        if (!ATTRIBUTE_NAME.test(name) || name.startsWith('.') || name.endsWith('.') || name.includes('..')
            || /^(aws|amazon)\./i.test(name)) {
            throw snsInvalidParameter(`MessageAttributes Reason: the message attribute name '${name}' is invalid`);
        }
        const dataType = attribute?.DataType;
        if (typeof dataType !== 'string' || !['String', 'String.Array', 'Number', 'Binary'].includes(baseType(dataType))) {
            throw snsInvalidParameter(`The message attribute '${name}' has an invalid message attribute type, the set of supported type prefixes is Binary, Number, and String.`);
        }
        const type = baseType(dataType);
        if (type === 'Binary') {
            if (attribute.BinaryValue === undefined || attribute.BinaryValue.length === 0) {
                throw snsInvalidParameter(`The message attribute '${name}' must contain non-empty message attribute value for message attribute type '${dataType}'.`);
            }
            continue;
        }
        const value = attribute.StringValue;
        if (typeof value !== 'string' || value.length === 0) {
            throw snsInvalidParameter(`The message attribute '${name}' must contain non-empty message attribute value for message attribute type '${dataType}'.`);
        }
        if (type === 'Number') {
            const number = Number(value);
            if (!NUMBER_TEXT.test(value.trim()) || !Number.isFinite(number) || Math.abs(number) > SNS_MAX_NUMBER_ATTRIBUTE
                || fractionDigits(value.trim()) > 5) {
                throw snsInvalidParameter(`The message attribute '${name}' with type 'Number' must be a number from -1e9 to 1e9 with at most 5 decimal places, got '${value}'.`);
            }
        } else if (type === 'String.Array') {
            let parsed: unknown;
            try {
                parsed = JSON.parse(value);
            } catch {
                parsed = undefined;
            }
            if (!Array.isArray(parsed) || parsed.some(v => typeof v === 'object' && v !== null)) {
                throw snsInvalidParameter(`The message attribute '${name}' with type 'String.Array' must be a JSON array of strings, numbers, true, false or null.`);
            }
        }
    }
}

export function utf8Length(text: string): number {
    return Buffer.byteLength(text, 'utf8');
}

function binaryLength(value: Uint8Array | string): number {
    return typeof value === 'string' ? Buffer.from(value, 'base64').length : value.length;
}

/** Bytes SNS counts toward the 256 KB limit: the message plus each attribute's name, type and value. */
export function publishSize(message: string, attributes: SnsMessageAttributeMap | undefined): number {
    let size = utf8Length(message);
    for (const [name, attribute] of Object.entries(attributes ?? {})) {
        size += utf8Length(name) + utf8Length(attribute.DataType ?? '');
        size += attribute.StringValue !== undefined ? utf8Length(attribute.StringValue)
            : attribute.BinaryValue !== undefined ? binaryLength(attribute.BinaryValue) : 0;
    }
    return size;
}

/** The `{name: {Type, Value}}` form used in envelopes (Binary values base64). */
export function envelopeAttributes(attributes: SnsMessageAttributeMap | undefined): Record<string, { Type: string; Value: string }> {
    const out: Record<string, { Type: string; Value: string }> = {};
    for (const [name, attribute] of Object.entries(attributes ?? {})) {
        out[name] = { Type: attribute.DataType, Value: attributeText(attribute) };
    }
    return out;
}

function attributeText(attribute: SnsMessageAttribute): string {
    if (attribute.StringValue !== undefined) {
        return attribute.StringValue;
    }
    const binary = attribute.BinaryValue;
    if (binary === undefined) {
        return '';
    }
    return typeof binary === 'string' ? binary : Buffer.from(binary).toString('base64');
}

/** Attribute maps arrive with string values on the wire; objects (policies) are JSON-encoded, booleans and numbers stringified. */
export function attributeString(value: string | number | boolean | object | undefined): string | undefined {
    if (value === undefined) {
        return undefined;
    }
    return typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
}

export function stringAttributes(input: AttributeInput | undefined): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [key, value] of Object.entries(input ?? {})) {
        out[key] = attributeString(value)!;
    }
    return out;
}
