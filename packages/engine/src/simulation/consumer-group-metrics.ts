import type { LatencyHistogram } from './histogram.js';
import type { Series } from './series.js';
import type { ResourceState, World } from './world.js';

/**
 * What every consumer group reports the same way, queue pollers and stream readers alike: its in-service
 * instances over time and at the end (none while the group is in an outage), and its end-to-end latency.
 */

/** One InServiceInstances sample of group `name`, into `series` and the `instances` peak. */
export function sampleInstances(world: World, state: ResourceState, series: Series, name: string, inService: number, atMs: number): void {
    const count = world.isDown(name, atMs) ? 0 : inService;
    state.series.observe(series, atMs, count);
    state.peak('instances', count);
}

/** The end-of-run metrics: latency percentiles, and the instances in service when the run ends. */
export function finishConsumerGroup(world: World, state: ResourceState, name: string, latency: LatencyHistogram, inService: number): void {
    const summary = latency.summary();
    state.metrics['latency-p50'] = summary.p50Ms;
    state.metrics['latency-p99'] = summary.p99Ms;
    state.metrics['min-instances'] = world.isDown(name, world.clock.now()) ? 0 : inService;
    state.metrics['instances'] ??= 0;
}
