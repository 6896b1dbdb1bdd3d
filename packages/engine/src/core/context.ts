import type { VirtualClock } from './clock.js';
import type { Random } from './random.js';

/**
 * What every service of a cloud shares: one clock, one seeded random source, and the identity that
 * goes into ARNs and URLs. Services are constructed with this and must draw all randomness from
 * `random` (or a `random.fork(...)` of it) so that a run is reproducible from the seed.
 */
export interface CloudContext {
    readonly clock: VirtualClock;
    readonly random: Random;
    readonly region: string;
    readonly accountId: string;
    /** Epoch milliseconds that virtual time 0 stands for (timestamps such as SentTimestamp add it). */
    readonly epochMs: number;
}

export function arn(ctx: CloudContext, service: string, resource: string): string {
    return `arn:aws:${service}:${ctx.region}:${ctx.accountId}:${resource}`;
}
