import type { ValidationAcceptor } from 'langium';
import type { Consumer, Producer, Queue, ScaleProperty, Subscription, Topic } from '../generated/ast.js';
import { isPublishProperty, isQueue, isScaleProperty, isTopic } from '../generated/ast.js';
import { SNS, SQS } from '../model/limits.js';
import {
    durationLiteral, grouped, hasFifoName, isContentDeduplicated, isFifo, maxProcessingMs, percentOf, producerRate, property, quantityOf, visibilityMs
} from './ast-queries.js';
import { report } from './report.js';
import type { WorkspaceFacts } from './workspace-facts.js';

const QUEUE_METRICS = ['visible', 'in-flight', 'delayed', 'age-of-oldest'];
const STREAM_METRICS = ['iterator-age'];

/** The first top-level field of a producer's message template: a sensible default for `group:`. */
function firstMessageField(producer: Producer): string | undefined {
    return property(producer.properties, 'message')?.value.members[0]?.key;
}

function fieldLiteral(field: string): string {
    return /^[A-Za-z_][A-Za-z0-9_-]*$/.test(field) ? field : JSON.stringify(field);
}

/** MQ024, MQ025, MQ032, MQ033, MQ070, MQ072: producers and consumers fit what their queues, topics and scaling can do. */
export class ProducersConsumersValidator {
    constructor(protected readonly facts: WorkspaceFacts) {}

    checkFifoProducer(producer: Producer, accept: ValidationAcceptor): void {
        const publish = producer.properties.find(isPublishProperty);
        const target = publish?.target?.ref;
        if (!publish || !(isQueue(target) || isTopic(target)) || !isFifo(target)) return;
        const kind = isQueue(target) ? 'queue' : 'topic';
        if (!property(producer.properties, 'group')) {
            const field = fieldLiteral(firstMessageField(producer) ?? 'group-id');
            report(accept, 'MQ024',
                `producer '${producer.name}' publishes to FIFO ${kind} '${target.name}', which rejects messages without a MessageGroupId: ` +
                `add group: FIELD (the message field that names the group)`,
                { node: publish, property: 'target', data: { missing: 'group', field } });
        }
        if (!property(producer.properties, 'dedup-id') && !isContentDeduplicated(target)) {
            const field = fieldLiteral(firstMessageField(producer) ?? 'dedup-id');
            report(accept, 'MQ024',
                `producer '${producer.name}' publishes to FIFO ${kind} '${target.name}' without a MessageDeduplicationId, and '${target.name}' ` +
                `does not use deduplication: content; add dedup-id: FIELD, or set deduplication: content on '${target.name}'`,
                { node: publish, property: 'target', data: { missing: 'dedup-id', field } });
        }
    }

    checkFifoThroughput(producer: Producer, accept: ValidationAcceptor): void {
        const target = producer.properties.find(isPublishProperty)?.target?.ref;
        if (!(isQueue(target) || isTopic(target)) || !isFifo(target)) return;
        if (property(target.properties, 'throughput')?.value === 'per-group') return;
        const total = this.facts.index.producersByTarget.get(target).reduce((sum, p) => sum + producerRate(p), 0);
        const limit = isQueue(target) ? SQS.fifoTpsPerAction : SNS.fifoTopicMessagesPerSecond;
        if (total <= limit) return;
        const rate = property(producer.properties, 'rate');
        const why = isQueue(target)
            ? `a FIFO queue without high throughput accepts ${grouped(SQS.fifoTpsPerAction)} SendMessage calls/s per partition ` +
              `(${grouped(SQS.fifoBatchedMessagesPerSecond)} msg/s in batches of 10)`
            : `a FIFO topic with per-topic throughput accepts ${grouped(SNS.fifoTopicMessagesPerSecond)} msg/s (or 20 MB/s)`;
        const message = `producers publishing to FIFO ${isQueue(target) ? 'queue' : 'topic'} '${target.name}' declare ${grouped(total)} msg/s in total; ` +
            `${why}: set throughput: per-group on '${target.name}' (high throughput per message group)`;
        if (rate) report(accept, 'MQ025', message, { node: rate, property: 'value' });
        else report(accept, 'MQ025', message, { node: producer, property: 'name' });
    }

    /** MQ025 for fan-out: a FIFO topic sends every message on to each subscribed FIFO queue (filters aside). */
    checkFifoFanOutThroughput(subscription: Subscription, accept: ValidationAcceptor): void {
        const topic = subscription.$container;
        const queue = subscription.target?.ref;
        if (!isFifo(topic) || !isQueue(queue) || !isFifo(queue)) return;
        if (property(queue.properties, 'throughput')?.value === 'per-group') return;
        const total = this.facts.index.producersByTarget.get(topic).reduce((sum, p) => sum + producerRate(p), 0);
        if (total <= SQS.fifoTpsPerAction) return;
        const filtered = subscription.policy ? ' (before its filter policy)' : '';
        report(accept, 'MQ025',
            `FIFO topic '${topic.name}' receives ${grouped(total)} msg/s and delivers them to FIFO queue '${queue.name}'${filtered}; ` +
            `a FIFO queue without high throughput accepts ${grouped(SQS.fifoTpsPerAction)} SendMessage calls/s per partition: ` +
            `set throughput: per-group on '${queue.name}' (high throughput per message group)`,
            { node: subscription, property: 'target' });
    }

    checkVisibilityVersusProcessing(consumer: Consumer, accept: ValidationAcceptor): void {
        const queue = property(consumer.properties, 'poll')?.queue?.ref;
        const processing = property(consumer.properties, 'processing');
        const maxMs = maxProcessingMs(consumer);
        if (!queue || !processing || maxMs === undefined || property(consumer.properties, 'heartbeat')) return;
        // A received batch is processed message by message and deleted at its end, so the last message of a
        // batch stays in flight for batch × processing (the engine's consumer model).
        const batch = Math.max(1, Math.floor(property(consumer.properties, 'batch')?.value ?? SQS.maxNumberOfMessages.default));
        const heldMs = batch * maxMs;
        const visibility = visibilityMs(queue);
        if (heldMs <= visibility) return;
        const suggested = Math.min(Math.ceil((3 * heldMs) / 1000) * 1000, SQS.visibilityTimeoutMs.max);
        const declared = property(queue.properties, 'visibility') ? '' : ' (the default)';
        const held = batch === 1
            ? `may process a message for ${durationLiteral(maxMs)}`
            : `may hold a batch of ${batch} messages for ${batch} × ${durationLiteral(maxMs)} = ${durationLiteral(heldMs)} before deleting it`;
        report(accept, 'MQ032',
            `consumer '${consumer.name}' ${held}, longer than the ${durationLiteral(visibility)} visibility timeout of '${queue.name}'${declared}: ` +
            `the message${batch === 1 ? '' : 's'} become${batch === 1 ? 's' : ''} visible again and ${batch === 1 ? 'is' : 'are'} processed twice; ` +
            `set visibility on '${queue.name}' to 2–3× that time (${durationLiteral(suggested)}), or add heartbeat:`,
            { node: processing, property: 'value', data: { visibility: durationLiteral(suggested) } });
    }

    checkFailuresWithoutDeadLetter(consumer: Consumer, accept: ValidationAcceptor): void {
        const queue = property(consumer.properties, 'poll')?.queue?.ref;
        const failure = property(consumer.properties, 'failure');
        if (!queue || !failure || !((percentOf(failure.value) ?? 0) > 0) || property(queue.properties, 'dead-letter')) return;
        report(accept, 'MQ033',
            `consumer '${consumer.name}' fails ${failure.value} of messages but '${queue.name}' has no dead-letter queue: ` +
            `a message that always fails is retried until retention expires; add dead-letter: QUEUE after N receives`,
            { node: failure, property: 'value', data: { deadLetter: deadLetterName(queue) } });
    }

    checkInstances(consumer: Consumer, accept: ValidationAcceptor): void {
        const instances = property(consumer.properties, 'instances');
        if (instances?.max !== undefined && instances.min > instances.max) {
            report(accept, 'MQ070',
                `instances ${instances.min}..${instances.max}: the minimum is larger than the maximum (write MIN..MAX with MIN ≤ MAX)`,
                { node: instances, property: 'min' });
        }
    }

    checkScaling(consumer: Consumer, accept: ValidationAcceptor): void {
        const rules = consumer.properties.filter(isScaleProperty);
        const reads = property(consumer.properties, 'read') !== undefined;
        const allowed = reads ? STREAM_METRICS : QUEUE_METRICS;
        for (const rule of rules) {
            if (!allowed.includes(rule.metric)) {
                report(accept, 'MQ070',
                    `${rule.key} watches '${rule.metric}', which is not a ${reads ? 'stream' : 'queue'} metric; use ${allowed.join(', ')}`,
                    { node: rule, property: 'metric' });
            }
        }
        for (const scaleIn of rules.filter(rule => rule.key === 'scale-in')) {
            const scaleOut = rules.find(rule => rule.key === 'scale-out' && rule.metric === scaleIn.metric);
            const inValue = scaleOut && thresholdValue(scaleIn);
            const outValue = scaleOut && thresholdValue(scaleOut);
            if (scaleOut && inValue !== undefined && outValue !== undefined && inValue >= outValue) {
                report(accept, 'MQ070',
                    `scale-in threshold ${scaleIn.threshold} is not below the scale-out threshold ${scaleOut.threshold} on '${scaleIn.metric}': ` +
                    `the group would add and remove instances in turn; scale in below the scale-out threshold`,
                    { node: scaleIn, property: 'threshold' });
            }
        }
    }

    /** MQ072: a target tracking policy AWS can attach to the group and that can act on it (DOMAIN §5). */
    checkTargetTracking(consumer: Consumer, accept: ValidationAcceptor): void {
        const tracking = property(consumer.properties, 'target-tracking');
        if (!tracking) return;
        const stream = property(consumer.properties, 'read');
        if (stream) {
            report(accept, 'MQ072',
                `target-tracking: backlog-per-instance follows an SQS queue's ApproximateNumberOfMessagesVisible, but '${consumer.name}' reads ` +
                `stream '${stream.stream?.$refText ?? ''}': only queue consumers (poll:) can track a backlog per instance; ` +
                `scale a stream consumer with scale-out/scale-in on iterator-age`,
                { node: tracking, property: 'key' });
            return;
        }
        if (typeof tracking.target === 'number' && !(tracking.target > 0)) {
            report(accept, 'MQ072',
                `target-tracking target ${tracking.target}: the backlog per instance to keep must be above 0 ` +
                `(AWS's recipe: acceptable latency ÷ average processing time per message)`,
                { node: tracking, property: 'target' });
        }
        const instances = property(consumer.properties, 'instances');
        const min = Math.floor(instances?.min ?? 1);
        const max = instances?.max === undefined ? min : Math.floor(instances.max);
        if (max === min) {
            report(accept, 'MQ072',
                `target tracking can never change the group: instances is fixed at ${min}` +
                `${instances ? '' : ' (the default)'}; write instances: MIN..MAX with MAX above MIN so it can scale`,
                { node: tracking, property: 'key', severity: 'warning' });
        }
    }
}

function thresholdValue(rule: ScaleProperty): number | undefined {
    return quantityOf(rule.threshold);
}

/** `shipping` → `shipping-dlq`, `ledger.fifo` → `ledger-dlq.fifo` (a FIFO source needs a FIFO dead-letter queue). */
export function deadLetterName(queue: Queue | Topic): string {
    return isFifo(queue) && hasFifoName(queue.name) ? `${queue.name.slice(0, -'.fifo'.length)}-dlq.fifo` : `${queue.name}-dlq`;
}
