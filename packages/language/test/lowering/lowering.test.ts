import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArchitecture } from '../../src/workspace/build.js';

const tour = readFileSync(path.resolve(__dirname, '../../../../examples/language-tour.mq'), 'utf8');

describe('lowering: the language tour', async () => {
    const { model, diagnostics } = await parseArchitecture(tour);

    it('has no errors', () => {
        expect(diagnostics.filter(d => d.severity === 'error')).toEqual([]);
    });

    it('lowers every declaration by kind', () => {
        expect(model.queues.map(q => q.name)).toEqual(['orders-dlq.fifo', 'ledger.fifo', 'shipping', 'shipping-dlq', 'fraud-review']);
        expect(model.topics.map(t => t.name)).toEqual(['ledger-events.fifo', 'purchases']);
        expect(model.streams.map(s => s.name)).toEqual(['clicks']);
        expect(model.functions.map(f => f.name)).toEqual(['enrich', 'notify']);
        expect(model.firehoses.map(f => f.name)).toEqual(['clicks-archive', 'analytics-archive']);
        expect(model.producers.map(p => p.name)).toEqual(['checkout', 'ledger-writer', 'web']);
        expect(model.consumers.map(c => c.name)).toEqual(['shippers', 'bookkeeper', 'fraud-analysts', 'dashboard']);
        expect(model.scenarios.map(s => s.name)).toEqual(['black-friday']);
    });

    it('applies SQS defaults and converts units', () => {
        const fraud = model.queues.find(q => q.name === 'fraud-review')!;
        expect(fraud).toMatchObject({
            fifo: false, visibilityTimeoutMs: 30_000, receiveWaitTimeMs: 0, delayMs: 0, retentionMs: 4 * 86_400_000,
            maxMessageSizeBytes: 1_048_576, encryption: { type: 'sqs-managed' }, declared: []
        });
        const shipping = model.queues.find(q => q.name === 'shipping')!;
        expect(shipping).toMatchObject({ visibilityTimeoutMs: 30_000, receiveWaitTimeMs: 20_000, maxMessageSizeBytes: 262_144 });
        expect(shipping.deadLetter?.queue?.name).toBe('shipping-dlq');
        expect(shipping.deadLetter?.maxReceiveCount).toBe(3);
        expect(shipping.declared).toContain('visibility');
    });

    it('lowers FIFO settings', () => {
        const ledger = model.queues.find(q => q.name === 'ledger.fifo')!;
        expect(ledger).toMatchObject({
            fifo: true, visibilityTimeoutMs: 45_000, contentBasedDeduplication: true,
            deduplicationScope: 'messageGroup', fifoThroughputLimit: 'perMessageGroupId'
        });
        expect(ledger.deadLetter?.queue?.name).toBe('orders-dlq.fifo');
        expect(model.queues.find(q => q.name === 'orders-dlq.fifo')!.retentionMs).toBe(14 * 86_400_000);
    });

    it('resolves subscriptions with protocols, raw delivery and filter policies', () => {
        const purchases = model.topics.find(t => t.name === 'purchases')!;
        expect(purchases.subscriptions.map(s => [s.protocol, s.endpoint, s.raw])).toEqual([
            ['sqs', 'shipping', true],
            ['sqs', 'fraud-review', false],
            ['firehose', 'analytics-archive', false],
            ['lambda', 'notify', false],
            ['email', 'ops@example.com', false],
            ['https', 'https://hooks.example.com/orders', false]
        ]);
        const fraud = purchases.subscriptions[1]!;
        expect(fraud.target?.name).toBe('fraud-review');
        expect(fraud.filterPolicyScope).toBe('MessageAttributes');
        expect(fraud.filterPolicy).toEqual({
            eventType: ['order_placed', 'order_updated'],
            amount: [{ numeric: ['>', 100] }],
            country: [{ 'anything-but': ['test'] }]
        });
        expect(purchases.subscriptions[2]!.target?.kind).toBe('firehose');
    });

    it('lowers streams with derived write capacity', () => {
        expect(model.streams[0]).toMatchObject({
            capacity: { mode: 'provisioned', shards: 4 }, retentionMs: 86_400_000,
            writeCapacity: { bytesPerSecond: 4 * 1_048_576, recordsPerSecond: 4000 }
        });
    });

    it('lowers firehoses, transforms and functions', () => {
        const archive = model.firehoses.find(f => f.name === 'clicks-archive')!;
        expect(archive.source).toMatchObject({ kind: 'stream', streamName: 'clicks' });
        expect(archive.transform?.function?.name).toBe('enrich');
        expect(archive.buffer).toEqual({ sizeBytes: 5 * 1_048_576, intervalMs: 60_000 });
        expect(archive.destination).toEqual({ type: 's3', target: 's3://analytics/clicks/' });
        expect(archive.backup).toBe('failed');
        expect(model.functions[0]).toMatchObject({ duration: { minMs: 20, maxMs: 80 }, errorRate: 0.01, dropRate: 0.02 });
    });

    it('lowers producers with templates and keys', () => {
        const checkout = model.producers.find(p => p.name === 'checkout')!;
        expect(checkout.target?.name).toBe('purchases');
        expect(checkout.ratePerSecond).toBe(50);
        expect(checkout.messageSizeBytes).toBe(2048);
        expect(checkout.attributes).toEqual(['eventType', 'amount', 'country']);
        expect(checkout.message).toMatchObject({ type: 'object' });
        const ledger = model.producers.find(p => p.name === 'ledger-writer')!;
        expect(ledger.groupField).toBe('account-id');
        const web = model.producers.find(p => p.name === 'web')!;
        expect(web).toMatchObject({ ratePerSecond: 2000, messageSizeBytes: 500, partitionKeyField: 'session-id' });
        expect(web.message).toEqual({ type: 'object', fields: [['session-id', { type: 'generator', name: 'uuid', args: [] }]] });
    });

    it('lowers consumers with scaling rules', () => {
        const shippers = model.consumers.find(c => c.name === 'shippers')!;
        expect(shippers).toMatchObject({
            batchSize: 10, processing: { minMs: 200, maxMs: 800 }, failureRate: 0.02, instances: { min: 2, max: 20 },
            scaleOut: { metric: 'visible', op: '>', threshold: 1000, forMs: 60_000, change: 2 },
            scaleIn: { metric: 'visible', op: '<', threshold: 100, forMs: 300_000, change: 1 }
        });
        expect(shippers.source).toMatchObject({ kind: 'queue', queueName: 'shipping' });
        const dashboard = model.consumers.find(c => c.name === 'dashboard')!;
        expect(dashboard.source).toMatchObject({ kind: 'stream', fanOut: 'enhanced' });
        expect(model.consumers.find(c => c.name === 'bookkeeper')).toMatchObject({ batchSize: 1, instances: { min: 1, max: 1 }, waitMs: undefined });
    });

    it('lowers scenarios with surges, outages and expectations', () => {
        const scenario = model.scenarios[0]!;
        expect(scenario).toMatchObject({ durationMs: 15 * 60_000, seed: 42 });
        expect(scenario.surges).toMatchObject([{ producerName: 'checkout', factor: 20, fromMs: 120_000, forMs: 60_000 }]);
        expect(scenario.outages[0]?.target?.name).toBe('shippers');
        expect(scenario.expectations).toMatchObject([
            { kind: 'metric', resourceName: 'shipping', metric: 'age-of-oldest', op: '<', value: 300_000, unit: 'ms', text: 'shipping.age-of-oldest < 5m' },
            { kind: 'metric', resourceName: 'shipping-dlq', metric: 'visible', op: '==', value: 0, unit: 'count' },
            { kind: 'invariant', invariant: 'no-loss', text: 'no-loss' }
        ]);
    });
});

describe('lowering: endpoint outages', () => {
    it('lowers a quoted outage target to the subscriptions with that endpoint; targetName is the address', async () => {
        const { model } = await parseArchitecture(`
topic a { subscribe https "https://hooks.example.com/orders" }
topic b { subscribe https "https://hooks.example.com/orders"  subscribe email "ops@example.com" }
scenario s { duration: 10m  outage "https://hooks.example.com/orders" from 5m for 2m  outage "ops@example.com" from 1m for 1m }`);
        const [hook, mail] = model.scenarios[0]!.outages;
        expect(hook).toMatchObject({ target: undefined, targetName: 'https://hooks.example.com/orders', fromMs: 300_000, forMs: 120_000 });
        expect(hook!.subscriptions!.map(subscription => subscription.id)).toEqual(['a:0', 'b:0']);
        expect(mail!.subscriptions!.map(subscription => subscription.id)).toEqual(['b:1']);
    });

    it('keeps subscriptions undefined for an outage of a declared resource', async () => {
        const { model } = await parseArchitecture(`queue q { }
consumer c { poll: q }
scenario s { duration: 10m  outage c from 1m for 1m }`);
        expect(model.scenarios[0]!.outages[0]).toMatchObject({ targetName: 'c' });
        expect(model.scenarios[0]!.outages[0]!.subscriptions).toBeUndefined();
    });
});

describe('lowering: robustness', () => {
    it('lowers a broken document without throwing and reports the syntax error as MQ000', async () => {
        const { model, diagnostics } = await parseArchitecture('queue a { visibility: 30s\nproducer p { publish: nowhere rate: 5/s }');
        expect(diagnostics.some(d => d.code === 'MQ000')).toBe(true);
        expect(model.queues.map(q => q.name)).toEqual(['a']);
    });

    it('keeps unresolved references as undefined with the written name', async () => {
        const { model, diagnostics } = await parseArchitecture('producer p { publish: nowhere rate: 5/m }');
        expect(model.producers[0]).toMatchObject({ target: undefined, targetName: 'nowhere' });
        expect(model.producers[0]!.ratePerSecond).toBeCloseTo(5 / 60);
        expect(diagnostics.some(d => d.code === 'MQ040')).toBe(true);
    });

    it('resolves references across files of one workspace', async () => {
        const { model, diagnostics } = await parseArchitecture({
            'memory:///a.mq': 'queue jobs { }',
            'memory:///b.mq': 'consumer workers { poll: jobs }'
        });
        expect(diagnostics.filter(d => d.severity === 'error')).toEqual([]);
        expect(model.consumers[0]!.source).toMatchObject({ kind: 'queue', queue: { name: 'jobs' } });
    });

    it('decodes JSON escapes in strings', async () => {
        const { model } = await parseArchitecture('topic t { subscribe email "a\\u0040b.com" }');
        expect(model.topics[0]!.subscriptions[0]!.endpoint).toBe('a@b.com');
    });
});

describe('lowering: target tracking (DOMAIN §5)', () => {
    it('lowers target-tracking to a backlog-per-instance policy that points at the property', async () => {
        const { model, diagnostics } = await parseArchitecture(
            'queue shipping { }\nconsumer shippers {\n  poll: shipping\n  instances: 2..20\n  target-tracking: backlog-per-instance 100\n}');
        expect(diagnostics.filter(d => d.severity === 'error')).toEqual([]);
        const shippers = model.consumers[0]!;
        expect(shippers.targetTracking).toMatchObject({ metric: 'backlog-per-instance', target: 100 });
        expect(shippers.targetTracking!.location.range).toMatchObject({ start: { line: 4, character: 2 }, end: { line: 4, character: 43 } });
        expect(shippers.scaleOut).toBeUndefined();
    });

    it('keeps the last of two target-tracking properties, like every other repeated property', async () => {
        const { model } = await parseArchitecture(
            'queue q { }\nconsumer c { poll: q instances: 1..9 target-tracking: backlog-per-instance 50 target-tracking: backlog-per-instance 70 }');
        expect(model.consumers[0]!.targetTracking?.target).toBe(70);
    });

    it('leaves targetTracking out when the consumer does not declare it', async () => {
        const { model } = await parseArchitecture('queue q { }\nconsumer c { poll: q instances: 1..9 }');
        expect(model.consumers[0]).not.toHaveProperty('targetTracking');
    });

    it('still reads backlog-per-instance as a name where a name belongs', async () => {
        const { model, diagnostics } = await parseArchitecture(
            'queue backlog-per-instance { }\nqueue backlog-per-instance-queue { }\nconsumer c { poll: backlog-per-instance-queue }\nconsumer d { poll: backlog-per-instance }');
        expect(diagnostics.filter(d => d.severity === 'error')).toEqual([]);
        expect(model.queues.map(q => q.name)).toEqual(['backlog-per-instance', 'backlog-per-instance-queue']);
        expect(model.consumers.map(c => c.source)).toMatchObject([{ queueName: 'backlog-per-instance-queue' }, { queueName: 'backlog-per-instance' }]);
    });
});
