import { KINESIS } from '@mq-architect/language/model';
import { AwsError } from '../errors.js';
import { limitExceeded, resourceInUse, validation } from './errors.js';
import type { FanOutSink, StreamConsumer } from './fan-out.js';
import { Subscription } from './fan-out.js';
import type { KinesisEngine, StartPosition } from './kinesis-engine.js';
import type { KinesisStream } from './stream.js';

const CONSUMER_NAME = /^[a-zA-Z0-9_.-]{1,128}$/;
/** Resubscribing within 5 s of a successful call is refused; after that the new call takes over. */
const RESUBSCRIBE_GUARD_MS = 5_000;

/** Enhanced fan-out consumers: RegisterStreamConsumer … SubscribeToShard (DOMAIN §3.5). */
export class ConsumerRegistry {
    private readonly byArn = new Map<string, StreamConsumer>();

    constructor(private readonly engine: KinesisEngine) {}

    private get now(): number {
        return this.engine.ctx.clock.now();
    }

    register(stream: KinesisStream, name: string): StreamConsumer {
        if (typeof name !== 'string' || !CONSUMER_NAME.test(name)) {
            throw validation(`1 validation error detected: Value '${String(name)}' at 'consumerName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+`);
        }
        if (stream.consumers.has(name)) throw resourceInUse(`Consumer ${name} already exists on stream ${stream.name}.`);
        if (stream.consumers.size >= KINESIS.enhancedFanOutConsumers) {
            throw limitExceeded(`Stream ${stream.name} already has ${KINESIS.enhancedFanOutConsumers} registered consumers, the maximum.`);
        }
        const creating = [...stream.consumers.values()].filter(consumer => consumer.status === 'CREATING').length;
        if (creating >= 5) throw limitExceeded(`Only 5 consumers of stream ${stream.name} can be CREATING at the same time.`);
        const now = this.now;
        const consumer: StreamConsumer = {
            name,
            arn: `${stream.arn}/consumer/${name}:${Math.floor((this.engine.ctx.epochMs + now) / 1000)}`,
            stream,
            createdAtMs: now,
            status: this.engine.delayMs > 0 ? 'CREATING' : 'ACTIVE',
            subscriptions: new Map(),
            lastCallAt: new Map(),
            lastSuccessAt: new Map()
        };
        if (consumer.status === 'CREATING') {
            this.engine.ctx.clock.scheduleInternal(now + this.engine.delayMs, () => {
                if (consumer.status === 'CREATING') consumer.status = 'ACTIVE';
            });
        }
        stream.consumers.set(name, consumer);
        this.byArn.set(consumer.arn, consumer);
        return consumer;
    }

    find(consumerArn: string | undefined, stream?: KinesisStream, name?: string): StreamConsumer {
        const consumer = consumerArn !== undefined ? this.byArn.get(consumerArn) : stream?.consumers.get(name ?? '');
        if (consumer === undefined || !this.engine.hasStream(consumer.stream.name)) {
            throw new AwsError('ResourceNotFoundException', `Consumer ${consumerArn ?? name ?? ''} not found.`);
        }
        return consumer;
    }

    deregister(consumer: StreamConsumer): void {
        for (const subscription of consumer.subscriptions.values()) subscription.finish('deregistered');
        consumer.stream.consumers.delete(consumer.name);
        this.byArn.delete(consumer.arn);
        consumer.status = 'DELETING';
    }

    /**
     * SubscribeToShard (fast path): pushes events to `sink` in virtual time for up to 5 minutes.
     * At most one call per second per consumer and shard (LimitExceededException); a call within 5 s of
     * a successful one fails with ResourceInUseException, a later one replaces the live subscription.
     */
    subscribe(consumer: StreamConsumer, shardId: string, start: StartPosition, sink: FanOutSink): Subscription {
        if (consumer.status !== 'ACTIVE') throw resourceInUse(`Consumer ${consumer.name} is ${consumer.status}, not ACTIVE.`);
        const stream = consumer.stream;
        const shard = this.engine.shardOf(stream, shardId);
        const now = this.now;
        const live = consumer.subscriptions.get(shardId);
        const lastSuccess = consumer.lastSuccessAt.get(shardId);
        if (live?.active && lastSuccess !== undefined && now - lastSuccess < RESUBSCRIBE_GUARD_MS) {
            consumer.lastCallAt.set(shardId, now);
            throw resourceInUse(`Another active subscription exists for consumer ${consumer.arn} on shard ${shardId}; it was made less than 5 seconds ago.`);
        }
        const lastCall = consumer.lastCallAt.get(shardId);
        consumer.lastCallAt.set(shardId, now);
        if (lastCall !== undefined && now - lastCall < 1000) {
            throw limitExceeded(`Rate exceeded for consumer ${consumer.arn} and shard ${shardId}: one SubscribeToShard call per second.`);
        }
        const cursor = this.engine.cursor(stream, shard, start);
        live?.finish('replaced');
        const subscription = new Subscription(this.engine.ctx.clock, cursor, sink, ended => {
            if (consumer.subscriptions.get(shardId) === ended) consumer.subscriptions.delete(shardId);
        });
        consumer.subscriptions.set(shardId, subscription);
        consumer.lastSuccessAt.set(shardId, now);
        return subscription;
    }
}
