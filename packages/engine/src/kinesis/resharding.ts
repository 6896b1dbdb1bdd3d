import { AwsError } from '../errors.js';
import { evenHashKeyRanges, MAX_HASH_KEY } from './hash.js';
import type { Shard } from './shard.js';
import type { KinesisStream } from './stream.js';

/**
 * SplitShard: the parent closes; two children cover [start, new − 1] and [new, end]. The new starting
 * hash key must lie strictly inside the parent's range (DOMAIN §3.4).
 */
export function splitShard(stream: KinesisStream, parent: Shard, newStartingHashKey: bigint, nowMs: number): Shard[] {
    checkSplit(stream, parent, newStartingHashKey);
    const low = stream.addShard({ start: parent.range.start, end: newStartingHashKey - 1n }, nowMs, parent);
    const high = stream.addShard({ start: newStartingHashKey, end: parent.range.end }, nowMs, parent);
    stream.replaceOpenShards([parent], [low, high], nowMs);
    return [low, high];
}

export function checkSplit(stream: KinesisStream, parent: Shard, newStartingHashKey: bigint): void {
    if (!parent.isOpen) {
        throw new AwsError('ResourceInUseException', `Shard ${parent.shardId} in stream ${stream.name} is not open (it was split or merged).`);
    }
    if (newStartingHashKey <= parent.range.start || newStartingHashKey > parent.range.end) {
        throw new AwsError('InvalidArgumentException',
            `NewStartingHashKey ${newStartingHashKey} used in SplitShard() on shard ${parent.shardId} in stream ${stream.name} is not both greater than one plus the shard's StartingHashKey ${parent.range.start} and less than the shard's EndingHashKey ${parent.range.end}.`);
    }
}

/** MergeShards: the two open shards must be adjacent (no gap between their ranges); the child covers both. */
export function mergeShards(stream: KinesisStream, shard: Shard, adjacent: Shard, nowMs: number): Shard {
    checkMerge(stream, shard, adjacent);
    const lowerFirst = shard.range.start < adjacent.range.start;
    const child = stream.addShard({ start: (lowerFirst ? shard : adjacent).range.start, end: (lowerFirst ? adjacent : shard).range.end }, nowMs, shard, adjacent);
    stream.replaceOpenShards([shard, adjacent], [child], nowMs);
    return child;
}

export function checkMerge(stream: KinesisStream, shard: Shard, adjacent: Shard): void {
    for (const candidate of [shard, adjacent]) {
        if (!candidate.isOpen) {
            throw new AwsError('ResourceInUseException', `Shard ${candidate.shardId} in stream ${stream.name} is not open (it was split or merged).`);
        }
    }
    const [lower, upper] = shard.range.start < adjacent.range.start ? [shard, adjacent] : [adjacent, shard];
    if (lower.range.end + 1n !== upper.range.start) {
        throw new AwsError('InvalidArgumentException',
            `Shard ${shard.shardId} and ${adjacent.shardId} in stream ${stream.name} are not adjacent: their hash key ranges do not touch.`);
    }
}

/**
 * UpdateShardCount with UNIFORM_SCALING. AWS gets there by a series of splits and merges (creating
 * short-lived shards); the engine closes every open shard at once and opens `target` evenly split
 * children, each listing the (at most two) parents around its range. Readers see the same hash
 * routing and the same parent-before-child lineage.
 */
export function rescaleUniformly(stream: KinesisStream, target: number, nowMs: number): Shard[] {
    const parents = stream.openShards.slice();
    const children = evenHashKeyRanges(target).map(range => {
        const first = parents.find(parent => parent.contains(range.start));
        const last = parents.find(parent => parent.contains(range.end === MAX_HASH_KEY ? MAX_HASH_KEY : range.end));
        return stream.addShard(range, nowMs, first, last !== first ? last : undefined);
    });
    stream.replaceOpenShards(parents, children, nowMs);
    return children;
}
