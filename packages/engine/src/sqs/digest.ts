import { createHash } from 'node:crypto';
import type { MessageAttributeMap, MessageAttributeValue } from './types.js';

export { md5Hex, sha256Hex } from '../core/hashing.js';

/**
 * MD5OfMessageAttributes as SQS computes it: attributes sorted by name, each encoded as
 * length-prefixed name, length-prefixed data type, a transport byte (1 = string, 2 = binary) and the
 * length-prefixed value; lengths are 4-byte big-endian.
 */
export function md5OfMessageAttributes(attributes: MessageAttributeMap): string {
    const parts: Buffer[] = [];
    for (const name of Object.keys(attributes).sort()) {
        const value = attributes[name]!;
        pushLengthPrefixed(parts, Buffer.from(name, 'utf8'));
        pushLengthPrefixed(parts, Buffer.from(value.DataType, 'utf8'));
        if (value.StringValue !== undefined) {
            parts.push(Buffer.from([1]));
            pushLengthPrefixed(parts, Buffer.from(value.StringValue, 'utf8'));
        } else {
            parts.push(Buffer.from([2]));
            pushLengthPrefixed(parts, binaryBytes(value));
        }
    }
    return createHash('md5').update(Buffer.concat(parts)).digest('hex');
}

export function binaryBytes(value: MessageAttributeValue): Buffer {
    const raw = value.BinaryValue;
    if (raw === undefined) return Buffer.alloc(0);
    return typeof raw === 'string' ? Buffer.from(raw, 'base64') : Buffer.from(raw);
}

function pushLengthPrefixed(parts: Buffer[], bytes: Buffer): void {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(bytes.length, 0);
    parts.push(length, bytes);
}
