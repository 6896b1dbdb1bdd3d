import { publishSize, validateMessageAttributes } from './attributes.js';
import { SNS_MAX_MESSAGE_BYTES, SNS_MAX_SUBJECT_LENGTH } from './constants.js';
import { snsInvalidParameter } from './errors.js';
import type { PublishBatchRequestEntry } from './types.js';

/** The message after Publish's checks: per-protocol texts for MessageStructure=json, and its size. */
export interface CheckedPublish {
    perProtocol?: Record<string, string>;
    size: number;
}

/** [API-SNS] Publish parameter rules shared by Publish and each PublishBatch entry (topic-type rules are separate). */
export function checkPublish(request: Omit<PublishBatchRequestEntry, 'Id'>): CheckedPublish {
    const message: unknown = request.Message;
    if (typeof message !== 'string' || message.length === 0) {
        throw snsInvalidParameter('Empty message');
    }
    if (request.Subject !== undefined) {
        const subject = request.Subject;
        if (typeof subject !== 'string' || subject.length === 0 || subject.length > SNS_MAX_SUBJECT_LENGTH
            || !/^[\x20-\x7e]+$/.test(subject) || subject.startsWith(' ')) {
            throw snsInvalidParameter('Subject');
        }
    }
    let perProtocol: Record<string, string> | undefined;
    if (request.MessageStructure !== undefined) {
        if (request.MessageStructure !== 'json') {
            throw snsInvalidParameter('MessageStructure');
        }
        let parsed: unknown;
        try {
            parsed = JSON.parse(message);
        } catch {
            throw snsInvalidParameter('Message Structure - JSON message body failed to parse');
        }
        if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed) || typeof (parsed as Record<string, unknown>)['default'] !== 'string') {
            throw snsInvalidParameter('Message Structure - No default entry in JSON message body');
        }
        perProtocol = {};
        for (const [protocol, text] of Object.entries(parsed as Record<string, unknown>)) {
            if (typeof text === 'string') perProtocol[protocol] = text;
        }
    }
    validateMessageAttributes(request.MessageAttributes);
    const size = publishSize(message, request.MessageAttributes);
    if (size > SNS_MAX_MESSAGE_BYTES) {
        throw snsInvalidParameter(`Message too long (${size} bytes; the limit is ${SNS_MAX_MESSAGE_BYTES} bytes including message attributes)`);
    }
    return { ...(perProtocol ? { perProtocol } : {}), size };
}
