import type { ArchitectureModel } from '@mq-architect/language/model';
import { ModelBuilder, pollSource, readSource } from './model-builder.js';

/** `examples/language-tour.mq`, built by hand: every node kind and every edge kind at least once. */
export function tourModel(b = new ModelBuilder('file:///workspace/tour.mq')): ArchitectureModel {
    const ordersDlq = b.queue('orders-dlq.fifo', { retentionMs: 14 * 86_400_000 });
    const ledger = b.queue('ledger.fifo', { visibilityTimeoutMs: 45_000, contentBasedDeduplication: true, fifoThroughputLimit: 'perMessageGroupId', deduplicationScope: 'messageGroup' });
    b.deadLetter(ledger, ordersDlq, 5);
    const shipping = b.queue('shipping', { receiveWaitTimeMs: 20_000, maxMessageSizeBytes: 262_144 });
    const shippingDlq = b.queue('shipping-dlq', { retentionMs: 14 * 86_400_000 });
    b.deadLetter(shipping, shippingDlq, 3);
    const fraud = b.queue('fraud-review');

    const ledgerEvents = b.topic('ledger-events.fifo', { contentBasedDeduplication: true });
    b.subscribe(ledgerEvents, { protocol: 'sqs', endpoint: 'ledger.fifo', target: ledger });
    const purchases = b.topic('purchases');

    const clicks = b.stream('clicks', 4);
    const enrich = b.fn('enrich', { duration: { minMs: 20, maxMs: 80 }, errorRate: 0.01, dropRate: 0.02 });
    const notify = b.fn('notify', { duration: { minMs: 50, maxMs: 50 } });
    b.firehose('clicks-archive', {
        source: { kind: 'stream', stream: clicks, streamName: 'clicks' },
        transform: { function: enrich, functionName: 'enrich', bufferSizeBytes: 1_000_000, bufferIntervalMs: 60_000, retries: 3 },
        buffer: { sizeBytes: 5 * 1_048_576, intervalMs: 60_000 }, destination: { type: 's3', target: 's3://analytics/clicks/' }, backup: 'failed'
    });
    const archive = b.firehose('analytics-archive', { buffer: { sizeBytes: 1_048_576, intervalMs: 60_000 }, destination: { type: 's3', target: 's3://analytics/purchases/' } });

    b.subscribe(purchases, { protocol: 'sqs', endpoint: 'shipping', target: shipping, raw: true });
    b.subscribe(purchases, {
        protocol: 'sqs', endpoint: 'fraud-review', target: fraud,
        filterPolicy: { eventType: ['order_placed', 'order_updated'], amount: [{ numeric: ['>', 100] }], country: [{ 'anything-but': ['test'] }] }
    });
    b.subscribe(purchases, { protocol: 'firehose', endpoint: 'analytics-archive', target: archive });
    b.subscribe(purchases, { protocol: 'lambda', endpoint: 'notify', target: notify });
    b.subscribe(purchases, { protocol: 'email', endpoint: 'ops@example.com' });
    b.subscribe(purchases, { protocol: 'https', endpoint: 'https://hooks.example.com/orders' });

    b.producer('checkout', purchases, { ratePerSecond: 50, messageSizeBytes: 2048, attributes: ['eventType', 'amount', 'country'] });
    b.producer('ledger-writer', ledgerEvents, { ratePerSecond: 20, groupField: 'account-id' });
    b.producer('web', clicks, { ratePerSecond: 2000, messageSizeBytes: 500, partitionKeyField: 'session-id' });

    b.consumer('shippers', pollSource(shipping), { batchSize: 10, processing: { minMs: 200, maxMs: 800 }, failureRate: 0.02, instances: { min: 2, max: 20 } });
    b.consumer('bookkeeper', pollSource(ledger), { processing: { minMs: 30, maxMs: 30 } });
    b.consumer('fraud-analysts', pollSource(fraud), { processing: { minMs: 2000, maxMs: 2000 }, instances: { min: 1, max: 3 } });
    b.consumer('dashboard', readSource(clicks, 'enhanced'), { processing: { minMs: 1, maxMs: 1 } });
    return b.model;
}
