import { arn as makeArn } from '../core/context.js';
import type { CloudContext } from '../core/context.js';
import type { Random } from '../core/random.js';
import { AwsError, invalidParameter, missingParameter } from '../errors.js';
import { applyAttributes, defaultConfig, invalidAttributeName, invalidAttributeValue, renderConfig } from './attributes.js';
import type { QueueConfig } from './attributes.js';
import { SQS } from './constants.js';
import { MessageMoveTasks } from './move-tasks.js';
import { QueueCore, missingDedupSource } from './queue-core.js';
import type { FifoQuotaOptions, QueueEnvironment, ReceiveOptions, ShortPollOptions, SqsHooks } from './queue-core.js';
import type { SqsMessage } from './message.js';
import { md5Hex } from './digest.js';
import { formatMessages, parseReceiveAttributeNames } from './receive-format.js';
import type * as T from './types.js';
import { checkBatchEntries, checkIntegerParameter, messageAttributesSize, utf8Length } from './validation.js';

export interface SqsOptions {
    /** Short-poll behaviour (DOMAIN.md §7): `full` (default) or seeded `sampled`. */
    shortPoll?: ShortPollOptions;
    /** FIFO transactions-per-second quotas (ThrottlingException); on by default. */
    fifoQuota?: FifoQuotaOptions;
    /**
     * Optional eventual consistency of SetQueueAttributes (DOMAIN.md §7): attributes take effect after
     * `attributesMs` (AWS: up to 60 s), MessageRetentionPeriod after `retentionMs` (AWS: up to 15 min).
     * Both default to 0 (immediate).
     */
    propagation?: { attributesMs?: number; retentionMs?: number };
}

const QUEUE_NAME = /^[A-Za-z0-9_-]{1,80}$/;
const QUEUE_ATTRIBUTE_NAMES: readonly string[] = [
    'Policy', 'VisibilityTimeout', 'MaximumMessageSize', 'MessageRetentionPeriod', 'ApproximateNumberOfMessages',
    'ApproximateNumberOfMessagesNotVisible', 'CreatedTimestamp', 'LastModifiedTimestamp', 'QueueArn',
    'ApproximateNumberOfMessagesDelayed', 'DelaySeconds', 'ReceiveMessageWaitTimeSeconds', 'RedrivePolicy',
    'FifoQueue', 'ContentBasedDeduplication', 'KmsMasterKeyId', 'KmsDataKeyReusePeriodSeconds',
    'DeduplicationScope', 'FifoThroughputLimit', 'RedriveAllowPolicy', 'SqsManagedSseEnabled'
];

/**
 * Amazon SQS in virtual time, with AWS's action names and request/response fields. Every action returns
 * a Promise; only a long poll that finds nothing waits (in virtual time, see `Cloud.runUntil`).
 *
 * The synchronous core is reachable through `getQueue(url)` (a `QueueCore`) for the scenario simulator,
 * which drives millions of messages and does not need promises.
 */
export class SqsService {
    /** Accounting hooks (assign any subset). */
    get hooks(): SqsHooks {
        return this.env.hooks;
    }

    set hooks(hooks: SqsHooks) {
        this.env.hooks = hooks;
    }

    private readonly ctx: CloudContext;
    private readonly env: QueueEnvironment;
    private readonly byUrl = new Map<string, QueueCore>();
    private readonly byName = new Map<string, QueueCore>();
    private readonly byArn = new Map<string, QueueCore>();
    private readonly deletedAt = new Map<string, number>();
    private readonly moves: MessageMoveTasks;
    private queueCount = 0;
    private readonly propagation: { attributesMs: number; retentionMs: number };

    constructor(ctx: CloudContext, options: SqsOptions = {}) {
        this.ctx = ctx;
        const ids: Random = ctx.random.fork('sqs-ids');
        const sampler: Random = ctx.random.fork('sqs-short-poll');
        this.env = {
            ctx,
            ids,
            sampler,
            shortPoll: options.shortPoll ?? { mode: 'full' },
            fifoQuota: {
                enabled: options.fifoQuota?.enabled ?? true,
                perQueueTps: options.fifoQuota?.perQueueTps ?? 300,
                highThroughputTps: options.fifoQuota?.highThroughputTps ?? 18_000
            },
            hooks: {},
            queueByArn: arn => this.byArn.get(arn)
        };
        this.propagation = { attributesMs: options.propagation?.attributesMs ?? 0, retentionMs: options.propagation?.retentionMs ?? 0 };
        this.moves = new MessageMoveTasks(ctx, ids, arn => this.byArn.get(arn), () => this.byArn.values());
    }

    // ---- synchronous access ---------------------------------------------------------------------

    /** The queue behind a QueueUrl (also accepts a queue name or ARN); throws QueueDoesNotExist. */
    getQueue(urlOrName: string): QueueCore {
        const queue = this.byUrl.get(urlOrName) ?? this.byName.get(urlOrName) ?? this.byArn.get(urlOrName);
        if (queue === undefined) throw queueDoesNotExist();
        return queue;
    }

    queueUrl(name: string): string {
        return `https://sqs.${this.ctx.region}.amazonaws.com/${this.ctx.accountId}/${name}`;
    }

    queueArn(name: string): string {
        return makeArn(this.ctx, 'sqs', name);
    }

    /** Every live queue, in creation order. */
    queues(): QueueCore[] {
        return [...this.byUrl.values()];
    }

    // ---- queues ---------------------------------------------------------------------------------

    async createQueue(request: T.CreateQueueRequest): Promise<T.CreateQueueResult> {
        return { QueueUrl: this.createQueueSync(request).url };
    }

    /** CreateQueue (DOMAIN.md §1.1): idempotent for identical attributes, QueueNameExists otherwise. */
    createQueueSync(request: T.CreateQueueRequest): QueueCore {
        const name = request?.QueueName;
        if (typeof name !== 'string' || name.length === 0) throw missingParameter('QueueName');
        const fifo = name.endsWith('.fifo');
        const base = fifo ? name.slice(0, -5) : name;
        if (name.length > SQS.maxQueueNameLength || !QUEUE_NAME.test(base)) {
            throw invalidParameter(fifo
                ? 'The name of a FIFO queue can only include alphanumeric characters, hyphens, or underscores, must end with .fifo suffix and be 1 to 80 in length.'
                : 'Can only include alphanumeric characters, hyphens, or underscores. 1 to 80 in length');
        }
        const attributes = request.Attributes ?? {};
        const fifoAttribute = attributes['FifoQueue'];
        const wantsFifo = fifoAttribute !== undefined && String(fifoAttribute).toLowerCase() === 'true';
        if (wantsFifo !== fifo) {
            throw invalidParameter(fifo
                ? 'The name of a FIFO queue can only include alphanumeric characters, hyphens, or underscores, must end with .fifo suffix and be 1 to 80 in length. Set the FifoQueue attribute to true.'
                : 'The FifoQueue attribute is true but the queue name does not end with .fifo.');
        }
        const config = applyAttributes(defaultConfig(fifo), attributes, true);
        const existing = this.byName.get(name);
        if (existing !== undefined) {
            const current = renderConfig(existing.config);
            const wanted = renderConfig(config);
            for (const key of Object.keys(attributes)) {
                if (current[key] !== wanted[key]) {
                    throw new AwsError('QueueNameExists', `A queue already exists with the same name and a different value for attribute ${key}`,
                        { queryCode: 'QueueAlreadyExists' });
                }
            }
            return existing;
        }
        const deletedAt = this.deletedAt.get(name);
        if (deletedAt !== undefined && this.ctx.clock.now() < deletedAt + SQS.deletedNameReuseMs) {
            throw new AwsError('QueueDeletedRecently', 'You must wait 60 seconds after deleting a queue before you can create another queue with the same name.',
                { queryCode: 'AWS.SimpleQueueService.QueueDeletedRecently' });
        }
        const arn = this.queueArn(name);
        this.checkRedrive(config, arn);
        const queue = new QueueCore(this.env, ++this.queueCount, name, this.queueUrl(name), arn, config);
        if (request.tags) queue.tags = { ...request.tags };
        this.byUrl.set(queue.url, queue);
        this.byName.set(name, queue);
        this.byArn.set(arn, queue);
        return queue;
    }

    async getQueueUrl(request: T.GetQueueUrlRequest): Promise<T.GetQueueUrlResult> {
        const queue = this.byName.get(request?.QueueName);
        if (queue === undefined) throw queueDoesNotExist();
        return { QueueUrl: queue.url };
    }

    async deleteQueue(request: T.DeleteQueueRequest): Promise<Record<string, never>> {
        const queue = this.getQueue(request?.QueueUrl);
        this.moves.cancelFor(queue);
        queue.destroy();
        this.byUrl.delete(queue.url);
        this.byName.delete(queue.name);
        this.byArn.delete(queue.arn);
        this.deletedAt.set(queue.name, this.ctx.clock.now());
        return {};
    }

    async listQueues(request: T.ListQueuesRequest = {}): Promise<T.ListQueuesResult> {
        const prefix = request.QueueNamePrefix ?? '';
        const urls = this.queues().filter(q => q.name.startsWith(prefix)).map(q => q.url);
        return { QueueUrls: request.MaxResults === undefined ? urls : urls.slice(0, request.MaxResults) };
    }

    async getQueueAttributes(request: T.GetQueueAttributesRequest): Promise<T.GetQueueAttributesResult> {
        return { Attributes: this.getQueueAttributesSync(request) };
    }

    /** GetQueueAttributes with exact counters (DOMAIN.md §1.2). */
    getQueueAttributesSync(request: T.GetQueueAttributesRequest): Record<string, string> {
        const queue = this.getQueue(request?.QueueUrl);
        const names = request.AttributeNames ?? [];
        for (const name of names) if (name !== 'All' && !QUEUE_ATTRIBUTE_NAMES.includes(name)) throw invalidAttributeName(name);
        const all = names.includes('All');
        const counts = queue.counts();
        const stored = renderConfig(queue.config);
        const values: Record<string, string> = {
            QueueArn: queue.arn,
            ApproximateNumberOfMessages: String(counts.visible),
            ApproximateNumberOfMessagesNotVisible: String(counts.inFlight),
            ApproximateNumberOfMessagesDelayed: String(counts.delayed),
            CreatedTimestamp: String(Math.floor((this.ctx.epochMs + queue.createdAt) / 1000)),
            LastModifiedTimestamp: String(Math.floor((this.ctx.epochMs + queue.lastModifiedAt) / 1000)),
            ...stored
        };
        const out: Record<string, string> = {};
        for (const name of all ? QUEUE_ATTRIBUTE_NAMES : names) {
            const value = values[name];
            if (value !== undefined) out[name] = value;
        }
        return out;
    }

    async setQueueAttributes(request: T.SetQueueAttributesRequest): Promise<Record<string, never>> {
        const queue = this.getQueue(request?.QueueUrl);
        const attributes = request.Attributes ?? {};
        const config = applyAttributes(queue.config, attributes, false);
        if ('RedrivePolicy' in attributes) this.checkRedrive(config, queue.arn);
        const { attributesMs, retentionMs } = this.propagation;
        if (attributesMs === 0 && retentionMs === 0) {
            queue.setAttributes(attributes, config);
            return {};
        }
        // Validated now, in effect later: retention on its own (longer) schedule.
        const { MessageRetentionPeriod: retention, ...others } = attributes;
        const clock = this.ctx.clock;
        const later = (delayMs: number, part: T.QueueAttributeInput): void => {
            if (Object.keys(part).length === 0) return;
            const apply = (): void => {
                if (!queue.deleted) queue.setAttributes(part);
            };
            if (delayMs === 0) apply();
            else clock.scheduleInternal(clock.now() + delayMs, apply);
        };
        later(attributesMs, others);
        later(retentionMs, retention === undefined ? {} : { MessageRetentionPeriod: retention });
        return {};
    }

    async tagQueue(request: T.TagQueueRequest): Promise<Record<string, never>> {
        const queue = this.getQueue(request?.QueueUrl);
        queue.tags = { ...queue.tags, ...request.Tags };
        return {};
    }

    async untagQueue(request: T.UntagQueueRequest): Promise<Record<string, never>> {
        const queue = this.getQueue(request?.QueueUrl);
        for (const key of request.TagKeys ?? []) delete queue.tags[key];
        return {};
    }

    async listQueueTags(request: { QueueUrl: string }): Promise<T.ListQueueTagsResult> {
        return { Tags: { ...this.getQueue(request?.QueueUrl).tags } };
    }

    /** The DLQ must exist, have the same type and allow this source (DOMAIN.md §1.9). */
    private checkRedrive(config: QueueConfig, sourceArn: string): void {
        const policy = config.redrivePolicy;
        if (policy === undefined) return;
        const target = this.byArn.get(policy.deadLetterTargetArn);
        if (target === undefined) {
            throw invalidAttributeValue('RedrivePolicy', policy, `Dead letter target does not exist: ${policy.deadLetterTargetArn}`);
        }
        if (target.fifo !== config.fifo) {
            throw invalidAttributeValue('RedrivePolicy', policy,
                'Dead-letter queue must be same type of queue as the source (FIFO for FIFO queues, standard for standard queues).');
        }
        const allow = target.config.redriveAllowPolicy;
        if (allow?.redrivePermission === 'denyAll'
            || (allow?.redrivePermission === 'byQueue' && !allow.sourceQueueArns?.includes(sourceArn))) {
            throw invalidAttributeValue('RedrivePolicy', policy, `The RedriveAllowPolicy of ${target.arn} does not allow this queue as a source.`);
        }
    }

    async listDeadLetterSourceQueues(request: T.ListDeadLetterSourceQueuesRequest): Promise<T.ListDeadLetterSourceQueuesResult> {
        const dlq = this.getQueue(request?.QueueUrl);
        const urls = this.queues().filter(q => q.config.redrivePolicy?.deadLetterTargetArn === dlq.arn).map(q => q.url);
        return { queueUrls: request.MaxResults === undefined ? urls : urls.slice(0, request.MaxResults) };
    }

    // ---- messages -------------------------------------------------------------------------------

    async sendMessage(request: T.SendMessageRequest): Promise<T.SendMessageResult> {
        const queue = this.getQueue(request?.QueueUrl);
        queue.consumeTransaction('send');
        const m = queue.sendFields(request.MessageBody, request.DelaySeconds, request.MessageAttributes,
            request.MessageGroupId, request.MessageDeduplicationId, undefined);
        return sendResult(queue, m, request.MessageBody, { MessageId: '', MD5OfMessageBody: '' });
    }

    /** SendMessageBatch (DOMAIN.md §1.7): request-level errors throw, entry-level ones land in `Failed`. */
    async sendMessageBatch(request: T.SendMessageBatchRequest): Promise<T.SendMessageBatchResult> {
        const queue = this.getQueue(request?.QueueUrl);
        const entries = request.Entries;
        checkBatchEntries(entries);
        queue.consumeTransaction('send');
        // A UTF-16 code unit is at most 3 UTF-8 bytes: count exactly only when the cheap bound is too high.
        let bound = 0;
        for (const entry of entries) {
            bound += typeof entry.MessageBody === 'string' ? entry.MessageBody.length * 3 : 0;
            if (entry.MessageAttributes !== undefined) bound += messageAttributesSize(entry.MessageAttributes);
        }
        let payload = 0;
        if (bound > SQS.maxBatchPayloadBytes) {
            for (const entry of entries) {
                payload += (typeof entry.MessageBody === 'string' ? utf8Length(entry.MessageBody) : 0) + messageAttributesSize(entry.MessageAttributes);
            }
        }
        if (payload > SQS.maxBatchPayloadBytes) {
            throw new AwsError('BatchRequestTooLong', `Batch requests cannot be longer than ${SQS.maxBatchPayloadBytes} bytes. You have sent ${payload} bytes.`,
                { queryCode: 'AWS.SimpleQueueService.BatchRequestTooLong' });
        }
        if (queue.fifo) {
            // AWS rejects the whole FIFO batch when an entry lacks a group or a deduplication source.
            for (const entry of entries) if (entry.MessageGroupId === undefined) throw missingParameter('MessageGroupId');
            if (!queue.config.contentBasedDeduplication) {
                for (const entry of entries) if (entry.MessageDeduplicationId === undefined) throw missingDedupSource();
            }
        }
        const Successful: T.SendMessageBatchResultEntry[] = [];
        const Failed: T.BatchResultErrorEntry[] = [];
        for (const entry of entries) {
            try {
                const m = queue.sendFields(entry.MessageBody, entry.DelaySeconds, entry.MessageAttributes,
                    entry.MessageGroupId, entry.MessageDeduplicationId, undefined);
                Successful.push(sendResult(queue, m, entry.MessageBody, { Id: entry.Id, MessageId: '', MD5OfMessageBody: '' }));
            } catch (error) {
                Failed.push(entryFailure(entry.Id, error));
            }
        }
        return { Successful, Failed };
    }

    /** ReceiveMessage (DOMAIN.md §1.3): short poll, or a long poll that waits in virtual time. */
    receiveMessage(request: T.ReceiveMessageRequest): Promise<T.ReceiveMessageResult> {
        try {
            const queue = this.getQueue(request?.QueueUrl);
            const max = request.MaxNumberOfMessages === undefined ? 1
                : checkIntegerParameter('MaxNumberOfMessages', request.MaxNumberOfMessages, SQS.maxNumberOfMessages.min, SQS.maxNumberOfMessages.max);
            const wait = request.WaitTimeSeconds === undefined ? queue.config.receiveMessageWaitTimeSeconds
                : checkIntegerParameter('WaitTimeSeconds', request.WaitTimeSeconds, SQS.receiveMessageWaitTimeSeconds.min,
                    SQS.receiveMessageWaitTimeSeconds.max, 'Must be >= 0 and <= 20, if provided.');
            const visibilityTimeout = request.VisibilityTimeout === undefined ? undefined
                : checkIntegerParameter('VisibilityTimeout', request.VisibilityTimeout, SQS.visibilityTimeout.min, SQS.visibilityTimeout.max);
            const names = parseReceiveAttributeNames(request);
            queue.consumeTransaction('receive');
            const options: ReceiveOptions = { max, visibilityTimeout, attemptId: request.ReceiveRequestAttemptId };
            const messages = queue.receiveNow(options, wait === 0);
            const epoch = this.ctx.epochMs;
            const account = this.ctx.accountId;
            if (messages.length > 0 || wait === 0) {
                return Promise.resolve({ Messages: formatMessages(messages, names, epoch, account) });
            }
            return new Promise(resolve => {
                queue.wait(options, wait * 1000, later => resolve({ Messages: formatMessages(later, names, epoch, account) }), true);
            });
        } catch (error) {
            return Promise.reject(error);
        }
    }

    async deleteMessage(request: T.DeleteMessageRequest): Promise<Record<string, never>> {
        const queue = this.getQueue(request?.QueueUrl);
        if (request.ReceiptHandle === undefined) throw missingParameter('ReceiptHandle');
        queue.consumeTransaction('delete');
        queue.deleteMessage(request.ReceiptHandle);
        return {};
    }

    async deleteMessageBatch(request: T.DeleteMessageBatchRequest): Promise<T.BatchResult> {
        const queue = this.getQueue(request?.QueueUrl);
        checkBatchEntries(request.Entries);
        queue.consumeTransaction('delete');
        const result: T.BatchResult = { Successful: [], Failed: [] };
        for (const entry of request.Entries) {
            try {
                queue.deleteMessage(entry.ReceiptHandle);
                result.Successful.push({ Id: entry.Id });
            } catch (error) {
                result.Failed.push(entryFailure(entry.Id, error));
            }
        }
        return result;
    }

    async changeMessageVisibility(request: T.ChangeMessageVisibilityRequest): Promise<Record<string, never>> {
        const queue = this.getQueue(request?.QueueUrl);
        if (request.ReceiptHandle === undefined) throw missingParameter('ReceiptHandle');
        if (request.VisibilityTimeout === undefined) throw missingParameter('VisibilityTimeout');
        queue.changeVisibility(request.ReceiptHandle, request.VisibilityTimeout);
        return {};
    }

    async changeMessageVisibilityBatch(request: T.ChangeMessageVisibilityBatchRequest): Promise<T.BatchResult> {
        const queue = this.getQueue(request?.QueueUrl);
        checkBatchEntries(request.Entries);
        const result: T.BatchResult = { Successful: [], Failed: [] };
        for (const entry of request.Entries) {
            try {
                queue.changeVisibility(entry.ReceiptHandle, entry.VisibilityTimeout);
                result.Successful.push({ Id: entry.Id });
            } catch (error) {
                result.Failed.push(entryFailure(entry.Id, error));
            }
        }
        return result;
    }

    async purgeQueue(request: T.PurgeQueueRequest): Promise<Record<string, never>> {
        this.getQueue(request?.QueueUrl).purge();
        return {};
    }

    // ---- dead-letter redrive --------------------------------------------------------------------

    async startMessageMoveTask(request: T.StartMessageMoveTaskRequest): Promise<T.StartMessageMoveTaskResult> {
        return { TaskHandle: this.moves.start(request) };
    }

    async cancelMessageMoveTask(request: T.CancelMessageMoveTaskRequest): Promise<T.CancelMessageMoveTaskResult> {
        return { ApproximateNumberOfMessagesMoved: this.moves.cancel(request?.TaskHandle) };
    }

    async listMessageMoveTasks(request: T.ListMessageMoveTasksRequest): Promise<T.ListMessageMoveTasksResult> {
        return { Results: this.moves.list(request?.SourceArn, request?.MaxResults) };
    }
}

/** Fills a SendMessage(Batch) result from the new message, or from the original of a FIFO duplicate. */
function sendResult<R extends T.SendMessageResult>(queue: QueueCore, m: SqsMessage | undefined, body: string, result: R): R {
    if (m !== undefined) {
        result.MessageId = m.messageId;
        result.MD5OfMessageBody = m.md5OfBody;
        if (m.md5OfMessageAttributes !== undefined) result.MD5OfMessageAttributes = m.md5OfMessageAttributes;
        if (m.sequenceNumber !== undefined) result.SequenceNumber = m.sequenceNumber;
        return result;
    }
    const original = queue.lastDuplicate!;
    result.MessageId = original.messageId;
    result.MD5OfMessageBody = md5Hex(body);
    if (original.md5OfMessageAttributes !== undefined) result.MD5OfMessageAttributes = original.md5OfMessageAttributes;
    if (original.sequenceNumber !== undefined) result.SequenceNumber = original.sequenceNumber;
    return result;
}

function queueDoesNotExist(): AwsError {
    return new AwsError('QueueDoesNotExist', 'The specified queue does not exist.', { queryCode: 'AWS.SimpleQueueService.NonExistentQueue' });
}

function entryFailure(id: string, error: unknown): T.BatchResultErrorEntry {
    if (!(error instanceof AwsError)) throw error;
    return { Id: id, SenderFault: error.senderFault, Code: error.code, Message: error.message };
}
