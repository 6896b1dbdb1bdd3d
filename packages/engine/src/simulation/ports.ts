import type { MessageTrace } from '../report/report-types.js';
import type { MessageAttributeValue } from './template.js';
import type { Delivery } from './ledger.js';

/** A message as the simulator hands it to a queue, topic, stream or firehose. */
export interface OutgoingMessage {
    body: string;
    /** The body is known to contain only characters SQS accepts (checked when its template was compiled). */
    bodyIsSqsSafe: boolean;
    sizeBytes: number;
    groupId: string | undefined;
    dedupId: string | undefined;
    partitionKey: string | undefined;
    attributes: Record<string, MessageAttributeValue> | undefined;
}

/**
 * A received message as the queue keeps it: `tag` is the delivery the simulator sent it with. Its
 * `receiveCount` moves on if it is received again, so a consumer notes the count at its receive and
 * passes it back to delete or extend that receive (the role a receipt handle plays in the AWS API).
 */
export interface ReceivedMessage {
    readonly tag: unknown;
    readonly receiveCount: number;
}

/** A waiting long poll; cancelling it means its callback is never called (the client went away). */
export interface LongPoll {
    cancel(): void;
}

export interface QueueGauges {
    visible: number;
    inFlight: number;
    delayed: number;
    ageOfOldestMs: number;
}

export interface QueueCounters {
    sent: number;
    received: number;
    deleted: number;
    movedToDlq: number;
    expired: number;
    emptyReceives: number;
}

/**
 * What the simulator needs from one SQS queue, answered synchronously (no promise per message). The
 * adapter in sqs-port.ts implements it on the SQS service's internal API.
 */
export interface QueuePort {
    readonly name: string;
    readonly fifo: boolean;
    /** Sends with the delivery as tag; false when a FIFO queue accepted it as a duplicate (not delivered). */
    send(message: OutgoingMessage, delivery: Delivery): boolean;
    /** A short poll: up to `max` messages now (the queue's visibility timeout applies); an empty answer counts as an empty receive. */
    receive(max: number): ReceivedMessage[];
    /** Deletes `messages[i]` (as of receive `receiveCounts[i]`) wherever `selected[i]`; returns how many were deleted. */
    delete(messages: readonly ReceivedMessage[], receiveCounts: readonly number[], selected: readonly boolean[]): number;
    /** ChangeMessageVisibility from now for receive `receiveCount`; false when that receive is no longer valid. */
    changeVisibility(message: ReceivedMessage, receiveCount: number, timeoutMs: number): boolean;
    /**
     * One long-polling ReceiveMessage: the messages available now, or else a wait that calls `done` once,
     * with messages as soon as any arrive or with [] after `waitMs`.
     */
    receiveOrWait(max: number, waitMs: number, done: (messages: ReceivedMessage[]) => void): ReceivedMessage[] | LongPoll;
    gauges(): QueueGauges;
    counters(): QueueCounters;
    /** Deliveries of every message still in the queue (for end-of-run accounting). */
    remaining(): Delivery[];
}

/** A produced message on its way: what sinks pass along (and extend) until a delivery is created. */
export interface Envelope {
    message: OutgoingMessage;
    producer: string;
    /** The producer's message number, 1-based. */
    sequence: number;
    producedAt: number;
    trace: MessageTrace | undefined;
    /** Resources passed so far, starting with the producer, and the same joined by `>` (a cache key). */
    route: readonly string[];
    routeKey: string;
}

/** Anything a producer or a topic can hand a message to. */
export interface Sink {
    readonly name: string;
    accept(envelope: Envelope): void;
    /** Who reads from this sink (consumer groups), so that a path names them. */
    downstream(): readonly string[];
}
