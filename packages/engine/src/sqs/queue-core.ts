import type { Cancellable } from '../core/clock.js';
import type { CloudContext } from '../core/context.js';
import { Deque } from '../core/deque.js';
import { Fenwick } from '../core/fenwick.js';
import type { Random } from '../core/random.js';
import { TimerHeap } from '../core/timer-heap.js';
import { AwsError, invalidParameter, missingParameter } from '../errors.js';
import { applyAttributes } from './attributes.js';
import type { QueueConfig } from './attributes.js';
import { SQS } from './constants.js';
import { md5Hex, md5OfMessageAttributes, sha256Hex } from './digest.js';
import { DELAYED, FifoGroup, GONE, IN_FLIGHT, SqsMessage, VISIBLE } from './message.js';
import type { MessageIdentity, RemovalReason } from './message.js';
import type { MessageAttributeMap, QueueAttributeInput } from './types.js';
import { checkBody, checkGroupOrDedupId, checkIntegerParameter, checkMessageAttributes, utf8Length } from './validation.js';

/** Observers for the simulator's accounting; every hook is optional and called synchronously. */
export interface SqsHooks {
    onSent?(queue: QueueCore, message: SqsMessage): void;
    /** A FIFO send that was accepted but not enqueued because its deduplication ID was seen within 5 minutes. */
    onDeduplicated?(queue: QueueCore, input: SendInput): void;
    onReceived?(queue: QueueCore, message: SqsMessage): void;
    /** A long poll ended with no messages (a ReceiveMessage that counts in NumberOfEmptyReceives). */
    onEmptyReceive?(queue: QueueCore): void;
    onRemoved?(queue: QueueCore, message: SqsMessage, reason: RemovalReason): void;
}

export interface ShortPollOptions {
    /** `full` (default): a short poll returns min(max, available). `sampled`: AWS-like partial answers. */
    mode: 'full' | 'sampled';
    /** In sampled mode, the chance that each visible message is seen by one short poll. Default 0.5. */
    sampleRate?: number;
}

/** FIFO transaction quotas ([SQS-DG] quotas-messages.html; DOMAIN.md §1.6). */
export interface FifoQuotaOptions {
    /** Enforce them on the AWS-shaped API (default true). The synchronous core never checks them itself. */
    enabled?: boolean;
    /** Transactions per second per API action without high throughput (default 300). */
    perQueueTps?: number;
    /** With high throughput (FifoThroughputLimit=perMessageGroupId); Region-dependent, default 18,000. */
    highThroughputTps?: number;
}

/** The API actions FIFO quotas count separately; a batch call is one transaction. */
export type QuotaAction = 'send' | 'receive' | 'delete';

/** What a queue needs from its service. */
export interface QueueEnvironment {
    readonly ctx: CloudContext;
    readonly fifoQuota: Required<FifoQuotaOptions>;
    readonly ids: Random;
    readonly sampler: Random;
    readonly shortPoll: ShortPollOptions;
    hooks: SqsHooks;
    queueByArn(arn: string): QueueCore | undefined;
}

/** A send, already in the engine's terms (the public API maps SendMessage onto this). */
export interface SendInput {
    body: string;
    delaySeconds?: number | undefined;
    messageAttributes?: MessageAttributeMap | undefined;
    groupId?: string | undefined;
    dedupId?: string | undefined;
    /** Passed through to `SqsMessage.tag` for the simulator's own bookkeeping. */
    tag?: unknown;
}

export interface SendOutcome {
    /** The enqueued message, or undefined when the send was deduplicated. */
    message: SqsMessage | undefined;
    messageId: string;
    readonly md5OfBody: string;
    md5OfMessageAttributes: string | undefined;
    sequenceNumber: string | undefined;
}

export interface ReceiveOptions {
    max: number;
    /** Overrides the queue's VisibilityTimeout for the returned messages (seconds). */
    visibilityTimeout?: number | undefined;
    /** FIFO ReceiveRequestAttemptId. */
    attemptId?: string | undefined;
}

/** A long poll waiting on a queue; `cancel` withdraws it (its callback is then never called). */
export class Waiter {
    done = false;

    constructor(
        private readonly queue: QueueCore,
        readonly options: ReceiveOptions,
        readonly callback: (messages: SqsMessage[]) => void,
        readonly settlesPromise: boolean,
        readonly expiresAt: number
    ) {}

    cancel(): void {
        this.queue.cancelWait(this);
    }
}

/** The original of a deduplicated FIFO send. */
export interface DedupEntry {
    readonly key: string;
    readonly expiresAt: number;
    readonly messageId: string;
    readonly sequenceNumber: string | undefined;
    readonly md5OfMessageAttributes: string | undefined;
}

interface AttemptRecord {
    readonly at: number;
    readonly messages: SqsMessage[];
    readonly receiveCounts: number[];
}

/** A message-move task owns the source queue while it runs. */
export interface MoveTaskLock {
    readonly handle: string;
}

/**
 * One SQS queue as a synchronous state machine in virtual time (DOMAIN.md §1.10). Every public method
 * first brings the queue up to `clock.now()` (visibility and delay ends, retention expiry), so counters
 * are exact whenever they are read. Timers are lazy: they are evaluated when the queue is touched and a
 * clock event is scheduled only while a long poll is waiting.
 *
 * Cost per operation: send O(log n) (a heap push that is O(1) for increasing keys), receive O(k log n)
 * for k messages, delete O(1) plus amortized heap compaction.
 */
export class QueueCore implements MessageIdentity {
    readonly name: string;
    readonly url: string;
    readonly arn: string;
    readonly fifo: boolean;
    readonly createdAt: number;
    lastModifiedAt: number;
    config: QueueConfig;
    tags: Record<string, string> = {};
    deleted = false;
    moveTask: MoveTaskLock | undefined;
    /** Free slot for whoever observes this queue through the service's hooks (the simulator's port), found without a lookup. */
    observer: unknown = undefined;
    /** After `sendFields` returned undefined: the message the send duplicated. */
    lastDuplicate: DedupEntry | undefined;

    private readonly env: QueueEnvironment;
    private readonly handlePrefix: string;
    private readonly idPrefix: string;
    private readonly idKeys: readonly [number, number, number];
    private nextIdOrdinal = 0;
    /** Which receive issued the handle that `resolveHandle` last resolved. */
    private resolvedReceive = 0;
    private readonly handleNumbers = [0, 0, 0];
    // Live messages in a slot table with a free list rather than a Map: under send/delete churn a Map
    // keeps rehashing and its garbage gets promoted, which dominated GC time in the benchmark.
    private slots: (SqsMessage | undefined)[] = [];
    private freeSlots: number[] = [];
    private liveCount = 0;
    private nextSeq = 1;
    private visibleCount = 0;
    private inFlightCount = 0;
    private delayedCount = 0;
    // Standard queues: visible messages by send order, so a redelivered message is served oldest-first
    // again instead of queueing behind the whole backlog (each message has at most one entry; entries
    // of messages that stopped being visible are skipped when they surface).
    private readonly visible = new TimerHeap<SqsMessage>();
    // FIFO queues: groups, and the groups whose head is visible in the order they became receivable.
    private readonly groups = new Map<string, FifoGroup>();
    private readyHead: FifoGroup | undefined;
    private readyTail: FifoGroup | undefined;
    /** FIFO with more than 120,000 live messages: counts by sequence number, to find the scan window's end. */
    private scanWindow: Fenwick | undefined;
    private readonly dedup = new Map<string, DedupEntry>();
    private readonly dedupOrder = new Deque<DedupEntry>();
    private sequence = 0;
    private readonly attempts = new Map<string, AttemptRecord>();
    /** Delayed and in-flight messages by the time they become visible (stale entries skipped). */
    private readonly timers = new TimerHeap<SqsMessage>();
    /** Live messages by retention base time (stale entries skipped). */
    private readonly retention = new TimerHeap<SqsMessage>();
    /** Live messages by the base time of the age-of-oldest metric (stale entries skipped). */
    private readonly ageIndex = new TimerHeap<SqsMessage>();
    private readonly waiters = new Deque<Waiter>();
    private activeWaiters = 0;
    // One clock event per queue for long-poll timeouts, at (or before) the earliest waiter's end: a timer
    // per ReceiveMessage call meant an event, a closure and a cancelled heap entry per long poll.
    private expiryAt = Infinity;
    private expiryTimer: Cancellable | undefined;
    private readonly onExpiryTimer = (): void => this.expireWaiters();
    private readonly onServeEvent = (): void => this.serveWaiters();
    /** While > 0, serving waiters is left to `releaseServe` (the simulator serves right after its send). */
    private serveHolds = 0;
    private serveHeld = false;
    private wakeAt = Infinity;
    private wakeTimer: Cancellable | undefined;
    private servePending = false;
    private lastPurgeAt = -Infinity;
    private quotaSecond = -1;
    private readonly quotaUsed = { send: 0, receive: 0, delete: 0 };

    constructor(env: QueueEnvironment, index: number, name: string, url: string, arn: string, config: QueueConfig) {
        this.env = env;
        this.name = name;
        this.url = url;
        this.arn = arn;
        this.fifo = config.fifo;
        this.config = config;
        this.createdAt = env.ctx.clock.now();
        this.lastModifiedAt = this.createdAt;
        this.handlePrefix = `AQEB${index.toString(36)}.`;
        // MessageIds: a seeded random UUID prefix per queue and a keyed permutation of a counter as the
        // last 48 bits, so IDs look random, never repeat within a queue, and cost two string pieces.
        this.idPrefix = env.ids.uuid().slice(0, 24);
        this.idKeys = [env.ids.nextUint32(), env.ids.nextUint32(), env.ids.nextUint32()];
    }

    messageIdFor(n: number): string {
        let hi = Math.floor(n / 0x1000000) & 0xffffff;
        let lo = n & 0xffffff;
        // Three Feistel rounds over 2 × 24 bits: a bijection whatever the round function.
        for (let round = 0; round < 3; round++) {
            const f = (Math.imul(lo ^ this.idKeys[round]!, 0x9e3779b1) >>> 8) & 0xffffff;
            const t = hi ^ f;
            hi = lo;
            lo = t;
        }
        return this.idPrefix + HEX3[hi >>> 12]! + HEX3[hi & 4095]! + HEX3[lo >>> 12]! + HEX3[lo & 4095]!;
    }

    // ---- counters -------------------------------------------------------------------------------

    /** Exact counts at the current virtual time (AWS's "approximate" counters, converged). */
    counts(): { visible: number; inFlight: number; delayed: number } {
        this.refresh();
        return { visible: this.visibleCount, inFlight: this.inFlightCount, delayed: this.delayedCount };
    }

    /**
     * The time ApproximateAgeOfOldestMessage counts from (DOMAIN.md §5), or undefined when the queue is
     * empty: the oldest enqueue time, except that a message received three times or more goes to the
     * back (its base becomes its third receive), and a dead-letter queue counts from the move.
     */
    oldestAgeBase(): number | undefined {
        this.refresh();
        const index = this.ageIndex;
        while (index.size > 0) {
            const m = index.peekItem()!;
            if (m.state !== GONE && m.ageBase === index.peekKey()) return m.ageBase;
            index.pop();
        }
        return undefined;
    }

    /** Takes up to `max` visible messages out of the queue, oldest first (for message-move tasks). */
    takeVisibleForMove(max: number): SqsMessage[] {
        this.refresh();
        const out: SqsMessage[] = [];
        for (const m of this.liveInSendOrder()) {
            if (out.length >= max) break;
            if (m.state === VISIBLE) out.push(m);
        }
        for (const m of out) this.remove(m, 'moved');
        return out;
    }

    /** Live messages sorted by send order (O(n log n); for rare operations only). */
    private liveInSendOrder(): SqsMessage[] {
        const out: SqsMessage[] = [];
        for (const m of this.slots) if (m !== undefined) out.push(m);
        return out.sort((a, b) => a.seq - b.seq);
    }

    get size(): number {
        return this.liveCount;
    }

    /** Live messages in send order (for tests and reports; O(n log n)). */
    messages(): SqsMessage[] {
        this.refresh();
        return this.liveInSendOrder();
    }

    // ---- attributes -----------------------------------------------------------------------------

    setAttributes(input: QueueAttributeInput, validated?: QueueConfig): void {
        this.refresh();
        const next = validated ?? applyAttributes(this.config, input, false);
        const delayChanged = next.delaySeconds !== this.config.delaySeconds;
        this.config = next;
        this.lastModifiedAt = this.env.ctx.clock.now();
        // FIFO queue delay is retroactive (DOMAIN.md §1.5): it applies to messages not yet received.
        if (this.fifo && delayChanged) this.reapplyFifoDelay();
        // A shorter retention may expire messages right away.
        this.refresh();
    }

    private reapplyFifoDelay(): void {
        const now = this.env.ctx.clock.now();
        const delayMs = this.config.delaySeconds * 1000;
        for (const m of this.liveInSendOrder()) {
            if (m.receiveCount > 0 || m.deadLetterSourceArn !== undefined) continue;
            if (m.state !== DELAYED && m.state !== VISIBLE) continue;
            const target = m.sentAt + delayMs;
            if (target <= now) {
                if (m.state === DELAYED) this.becomeVisible(m);
                continue;
            }
            if (m.state === VISIBLE) {
                this.visibleCount--;
                this.delayedCount++;
                m.state = DELAYED;
                if (m.group!.head === m) this.updateReady(m.group!);
            }
            m.visibleAt = target;
            this.pushTimer(target, m);
        }
        this.requestServe();
    }

    // ---- FIFO quotas ------------------------------------------------------------------------------

    /**
     * Counts one transaction of `action` against the FIFO quota of the current virtual second and throws
     * ThrottlingException beyond it. Standard queues have no such quota. Called by the AWS-shaped API.
     */
    consumeTransaction(action: QuotaAction): void {
        const quota = this.env.fifoQuota;
        if (!this.fifo || !quota.enabled) return;
        const second = Math.floor(this.env.ctx.clock.now() / 1000);
        if (second !== this.quotaSecond) {
            this.quotaSecond = second;
            this.quotaUsed.send = this.quotaUsed.receive = this.quotaUsed.delete = 0;
        }
        const limit = this.config.fifoThroughputLimit === 'perMessageGroupId' ? quota.highThroughputTps : quota.perQueueTps;
        if (this.quotaUsed[action] >= limit) {
            throw new AwsError('ThrottlingException', `Rate exceeded: more than ${limit} ${action} transactions per second on FIFO queue ${this.name}.`);
        }
        this.quotaUsed[action]++;
    }

    // ---- send -----------------------------------------------------------------------------------

    /**
     * Validates and enqueues one message. Throws an AwsError for invalid input; returns the message (or,
     * for a FIFO duplicate within the deduplication interval, the original's identity and no message).
     */
    send(input: SendInput): SendOutcome {
        const m = this.sendFields(input.body, input.delaySeconds, input.messageAttributes, input.groupId, input.dedupId, input.tag);
        return m !== undefined ? new SentOutcome(m, undefined, input.body) : new SentOutcome(undefined, this.lastDuplicate!, input.body);
    }

    /**
     * `send` without the request and result objects (the hot path of the public API). Returns the new
     * message, or undefined for a FIFO duplicate, whose original is then described by `lastDuplicate`.
     */
    sendFields(
        body: string, delaySeconds: number | undefined, messageAttributes: MessageAttributeMap | undefined,
        groupId: string | undefined, dedupIdInput: string | undefined, tag: unknown,
        /** The caller generated the body from pieces already checked for characters SQS refuses. */
        bodyChecked = false
    ): SqsMessage | undefined {
        if (!bodyChecked) checkBody(body);
        const attributeBytes = messageAttributes === undefined ? 0 : checkMessageAttributes(messageAttributes);
        const max = this.config.maximumMessageSize;
        // Cheap bound first: a UTF-16 code unit is at most 3 UTF-8 bytes.
        if (body.length * 3 + attributeBytes > max && utf8Length(body) + attributeBytes > max) {
            throw invalidParameter(`One or more parameters are invalid. Reason: Message must be shorter than ${max} bytes.`);
        }
        let delayMs: number;
        if (this.fifo) {
            if (delaySeconds !== undefined && delaySeconds !== 0) {
                throw invalidParameter(`Value ${delaySeconds} for parameter DelaySeconds is invalid. Reason: The request include parameter that is not valid for this queue type.`);
            }
            if (groupId === undefined) throw missingParameter('MessageGroupId');
            checkGroupOrDedupId('MessageGroupId', groupId);
            if (dedupIdInput !== undefined) checkGroupOrDedupId('MessageDeduplicationId', dedupIdInput);
            else if (!this.config.contentBasedDeduplication) throw missingDedupSource();
            delayMs = this.config.delaySeconds * 1000;
        } else {
            if (dedupIdInput !== undefined) {
                throw invalidParameter('Value for parameter MessageDeduplicationId is invalid. Reason: The request include parameter that is not valid for this queue type.');
            }
            if (groupId !== undefined) checkGroupOrDedupId('MessageGroupId', groupId);
            delayMs = delaySeconds === undefined
                ? this.config.delaySeconds * 1000
                : checkIntegerParameter('DelaySeconds', delaySeconds, SQS.delaySeconds.min, SQS.delaySeconds.max) * 1000;
        }
        this.refresh();
        const now = this.env.ctx.clock.now();
        let attrs: MessageAttributeMap | undefined;
        if (messageAttributes !== undefined) {
            for (const _ in messageAttributes) {
                attrs = messageAttributes;
                break;
            }
        }
        const md5Attrs = attrs === undefined ? undefined : md5OfMessageAttributes(attrs);
        let dedupKey: string | undefined;
        let dedupId: string | undefined;
        if (this.fifo) {
            // Content-based deduplication hashes the body only (DOMAIN.md §1.6).
            dedupId = dedupIdInput ?? sha256Hex(body);
            dedupKey = this.config.deduplicationScope === 'messageGroup' ? `${groupId}\u0000${dedupId}` : dedupId;
            this.pruneDedup(now);
            const seen = this.dedup.get(dedupKey);
            if (seen !== undefined) {
                this.lastDuplicate = seen;
                this.env.hooks.onDeduplicated?.(this, { body, delaySeconds, messageAttributes, groupId, dedupId: dedupIdInput, tag });
                return undefined;
            }
        }
        const m = new SqsMessage(this.nextSeq++, this, this.nextIdOrdinal++, undefined, body, undefined, attrs, md5Attrs,
            groupId, dedupId, now, now, tag);
        if (this.fifo) {
            m.sequenceNumber = this.nextSequenceNumber();
            const entry: DedupEntry = { key: dedupKey!, expiresAt: now + SQS.dedupIntervalMs, messageId: m.messageId, sequenceNumber: m.sequenceNumber, md5OfMessageAttributes: md5Attrs };
            this.dedup.set(dedupKey!, entry);
            this.dedupOrder.push(entry);
        }
        this.enqueue(m, delayMs);
        this.env.hooks.onSent?.(this, m);
        return m;
    }

    private nextSequenceNumber(): string {
        // 20 digits, increasing within the queue, like AWS's "large, non-consecutive" numbers.
        this.sequence += 1;
        return '1' + String(this.sequence * 16).padStart(19, '0');
    }

    private pruneDedup(now: number): void {
        for (;;) {
            const oldest = this.dedupOrder.peek();
            if (oldest === undefined || oldest.expiresAt > now) return;
            this.dedupOrder.shift();
            if (this.dedup.get(oldest.key) === oldest) this.dedup.delete(oldest.key);
        }
    }

    private enqueue(m: SqsMessage, delayMs: number): void {
        const now = this.env.ctx.clock.now();
        const slot = this.freeSlots.length > 0 ? this.freeSlots.pop()! : this.slots.length;
        this.slots[slot] = m;
        m.slot = slot;
        this.liveCount++;
        if (this.fifo) this.trackScanWindow(m);
        this.pushRetention(m);
        if (this.fifo) this.appendToGroup(m);
        if (delayMs > 0) {
            m.state = DELAYED;
            m.visibleAt = now + delayMs;
            this.delayedCount++;
            this.pushTimer(m.visibleAt, m);
        } else {
            m.state = VISIBLE;
            m.visibleAt = now;
            this.visibleCount++;
            if (this.fifo) {
                if (m.group!.head === m) this.updateReady(m.group!);
            } else {
                this.indexVisible(m);
            }
            this.requestServe();
        }
    }

    /** Takes a message that a source queue dead-letters into this queue (DOMAIN.md §1.9). */
    acceptDeadLetter(source: SqsMessage, sourceArn: string): SqsMessage {
        this.refresh();
        const now = this.env.ctx.clock.now();
        // Standard DLQs keep the original enqueue time for retention; FIFO DLQs reset it.
        const m = new SqsMessage(this.nextSeq++, this, -1, source.messageId, source.body, source.knownMd5OfBody,
            source.messageAttributes, source.md5OfMessageAttributes, source.groupId,
            this.fifo ? source.messageId : source.dedupId, source.sentAt, this.fifo ? now : source.enqueueAt, source.tag);
        m.receiveCount = source.receiveCount;
        m.firstReceiveAt = source.firstReceiveAt;
        m.deadLetterSourceArn = sourceArn;
        m.ageBase = now;
        if (this.fifo) m.sequenceNumber = this.nextSequenceNumber();
        this.enqueue(m, 0);
        this.env.hooks.onSent?.(this, m);
        return m;
    }

    /** Enqueues a copy of `source` as a new message (a message-move task: new ID, enqueue time, retention). */
    acceptMoved(source: SqsMessage): SqsMessage {
        this.refresh();
        const now = this.env.ctx.clock.now();
        const m = new SqsMessage(this.nextSeq++, this, this.nextIdOrdinal++, undefined, source.body, source.knownMd5OfBody,
            source.messageAttributes, source.md5OfMessageAttributes, source.groupId,
            this.fifo ? (source.dedupId ?? source.messageId) : undefined, now, now, source.tag);
        if (this.fifo) {
            if (m.groupId === undefined) throw invalidParameter('A message moved to a FIFO queue needs a MessageGroupId.');
            m.sequenceNumber = this.nextSequenceNumber();
        }
        this.enqueue(m, this.config.delaySeconds * 1000);
        this.env.hooks.onSent?.(this, m);
        return m;
    }

    // ---- receive --------------------------------------------------------------------------------

    /**
     * Returns what one ReceiveMessage would return now, moving messages past maxReceiveCount to the DLQ
     * on the way. `shortPoll` enables the sampled mode when configured. Throws OverLimit on a standard
     * queue short poll at the in-flight limit.
     */
    receiveNow(options: ReceiveOptions, shortPoll = false): SqsMessage[] {
        this.refresh();
        if (options.attemptId !== undefined && this.fifo) {
            const repeated = this.repeatAttempt(options);
            if (repeated !== undefined) return repeated;
        }
        const limit = this.fifo ? SQS.inFlightLimitFifo : SQS.inFlightLimitStandard;
        const room = limit - this.inFlightCount;
        if (room <= 0) {
            if (!this.fifo && shortPoll) {
                throw new AwsError('OverLimit', `You have reached the limit of ${limit} in-flight messages for this queue.`);
            }
            return [];
        }
        const max = Math.min(options.max, room);
        const vtMs = (options.visibilityTimeout ?? this.config.visibilityTimeout) * 1000;
        const out = this.fifo ? this.collectFifo(max, vtMs) : this.collectStandard(max, vtMs, shortPoll);
        if (options.attemptId !== undefined && this.fifo && out.length > 0) this.rememberAttempt(options.attemptId, out);
        return out;
    }

    /**
     * Long poll: calls `callback` once, with messages as soon as any are available, or with [] when
     * `waitMs` has passed. Call `receiveNow` first; this registers the wait only.
     */
    wait(options: ReceiveOptions, waitMs: number, callback: (messages: SqsMessage[]) => void, settlesPromise: boolean): Waiter {
        const waiter = new Waiter(this, options, callback, settlesPromise, this.env.ctx.clock.now() + waitMs);
        this.waiters.push(waiter);
        this.activeWaiters++;
        if (waiter.expiresAt < this.expiryAt) this.scheduleExpiry(waiter.expiresAt);
        this.scheduleWake();
        return waiter;
    }

    /** Withdraws a waiting long poll (a client that went away); its entry is dropped when it surfaces. */
    cancelWait(waiter: Waiter): void {
        if (waiter.done) return;
        waiter.done = true;
        this.activeWaiters--;
    }

    private scheduleExpiry(at: number): void {
        this.expiryTimer?.cancel();
        this.expiryAt = at;
        this.expiryTimer = this.env.ctx.clock.scheduleInternal(at, this.onExpiryTimer);
    }

    /** Ends the long polls whose wait is over (in the order they started), then re-arms for the next one. */
    private expireWaiters(): void {
        this.expiryAt = Infinity;
        this.expiryTimer = undefined;
        if (this.activeWaiters === 0) return;
        // Anything that became available at this very instant goes to the waiters first, in order.
        this.serveWaiters();
        const now = this.env.ctx.clock.now();
        // Collected first: a finished waiter's callback may start a new long poll (which ends later than now).
        let expired: Waiter[] | undefined;
        for (const waiter of this.waiters) if (!waiter.done && waiter.expiresAt <= now) (expired ??= []).push(waiter);
        if (expired !== undefined) for (const waiter of expired) if (!waiter.done) this.finishWaiter(waiter, []);
        while (this.waiters.length > 0 && this.waiters.peek()!.done) this.waiters.shift();
        let next = Infinity;
        for (const waiter of this.waiters) if (!waiter.done && waiter.expiresAt < next) next = waiter.expiresAt;
        if (next < this.expiryAt) this.scheduleExpiry(next);
    }

    private finishWaiter(waiter: Waiter, messages: SqsMessage[]): void {
        waiter.done = true;
        this.activeWaiters--;
        if (waiter.settlesPromise) this.env.ctx.clock.requestDrain();
        if (messages.length === 0) this.env.hooks.onEmptyReceive?.(this);
        waiter.callback(messages);
    }

    private serveWaiters(): void {
        this.servePending = false;
        if (this.activeWaiters === 0) return;
        this.refresh();
        for (;;) {
            const waiter = this.waiters.peek();
            if (waiter === undefined) break;
            if (waiter.done) {
                this.waiters.shift();
                continue;
            }
            const messages = this.receiveNow(waiter.options);
            if (messages.length === 0) break;
            this.waiters.shift();
            this.finishWaiter(waiter, messages);
        }
        this.scheduleWake();
    }

    /** Serves waiting long polls after the current event (so a batch of sends is seen as one). */
    private requestServe(): void {
        if (this.activeWaiters === 0 || this.servePending) return;
        this.servePending = true;
        if (this.serveHolds > 0) {
            this.serveHeld = true;
            return;
        }
        const clock = this.env.ctx.clock;
        clock.scheduleInternal(clock.now(), this.onServeEvent);
    }

    /**
     * For a caller that runs inside a clock event and wants waiting long polls served as soon as its
     * operation is complete rather than in a separate event at the same instant (the simulator): call
     * `holdServe()`, operate, then `releaseServe()`.
     */
    holdServe(): void {
        this.serveHolds++;
    }

    releaseServe(): void {
        if (--this.serveHolds > 0 || !this.serveHeld) return;
        this.serveHeld = false;
        this.serveWaiters();
    }

    /** While long polls wait, wake up when the next delayed or in-flight message becomes visible. */
    private scheduleWake(): void {
        if (this.activeWaiters === 0) return;
        const next = this.timers.peekKey();
        if (next === Infinity || next >= this.wakeAt) return;
        this.wakeTimer?.cancel();
        this.wakeAt = next;
        this.wakeTimer = this.env.ctx.clock.scheduleInternal(next, () => {
            this.wakeAt = Infinity;
            this.wakeTimer = undefined;
            this.serveWaiters();
        });
    }

    private collectStandard(max: number, vtMs: number, shortPoll: boolean): SqsMessage[] {
        const out: SqsMessage[] = [];
        const now = this.env.ctx.clock.now();
        const redrive = this.config.redrivePolicy;
        const sampleRate = shortPoll && this.env.shortPoll.mode === 'sampled' && this.visibleCount < SQS.shortPollSamplingThreshold
            ? this.env.shortPoll.sampleRate ?? 0.5 : 1;
        const visible = this.visible;
        let skipped: SqsMessage[] | undefined;
        while (out.length < max && visible.size > 0) {
            const m = visible.pop()!;
            m.inVisibleIndex = false;
            if (m.state !== VISIBLE) continue;
            if (sampleRate < 1 && !this.env.sampler.chance(sampleRate)) {
                (skipped ??= []).push(m);
                continue;
            }
            if (redrive !== undefined && m.receiveCount >= redrive.maxReceiveCount && this.deadLetter(m, redrive.deadLetterTargetArn)) continue;
            this.take(m, vtMs, now);
            out.push(m);
        }
        if (skipped !== undefined) for (const m of skipped) this.indexVisible(m);
        return out;
    }

    /**
     * FIFO selection (DOMAIN.md §1.10): groups in the order they became receivable; from each, the
     * consecutive visible messages from its head, filling the batch from one group before the next.
     */
    private collectFifo(max: number, vtMs: number): SqsMessage[] {
        const out: SqsMessage[] = [];
        const now = this.env.ctx.clock.now();
        const redrive = this.config.redrivePolicy;
        // Only the first 120,000 messages are scanned: a backlog in one group can hide later groups.
        const lastScanned = this.scanWindow?.kth(SQS.fifoScanWindow) ?? Infinity;
        let group = this.readyHead;
        while (group !== undefined && out.length < max) {
            const nextGroup = group.readyNext;
            let m = group.head;
            while (m !== undefined && out.length < max && m.state === VISIBLE && m.seq <= lastScanned) {
                const next = m.next;
                if (redrive !== undefined && m.receiveCount >= redrive.maxReceiveCount && this.deadLetter(m, redrive.deadLetterTargetArn)) {
                    m = next;
                    continue;
                }
                this.take(m, vtMs, now);
                out.push(m);
                m = next;
            }
            if (group.head !== undefined) this.updateReady(group);
            group = nextGroup;
        }
        return out;
    }

    /** Keeps the scan-window counts while a FIFO queue holds more than 120,000 messages. */
    private trackScanWindow(m: SqsMessage): void {
        let window = this.scanWindow;
        if (window === undefined && this.liveCount <= SQS.fifoScanWindow) return;
        if (window === undefined || m.seq - window.base >= window.capacity) {
            let oldest = m.seq;
            for (const live of this.slots) if (live !== undefined && live.seq < oldest) oldest = live.seq;
            window = new Fenwick(oldest, 2 * (this.nextSeq - oldest) + 1024);
            for (const live of this.slots) if (live !== undefined) window.add(live.seq, 1);
            this.scanWindow = window;
            return;
        }
        window.add(m.seq, 1);
    }

    private take(m: SqsMessage, vtMs: number, now: number): void {
        this.visibleCount--;
        this.inFlightCount++;
        m.state = IN_FLIGHT;
        if (m.receiveCount === 0) m.firstReceiveAt = now;
        m.receiveCount++;
        if (m.receiveCount === AGE_BACK_AFTER_RECEIVES) this.moveToBackForAge(m, now);
        m.receivedAt = now;
        m.visibleAt = now + vtMs;
        this.pushTimer(m.visibleAt, m);
        this.env.hooks.onReceived?.(this, m);
    }

    /** Moves a message to the dead-letter queue on a receive attempt; false if the target is gone. */
    private deadLetter(m: SqsMessage, targetArn: string): boolean {
        const target = this.env.queueByArn(targetArn);
        if (target === undefined || target.deleted || target === this) return false;
        this.remove(m, 'dead-lettered');
        target.acceptDeadLetter(m, this.arn);
        return true;
    }

    private repeatAttempt(options: ReceiveOptions): SqsMessage[] | undefined {
        const now = this.env.ctx.clock.now();
        const record = this.attempts.get(options.attemptId!);
        if (record === undefined) return undefined;
        if (now - record.at >= SQS.receiveRequestAttemptIdMs) {
            this.attempts.delete(options.attemptId!);
            return undefined;
        }
        // "If nothing changed": every message still in flight under the handle that attempt issued.
        const unchanged = record.messages.every((m, i) => m.state === IN_FLIGHT && m.receiveCount === record.receiveCounts[i]);
        if (!unchanged) return undefined;
        const vtMs = (options.visibilityTimeout ?? this.config.visibilityTimeout) * 1000;
        for (const m of record.messages) {
            m.visibleAt = now + vtMs;
            this.pushTimer(m.visibleAt, m);
        }
        return record.messages.slice();
    }

    private rememberAttempt(attemptId: string, messages: SqsMessage[]): void {
        const now = this.env.ctx.clock.now();
        if (this.attempts.size >= 1024) {
            for (const [id, record] of this.attempts) if (now - record.at >= SQS.receiveRequestAttemptIdMs) this.attempts.delete(id);
        }
        this.attempts.set(attemptId, { at: now, messages: messages.slice(), receiveCounts: messages.map(m => m.receiveCount) });
    }

    // ---- delete and visibility -------------------------------------------------------------------

    /** DeleteMessage (DOMAIN.md §1.4): standard accepts a lapsed handle, FIFO only while in flight. */
    deleteMessage(receiptHandle: string): void {
        this.refresh();
        const m = this.resolveHandle(receiptHandle);
        if (m === undefined) return; // already deleted or expired: AWS answers success
        if (this.deleteResolved(m, this.resolvedReceive) === EXPIRED_HANDLE) throw expiredHandle(receiptHandle);
    }

    /**
     * DeleteMessage for a caller that kept the message and the number of the receive that returned it
     * instead of the handle string (the simulator). True when the message was deleted.
     */
    deleteReceived(m: SqsMessage, receiveIndex: number): boolean {
        this.refresh();
        if (m.state === GONE || this.slots[m.slot] !== m) return false;
        return this.deleteResolved(m, receiveIndex) === DELETED;
    }

    private deleteResolved(m: SqsMessage, receiveIndex: number): DeleteResult {
        if (this.fifo) {
            if (m.state !== IN_FLIGHT || receiveIndex !== m.receiveCount) return EXPIRED_HANDLE;
        } else if (receiveIndex !== m.receiveCount) {
            // A stale handle after a newer receive "succeeds but the message might not be deleted" ([API-SQS]
            // DeleteMessage); the engine takes the pessimistic branch so that the hazard shows up in a simulation.
            return STALE_HANDLE;
        }
        // Waiting long polls can get more only if this made a FIFO group receivable or room under the in-flight limit.
        const wasAtLimit = this.inFlightCount >= (this.fifo ? SQS.inFlightLimitFifo : SQS.inFlightLimitStandard);
        this.remove(m, 'deleted');
        if (this.fifo || wasAtLimit) this.requestServe();
        return DELETED;
    }

    /** The receipt handle string of receive number `receiveCount` of `m` (see `resolveHandle` for the format). */
    receiptHandleFor(m: SqsMessage, receiveCount: number): string {
        return this.handlePrefix + m.seq + '.' + receiveCount + '.' + m.slot;
    }

    /** ChangeMessageVisibility (DOMAIN.md §1.4, §1.10): from now, capped at 12 h after the receive. */
    changeVisibility(receiptHandle: string, visibilityTimeout: number): void {
        const seconds = checkIntegerParameter('VisibilityTimeout', visibilityTimeout, SQS.visibilityTimeout.min, SQS.visibilityTimeout.max,
            `Must be between ${SQS.visibilityTimeout.min} and ${SQS.visibilityTimeout.max}.`);
        this.refresh();
        const now = this.env.ctx.clock.now();
        const m = this.resolveHandle(receiptHandle);
        if (m === undefined) {
            throw invalidParameter(`Value ${receiptHandle} for parameter ReceiptHandle is invalid. Reason: Message does not exist or is not available for visibility timeout change.`);
        }
        const receiveIndex = this.resolvedReceive;
        if (this.fifo && (m.state !== IN_FLIGHT || receiveIndex !== m.receiveCount)) throw expiredHandle(receiptHandle);
        const until = now + seconds * 1000;
        if (until > m.receivedAt + SQS.maxVisibilitySinceReceiveSeconds * 1000) {
            throw invalidParameter(`Value ${seconds} for parameter VisibilityTimeout is invalid. Reason: Total VisibilityTimeout for the message is beyond the limit [${SQS.maxVisibilitySinceReceiveSeconds} seconds].`);
        }
        if (m.state === VISIBLE) {
            // Standard queue, timeout lapsed and nobody re-received it: the call hides it again.
            if (seconds === 0) return;
            this.visibleCount--;
            this.inFlightCount++;
            m.state = IN_FLIGHT;
        }
        m.visibleAt = until;
        if (seconds === 0) {
            this.becomeVisible(m);
            this.requestServe();
        } else {
            this.pushTimer(until, m);
        }
    }

    /** Looks a receipt handle up (setting `resolvedReceive`); undefined if the message is gone. */
    private resolveHandle(handle: string): SqsMessage | undefined {
        // Format: <prefix><seq>.<receive number>.<slot>, all decimal; parsed without allocating.
        const prefix = this.handlePrefix;
        if (typeof handle !== 'string' || !handle.startsWith(prefix)) throw invalidHandle(handle);
        const numbers = this.handleNumbers;
        let part = 0;
        let value = 0;
        let digits = 0;
        for (let i = prefix.length; i <= handle.length; i++) {
            const c = i < handle.length ? handle.charCodeAt(i) : 46;
            if (c === 46) {
                if (digits === 0 || part > 2) throw invalidHandle(handle);
                numbers[part++] = value;
                value = 0;
                digits = 0;
            } else if (c >= 48 && c <= 57 && digits < 15) {
                value = value * 10 + (c - 48);
                digits++;
            } else {
                throw invalidHandle(handle);
            }
        }
        const seq = numbers[0]!;
        const receiveIndex = numbers[1]!;
        if (part !== 3 || seq <= 0 || receiveIndex <= 0 || seq >= this.nextSeq) throw invalidHandle(handle);
        const m = this.slots[numbers[2]!];
        if (m === undefined || m.seq !== seq) return undefined;
        if (receiveIndex > m.receiveCount) throw invalidHandle(handle);
        this.resolvedReceive = receiveIndex;
        return m;
    }

    /** PurgeQueue (DOMAIN.md §1.8): delayed, visible and in-flight messages go; FIFO dedup history too. */
    purge(): void {
        this.refresh();
        const now = this.env.ctx.clock.now();
        if (now < this.lastPurgeAt + SQS.purgeIntervalMs) {
            throw new AwsError('PurgeQueueInProgress',
                `Only one PurgeQueue operation on ${this.name} is allowed every 60 seconds.`,
                { queryCode: 'AWS.SimpleQueueService.PurgeQueueInProgress' });
        }
        this.lastPurgeAt = now;
        this.clearMessages('purged');
        this.dedup.clear();
        this.dedupOrder.clear();
        this.attempts.clear();
    }

    /** Deletes the queue: messages go, waiting long polls return empty. */
    destroy(): void {
        this.clearMessages('queue-deleted');
        this.deleted = true;
        for (const waiter of this.waiters) if (!waiter.done) this.finishWaiter(waiter, []);
        this.waiters.clear();
        this.expiryTimer?.cancel();
        this.expiryTimer = undefined;
        this.expiryAt = Infinity;
    }

    private clearMessages(reason: RemovalReason): void {
        const hook = this.env.hooks.onRemoved;
        const all = this.liveInSendOrder();
        const removed = hook ? all : [];
        for (const m of all) {
            m.state = GONE;
            m.prev = m.next = undefined;
            m.group = undefined;
        }
        this.slots = [];
        this.freeSlots = [];
        this.liveCount = 0;
        this.scanWindow = undefined;
        this.groups.clear();
        this.readyHead = this.readyTail = undefined;
        this.visible.clear();
        this.visibleCount = this.inFlightCount = this.delayedCount = 0;
        this.timers.clear();
        this.retention.clear();
        this.ageIndex.clear();
        if (hook) for (const m of removed) hook(this, m, reason);
    }

    // ---- time -----------------------------------------------------------------------------------

    /** Brings the queue to the current virtual time: delays and visibility timeouts end, retention expires. */
    refresh(): void {
        const now = this.env.ctx.clock.now();
        const timers = this.timers;
        while (timers.peekKey() <= now) {
            const key = timers.peekKey();
            const m = timers.pop()!;
            if ((m.state === IN_FLIGHT || m.state === DELAYED) && m.visibleAt === key) this.becomeVisible(m);
        }
        // Retention applies to every state, in flight included (DOMAIN.md §1.2).
        const cutoff = now - this.config.messageRetentionPeriod * 1000;
        const retention = this.retention;
        while (retention.peekKey() <= cutoff) {
            const m = retention.pop()!;
            if (m.state !== GONE) this.remove(m, 'expired');
        }
    }

    private becomeVisible(m: SqsMessage): void {
        if (m.state === DELAYED) this.delayedCount--;
        else this.inFlightCount--;
        m.state = VISIBLE;
        this.visibleCount++;
        if (this.fifo) {
            if (m.group!.head === m) this.updateReady(m.group!);
        } else {
            this.indexVisible(m);
        }
    }

    private remove(m: SqsMessage, reason: RemovalReason): void {
        if (m.state === VISIBLE) {
            this.visibleCount--;
        } else if (m.state === IN_FLIGHT) {
            this.inFlightCount--;
        } else if (m.state === DELAYED) {
            this.delayedCount--;
        }
        if (this.fifo) this.removeFromGroup(m);
        m.state = GONE;
        this.slots[m.slot] = undefined;
        this.freeSlots.push(m.slot);
        this.liveCount--;
        if (this.scanWindow !== undefined) {
            this.scanWindow.add(m.seq, -1);
            if (this.liveCount < SQS.fifoScanWindow * 0.9) this.scanWindow = undefined;
        }
        this.env.hooks.onRemoved?.(this, m, reason);
    }

    private pushTimer(at: number, m: SqsMessage): void {
        const timers = this.timers;
        timers.push(at, m);
        // Compact early: stale entries keep deleted messages alive, and letting them age into the old
        // generation costs far more in garbage collection than the O(n) rebuild.
        if (timers.size > 2 * (this.inFlightCount + this.delayedCount) + 32) {
            timers.compact((item, key) => (item.state === IN_FLIGHT || item.state === DELAYED) && item.visibleAt === key);
        }
        if (this.activeWaiters > 0 && at < this.wakeAt) this.scheduleWake();
    }

    private pushRetention(m: SqsMessage): void {
        const retention = this.retention;
        retention.push(m.enqueueAt, m);
        if (retention.size > 2 * this.liveCount + 32) {
            retention.compact(item => item.state !== GONE);
        }
        this.pushAge(m);
    }

    private pushAge(m: SqsMessage): void {
        const index = this.ageIndex;
        index.push(m.ageBase, m);
        if (index.size > 2 * this.liveCount + 32) index.compact((item, key) => item.state !== GONE && item.ageBase === key);
    }

    private moveToBackForAge(m: SqsMessage, now: number): void {
        m.ageBase = now;
        this.pushAge(m);
    }

    // ---- standard visible list --------------------------------------------------------------------

    private indexVisible(m: SqsMessage): void {
        if (m.inVisibleIndex) return; // its old entry is valid again
        m.inVisibleIndex = true;
        const visible = this.visible;
        visible.push(m.seq, m);
        if (visible.size > 2 * this.visibleCount + 32) {
            visible.compact(item => {
                if (item.state === VISIBLE) return true;
                item.inVisibleIndex = false;
                return false;
            });
        }
    }

    // ---- FIFO groups ------------------------------------------------------------------------------

    private appendToGroup(m: SqsMessage): void {
        const id = m.groupId!;
        let group = this.groups.get(id);
        if (group === undefined) {
            group = new FifoGroup(id);
            this.groups.set(id, group);
        }
        m.group = group;
        m.next = undefined;
        m.prev = group.tail;
        if (group.tail !== undefined) group.tail.next = m;
        else group.head = m;
        group.tail = m;
    }

    private removeFromGroup(m: SqsMessage): void {
        const group = m.group!;
        const wasHead = group.head === m;
        if (m.prev !== undefined) m.prev.next = m.next;
        else group.head = m.next;
        if (m.next !== undefined) m.next.prev = m.prev;
        else group.tail = m.prev;
        m.prev = m.next = undefined;
        m.group = undefined;
        if (group.head === undefined) {
            if (group.ready) this.unlinkReady(group);
            this.groups.delete(group.id);
        } else if (wasHead) {
            this.updateReady(group);
        }
    }

    /** A group is receivable exactly when its head (oldest live message) is visible. */
    private updateReady(group: FifoGroup): void {
        const receivable = group.head !== undefined && group.head.state === VISIBLE;
        if (receivable === group.ready) return;
        if (receivable) {
            group.ready = true;
            group.readyNext = undefined;
            group.readyPrev = this.readyTail;
            if (this.readyTail !== undefined) this.readyTail.readyNext = group;
            else this.readyHead = group;
            this.readyTail = group;
        } else {
            this.unlinkReady(group);
        }
    }

    private unlinkReady(group: FifoGroup): void {
        if (group.readyPrev !== undefined) group.readyPrev.readyNext = group.readyNext;
        else this.readyHead = group.readyNext;
        if (group.readyNext !== undefined) group.readyNext.readyPrev = group.readyPrev;
        else this.readyTail = group.readyPrev;
        group.readyPrev = group.readyNext = undefined;
        group.ready = false;
    }
}

/** A SendOutcome whose MD5 is computed only if somebody reads it. */
class SentOutcome implements SendOutcome {
    readonly message: SqsMessage | undefined;
    readonly messageId: string;
    readonly md5OfMessageAttributes: string | undefined;
    readonly sequenceNumber: string | undefined;
    private readonly body: string;

    constructor(message: SqsMessage | undefined, original: DedupEntry | undefined, body: string) {
        this.message = message;
        this.messageId = message?.messageId ?? original!.messageId;
        this.md5OfMessageAttributes = message !== undefined ? message.md5OfMessageAttributes : original!.md5OfMessageAttributes;
        this.sequenceNumber = message !== undefined ? message.sequenceNumber : original!.sequenceNumber;
        this.body = body;
    }

    get md5OfBody(): string {
        return this.message?.md5OfBody ?? md5Hex(this.body);
    }
}

/** A message received this many times goes to the back for ApproximateAgeOfOldestMessage (DOMAIN.md §5). */
const AGE_BACK_AFTER_RECEIVES = 3;

const DELETED = 0;
const STALE_HANDLE = 1;
const EXPIRED_HANDLE = 2;
type DeleteResult = typeof DELETED | typeof STALE_HANDLE | typeof EXPIRED_HANDLE;

const HEX3: readonly string[] = Array.from({ length: 4096 }, (_, i) => i.toString(16).padStart(3, '0'));

export function missingDedupSource(): AwsError {
    return invalidParameter('The queue should either have ContentBasedDeduplication enabled or MessageDeduplicationId provided explicitly');
}

function invalidHandle(handle: unknown): AwsError {
    return new AwsError('ReceiptHandleIsInvalid', `The input receipt handle "${String(handle)}" is not a valid receipt handle.`);
}

function expiredHandle(handle: string): AwsError {
    return invalidParameter(`Value ${handle} for parameter ReceiptHandle is invalid. Reason: The receipt handle has expired.`);
}
