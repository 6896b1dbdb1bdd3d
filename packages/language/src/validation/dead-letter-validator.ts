import type { ValidationAcceptor } from 'langium';
import type { DeadLetterProperty, Queue } from '../generated/ast.js';
import { SQS } from '../model/limits.js';
import { durationLiteral, isFifo, property, retentionMs } from './ast-queries.js';
import { report } from './report.js';

/** MQ022, MQ030, MQ031: a queue's redrive policy points at a queue that can actually hold its failures. */
export class DeadLetterValidator {
    checkDeadLetterType(node: DeadLetterProperty, accept: ValidationAcceptor): void {
        const source = node.$container as Queue;
        const target = node.queue?.ref;
        if (!target || target === source || isFifo(source) === isFifo(target)) return;
        report(accept, 'MQ022',
            `dead-letter queue '${target.name}' is ${isFifo(target) ? 'FIFO' : 'standard'} but '${source.name}' is ${isFifo(source) ? 'FIFO' : 'standard'}; ` +
            `SQS requires a dead-letter queue of the same type as its source`,
            { node, property: 'queue' });
    }

    checkDeadLetterCycle(node: DeadLetterProperty, accept: ValidationAcceptor): void {
        const source = node.$container as Queue;
        const chain: Queue[] = [source];
        let next = node.queue?.ref;
        while (next && !chain.includes(next)) {
            chain.push(next);
            next = property(next.properties, 'dead-letter')?.queue?.ref;
        }
        if (next !== source) return;
        const message = chain.length === 1
            ? `queue '${source.name}' is its own dead-letter queue; failed messages would never leave it (use a separate queue)`
            : `dead-letter chain ${[...chain, source].map(q => q.name).join(' → ')} forms a cycle; failed messages would circulate forever`;
        report(accept, 'MQ030', message, { node, property: 'queue' });
    }

    checkDeadLetterRetention(node: DeadLetterProperty, accept: ValidationAcceptor): void {
        const source = node.$container as Queue;
        const target = node.queue?.ref;
        if (!target || target === source) return;
        const sourceRetention = retentionMs(source);
        const targetRetention = retentionMs(target);
        if (targetRetention >= sourceRetention) return;
        const retention = durationLiteral(SQS.retentionMs.max);
        report(accept, 'MQ031',
            `dead-letter queue '${target.name}' keeps messages ${durationLiteral(targetRetention)}, less than its source '${source.name}' ` +
            `(${durationLiteral(sourceRetention)}); a standard dead-letter queue keeps each message's original enqueue time, so moved messages ` +
            `can expire soon after the move: give '${target.name}' a retention of at least ${durationLiteral(sourceRetention)} (AWS advises longer, e.g. ${retention})`,
            { node, property: 'queue', data: { retention } });
    }
}
