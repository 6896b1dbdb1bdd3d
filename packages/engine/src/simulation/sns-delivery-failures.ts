import type { SubscriptionModel } from '@mq-architect/language/model';
import { defaultRetryPolicy, retryDelayMs, totalRetries, totalRetryTimeMs } from '../sns/retry-policy.js';
import type { RetryPolicy } from '../sns/retry-policy.js';
import { addStep, Delivery } from './ledger.js';
import type { DeliveryPath } from './ledger.js';
import type { Envelope, QueuePort } from './ports.js';
import { rejected } from './sinks.js';
import { inAnyWindow } from './world.js';
import type { Window, World } from './world.js';

/**
 * The key under which a scenario's `outage "ADDRESS"` is registered in the World: endpoint addresses get their own
 * namespace, so an address can never stop a consumer or function that happens to carry the same text as its name.
 */
export function endpointOutageKey(endpoint: string): string {
    return `endpoint:${endpoint}`;
}

function seconds(ms: number): string {
    return ms % 1000 === 0 ? `${ms / 1000}s` : `${(ms / 1000).toFixed(3)}s`;
}

/** How SNS's retries of one failed first attempt end: the attempt that gets through, or the last one. */
export interface RetryOutcome {
    /** Attempts made, the first one included. */
    attempts: number;
    /** Time of the successful attempt, or of the last failed one when the policy is exhausted. */
    atMs: number;
    delivered: boolean;
}

/**
 * Walks the policy's schedule from a first attempt that failed at `firstAttemptMs` (DOMAIN.md §2.3): each retry
 * waits its delay after the previous attempt and fails while the endpoint is in an outage window. Outage windows
 * are fixed by the scenario, so the whole sequence is known at the first failure and the simulator needs one
 * event per failed delivery instead of one per attempt.
 */
export function retryOutcome(policy: RetryPolicy, windows: readonly Window[], firstAttemptMs: number): RetryOutcome {
    let atMs = firstAttemptMs;
    let attempts = 1;
    for (let retry = 0; ; retry++) {
        const delay = retryDelayMs(policy, retry);
        if (delay === undefined) return { attempts, atMs, delivered: false };
        atMs += delay;
        attempts++;
        if (!inAnyWindow(windows, atMs)) return { attempts, atMs, delivered: true };
    }
}

/** What the topic does when a retried delivery gets through or is given up (its metrics and its fan-out path). */
export interface TopicCallbacks {
    /** Hands the envelope (route already extended by the topic) to the subscription's endpoint, `attempts` so far. */
    deliver(envelope: Envelope, attempts: number): void;
    /** SNS stopped trying (NumberOfNotificationsFailed); `redriven` when the message then reached the DLQ. */
    gaveUp(atMs: number, redriven: boolean): void;
}

interface Pending {
    envelope: Envelope;
    path: DeliveryPath;
}

/**
 * SNS delivery failures of one subscription whose endpoint (http, https, email, email-json, sms, application) a
 * scenario takes down: a delivery attempted during an outage is retried on the protocol's default policy
 * (sns/retry-policy.ts); it reaches the endpoint once an attempt falls outside the outage, with the wait in its
 * latency. When the policy is exhausted it goes to the subscription's dead-letter queue (a new SQS message there,
 * outcome `dead-lettered` while it stays, `processed` if a consumer of the DLQ processes it) or, without one, is
 * discarded (outcome `failed`). Deliveries still waiting for a retry at the end are `in-flight-at-end`.
 */
export class SubscriptionFailures {
    readonly policy: RetryPolicy;
    private readonly policyText: string;
    private readonly pending = new Set<Pending>();
    /** Deliveries this subscription moved to its dead-letter queue (weak: the queue's messages hold them). */
    private readonly redriven = new WeakSet<Delivery>();

    constructor(
        private readonly world: World,
        readonly model: SubscriptionModel,
        private readonly label: string,
        readonly windows: readonly Window[],
        readonly deadLetter: QueuePort | undefined,
        private readonly topic: TopicCallbacks
    ) {
        this.policy = defaultRetryPolicy(model.protocol);
        this.policyText = `the ${this.policy.name} retry policy (${totalRetries(this.policy)} retries over ${seconds(totalRetryTimeMs(this.policy))})`;
    }

    isDown(atMs: number): boolean {
        return inAnyWindow(this.windows, atMs);
    }

    /** The first attempt failed at `now`: the delivery is SNS's to retry until it gets through or the policy ends. */
    failed(envelope: Envelope, path: DeliveryPath, now: number): void {
        addStep(envelope.trace, now, this.label, `delivery attempt 1 failed: the endpoint is in an outage; SNS retries on ${this.policyText}`);
        const outcome = retryOutcome(this.policy, this.windows, now);
        const pending: Pending = { envelope, path };
        this.pending.add(pending);
        // Beyond the end of the run the event would never run: the delivery stays pending (in flight at the end).
        if (outcome.atMs > this.world.durationMs) return;
        this.world.at(outcome.atMs, () => {
            this.pending.delete(pending);
            if (outcome.delivered) this.topic.deliver(envelope, outcome.attempts);
            else this.giveUp(pending, outcome.attempts);
        });
    }

    private giveUp({ envelope, path }: Pending, attempts: number): void {
        const now = this.world.clock.now();
        const delivery = new Delivery(path, envelope.producedAt, envelope.sequence, envelope.message.groupId, envelope.trace);
        const dlq = this.deadLetter;
        if (!dlq) {
            this.world.ledger.settle(delivery, 'failed');
            this.topic.gaveUp(now, false);
            addStep(envelope.trace, now, this.label, `SNS discarded the message after ${attempts} attempts (no dead-letter queue on the subscription)`);
            return;
        }
        let sent: boolean;
        try {
            sent = dlq.send(envelope.message, delivery);
        } catch (error) {
            this.topic.gaveUp(now, false);
            rejected(this.world, delivery, dlq.name, error);
            return;
        }
        if (!sent) {
            this.world.ledger.settle(delivery, 'deduplicated');
            this.topic.gaveUp(now, false);
            addStep(envelope.trace, now, dlq.name, `not moved to ${dlq.name}: the FIFO queue took it as a duplicate (deduplication id seen within 5 minutes)`);
            return;
        }
        this.redriven.add(delivery);
        this.topic.gaveUp(now, true);
        addStep(envelope.trace, now, this.label, `moved to ${dlq.name} after ${attempts} delivery attempts (SNS redrive policy)`);
    }

    /**
     * End-of-run accounting, before the queues settle what they still hold: deliveries waiting for a retry are in
     * flight; those this subscription moved to its dead-letter queue and still there are dead-lettered.
     */
    finish(): void {
        const ledger = this.world.ledger;
        for (const { envelope, path } of this.pending) {
            const delivery = new Delivery(path, envelope.producedAt, envelope.sequence, envelope.message.groupId, envelope.trace);
            ledger.settle(delivery, 'in-flight-at-end');
            addStep(envelope.trace, this.world.durationMs, this.label, 'still waiting for an SNS delivery retry at the end of the run');
        }
        this.pending.clear();
        if (!this.deadLetter) return;
        for (const delivery of this.deadLetter.remaining()) {
            if (delivery.settled === undefined && this.redriven.has(delivery)) ledger.settle(delivery, 'dead-lettered');
        }
    }
}
