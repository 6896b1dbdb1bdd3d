import type { SqsMessage } from './message.js';
import type { Message, MessageAttributeMap, ReceiveMessageRequest } from './types.js';
import { md5OfMessageAttributes } from './digest.js';

/** Which attributes a ReceiveMessage asked for, parsed once per request. */
export interface ReceiveAttributeNames {
    system: 'all' | ReadonlySet<string> | undefined;
    /** `all`, or names and `prefix.*` patterns. */
    user: 'all' | { names: ReadonlySet<string>; prefixes: string[] } | undefined;
}

export function parseReceiveAttributeNames(request: ReceiveMessageRequest): ReceiveAttributeNames {
    const systemNames = [...(request.AttributeNames ?? []), ...(request.MessageSystemAttributeNames ?? [])];
    const system = systemNames.length === 0 ? undefined : systemNames.includes('All') ? 'all' as const : new Set(systemNames);
    const userNames = request.MessageAttributeNames ?? [];
    let user: ReceiveAttributeNames['user'];
    if (userNames.length > 0) {
        if (userNames.includes('All') || userNames.includes('.*')) {
            user = 'all';
        } else {
            user = {
                names: new Set(userNames.filter(n => !n.endsWith('.*'))),
                prefixes: userNames.filter(n => n.endsWith('.*')).map(n => n.slice(0, -1))
            };
        }
    }
    return { system, user };
}

/** Snapshots received messages into AWS's `Messages[]` shape (values as of this receive). */
export function formatMessages(messages: readonly SqsMessage[], names: ReceiveAttributeNames, epochMs: number, accountId: string): Message[] {
    const out: Message[] = new Array(messages.length);
    for (let i = 0; i < messages.length; i++) {
        const m = messages[i]!;
        const message: Message = { MessageId: m.messageId, ReceiptHandle: m.receiptHandle!, MD5OfBody: m.md5OfBody, Body: m.body };
        if (names.system !== undefined) message.Attributes = systemAttributes(m, names.system, epochMs, accountId);
        if (names.user !== undefined && m.messageAttributes !== undefined) {
            const selected = selectUserAttributes(m.messageAttributes, names.user);
            if (selected !== undefined) {
                message.MessageAttributes = selected;
                message.MD5OfMessageAttributes = selected === m.messageAttributes ? m.md5OfMessageAttributes! : md5OfMessageAttributes(selected);
            }
        }
        out[i] = message;
    }
    return out;
}

function systemAttributes(m: SqsMessage, wanted: 'all' | ReadonlySet<string>, epochMs: number, accountId: string): Record<string, string> {
    const all: Record<string, string> = {
        SenderId: accountId,
        SentTimestamp: String(epochMs + m.sentAt),
        ApproximateReceiveCount: String(m.receiveCount),
        ApproximateFirstReceiveTimestamp: String(epochMs + m.firstReceiveAt)
    };
    if (m.groupId !== undefined) all['MessageGroupId'] = m.groupId;
    if (m.dedupId !== undefined) all['MessageDeduplicationId'] = m.dedupId;
    if (m.sequenceNumber !== undefined) all['SequenceNumber'] = m.sequenceNumber;
    if (m.deadLetterSourceArn !== undefined) all['DeadLetterQueueSourceArn'] = m.deadLetterSourceArn;
    if (wanted === 'all') return all;
    const out: Record<string, string> = {};
    for (const name of wanted) if (all[name] !== undefined) out[name] = all[name]!;
    return out;
}

function selectUserAttributes(attributes: MessageAttributeMap, wanted: Exclude<ReceiveAttributeNames['user'], undefined>): MessageAttributeMap | undefined {
    if (wanted === 'all') return attributes;
    const out: MessageAttributeMap = {};
    let any = false;
    let every = true;
    for (const [name, value] of Object.entries(attributes)) {
        if (wanted.names.has(name) || wanted.prefixes.some(p => name.startsWith(p))) {
            out[name] = value;
            any = true;
        } else {
            every = false;
        }
    }
    if (!any) return undefined;
    return every ? attributes : out;
}
