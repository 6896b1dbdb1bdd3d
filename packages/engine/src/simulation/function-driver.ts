import type { FunctionModel } from '@mq-architect/language/model';
import type { Random } from '../core/random.js';
import { addStep } from './ledger.js';
import type { Delivery } from './ledger.js';
import type { Series } from './series.js';
import type { ResourceState, World } from './world.js';

/** Lambda retries a failed asynchronous invocation twice, after about 1 and 2 minutes. */
const ASYNC_RETRY_DELAYS_MS = [60_000, 120_000];
/** A throttled asynchronous event goes back to Lambda's internal queue; the simulator retries it after 1 s. */
const THROTTLE_RETRY_MS = 1_000;

/**
 * A Lambda function by its behaviour: each invocation lasts uniform(duration), fails with probability
 * `errors` (always during an outage of the function), and counts against its reserved concurrency.
 * Asynchronous invocations (from SNS) are retried twice on error, then discarded (outcome `failed`);
 * throttled ones wait and retry.
 */
export class FunctionDriver {
    private readonly random: Random;
    private readonly state: ResourceState;
    private running = 0;
    /** Deliveries whose asynchronous invocation has not finished (for end-of-run accounting). */
    readonly pending = new Set<Delivery>();
    private readonly invocations: Series;
    private readonly errors: Series;
    private readonly throttles: Series;
    private readonly concurrent: Series;

    constructor(private readonly world: World, readonly model: FunctionModel) {
        this.random = world.random(`function:${model.name}`);
        this.state = world.resource(model.name, 'function');
        for (const metric of ['invocations', 'errors', 'throttles', 'concurrency']) this.state.metrics[metric] = 0;
        const series = this.state.series;
        this.invocations = series.declare('Invocations', 'Sum');
        this.errors = series.declare('Errors', 'Sum');
        this.throttles = series.declare('Throttles', 'Sum');
        this.concurrent = series.declare('ConcurrentExecutions', 'Maximum');
    }

    /** Starts an invocation now if concurrency allows; `done(ok)` runs when it ends. Returns false when throttled. */
    invoke(done: (ok: boolean, endedAt: number) => void): boolean {
        const now = this.world.clock.now();
        const series = this.state.series;
        if (this.running >= this.model.concurrency) {
            this.state.metrics['throttles']!++;
            series.add(this.throttles, now);
            return false;
        }
        this.running++;
        this.state.peak('concurrency', this.running);
        series.observe(this.concurrent, now, this.running);
        this.state.metrics['invocations']!++;
        series.add(this.invocations, now);
        const duration = this.random.uniform(this.model.duration.minMs, this.model.duration.maxMs);
        const ok = !this.world.isDown(this.model.name, now) && !this.random.chance(this.model.errorRate);
        this.world.at(now + duration, () => {
            this.running--;
            const end = this.world.clock.now();
            if (!ok) {
                this.state.metrics['errors']!++;
                series.add(this.errors, end);
            }
            done(ok, end);
        });
        return true;
    }

    /** An asynchronous invocation for one delivery, with Lambda's retries. */
    invokeAsync(delivery: Delivery, attempt = 0): void {
        this.pending.add(delivery);
        const started = this.invoke((ok, endedAt) => {
            if (ok) {
                this.pending.delete(delivery);
                this.world.ledger.processed(delivery, endedAt);
                addStep(delivery.trace, endedAt, this.model.name, `processed by function ${this.model.name}`);
                return;
            }
            if (attempt < ASYNC_RETRY_DELAYS_MS.length) {
                addStep(delivery.trace, endedAt, this.model.name, `invocation failed; Lambda retries in ${ASYNC_RETRY_DELAYS_MS[attempt]! / 1000}s (attempt ${attempt + 2} of 3)`);
                this.world.at(endedAt + ASYNC_RETRY_DELAYS_MS[attempt]!, () => this.invokeAsync(delivery, attempt + 1));
                return;
            }
            this.pending.delete(delivery);
            this.world.ledger.settle(delivery, 'failed');
            addStep(delivery.trace, endedAt, this.model.name, 'invocation failed 3 times: the event is discarded');
        });
        if (!started) {
            addStep(delivery.trace, this.world.clock.now(), this.model.name, `throttled (concurrency ${this.model.concurrency}); retried in 1s`);
            this.world.at(this.world.clock.now() + THROTTLE_RETRY_MS, () => this.invokeAsync(delivery, attempt));
        }
    }
}
