import type { AstNode, ValidationAcceptor } from 'langium';
import type {
    BatchProperty, BufferProperty, DeadLetterProperty, DelayProperty, MaxMessageSizeProperty, MaxRecordSizeProperty,
    Producer, RetentionProperty, SizeProperty, TransformProperty, VisibilityProperty, WaitProperty
} from '../generated/ast.js';
import { isConsumer, isFirehose, isProducer, isPublishProperty, isQueue, isStream, isTopic } from '../generated/ast.js';
import { FIREHOSE, KINESIS, SNS, SQS } from '../model/limits.js';
import type { RuleCode } from '../rules/rule-catalogue.js';
import { durationLiteral, durationOf, grouped, property, sizeLiteral, sizeOf } from './ast-queries.js';
import { report } from './report.js';

interface Limit {
    min: number;
    max: number;
    /** Renders a bound as a literal the grammar accepts (it is also the quick fix's replacement). */
    literal: (value: number) => string;
    /** The AWS setting and its range in the API's own unit, for the message (built only when reporting). */
    source: string | (() => string);
}

const seconds = (ms: number) => grouped(ms / 1000);
const durationLimit = (range: { min: number; max: number }, setting: string): Limit =>
    ({ ...range, literal: durationLiteral, source: `${setting}, ${seconds(range.min)}..${seconds(range.max)} s` });
const sizeLimit = (min: number, max: number, source: string | (() => string)): Limit => ({ min, max, literal: sizeLiteral, source });
const countLimit = (min: number, max: number, source: string): Limit => ({ min, max, literal: String, source });

const LIMITS = {
    visibility: durationLimit(SQS.visibilityTimeoutMs, 'SQS VisibilityTimeout'),
    queueRetention: durationLimit(SQS.retentionMs, 'SQS MessageRetentionPeriod'),
    streamRetention: { ...KINESIS.retentionMs, literal: durationLiteral, source: 'Kinesis RetentionPeriodHours, 24..8,760 h' },
    delay: durationLimit(SQS.delayMs, 'SQS DelaySeconds'),
    wait: durationLimit(SQS.receiveWaitTimeMs, 'SQS ReceiveMessageWaitTimeSeconds / WaitTimeSeconds'),
    maxMessageSize: sizeLimit(SQS.maxMessageSizeBytes.min, SQS.maxMessageSizeBytes.max, 'SQS MaximumMessageSize, 1,024..1,048,576 B'),
    maxRecordSize: sizeLimit(KINESIS.recordSizeBytes.default, KINESIS.recordSizeBytes.max, 'Kinesis MaxRecordSizeInKiB, 1,024..10,240 KiB'),
    receives: countLimit(SQS.maxReceiveCount.min, SQS.maxReceiveCount.max, 'SQS RedrivePolicy maxReceiveCount'),
    bufferSize: sizeLimit(FIREHOSE.bufferSizeBytes.min, FIREHOSE.bufferSizeBytes.max, 'Firehose BufferingHints SizeInMBs, 1..128 MiB'),
    bufferInterval: durationLimit(FIREHOSE.bufferIntervalMs, 'Firehose BufferingHints IntervalInSeconds'),
    processorSize: sizeLimit(FIREHOSE.processorBufferBytes.min, FIREHOSE.processorBufferBytes.max, 'Firehose processor BufferSizeInMBs, 0.2..3 MB'),
    processorInterval: durationLimit(FIREHOSE.processorIntervalMs, 'Firehose processor BufferIntervalInSeconds'),
    sqsBatch: countLimit(SQS.maxNumberOfMessages.min, SQS.maxNumberOfMessages.max, 'SQS ReceiveMessage MaxNumberOfMessages'),
    streamBatch: countLimit(1, KINESIS.getRecordsMaxRecords, 'Kinesis GetRecords Limit')
} satisfies Record<string, Limit>;

/** MQ010–MQ017: every number the author writes stays inside the range the AWS API accepts. */
export class LimitsValidator {
    checkVisibility(node: VisibilityProperty, accept: ValidationAcceptor): void {
        this.checkRange(accept, 'MQ010', node, 'value', 'visibility', node.value, durationOf(node.value), LIMITS.visibility);
    }

    checkRetention(node: RetentionProperty, accept: ValidationAcceptor): void {
        const limit = isStream(node.$container) ? LIMITS.streamRetention : LIMITS.queueRetention;
        this.checkRange(accept, 'MQ011', node, 'value', 'retention', node.value, durationOf(node.value), limit);
    }

    checkDelay(node: DelayProperty, accept: ValidationAcceptor): void {
        this.checkRange(accept, 'MQ012', node, 'value', 'delay', node.value, durationOf(node.value), LIMITS.delay);
    }

    checkWait(node: WaitProperty, accept: ValidationAcceptor): void {
        this.checkRange(accept, 'MQ013', node, 'value', 'wait', node.value, durationOf(node.value), LIMITS.wait);
    }

    checkMaxMessageSize(node: MaxMessageSizeProperty, accept: ValidationAcceptor): void {
        this.checkRange(accept, 'MQ014', node, 'value', 'max-message-size', node.value, sizeOf(node.value), LIMITS.maxMessageSize);
    }

    checkMaxRecordSize(node: MaxRecordSizeProperty, accept: ValidationAcceptor): void {
        this.checkRange(accept, 'MQ014', node, 'value', 'max-record-size', node.value, sizeOf(node.value), LIMITS.maxRecordSize);
    }

    checkProducerSize(node: SizeProperty, accept: ValidationAcceptor): void {
        if (!isProducer(node.$container)) return;
        const limit = producerSizeLimit(node.$container);
        this.checkRange(accept, 'MQ014', node, 'value', 'size', node.value, sizeOf(node.value), limit);
    }

    checkDeadLetterReceives(node: DeadLetterProperty, accept: ValidationAcceptor): void {
        this.checkRange(accept, 'MQ015', node, 'maxReceives', 'dead-letter receives', String(node.maxReceives), node.maxReceives, LIMITS.receives);
    }

    checkBuffer(node: BufferProperty, accept: ValidationAcceptor): void {
        this.checkRange(accept, 'MQ016', node, 'size', 'buffer size', node.size, sizeOf(node.size), LIMITS.bufferSize);
        this.checkRange(accept, 'MQ016', node, 'interval', 'buffer interval', node.interval, durationOf(node.interval), LIMITS.bufferInterval);
    }

    checkTransformBuffer(node: TransformProperty, accept: ValidationAcceptor): void {
        if (node.size !== undefined) {
            this.checkRange(accept, 'MQ016', node, 'size', 'transform buffer size', node.size, sizeOf(node.size), LIMITS.processorSize);
        }
        if (node.interval !== undefined) {
            this.checkRange(accept, 'MQ016', node, 'interval', 'transform buffer interval', node.interval, durationOf(node.interval), LIMITS.processorInterval);
        }
    }

    checkBatch(node: BatchProperty, accept: ValidationAcceptor): void {
        const reads = isConsumer(node.$container) && property(node.$container.properties, 'read') !== undefined;
        this.checkRange(accept, 'MQ017', node, 'value', 'batch', String(node.value), node.value, reads ? LIMITS.streamBatch : LIMITS.sqsBatch);
    }

    protected checkRange<N extends AstNode>(
        accept: ValidationAcceptor, code: RuleCode, node: N, prop: string, label: string, written: string,
        value: number | undefined, limit: Limit
    ): void {
        if (value === undefined || (value >= limit.min && value <= limit.max)) return;
        const bound = value < limit.min ? limit.min : limit.max;
        const replacement = limit.literal(bound);
        report(accept, code,
            `${label} ${written} is outside ${limit.literal(limit.min)}..${limit.literal(limit.max)} ` +
            `(${typeof limit.source === 'string' ? limit.source : limit.source()})`,
            { node, property: prop as never, data: { replacement } });
    }
}

/** The largest message a producer may send to its target (SNS did not get SQS's 1 MiB raise). */
function producerSizeLimit(producer: Producer): Limit {
    const target = producer.properties.find(isPublishProperty)?.target?.ref;
    if (isTopic(target)) return sizeLimit(1, SNS.messageSizeBytes, `SNS Publish message size, at most 262,144 B`);
    if (isStream(target)) {
        const declared = property(target.properties, 'max-record-size');
        const max = sizeOf(declared?.value) ?? KINESIS.recordSizeBytes.default;
        return sizeLimit(1, Math.min(max, KINESIS.recordSizeBytes.max), () => `Kinesis record size of stream '${target.name}', at most ${grouped(max)} B`);
    }
    if (isFirehose(target)) return sizeLimit(1, FIREHOSE.recordSizeBytes, 'Firehose record size, at most 1,000 KiB (1,024,000 B)');
    if (isQueue(target)) {
        const declared = property(target.properties, 'max-message-size');
        const max = Math.min(sizeOf(declared?.value) ?? SQS.maxMessageSizeBytes.max, SQS.maxMessageSizeBytes.max);
        return sizeLimit(1, max, () => `max-message-size of queue '${target.name}', SQS allows at most 1,048,576 B`);
    }
    return sizeLimit(1, SQS.maxMessageSizeBytes.max, 'SQS message size, at most 1,048,576 B');
}
