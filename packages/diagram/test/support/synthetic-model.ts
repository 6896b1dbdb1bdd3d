import type { ArchitectureModel } from '@mq-architect/language/model';
import { ModelBuilder, pollSource, readSource } from './model-builder.js';

/**
 * An architecture-shaped model with exactly `resources` declarations: repeated clusters of
 * producer → topic → filtered/raw queues (one with a DLQ) → consumer groups, and producer → stream →
 * firehose (with a transform) → S3, with a subscription linking every fourth cluster to the previous
 * one so that components grow beyond a single cluster. Deterministic.
 */
export function syntheticModel(resources: number): ArchitectureModel {
    const b = new ModelBuilder('file:///workspace/synthetic.mq');
    let count = 0;
    const room = () => count < resources;
    const add = <T>(create: () => T): T | undefined => {
        if (!room()) return undefined;
        count++;
        return create();
    };
    let previousQueue: ReturnType<ModelBuilder['queue']> | undefined;
    for (let c = 0; room(); c++) {
        const topic = add(() => b.topic(`orders-${c}`));
        const dlq = add(() => b.queue(`billing-${c}-dlq`, { retentionMs: 14 * 86_400_000 }));
        const billing = add(() => b.queue(`billing-${c}`));
        const shipping = add(() => b.queue(`shipping-${c}`, { receiveWaitTimeMs: 20_000 }));
        if (billing && dlq) b.deadLetter(billing, dlq, 5);
        if (topic && billing) {
            b.subscribe(topic, { protocol: 'sqs', endpoint: billing.name, target: billing, filterPolicy: { eventType: ['order_placed'], amount: [{ numeric: ['>', c] }] } });
        }
        if (topic && shipping) b.subscribe(topic, { protocol: 'sqs', endpoint: shipping.name, target: shipping, raw: true });
        if (topic && previousQueue && c % 4 !== 0) b.subscribe(topic, { protocol: 'sqs', endpoint: previousQueue.name, target: previousQueue });
        const stream = add(() => b.stream(`clicks-${c}`, 1 + (c % 6)));
        const transform = add(() => b.fn(`enrich-${c}`, { duration: { minMs: 10, maxMs: 40 } }));
        if (stream) {
            add(() => b.firehose(`archive-${c}`, {
                source: { kind: 'stream', stream, streamName: stream.name },
                ...(transform ? { transform: { function: transform, functionName: transform.name, bufferSizeBytes: 1_000_000, bufferIntervalMs: 60_000, retries: 3 } } : {})
            }));
        }
        if (topic) add(() => b.producer(`checkout-${c}`, topic, { ratePerSecond: 10 + c }));
        if (stream) add(() => b.producer(`web-${c}`, stream, { ratePerSecond: 500 }));
        if (billing) add(() => b.consumer(`billers-${c}`, pollSource(billing), { batchSize: 10, instances: { min: 1, max: 4 } }));
        if (shipping) add(() => b.consumer(`shippers-${c}`, pollSource(shipping), { instances: { min: 2, max: 20 } }));
        if (stream) add(() => b.consumer(`dashboard-${c}`, readSource(stream, c % 2 === 0 ? 'enhanced' : 'shared')));
        previousQueue = shipping ?? previousQueue;
    }
    return b.model;
}

export function resourceCount(model: ArchitectureModel): number {
    return model.queues.length + model.topics.length + model.streams.length + model.functions.length
        + model.firehoses.length + model.producers.length + model.consumers.length;
}
