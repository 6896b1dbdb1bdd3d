import type { ValidationAcceptor } from 'langium';
import type { CapacityProperty, Consumer, DestinationProperty, Producer } from '../generated/ast.js';
import { isFirehose, isPublishProperty } from '../generated/ast.js';
import { KINESIS } from '../model/limits.js';
import { grouped, producerRate, producerSize, property } from './ast-queries.js';
import { report } from './report.js';
import type { WorkspaceFacts } from './workspace-facts.js';

/** Bytes a producer's record takes: the declared size, else the size of its template as written. */
function recordBytes(producer: Producer): number {
    const declared = producerSize(producer);
    if (declared !== undefined) return declared;
    const template = property(producer.properties, 'message')?.value.$cstNode?.text;
    return Math.max(template?.length ?? 1, 1);
}

/** MQ050, MQ051, MQ060, MQ061: Kinesis capacity and readers, Firehose sources and destinations. */
export class StreamsFirehoseValidator {
    constructor(protected readonly facts: WorkspaceFacts) {}

    checkStreamCapacity(capacity: CapacityProperty, accept: ValidationAcceptor): void {
        if (capacity.mode !== 'provisioned' || capacity.shards === undefined) return;
        const stream = capacity.$container;
        const producers = this.facts.index.producersByTarget.get(stream);
        if (producers.length === 0) return;
        const records = producers.reduce((sum, p) => sum + producerRate(p), 0);
        const bytes = producers.reduce((sum, p) => sum + producerRate(p) * recordBytes(p), 0);
        const needed = Math.max(
            Math.ceil(records / KINESIS.shardWriteRecordsPerSecond - 1e-9),
            Math.ceil(bytes / KINESIS.shardWriteBytesPerSecond - 1e-9),
            1
        );
        if (needed <= capacity.shards) return;
        report(accept, 'MQ050',
            `producers write ${grouped(records)} records/s and ${grouped(bytes / 1_000_000)} MB/s to stream '${stream.name}', but ` +
            `${capacity.shards} shard${capacity.shards === 1 ? '' : 's'} accept${capacity.shards === 1 ? 's' : ''} ` +
            `${grouped(capacity.shards * KINESIS.shardWriteRecordsPerSecond)} records/s and ${grouped(capacity.shards)} MiB/s ` +
            `(Kinesis write limit per shard: 1 MiB/s and 1,000 records/s); ${needed} shards are needed`,
            { node: capacity, property: 'shards', data: { shards: needed } });
    }

    checkSharedReaders(consumer: Consumer, accept: ValidationAcceptor): void {
        const read = property(consumer.properties, 'read');
        const stream = read?.stream?.ref;
        if (!read || !stream || isEnhanced(consumer)) return;
        const shared = [
            ...this.facts.index.firehosesBySource.get(stream),
            ...this.facts.index.consumersByStream.get(stream).filter(c => !isEnhanced(c))
        ];
        const position = shared.indexOf(consumer);
        if (position < KINESIS.sharedConsumersAdvised) return;
        report(accept, 'MQ051',
            `'${consumer.name}' is shared-throughput reader ${position + 1} of ${shared.length} on stream '${stream.name}'; ` +
            `shared readers split 2 MiB/s and 5 GetRecords calls/s per shard, so more than ${KINESIS.sharedConsumersAdvised} fall behind: ` +
            `set fan-out: enhanced (2 MiB/s per reader per shard)`,
            { node: read, property: 'stream' });
    }

    checkDirectPutToStreamFirehose(producer: Producer, accept: ValidationAcceptor): void {
        const publish = producer.properties.find(isPublishProperty);
        const firehose = publish?.target?.ref;
        if (!publish || !isFirehose(firehose)) return;
        const stream = property(firehose.properties, 'source')?.stream;
        if (!stream) return;
        report(accept, 'MQ060',
            `firehose '${firehose.name}' reads from stream '${stream.$refText}', so it rejects direct puts; ` +
            `publish to stream '${stream.$refText}' instead, or make '${firehose.name}' source: direct`,
            { node: publish, property: 'target' });
    }

    checkRedshiftIntermediate(destination: DestinationProperty, accept: ValidationAcceptor): void {
        if (destination.type !== 'redshift' || destination.intermediate !== undefined) return;
        report(accept, 'MQ061',
            `a redshift destination needs an intermediate S3 bucket (Firehose stages the data in S3, then runs COPY): ` +
            `add via s3 "s3://BUCKET/PREFIX/"`,
            { node: destination, property: 'type' });
    }
}

function isEnhanced(consumer: Consumer): boolean {
    return property(consumer.properties, 'fan-out')?.value === 'enhanced';
}

