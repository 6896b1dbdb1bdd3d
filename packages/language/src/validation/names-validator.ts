import type { ValidationAcceptor } from 'langium';
import { AstUtils } from 'langium';
import type { Declaration, Queue, Topic } from '../generated/ast.js';
import { SQS, SNS, KINESIS, FIREHOSE } from '../model/limits.js';
import type { DeclarationKind } from './ast-queries.js';
import { FIFO_SUFFIX, hasFifoName, kindOf, property } from './ast-queries.js';
import { report } from './report.js';
import type { WorkspaceFacts } from './workspace-facts.js';
import { declarationKey } from './workspace-facts.js';

/** Name rules per AWS kind: [max length, allowed characters, the API parameter that defines them]. */
const NAME_RULES: Partial<Record<DeclarationKind, { max: number; pattern: RegExp; allowed: string; source: string }>> = {
    queue: { max: SQS.queueNameLength, pattern: /^[A-Za-z0-9_-]+(\.fifo)?$/, allowed: 'letters, digits, - and _ (plus a final .fifo)', source: 'SQS CreateQueue QueueName' },
    topic: { max: SNS.topicNameLength, pattern: /^[A-Za-z0-9_-]+(\.fifo)?$/, allowed: 'letters, digits, - and _ (plus a final .fifo)', source: 'SNS CreateTopic Name' },
    stream: { max: KINESIS.streamNameLength, pattern: /^[A-Za-z0-9_.-]+$/, allowed: 'letters, digits, -, _ and .', source: 'Kinesis CreateStream StreamName' },
    function: { max: 64, pattern: /^[A-Za-z0-9_-]+$/, allowed: 'letters, digits, - and _', source: 'Lambda FunctionName' },
    firehose: { max: FIREHOSE.streamNameLength, pattern: /^[A-Za-z0-9_.-]+$/, allowed: 'letters, digits, -, _ and .', source: 'Firehose CreateDeliveryStream DeliveryStreamName' }
};

/** MQ001–MQ004 and MQ023: what names mean (FIFO or not), what they may look like, and that they are unique. */
export class NamesValidator {
    constructor(protected readonly facts: WorkspaceFacts) {}

    checkFifoNaming(node: Queue | Topic, accept: ValidationAcceptor): void {
        if (typeof node.name !== 'string') return;
        const kind = node.$type === 'Queue' ? 'queue' : 'topic';
        const type = property(node.properties, 'type');
        const fifoOnly = node.properties.filter(p => p.key === 'deduplication' || p.key === 'throughput');
        if (hasFifoName(node.name)) {
            if (type?.value === 'standard') {
                report(accept, 'MQ002',
                    `${kind} '${node.name}' is declared type: standard but its name ends in .fifo; only FIFO ${kind}s may be named *.fifo ` +
                    `(write type: fifo, or drop the .fifo suffix)`,
                    { node: type, property: 'value' });
            }
            return;
        }
        const newName = `${node.name}${FIFO_SUFFIX}`;
        if (type?.value === 'fifo') {
            report(accept, 'MQ001',
                `${kind} '${node.name}' is declared type: fifo, so its name must end in .fifo (AWS requires it): rename it to '${newName}'`,
                { node, property: 'name', data: { newName } });
        } else if (!type && fifoOnly.length > 0) {
            const keys = fifoOnly.map(p => p.key).join(' and ');
            report(accept, 'MQ001',
                `${kind} '${node.name}' uses the FIFO-only ${keys}, so it must be a FIFO ${kind} named '${newName}' ` +
                `(or remove ${keys} to keep it standard)`,
                { node, property: 'name', data: { newName } });
        }
    }

    checkFifoOnlyProperties(node: Queue | Topic, accept: ValidationAcceptor): void {
        const kind = node.$type === 'Queue' ? 'queue' : 'topic';
        const declaredStandard = property(node.properties, 'type')?.value === 'standard' && !hasFifoName(node.name);
        for (const prop of node.properties) {
            if (prop.key !== 'deduplication' && prop.key !== 'throughput') continue;
            if (declaredStandard) {
                report(accept, 'MQ023',
                    `${prop.key} applies only to FIFO ${kind}s; '${node.name}' is a standard ${kind} (remove it, or make the ${kind} FIFO)`,
                    { node: prop, property: 'key' });
            } else if (prop.key === 'throughput') {
                const allowed = kind === 'queue' ? ['per-queue', 'per-group'] : ['per-topic', 'per-group'];
                if (!allowed.includes(prop.value)) {
                    report(accept, 'MQ023',
                        `throughput: ${prop.value} does not apply to a ${kind}; a FIFO ${kind}'s throughput is ${allowed.join(' or ')}`,
                        { node: prop, property: 'value' });
                }
            }
        }
    }

    checkNameFormat(node: Declaration, accept: ValidationAcceptor): void {
        const kind = kindOf(node);
        const rule = kind && NAME_RULES[kind];
        if (!rule || typeof node.name !== 'string') return;
        if (node.name.length > rule.max) {
            report(accept, 'MQ003',
                `${kind} name '${node.name}' has ${node.name.length} characters; ${rule.source} allows at most ${rule.max}` +
                (kind === 'queue' ? ' (including .fifo)' : ''),
                { node, property: 'name' });
        } else if (!rule.pattern.test(node.name)) {
            report(accept, 'MQ003', `${kind} name '${node.name}' may contain only ${rule.allowed} (${rule.source})`, { node, property: 'name' });
        }
    }

    checkUniqueName(node: Declaration, accept: ValidationAcceptor): void {
        const kind = kindOf(node);
        if (!kind || !node.name) return;
        const others = this.facts.index.declarations.get(declarationKey(kind, node.name)).filter(other => other !== node);
        if (others.length === 0) return;
        const where = others.map(describeLocation).join(', ');
        report(accept, 'MQ004',
            `${kind} '${node.name}' is declared more than once in the workspace (also at ${where}); names must be unique per kind`,
            { node, property: 'name' });
    }
}

function describeLocation(node: Declaration): string {
    const document = AstUtils.getDocument(node);
    const file = document.uri.path.split('/').pop() ?? document.uri.toString();
    const line = (node.$cstNode?.range.start.line ?? 0) + 1;
    return `${file}:${line}`;
}
