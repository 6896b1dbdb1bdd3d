import type { ValidationAcceptor } from 'langium';
import type { Queue, Stream, Topic } from '../generated/ast.js';
import { report } from './report.js';
import type { WorkspaceFacts } from './workspace-facts.js';

/** MQ071: a queue, topic or stream that nothing writes to or nothing reads is probably a leftover or a typo. */
export class UsageValidator {
    constructor(protected readonly facts: WorkspaceFacts) {}

    checkQueueUsed(queue: Queue, accept: ValidationAcceptor): void {
        const index = this.facts.index;
        // A dead-letter queue is written by SQS or SNS and typically read by hand (redrive): never "unused".
        if (index.deadLetterQueues.has(queue)) return;
        const written = index.producersByTarget.get(queue).length > 0 || index.subscriptionsByTarget.get(queue).length > 0;
        const read = index.consumersByQueue.get(queue).length > 0;
        this.reportUnused(accept, queue, 'queue', written, read, 'no producer or topic subscription sends to it', 'no consumer polls it');
    }

    checkTopicUsed(topic: Topic, accept: ValidationAcceptor): void {
        const written = this.facts.index.producersByTarget.get(topic).length > 0;
        this.reportUnused(accept, topic, 'topic', written, topic.subscriptions.length > 0, 'no producer publishes to it', 'it has no subscriptions');
    }

    checkStreamUsed(stream: Stream, accept: ValidationAcceptor): void {
        const index = this.facts.index;
        const written = index.producersByTarget.get(stream).length > 0;
        const read = index.consumersByStream.get(stream).length > 0 || index.firehosesBySource.get(stream).length > 0;
        this.reportUnused(accept, stream, 'stream', written, read, 'no producer writes to it', 'no consumer or firehose reads it');
    }

    protected reportUnused(
        accept: ValidationAcceptor, node: Queue | Topic | Stream, kind: string, written: boolean, read: boolean, notWritten: string, notRead: string
    ): void {
        if (written && read) return;
        const reasons = [written ? undefined : notWritten, read ? undefined : notRead].filter(Boolean).join(' and ');
        report(accept, 'MQ071', `${kind} '${node.name}' looks unused: ${reasons} (in any file of the workspace)`, { node, property: 'name' });
    }
}
