import { AwsError, invalidParameter, missingParameter } from '../errors.js';
import { SQS } from './constants.js';
import { binaryBytes } from './digest.js';
import type { MessageAttributeMap } from './types.js';

// Allowed: #x9 #xA #xD #x20-#xD7FF #xE000-#xFFFD #x10000-#x10FFFF ([API-SQS] SendMessage). With the `u`
// flag a lone surrogate is its own code point, so it falls outside every range and is rejected.
const INVALID_CHARS = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

/** True when `text` holds a character SQS refuses in a message body (DOMAIN.md §1.1). */
export function hasInvalidBodyCharacters(text: string): boolean {
    return INVALID_CHARS.test(text);
}
const ATTRIBUTE_NAME = /^[A-Za-z0-9_\-.]{1,256}$/;
const BATCH_ENTRY_ID = /^[A-Za-z0-9_-]{1,80}$/;
// "alphanumeric characters and punctuation" ([API-SQS] SendMessage.MessageGroupId): printable ASCII without space.
const GROUP_OR_DEDUP_ID = /^[\x21-\x7e]{1,128}$/;

/** The body that passed `checkBody` last: a message fanned out to several queues is checked once, not per copy. */
let lastValidBody: string | undefined;

export function checkBody(body: unknown): string {
    if (body === lastValidBody) return body as string;
    if (body === undefined || body === null) throw missingParameter('MessageBody');
    if (typeof body !== 'string') throw invalidParameter('The parameter MessageBody must be a string.');
    if (body.length === 0) throw invalidParameter('The request must contain the parameter MessageBody.');
    if (hasInvalidBodyCharacters(body)) {
        throw new AwsError('InvalidMessageContents',
            'Invalid characters found. Valid unicode characters are #x9 | #xA | #xD | #x20 to #xD7FF | #xE000 to #xFFFD | #x10000 to #x10FFFF');
    }
    lastValidBody = body;
    return body;
}

/** UTF-8 length without allocating; the common all-ASCII body costs one pass. */
export function utf8Length(text: string): number {
    const n = text.length;
    let bytes = n;
    for (let i = 0; i < n; i++) {
        const c = text.charCodeAt(i);
        if (c < 0x80) continue;
        if (c < 0x800) bytes += 1;
        else if (c >= 0xd800 && c <= 0xdbff) { bytes += 2; i++; }
        else bytes += 2;
    }
    return bytes;
}

/** Validates message attributes and returns their size in bytes (name + type + value, as SQS counts). */
export function checkMessageAttributes(attributes: MessageAttributeMap | undefined): number {
    if (attributes === undefined) return 0;
    const names = Object.keys(attributes);
    if (names.length > SQS.maxMessageAttributes) {
        throw invalidParameter(`Number of message attributes [${names.length}] exceeds the allowed maximum [${SQS.maxMessageAttributes}].`);
    }
    let size = 0;
    for (const name of names) {
        const lower = name.toLowerCase();
        if (!ATTRIBUTE_NAME.test(name) || name.startsWith('.') || name.endsWith('.') || name.includes('..')
            || lower.startsWith('aws.') || lower.startsWith('amazon.')) {
            throw invalidParameter(`Message (user) attribute '${name}' is invalid.`);
        }
        const value = attributes[name]!;
        const type = value?.DataType;
        if (typeof type !== 'string' || type.length === 0) {
            throw invalidParameter(`The message attribute '${name}' must contain non-empty message attribute type.`);
        }
        const base = type.split('.')[0];
        if (base === 'String' || base === 'Number') {
            if (typeof value.StringValue !== 'string' || value.StringValue.length === 0) {
                throw invalidParameter(`The message attribute '${name}' must contain non-empty message attribute value for message attribute type '${type}'.`);
            }
            if (base === 'Number' && !Number.isFinite(Number(value.StringValue))) {
                throw invalidParameter(`Can't cast the value of message (user) attribute '${name}' to a number.`);
            }
            if (INVALID_CHARS.test(value.StringValue)) {
                throw new AwsError('InvalidMessageContents', `Message (user) attribute '${name}' value contains invalid characters.`);
            }
            size += utf8Length(value.StringValue);
        } else if (base === 'Binary') {
            const bytes = binaryBytes(value);
            if (bytes.length === 0) {
                throw invalidParameter(`The message attribute '${name}' must contain non-empty message attribute value for message attribute type '${type}'.`);
            }
            size += bytes.length;
        } else {
            throw invalidParameter(`The type of message (user) attribute '${name}' is invalid. You must use only the following supported type prefixes: Binary, Number, String.`);
        }
        size += utf8Length(name) + utf8Length(type);
    }
    return size;
}

/** Size of message attributes as SQS counts it, without validating them (for batch totals). */
export function messageAttributesSize(attributes: MessageAttributeMap | undefined): number {
    if (attributes === undefined || typeof attributes !== 'object') return 0;
    let size = 0;
    for (const [name, value] of Object.entries(attributes)) {
        size += utf8Length(name) + (typeof value?.DataType === 'string' ? utf8Length(value.DataType) : 0);
        if (typeof value?.StringValue === 'string') size += utf8Length(value.StringValue);
        else if (value?.BinaryValue !== undefined) size += binaryBytes(value).length;
    }
    return size;
}

export function checkGroupOrDedupId(parameter: string, value: unknown): string {
    if (typeof value !== 'string' || !GROUP_OR_DEDUP_ID.test(value)) {
        throw invalidParameter(`Value ${String(value)} for parameter ${parameter} is invalid. Reason: ${parameter} can only include alphanumeric and punctuation characters. 1 to 128 in length.`);
    }
    return value;
}

/** Request-level checks shared by the three batch actions ([API-SQS] SendMessageBatch; DOMAIN.md §1.7). */
export function checkBatchEntries(entries: readonly { Id: string }[] | undefined): void {
    if (!entries || entries.length === 0) {
        throw new AwsError('EmptyBatchRequest', 'There should be at least one SendMessageBatchRequestEntry in the request.',
            { queryCode: 'AWS.SimpleQueueService.EmptyBatchRequest' });
    }
    if (entries.length > SQS.maxBatchEntries) {
        throw new AwsError('TooManyEntriesInBatchRequest', `Maximum number of entries per request are ${SQS.maxBatchEntries}. You have sent ${entries.length}.`,
            { queryCode: 'AWS.SimpleQueueService.TooManyEntriesInBatchRequest' });
    }
    for (let i = 0; i < entries.length; i++) {
        const entry = entries[i]!;
        if (typeof entry.Id !== 'string' || !BATCH_ENTRY_ID.test(entry.Id)) {
            throw new AwsError('InvalidBatchEntryId', 'A batch entry id can only contain alphanumeric characters, hyphens and underscores. It can be at most 80 letters long.',
                { queryCode: 'AWS.SimpleQueueService.InvalidBatchEntryId' });
        }
        // At most 10 entries: a pairwise scan is cheaper than a Set.
        for (let j = 0; j < i; j++) {
            if (entries[j]!.Id === entry.Id) {
                throw new AwsError('BatchEntryIdsNotDistinct', `Id ${entry.Id} repeated.`,
                    { queryCode: 'AWS.SimpleQueueService.BatchEntryIdsNotDistinct' });
            }
        }
    }
}

export function checkIntegerParameter(name: string, value: unknown, min: number, max: number, reason?: string): number {
    const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
    if (typeof n !== 'number' || !Number.isInteger(n) || n < min || n > max) {
        throw invalidParameter(`Value ${String(value)} for parameter ${name} is invalid. Reason: ${reason ?? `Must be between ${min} and ${max}, if provided.`}`);
    }
    return n;
}
