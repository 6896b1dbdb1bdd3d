import { md5Hex } from '../core/hashing.js';
import { AwsError } from '../errors.js';

/** Size of the Kinesis hash key space: keys are 0 .. 2^128 − 1. */
export const HASH_KEY_SPACE = 1n << 128n;
export const MAX_HASH_KEY = HASH_KEY_SPACE - 1n;

const PARTITION_KEY_MIN = 1;
const PARTITION_KEY_MAX = 256;
const DECIMAL = /^(0|[1-9]\d*)$/;

/**
 * Producers often reuse a bounded set of keys (customer IDs, device IDs), so a simulation hashes the same
 * key millions of times. The cache remembers each key's hash and the last (shard count → index) answer;
 * a miss costs one MD5. When it is full it starts over (cheaper per hit than keeping LRU order). Keys
 * that never repeat (a UUID per record) would only fill it with garbage that outlives the young
 * generation, so a window of lookups with almost no hits turns the cache off for a while.
 */
const HASH_CACHE_LIMIT = 100_000;
const WINDOW = 10_000;
const MIN_HITS_PER_WINDOW = 500;
const BYPASS_LOOKUPS = 200_000;
interface CachedHash {
    readonly hash: bigint;
    shardCount: number;
    shardIndex: number;
}
const hashCache = new Map<string, CachedHash>();
let lookups = 0;
let hits = 0;
let bypassLeft = 0;

function computeHash(partitionKey: string): CachedHash {
    return { hash: BigInt('0x' + md5Hex(partitionKey)), shardCount: 0, shardIndex: 0 };
}

function cachedHash(partitionKey: string): CachedHash {
    if (bypassLeft > 0) {
        bypassLeft--;
        return computeHash(partitionKey);
    }
    if (++lookups === WINDOW) {
        if (hits < MIN_HITS_PER_WINDOW) {
            bypassLeft = BYPASS_LOOKUPS;
            hashCache.clear();
        }
        lookups = hits = 0;
    }
    let entry = hashCache.get(partitionKey);
    if (entry === undefined) {
        if (hashCache.size >= HASH_CACHE_LIMIT) hashCache.clear();
        entry = computeHash(partitionKey);
        hashCache.set(partitionKey, entry);
    } else {
        hits++;
    }
    return entry;
}

/** MD5 of the key's UTF-8 bytes read as a big-endian unsigned 128-bit integer (DOMAIN §3.1). */
export function hashPartitionKey(partitionKey: string): bigint {
    return cachedHash(partitionKey).hash;
}

/** Length in characters (Unicode code points, as AWS's model constraints count them). */
function characterLength(text: string): number {
    let length = 0;
    for (let i = 0; i < text.length; i++) {
        const code = text.charCodeAt(i);
        // A high surrogate followed by a low surrogate is one character.
        if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
            const next = text.charCodeAt(i + 1);
            if (next >= 0xdc00 && next <= 0xdfff) i++;
        }
        length++;
    }
    return length;
}

/** AWS rejects a missing, empty or over-long partition key with a model-constraint ValidationException. */
export function validatePartitionKey(partitionKey: unknown): string {
    if (typeof partitionKey === 'string' && partitionKey.length > 0 && partitionKey.length <= PARTITION_KEY_MAX) return partitionKey;
    if (typeof partitionKey !== 'string') {
        throw new AwsError('ValidationException', '1 validation error detected: Value null at \'partitionKey\' failed to satisfy constraint: Member must not be null');
    }
    // Fast check first: a string of ≤256 UTF-16 units has ≤256 characters.
    const length = partitionKey.length <= PARTITION_KEY_MAX ? partitionKey.length : characterLength(partitionKey);
    if (length < PARTITION_KEY_MIN || length > PARTITION_KEY_MAX) {
        const bound = length < PARTITION_KEY_MIN ? 'greater than or equal to 1' : 'less than or equal to 256';
        throw new AwsError('ValidationException',
            `1 validation error detected: Value at 'partitionKey' failed to satisfy constraint: Member must have length ${bound} (got ${length} characters)`);
    }
    return partitionKey;
}

/** Parses an ExplicitHashKey: a decimal string in [0, 2^128 − 1], else InvalidArgumentException. */
export function parseExplicitHashKey(explicitHashKey: string): bigint {
    if (typeof explicitHashKey !== 'string' || !DECIMAL.test(explicitHashKey)) {
        throw new AwsError('InvalidArgumentException',
            `Invalid ExplicitHashKey. ExplicitHashKey must be a decimal integer in the range: [0, 2^128-1]. Specified value was ${String(explicitHashKey)}`);
    }
    const value = BigInt(explicitHashKey);
    if (value > MAX_HASH_KEY) {
        throw new AwsError('InvalidArgumentException',
            `Invalid ExplicitHashKey. ExplicitHashKey must be in the range: [0, 2^128-1]. Specified value was ${explicitHashKey}`);
    }
    return value;
}

/** The hash key a record is routed by: the ExplicitHashKey when given, else the MD5 of the partition key. */
export function recordHashKey(partitionKey: string, explicitHashKey?: string): bigint {
    validatePartitionKey(partitionKey);
    return explicitHashKey === undefined ? hashPartitionKey(partitionKey) : parseExplicitHashKey(explicitHashKey);
}

export interface HashKeyRange {
    start: bigint;
    end: bigint;
}

/**
 * The ranges CreateStream gives an N-shard stream: step = floor(2^128 / N), shard i covers
 * [i·step, (i+1)·step − 1] and the last shard also takes the remainder up to 2^128 − 1.
 */
export function evenHashKeyRanges(shardCount: number): HashKeyRange[] {
    const n = BigInt(checkShardCount(shardCount));
    const step = HASH_KEY_SPACE / n;
    const ranges: HashKeyRange[] = [];
    for (let i = 0n; i < n; i++) {
        ranges.push({ start: i * step, end: i === n - 1n ? MAX_HASH_KEY : (i + 1n) * step - 1n });
    }
    return ranges;
}

/** Index of the evenly split shard whose inclusive range holds `hashKey`. */
export function evenShardIndex(hashKey: bigint, shardCount: number): number {
    const step = HASH_KEY_SPACE / BigInt(shardCount);
    const index = Number(hashKey / step);
    // Keys in the remainder (beyond N·step) belong to the last shard.
    return index >= shardCount ? shardCount - 1 : index;
}

function checkShardCount(shardCount: number): number {
    if (!Number.isInteger(shardCount) || shardCount < 1) {
        throw new AwsError('InvalidArgumentException', `ShardCount must be a positive integer, got ${shardCount}`);
    }
    return shardCount;
}

/**
 * The 0-based shard a record goes to in a stream of `shardCount` evenly split shards (as CreateStream
 * makes them): MD5 of the partition key's UTF-8 bytes, or `explicitHashKey` when given.
 */
export function shardForPartitionKey(partitionKey: string, shardCount: number, explicitHashKey?: string): number {
    if (shardCount !== (shardCount | 0) || shardCount < 1) checkShardCount(shardCount);
    validatePartitionKey(partitionKey);
    if (explicitHashKey !== undefined) return evenShardIndex(parseExplicitHashKey(explicitHashKey), shardCount);
    const entry = cachedHash(partitionKey);
    if (entry.shardCount !== shardCount) {
        entry.shardIndex = evenShardIndex(entry.hash, shardCount);
        entry.shardCount = shardCount;
    }
    return entry.shardIndex;
}
