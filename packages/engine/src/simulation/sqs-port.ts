import type { QueueModel } from '@mq-architect/language/model';
import type { SqsService } from '../sqs/sqs-service.js';
import type { QueueCore, ReceiveOptions } from '../sqs/queue-core.js';
import type { SqsMessage } from '../sqs/message.js';
import type { MessageAttributeMap } from '../sqs/types.js';
import { isAwsError } from '../errors.js';
import { addStep } from './ledger.js';
import type { Delivery } from './ledger.js';
import type { LongPoll, OutgoingMessage, QueueCounters, QueueGauges, QueuePort, ReceivedMessage } from './ports.js';
import type { Series } from './series.js';
import type { ResourceState, World } from './world.js';
import { LatencyHistogram } from './histogram.js';

/** The CreateQueue attributes of a model queue (the dead-letter target must be created first). */
export function queueAttributes(model: QueueModel, arnOf: (name: string) => string): Record<string, string> {
    const attributes: Record<string, string> = {
        VisibilityTimeout: String(Math.round(model.visibilityTimeoutMs / 1000)),
        ReceiveMessageWaitTimeSeconds: String(Math.round(model.receiveWaitTimeMs / 1000)),
        DelaySeconds: String(Math.round(model.delayMs / 1000)),
        MessageRetentionPeriod: String(Math.round(model.retentionMs / 1000)),
        MaximumMessageSize: String(model.maxMessageSizeBytes)
    };
    if (model.fifo) {
        attributes['FifoQueue'] = 'true';
        attributes['ContentBasedDeduplication'] = String(model.contentBasedDeduplication);
        attributes['DeduplicationScope'] = model.deduplicationScope;
        attributes['FifoThroughputLimit'] = model.fifoThroughputLimit;
    }
    if (model.deadLetter?.queue) {
        attributes['RedrivePolicy'] = JSON.stringify({
            deadLetterTargetArn: arnOf(model.deadLetter.queue.name), maxReceiveCount: model.deadLetter.maxReceiveCount
        });
    }
    return attributes;
}

/** SQS has no String.Array attribute type (SNS does): a direct send carries it as a String. */
function sqsAttributes(message: OutgoingMessage): MessageAttributeMap | undefined {
    const attributes = message.attributes;
    if (!attributes) return undefined;
    let converted: MessageAttributeMap | undefined;
    for (const name in attributes) {
        const value = attributes[name]!;
        converted ??= {};
        converted[name] = value.DataType === 'String.Array' ? { DataType: 'String', StringValue: value.StringValue } : value;
    }
    return converted;
}

/**
 * The simulator's view of one queue of the SQS service, on its synchronous core (`QueueCore`): the
 * delivery travels as the message's tag, and the service's hooks feed the counters and traces.
 */
export class SqsQueuePort implements QueuePort {
    readonly name: string;
    readonly fifo: boolean;
    readonly state: ResourceState;
    /** Production → processed latency of the consumer groups polling this queue (merged at the end). */
    readonly consumerLatencies: LatencyHistogram[] = [];
    private readonly totals: QueueCounters = { sent: 0, received: 0, deleted: 0, movedToDlq: 0, expired: 0, emptyReceives: 0 };
    readonly sentSeries: Series;
    readonly receivedSeries: Series;
    readonly deletedSeries: Series;
    readonly movedSeries: Series;
    readonly expiredSeries: Series;
    readonly emptySeries: Series;

    /**
     * Message attributes matter to SNS filter policies, which are evaluated before a message reaches a
     * queue; no queue or consumer behaviour depends on them, so by default the simulator does not attach
     * them to SQS messages (hashing and validating them costs more than the rest of a send).
     */
    withAttributes = false;

    /** ReceiveMessage options by batch size: the core only reads them, so one object serves every receive. */
    private readonly receiveOptions = new Map<number, ReceiveOptions>();

    private optionsFor(max: number): ReceiveOptions {
        let options = this.receiveOptions.get(max);
        if (options === undefined) {
            options = { max };
            this.receiveOptions.set(max, options);
        }
        return options;
    }

    constructor(private readonly world: World, readonly model: QueueModel, readonly core: QueueCore) {
        this.name = model.name;
        this.fifo = model.fifo;
        this.state = world.resource(model.name, 'queue');
        const series = this.state.series;
        series.declare('ApproximateNumberOfMessagesVisible', 'Maximum');
        series.declare('ApproximateNumberOfMessagesNotVisible', 'Maximum');
        series.declare('ApproximateNumberOfMessagesDelayed', 'Maximum');
        series.declare('ApproximateAgeOfOldestMessage', 'Maximum', 'Milliseconds');
        this.sentSeries = series.declare('NumberOfMessagesSent', 'Sum');
        this.receivedSeries = series.declare('NumberOfMessagesReceived', 'Sum');
        this.deletedSeries = series.declare('NumberOfMessagesDeleted', 'Sum');
        this.movedSeries = series.declare('NumberOfMessagesMovedToDLQ', 'Sum');
        this.expiredSeries = series.declare('NumberOfMessagesExpired', 'Sum');
        this.emptySeries = series.declare('NumberOfEmptyReceives', 'Sum');
    }

    send(message: OutgoingMessage, delivery: Delivery): boolean {
        // sendFields is `send` without its request and result objects (one message per queue copy). Waiting
        // long polls are served as soon as the send is complete, within this event.
        const core = this.core;
        core.holdServe();
        try {
            return core.sendFields(message.body, undefined, this.withAttributes ? sqsAttributes(message) : undefined,
                message.groupId, this.fifo ? message.dedupId : undefined, delivery, message.bodyIsSqsSafe) !== undefined;
        } finally {
            core.releaseServe();
        }
    }

    receive(max: number): ReceivedMessage[] {
        const messages = this.core.receiveNow(this.optionsFor(max));
        if (messages.length === 0) this.onEmptyReceive();
        return messages;
    }

    receiveOrWait(max: number, waitMs: number, done: (messages: ReceivedMessage[]) => void): ReceivedMessage[] | LongPoll {
        const options = this.optionsFor(max);
        const messages = this.core.receiveNow(options);
        // One ReceiveMessage call: an empty answer is counted when the wait ends empty (onEmptyReceive).
        return messages.length > 0 ? messages : this.core.wait(options, waitMs, done, false);
    }

    delete(messages: readonly ReceivedMessage[], receiveCounts: readonly number[], selected: readonly boolean[]): number {
        const core = this.core;
        let deleted = 0;
        core.holdServe();
        try {
            // A false result is a receive that is no longer current: the message stays (and is redelivered).
            for (let i = 0; i < messages.length; i++) {
                if (selected[i] && core.deleteReceived(messages[i] as SqsMessage, receiveCounts[i]!)) deleted++;
            }
        } finally {
            core.releaseServe();
        }
        return deleted;
    }

    changeVisibility(message: ReceivedMessage, receiveCount: number, timeoutMs: number): boolean {
        try {
            this.core.changeVisibility(this.core.receiptHandleFor(message as SqsMessage, receiveCount), Math.round(timeoutMs / 1000));
            return true;
        } catch (error) {
            if (!isAwsError(error)) throw error;
            return false;
        }
    }

    gauges(): QueueGauges {
        const counts = this.core.counts();
        const oldest = this.core.oldestAgeBase();
        return {
            visible: counts.visible, inFlight: counts.inFlight, delayed: counts.delayed,
            ageOfOldestMs: oldest === undefined ? 0 : Math.max(0, this.world.clock.now() - oldest)
        };
    }

    counters(): QueueCounters {
        return { ...this.totals };
    }

    remaining(): Delivery[] {
        return this.core.messages().map(message => message.tag as Delivery).filter(delivery => delivery !== undefined);
    }

    /** Messages still in the queue with their delivery, for end-of-run accounting. */
    remainingMessages(): SqsMessage[] {
        return this.core.messages();
    }

    // ---- hooks (called by the SQS service) ------------------------------------------------------

    onSent(message: SqsMessage): void {
        // Messages moved into a dead-letter queue are not counted by NumberOfMessagesSent (CloudWatch semantics).
        if (message.deadLetterSourceArn !== undefined) return;
        this.totals.sent++;
        this.state.series.add(this.sentSeries, this.world.clock.now());
    }

    onEmptyReceive(): void {
        this.totals.emptyReceives++;
        this.state.series.add(this.emptySeries, this.world.clock.now());
    }

    onReceived(message: SqsMessage): void {
        this.totals.received++;
        const now = this.world.clock.now();
        this.state.series.add(this.receivedSeries, now);
        const delivery = message.tag as Delivery | undefined;
        if (delivery?.trace) addStep(delivery.trace, now, this.name, `received (receive ${message.receiveCount})`);
    }

    onRemoved(message: SqsMessage, reason: string): void {
        const now = this.world.clock.now();
        const series = this.state.series;
        const delivery = message.tag as Delivery | undefined;
        switch (reason) {
            case 'deleted':
                this.totals.deleted++;
                series.add(this.deletedSeries, now);
                break;
            case 'expired':
                this.totals.expired++;
                series.add(this.expiredSeries, now);
                if (delivery) {
                    this.world.ledger.settle(delivery, 'expired');
                    addStep(delivery.trace, now, this.name,
                        `expired: older than the retention period (${Math.round(this.model.retentionMs / 1000)}s)`);
                }
                break;
            case 'dead-lettered': {
                this.totals.movedToDlq++;
                series.add(this.movedSeries, now);
                const target = this.model.deadLetter;
                if (delivery && target) {
                    addStep(delivery.trace, now, this.name,
                        `moved to ${target.queueName} on receive ${message.receiveCount + 1} (maxReceiveCount ${target.maxReceiveCount})`);
                }
                break;
            }
            default:
                break;
        }
    }

    /** Fills the run metrics from the counters (called once at the end). */
    finish(): void {
        const m = this.state.metrics;
        const t = this.totals;
        m['sent'] = t.sent;
        m['received'] = t.received;
        m['deleted'] = t.deleted;
        m['moved-to-dlq'] = t.movedToDlq;
        m['expired'] = t.expired;
        m['final-visible'] = this.core.counts().visible;
        for (const metric of ['visible', 'in-flight', 'delayed', 'age-of-oldest']) m[metric] ??= 0;
        const latency = new LatencyHistogram();
        for (const histogram of this.consumerLatencies) latency.merge(histogram);
        const summary = latency.summary();
        m['latency-p50'] = summary.p50Ms;
        m['latency-p99'] = summary.p99Ms;
    }
}

/** Routes the SQS service's hooks to the ports of the simulated queues. */
export function installSqsHooks(sqs: SqsService, ports: ReadonlyMap<QueueCore, SqsQueuePort>): void {
    for (const [core, port] of ports) core.observer = port;
    const portOf = (queue: QueueCore): SqsQueuePort | undefined => queue.observer as SqsQueuePort | undefined;
    sqs.hooks = {
        onSent: (queue, message) => portOf(queue)?.onSent(message),
        onReceived: (queue, message) => portOf(queue)?.onReceived(message),
        onEmptyReceive: queue => portOf(queue)?.onEmptyReceive(),
        onRemoved: (queue, message, reason) => portOf(queue)?.onRemoved(message, reason)
    };
}
