import type { AstNode } from 'langium';
import type { Declaration, Stream } from '../generated/ast.js';
import { isCapacityProperty, isConsumer, isDestinationProperty, isFirehose, isQueue, isReadProperty, isTopic } from '../generated/ast.js';
import { KINESIS } from '../model/limits.js';
import { formatSize } from '../model/units.js';
import { KIND_OF_TYPE, PROPERTY_DOCS } from './property-docs.js';
import type { DeclarationKind } from './property-docs.js';

/** One line of a resource's effective configuration: what the author wrote, or the default that applies. */
export interface EffectiveProperty {
    key: string;
    value: string;
    declared: boolean;
}

/**
 * Defaults shown for properties left out. The figures are those of model/limits.ts (AWS defaults); a few
 * only apply to one flavour (FIFO, provisioned) and are filtered by `appliesTo`.
 */
const DEFAULTS: Partial<Record<DeclarationKind, ReadonlyArray<{ key: string; value: string | ((node: Declaration) => string); appliesTo?: (node: Declaration) => boolean }>>> = {
    queue: [
        { key: 'visibility', value: '30s' },
        { key: 'wait', value: '0s' },
        { key: 'delay', value: '0s' },
        { key: 'retention', value: '4d' },
        { key: 'max-message-size', value: '1MiB' },
        { key: 'encryption', value: 'sqs-managed' },
        { key: 'deduplication', value: 'explicit', appliesTo: isFifoDeclaration },
        { key: 'throughput', value: 'per-queue', appliesTo: isFifoDeclaration }
    ],
    topic: [
        { key: 'deduplication', value: 'explicit', appliesTo: isFifoDeclaration },
        { key: 'throughput', value: 'per-topic', appliesTo: isFifoDeclaration },
        { key: 'encryption', value: 'none' }
    ],
    stream: [
        { key: 'capacity', value: 'provisioned 1 shard' },
        { key: 'retention', value: '24h' },
        { key: 'max-record-size', value: '1MiB' },
        { key: 'encryption', value: 'none' }
    ],
    function: [
        { key: 'duration', value: '100ms' },
        { key: 'errors', value: '0%' },
        { key: 'drops', value: '0%' },
        { key: 'concurrency', value: '1000' }
    ],
    firehose: [
        { key: 'source', value: 'direct' },
        { key: 'buffer', value: '5MiB or 300s' },
        { key: 'backup', value: node => ['s3', 'redshift'].includes(destinationOf(node)) ? 'none' : 'failed' }
    ],
    producer: [
        { key: 'rate', value: '1/s' }
    ],
    consumer: [
        { key: 'batch', value: node => isConsumer(node) && node.properties.some(isReadProperty) ? '10000' : '1' },
        { key: 'processing', value: '10ms' },
        { key: 'failure', value: '0%' },
        { key: 'instances', value: '1' },
        { key: 'warm-up', value: '60s' }
    ],
    scenario: [
        { key: 'duration', value: '10m' },
        { key: 'seed', value: '1' }
    ]
};

export function declarationKind(node: AstNode): DeclarationKind | undefined {
    return KIND_OF_TYPE[node.$type];
}

export function isFifoDeclaration(node: Declaration): boolean {
    if (!isQueue(node) && !isTopic(node)) return false;
    return (node.name ?? '').endsWith('.fifo') || node.properties.some(property => property.key === 'type' && 'value' in property && property.value === 'fifo');
}

/** The value part of a property as written (`visibility: 45s  // note` → `45s`), whitespace collapsed. */
export function writtenValue(property: AstNode & { key?: string }): string {
    const cst = property.$cstNode;
    if (!cst) return '';
    const text = cst.text;
    const keyLength = property.key?.length ?? 0;
    const rest = text.slice(keyLength).replace(/^\s*:/, '');
    return rest.replace(/\s+/g, ' ').trim();
}

function propertiesOf(node: Declaration): Array<AstNode & { key?: string }> {
    return 'properties' in node ? node.properties : node.statements;
}

/** Every documented property of the declaration with its written or default value, in the documentation order. */
export function effectiveProperties(node: Declaration): EffectiveProperty[] {
    const kind = declarationKind(node);
    if (!kind) return [];
    const written = new Map<string, string>();
    for (const property of propertiesOf(node)) {
        if (property.key && !written.has(property.key)) written.set(property.key, writtenValue(property));
    }
    const defaults = new Map((DEFAULTS[kind] ?? []).filter(entry => entry.appliesTo?.(node) ?? true).map(entry => [entry.key, valueOf(entry.value, node)]));
    const result: EffectiveProperty[] = [];
    for (const doc of PROPERTY_DOCS[kind]) {
        const value = written.get(doc.key);
        if (value !== undefined) result.push({ key: doc.key, value, declared: true });
        else if (defaults.has(doc.key)) result.push({ key: doc.key, value: defaults.get(doc.key)!, declared: false });
    }
    return result;
}

/** The default value of one property on this declaration, if the author left it out and a default applies. */
export function defaultOf(node: Declaration, key: string): string | undefined {
    const kind = declarationKind(node);
    const entry = kind ? DEFAULTS[kind]?.find(candidate => candidate.key === key) : undefined;
    if (!entry || !(entry.appliesTo?.(node) ?? true)) return undefined;
    return propertiesOf(node).some(property => property.key === key) ? undefined : valueOf(entry.value, node);
}

function valueOf(value: string | ((node: Declaration) => string), node: Declaration): string {
    return typeof value === 'string' ? value : value(node);
}

function destinationOf(node: Declaration): string {
    return (isFirehose(node) ? node.properties.find(isDestinationProperty)?.type : undefined) ?? 's3';
}

export interface WriteCapacity {
    bytesPerSecond: number;
    recordsPerSecond: number;
    /** `4MiB/s · 4,000 rec/s` */
    label: string;
}

/** Write capacity of a stream: per shard 1 MiB/s and 1,000 records/s when provisioned; the on-demand starting capacity otherwise. */
export function streamWriteCapacity(stream: Stream): WriteCapacity {
    const capacity = stream.properties.find(isCapacityProperty);
    if (capacity?.mode !== 'on-demand') {
        // Like the lowering: no capacity means one provisioned shard.
        const shards = Math.max(1, Math.floor(capacity?.shards ?? 1));
        const bytes = shards * KINESIS.shardWriteBytesPerSecond;
        const records = shards * KINESIS.shardWriteRecordsPerSecond;
        return { bytesPerSecond: bytes, recordsPerSecond: records, label: `${formatSize(bytes)}/s · ${records.toLocaleString('en-US')} rec/s` };
    }
    const bytes = KINESIS.onDemandInitialWriteBytesPerSecond;
    const records = KINESIS.onDemandInitialWriteRecordsPerSecond;
    return { bytesPerSecond: bytes, recordsPerSecond: records, label: `${formatSize(bytes)}/s · ${records.toLocaleString('en-US')} rec/s` };
}
