import type { QueueModel, SubscriptionModel, TopicModel } from '@mq-architect/language/model';
import { compileFilterPolicy } from '@mq-architect/language/filter-policy';
import type { CompiledFilterPolicy } from '@mq-architect/language/filter-policy';
import { sha256Hex } from '../core/hashing.js';
import { isAwsError } from '../errors.js';
import { addStep, Delivery } from './ledger.js';
import type { DeliveryPath } from './ledger.js';
import type { Envelope, QueuePort, Sink } from './ports.js';
import type { Series } from './series.js';
import type { ResourceState, Window, World } from './world.js';
import type { FunctionDriver } from './function-driver.js';
import { endpointOutageKey, SubscriptionFailures } from './sns-delivery-failures.js';
import { isEndpointOutageProtocol } from '@mq-architect/language/model';

const FIFO_DEDUP_WINDOW_MS = 5 * 60_000;

/** Path of a delivery that ends at `name` (plus the consumers reading there, when known). */
export function pathFor(world: World, envelope: Envelope, name: string, downstream: readonly string[], fifo: boolean): DeliveryPath {
    const resources = [...envelope.route, name, ...downstream];
    const key = resources.join('>');
    return world.ledger.path(key, resources.join(' → '), envelope.producer, resources, fifo);
}

/**
 * A send the service rejected (an AwsError such as a body over the queue's MaximumMessageSize): the
 * delivery fails with the service's message in its trace, and the run goes on.
 */
export function rejected(world: World, delivery: Delivery, at: string, error: unknown): void {
    if (!isAwsError(error)) throw error;
    world.ledger.settle(delivery, 'failed');
    if (!world.notes.some(note => note.startsWith(`${at} rejected`))) world.notes.push(`${at} rejected sends (first: ${error.name}: ${error.message})`);
    addStep(delivery.trace, world.clock.now(), at, `rejected: ${error.name}: ${error.message}`);
}

/** Per-sink cache of paths by incoming route, so the hot path does not build strings per message. */
export class PathCache {
    private readonly byRoute = new Map<string, DeliveryPath>();

    constructor(private readonly world: World, private readonly sink: Sink, private readonly fifo: boolean) {}

    get(envelope: Envelope): DeliveryPath {
        let path = this.byRoute.get(envelope.routeKey);
        if (!path) {
            path = pathFor(this.world, envelope, this.sink.name, this.sink.downstream(), this.fifo);
            this.byRoute.set(envelope.routeKey, path);
        }
        return path;
    }
}

/** Delivers into an SQS queue; the delivery rides along as the message's tag. */
export class QueueSink implements Sink {
    readonly name: string;
    private readonly state: ResourceState;
    private readonly paths: PathCache;

    constructor(private readonly world: World, readonly model: QueueModel, readonly port: QueuePort, private readonly readers: () => readonly string[]) {
        this.name = model.name;
        this.state = world.resource(model.name, 'queue');
        this.paths = new PathCache(world, this, model.fifo);
    }

    downstream(): readonly string[] {
        return this.readers();
    }

    accept(envelope: Envelope): void {
        const path = this.paths.get(envelope);
        const delivery = new Delivery(path, envelope.producedAt, envelope.sequence, envelope.message.groupId, envelope.trace);
        let sent: boolean;
        try {
            sent = this.port.send(envelope.message, delivery);
        } catch (error) {
            rejected(this.world, delivery, this.name, error);
            return;
        }
        if (sent) return;
        this.world.ledger.settle(delivery, 'deduplicated');
        this.state.add('deduplicated');
        addStep(envelope.trace, this.world.clock.now(), this.name,
            `accepted as a duplicate (deduplication id seen within 5 minutes): not delivered`);
    }
}

/** Endpoints outside the model (email, sms, http, https, application): delivered at once. */
export class EndpointSink implements Sink {
    private readonly state: ResourceState;
    private readonly paths: PathCache;

    constructor(private readonly world: World, readonly name: string) {
        this.paths = new PathCache(world, this, false);
        this.state = world.resource(name, 'endpoint');
        this.state.metrics['delivered'] = 0;
    }

    downstream(): readonly string[] {
        return [];
    }

    accept(envelope: Envelope): void {
        const path = this.paths.get(envelope);
        const delivery = new Delivery(path, envelope.producedAt, envelope.sequence, envelope.message.groupId, envelope.trace);
        const now = this.world.clock.now();
        this.world.ledger.processed(delivery, now);
        this.state.metrics['delivered']!++;
        addStep(envelope.trace, now, this.name, 'delivered to the endpoint');
    }
}

/** Invokes a Lambda function asynchronously for each delivery (SNS → Lambda). */
export class FunctionSink implements Sink {
    readonly name: string;
    private readonly paths: PathCache;

    constructor(world: World, private readonly driver: FunctionDriver) {
        this.name = driver.model.name;
        this.paths = new PathCache(world, this, false);
    }

    downstream(): readonly string[] {
        return [];
    }

    accept(envelope: Envelope): void {
        const delivery = new Delivery(this.paths.get(envelope), envelope.producedAt, envelope.sequence, envelope.message.groupId, envelope.trace);
        this.driver.invokeAsync(delivery);
    }
}

interface Subscription {
    model: SubscriptionModel;
    sink: Sink;
    filter: CompiledFilterPolicy | undefined;
    label: string;
    paths: Map<string, DeliveryPath>;
    /** Only for an endpoint a scenario takes down, so the hot path checks one field and nothing else. */
    failures: SubscriptionFailures | undefined;
}

/**
 * SNS fan-out as the simulator drives it (DOMAIN.md §2.6): for each subscription, evaluate its filter
 * policy (scope per subscription); a message that does not match becomes a `filtered-out` delivery with
 * the reason in its trace; a match is handed to the subscription's endpoint. FIFO topics deduplicate
 * within 5 minutes (by MessageDeduplicationId or, with content-based deduplication, the SHA-256 of the
 * body) before fanning out, and carry group and deduplication ids to their queues. The JSON envelope of
 * non-raw deliveries is not materialised: the queue receives the published body (no simulated behaviour
 * depends on the envelope). A delivery attempted while the subscription's endpoint is in a scenario outage is
 * retried on the protocol's SNS retry policy, then dead-lettered or discarded (sns-delivery-failures.ts).
 */
export class TopicSink implements Sink {
    readonly name: string;
    private readonly state: ResourceState;
    private readonly subscriptions: Subscription[] = [];
    private readonly recentDedupIds = new Map<string, number>();
    private readonly publishedSeries: Series;
    private readonly deliveredSeries: Series;
    private readonly filteredSeries: Series;
    private failedSeries: Series | undefined;
    private redrivenSeries: Series | undefined;

    constructor(private readonly world: World, readonly model: TopicModel) {
        this.name = model.name;
        this.state = world.resource(model.name, 'topic');
        for (const metric of ['published', 'delivered', 'filtered-out', 'failed', 'redriven-to-dlq']) this.state.metrics[metric] = 0;
        this.publishedSeries = this.state.series.declare('NumberOfMessagesPublished', 'Sum');
        this.deliveredSeries = this.state.series.declare('NumberOfNotificationsDelivered', 'Sum');
        this.filteredSeries = this.state.series.declare('NumberOfNotificationsFilteredOut', 'Sum');
    }

    /** `deadLetter`: the subscription's redrive-policy queue, used once SNS gives up on a delivery. */
    subscribe(model: SubscriptionModel, sink: Sink, deadLetter?: QueuePort): void {
        const filter = model.filterPolicy !== undefined ? compileFilterPolicy(model.filterPolicy, model.filterPolicyScope) : undefined;
        const subscription: Subscription = { model, sink, filter, label: sink.name, paths: new Map(), failures: undefined };
        const windows = isEndpointOutageProtocol(model.protocol) ? this.world.outagesOf(endpointOutageKey(model.endpoint)) : [];
        if (windows.length > 0) subscription.failures = this.failuresOf(subscription, windows, deadLetter);
        this.subscriptions.push(subscription);
    }

    private failuresOf(subscription: Subscription, windows: readonly Window[], deadLetter: QueuePort | undefined): SubscriptionFailures {
        const series = this.state.series;
        this.failedSeries ??= series.declare('NumberOfNotificationsFailed', 'Sum');
        this.redrivenSeries ??= series.declare('NumberOfNotificationsRedrivenToDlq', 'Sum');
        return new SubscriptionFailures(this.world, subscription.model, subscription.label, windows, deadLetter, {
            deliver: (envelope, attempts) => this.deliver(subscription, envelope, this.world.clock.now(), attempts),
            gaveUp: (atMs, redriven) => {
                this.state.metrics['failed']!++;
                series.add(this.failedSeries!, atMs);
                if (!redriven) return;
                this.state.metrics['redriven-to-dlq']!++;
                series.add(this.redrivenSeries!, atMs);
            }
        });
    }

    /** End of run: deliveries still being retried, and those moved to dead-letter queues (before the queues settle theirs). */
    finish(): void {
        for (const subscription of this.subscriptions) subscription.failures?.finish();
    }

    downstream(): readonly string[] {
        return [];
    }

    private subscriptionPath(envelope: Envelope, incomingKey: string, subscription: Subscription): DeliveryPath {
        let path = subscription.paths.get(incomingKey);
        if (!path) {
            const routed = this.routes.get(incomingKey)!;
            path = pathFor(this.world, { ...envelope, ...routed }, subscription.sink.name, subscription.sink.downstream(), this.model.fifo);
            subscription.paths.set(incomingKey, path);
        }
        return path;
    }

    private readonly routes = new Map<string, { route: readonly string[]; routeKey: string }>();

    /** The incoming route extended by this topic (cached per incoming route). */
    private routed(envelope: Envelope): { route: readonly string[]; routeKey: string } {
        let routed = this.routes.get(envelope.routeKey);
        if (!routed) {
            routed = { route: [...envelope.route, this.name], routeKey: `${envelope.routeKey}>${this.name}` };
            this.routes.set(envelope.routeKey, routed);
        }
        return routed;
    }

    accept(envelope: Envelope): void {
        const now = this.world.clock.now();
        const series = this.state.series;
        const incomingKey = envelope.routeKey;
        const incomingRoute = envelope.route;
        const routed = this.routed(envelope);
        if (this.model.fifo && this.isDuplicate(envelope, now)) {
            this.state.add('deduplicated');
            for (const subscription of this.subscriptions) {
                const path = this.subscriptionPath(envelope, incomingKey, subscription);
                const delivery = new Delivery(path, envelope.producedAt, envelope.sequence, envelope.message.groupId, envelope.trace);
                this.world.ledger.settle(delivery, 'deduplicated');
            }
            addStep(envelope.trace, now, this.name, 'accepted as a duplicate by the FIFO topic (deduplication id seen within 5 minutes): not fanned out');
            return;
        }
        this.state.metrics['published']!++;
        series.add(this.publishedSeries, now);
        const filterable = { Message: envelope.message.body, MessageAttributes: envelope.message.attributes };
        for (const subscription of this.subscriptions) {
            if (subscription.filter && !subscription.filter(filterable)) {
                const path = this.subscriptionPath(envelope, incomingKey, subscription);
                const delivery = new Delivery(path, envelope.producedAt, envelope.sequence, envelope.message.groupId, envelope.trace);
                this.world.ledger.settle(delivery, 'filtered-out');
                this.state.metrics['filtered-out']!++;
                series.add(this.filteredSeries, now);
                if (envelope.trace) {
                    addStep(envelope.trace, now, this.name, `not delivered to ${subscription.label}: ${subscription.filter.explain(filterable) ?? 'the filter policy does not match'}`);
                }
                continue;
            }
            const failures = subscription.failures;
            if (failures !== undefined && failures.isDown(now)) {
                // SNS keeps the message for its retries: a copy, since the producer's envelope travels on.
                failures.failed({ ...envelope, route: routed.route, routeKey: routed.routeKey }, this.subscriptionPath(envelope, incomingKey, subscription), now);
                continue;
            }
            // Sinks do not keep the envelope, so the same object travels on with this topic added to its route.
            envelope.route = routed.route;
            envelope.routeKey = routed.routeKey;
            this.deliver(subscription, envelope, now, 1);
            envelope.route = incomingRoute;
            envelope.routeKey = incomingKey;
        }
    }

    /** A successful delivery attempt (number `attempts`); the envelope's route already includes this topic. */
    private deliver(subscription: Subscription, envelope: Envelope, now: number, attempts: number): void {
        this.state.metrics['delivered']!++;
        this.state.series.add(this.deliveredSeries, now);
        if (envelope.trace) {
            const retried = attempts > 1 ? ` on attempt ${attempts} (SNS ${subscription.failures?.policy.name} retry policy)` : '';
            addStep(envelope.trace, now, this.name, `delivered to ${subscription.label}${subscription.model.raw ? ' (raw)' : ''}${retried}`);
        }
        subscription.sink.accept(envelope);
    }


    private isDuplicate(envelope: Envelope, now: number): boolean {
        let id = envelope.message.dedupId;
        if (id === undefined && this.model.contentBasedDeduplication) {
            id = sha256Hex(envelope.message.body);
            envelope.message = { ...envelope.message, dedupId: id };
        }
        if (id === undefined) return false;
        const key = this.model.throughputScope === 'MessageGroup' ? `${envelope.message.groupId ?? ''}\u0000${id}` : id;
        // Entries are kept in insertion (= time) order, so expired ones are pruned from the front.
        for (const [old, at] of this.recentDedupIds) {
            if (now - at < FIFO_DEDUP_WINDOW_MS) break;
            this.recentDedupIds.delete(old);
        }
        if (this.recentDedupIds.has(key)) return true;
        this.recentDedupIds.set(key, now);
        return false;
    }
}

