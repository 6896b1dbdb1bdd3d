import { sha256Hex } from '../core/hashing.js';
import type { Random } from '../core/random.js';
import { AwsError } from '../errors.js';
import {
    SNS_FIFO_TOPIC_MAX_BYTES_PER_SECOND, SNS_FIFO_TOPIC_MAX_MESSAGES_PER_SECOND, SNS_MAX_BATCH_ENTRIES, SNS_MAX_MESSAGE_BYTES
} from './constants.js';
import { deliver, type DeliveryContext } from './delivery.js';
import type { PublishedMessage } from './envelope.js';
import { snsBatchError, snsInvalidParameter } from './errors.js';
import { checkPublish } from './publish-validation.js';
import type { Topic } from './topic.js';
import type * as T from './types.js';

export function throttled(): AwsError {
    return new AwsError('Throttled', 'Rate exceeded', { statusCode: 429 });
}

/** What publishing needs from the service: IDs, and the delivery machinery. */
export interface PublishContext {
    readonly random: Random;
    readonly delivery: DeliveryContext;
}

/** PublishBatch's request-level checks ([API-SNS] PublishBatch): entry count, Ids, total size. */
export function checkBatch(request: T.PublishBatchRequest): T.PublishBatchRequestEntry[] {
    const entries = request.PublishBatchRequestEntries;
    if (!Array.isArray(entries) || entries.length === 0) {
        throw snsBatchError('EmptyBatchRequest', 'The batch request doesn\'t contain any entries');
    }
    if (entries.length > SNS_MAX_BATCH_ENTRIES) {
        throw snsBatchError('TooManyEntriesInBatchRequest', `The batch request contains more entries than permissible (${SNS_MAX_BATCH_ENTRIES})`);
    }
    const ids = new Set<string>();
    for (const entry of entries) {
        if (typeof entry?.Id !== 'string' || !/^[A-Za-z0-9_-]{1,80}$/.test(entry.Id)) {
            throw snsBatchError('InvalidBatchEntryId', 'The Id of a batch entry in a batch request doesn\'t abide by the specification');
        }
        if (ids.has(entry.Id)) {
            throw snsBatchError('BatchEntryIdsNotDistinct', 'Two or more batch entries in the request have the same Id');
        }
        ids.add(entry.Id);
    }
    let total = 0;
    for (const entry of entries) {
        total += typeof entry.Message === 'string' ? Buffer.byteLength(entry.Message, 'utf8') : 0;
        for (const [name, attribute] of Object.entries(entry.MessageAttributes ?? {})) {
            total += Buffer.byteLength(name) + Buffer.byteLength(attribute?.DataType ?? '') + Buffer.byteLength(attribute?.StringValue ?? '');
        }
    }
    if (total > SNS_MAX_MESSAGE_BYTES) {
        throw snsBatchError('BatchRequestTooLong', `The length of all the messages put together is more than the limit (${SNS_MAX_MESSAGE_BYTES} bytes)`);
    }
    return entries;
}

/** Publishes the entries in order (FIFO batches: dedup applies within the batch and across batches). */
export function publishEntries(
    ctx: PublishContext, topic: Topic, entries: T.PublishBatchRequestEntry[], tags: Record<string, unknown> | undefined
): T.PublishBatchResult {
    const result: T.PublishBatchResult = { Successful: [], Failed: [] };
    // FIFO batches are published in entry order; dedup applies within the batch and across batches.
    for (const entry of entries) {
        try {
            const published = publishToTopic(ctx, topic, entry, tags?.[entry.Id]);
            result.Successful.push({ Id: entry.Id, ...published });
        } catch (error) {
            if (!(error instanceof AwsError)) throw error;
            result.Failed.push({ Id: entry.Id, Code: error.code, Message: error.message, SenderFault: error.senderFault });
        }
    }
    return result;
}

/** One Publish on a topic: checks, FIFO quota and dedup, then fan-out. */
export function publishToTopic(ctx: PublishContext, topic: Topic, request: Omit<T.PublishBatchRequestEntry, 'Id'>, tag: unknown): T.PublishResult {
    const checked = checkPublish(request);
    const now = ctx.delivery.clock.now();
    let deduplicationId: string | undefined;
    if (topic.fifo && topic.throughputScope === 'Topic'
        && !topic.publishWindow.tryTake(now, 1, checked.size, SNS_FIFO_TOPIC_MAX_MESSAGES_PER_SECOND, SNS_FIFO_TOPIC_MAX_BYTES_PER_SECOND)) {
        throw throttled();
    }
    if (topic.fifo) {
        const groupId = request.MessageGroupId;
        if (typeof groupId !== 'string' || !/^[\x21-\x7e]{1,128}$/.test(groupId)) {
            throw snsInvalidParameter('The MessageGroupId parameter is required for FIFO topics');
        }
        deduplicationId = request.MessageDeduplicationId;
        if (deduplicationId === undefined) {
            if (!topic.contentBasedDeduplication) {
                throw snsInvalidParameter('The topic should either have ContentBasedDeduplication enabled or MessageDeduplicationId provided explicitly');
            }
            deduplicationId = sha256Hex(request.Message);
        } else if (typeof deduplicationId !== 'string' || !/^[\x21-\x7e]{1,128}$/.test(deduplicationId)) {
            throw snsInvalidParameter('MessageDeduplicationId');
        }
        const dedupKey = topic.throughputScope === 'MessageGroup' ? `${groupId}\u0000${deduplicationId}` : deduplicationId;
        const duplicate = topic.dedup.find(dedupKey, now);
        if (duplicate) {
            topic.counters.deduplicated++;
            return { MessageId: duplicate.messageId, SequenceNumber: duplicate.sequenceNumber };
        }
        const sequenceNumber = String(topic.nextSequence);
        topic.nextSequence += 1n;
        const messageId = ctx.random.uuid();
        topic.dedup.remember(dedupKey, now, messageId, sequenceNumber);
        fanOut(ctx, topic, {
            messageId, topicArn: topic.arn, message: request.Message, publishedAt: now, fifo: true, sequenceNumber,
            messageGroupId: groupId, deduplicationId,
            ...optionalParts(request, checked.perProtocol, tag)
        }, checked.size);
        return { MessageId: messageId, SequenceNumber: sequenceNumber };
    }
    if (request.MessageDeduplicationId !== undefined) {
        throw snsInvalidParameter('MessageDeduplicationId Reason: The request includes MessageDeduplicationId parameter that is not valid for this topic type');
    }
    if (request.MessageGroupId !== undefined && (typeof request.MessageGroupId !== 'string' || !/^[\x21-\x7e]{1,128}$/.test(request.MessageGroupId))) {
        throw snsInvalidParameter('MessageGroupId');
    }
    const messageId = ctx.random.uuid();
    fanOut(ctx, topic, {
        messageId, topicArn: topic.arn, message: request.Message, publishedAt: now, fifo: false,
        ...(request.MessageGroupId !== undefined ? { messageGroupId: request.MessageGroupId } : {}),
        ...optionalParts(request, checked.perProtocol, tag)
    }, checked.size);
    return { MessageId: messageId };
}

function optionalParts(request: Omit<T.PublishBatchRequestEntry, 'Id'>, perProtocol: Record<string, string> | undefined, tag: unknown): Partial<PublishedMessage> {
    return {
        ...(tag !== undefined ? { tag } : {}),
        ...(request.Subject !== undefined ? { subject: request.Subject } : {}),
        ...(request.MessageAttributes && Object.keys(request.MessageAttributes).length > 0 ? { attributes: request.MessageAttributes } : {}),
        ...(perProtocol ? { perProtocol } : {})
    };
}

/** Each confirmed subscription independently: filter, then deliver (DOMAIN.md §2.6). */
function fanOut(ctx: PublishContext, topic: Topic, published: PublishedMessage, size: number): void {
    topic.counters.published++;
    topic.counters.publishedBytes += size;
    const emit = ctx.delivery.emit;
    for (const subscription of [...topic.subscriptions.values()]) {
        if (!subscription.confirmed) continue;
        if (subscription.filter) {
            const filterInput = {
                Message: published.perProtocol?.[subscription.protocol] ?? published.perProtocol?.['default'] ?? published.message,
                ...(published.attributes ? { MessageAttributes: published.attributes } : {})
            };
            if (!subscription.filter(filterInput)) {
                subscription.counters.filteredOut++;
                topic.counters.filteredOut++;
                emit?.({
                    type: 'filtered', at: published.publishedAt, topicArn: topic.arn, subscriptionArn: subscription.arn,
                    messageId: published.messageId, reason: subscription.filter.explain(filterInput) ?? 'filtered out'
                });
                continue;
            }
        }
        deliver(subscription, published, ctx.delivery);
    }
}
