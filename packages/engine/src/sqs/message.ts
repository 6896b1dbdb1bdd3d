import { md5Hex } from './digest.js';
import type { MessageAttributeMap } from './types.js';

/** Message states of DOMAIN.md §1.10. */
export const DELAYED = 0;
export const VISIBLE = 1;
export const IN_FLIGHT = 2;
export const GONE = 3;
export type MessageState = typeof DELAYED | typeof VISIBLE | typeof IN_FLIGHT | typeof GONE;

/** Why a message left its queue (for the simulator's accounting hooks). */
export type RemovalReason = 'deleted' | 'expired' | 'purged' | 'dead-lettered' | 'moved' | 'queue-deleted';

/** Where a message's identifiers come from: its queue formats them on first use. */
export interface MessageIdentity {
    /** The MessageId of the queue's `ordinal`-th new message. */
    messageIdFor(ordinal: number): string;
    /** The receipt handle of receive number `receiveCount` of `m`. */
    receiptHandleFor(m: SqsMessage, receiveCount: number): string;
}

/**
 * One message inside one queue. Times are virtual milliseconds. The record is mutable and owned by its
 * queue; the simulator may read it (and its `tag`) from the synchronous API but must not change it.
 */
export class SqsMessage {
    /** Per-queue ordinal; receipt handles encode it. */
    readonly seq: number;
    /** Index in the queue's slot table while live (receipt handles encode it too). */
    slot = -1;
    // MessageId and receipt handle are strings only when somebody asks: the simulator never does, and
    // building them for every message and receive was a large share of its allocations.
    private id: string | undefined;
    private readonly idOrdinal: number;
    private readonly identity: MessageIdentity;
    readonly body: string;
    /** MD5 of the body, computed on first use: the simulator never needs it, the AWS API always does. */
    private md5: string | undefined;
    readonly messageAttributes: MessageAttributeMap | undefined;
    readonly md5OfMessageAttributes: string | undefined;
    readonly groupId: string | undefined;
    dedupId: string | undefined;
    sequenceNumber: string | undefined;
    /** SentTimestamp: when the message was first sent (kept across a dead-letter move). */
    readonly sentAt: number;
    /** Base of retention: original enqueue time (standard DLQ) or move time (FIFO DLQ). */
    enqueueAt: number;
    /**
     * Base of ApproximateAgeOfOldestMessage (DOMAIN.md §5): the enqueue time, the move time in a
     * dead-letter queue, or the time of the third receive, when the message goes to the back for the metric.
     */
    ageBase: number;
    state: MessageState = DELAYED;
    /** When a DELAYED or IN_FLIGHT message becomes visible. */
    visibleAt = 0;
    receiveCount = 0;
    firstReceiveAt = 0;
    /** Time of the latest receive (the 12-hour visibility cap counts from here). */
    receivedAt = 0;
    deadLetterSourceArn: string | undefined;
    /** Free slot for the caller of the synchronous API (carried across dead-letter moves). */
    tag: unknown;
    /** Has an entry in the standard queue's index of visible messages. */
    inVisibleIndex = false;
    /** Neighbours in the FIFO message group. */
    prev: SqsMessage | undefined;
    next: SqsMessage | undefined;
    /** The FIFO message group (undefined on standard queues). */
    group: FifoGroup | undefined;

    constructor(
        seq: number, identity: MessageIdentity, idOrdinal: number, messageId: string | undefined, body: string, md5OfBody: string | undefined,
        messageAttributes: MessageAttributeMap | undefined, md5OfMessageAttributes: string | undefined,
        groupId: string | undefined, dedupId: string | undefined, sentAt: number, enqueueAt: number, tag: unknown
    ) {
        this.seq = seq;
        this.identity = identity;
        this.idOrdinal = idOrdinal;
        this.id = messageId;
        this.body = body;
        this.md5 = md5OfBody;
        this.messageAttributes = messageAttributes;
        this.md5OfMessageAttributes = md5OfMessageAttributes;
        this.groupId = groupId;
        this.dedupId = dedupId;
        this.sequenceNumber = undefined;
        this.sentAt = sentAt;
        this.enqueueAt = enqueueAt;
        this.ageBase = enqueueAt;
        this.deadLetterSourceArn = undefined;
        this.tag = tag;
        this.prev = undefined;
        this.next = undefined;
        this.group = undefined;
    }

    get messageId(): string {
        return this.id ??= this.identity.messageIdFor(this.idOrdinal);
    }

    /** The handle of the latest receive (undefined before the first). */
    get receiptHandle(): string | undefined {
        return this.receiveCount === 0 ? undefined : this.identity.receiptHandleFor(this, this.receiveCount);
    }

    get md5OfBody(): string {
        return this.md5 ??= md5Hex(this.body);
    }

    /** The digest if it was computed already (copies pass it on without forcing it). */
    get knownMd5OfBody(): string | undefined {
        return this.md5;
    }
}

/**
 * The live messages of one FIFO message group in send order (linked through `prev`/`next`), and the
 * group's place in its queue's list of receivable groups.
 */
export class FifoGroup {
    readonly id: string;
    head: SqsMessage | undefined = undefined;
    tail: SqsMessage | undefined = undefined;
    /** In the receivable list: the head message is visible (DOMAIN.md §1.10). */
    ready = false;
    readyPrev: FifoGroup | undefined = undefined;
    readyNext: FifoGroup | undefined = undefined;

    constructor(id: string) {
        this.id = id;
    }
}
