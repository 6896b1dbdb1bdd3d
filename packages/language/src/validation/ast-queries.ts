/**
 * Small read-only questions the validators ask of the MQ AST: "which property says X", "is this FIFO",
 * "what does this quantity literal mean". Kept free of Langium services so every check can share them.
 */
import type { AstNode } from 'langium';
import type { Consumer, Declaration, Producer, Queue, Topic } from '../generated/ast.js';
import {
    isConsumer, isFirehose, isLambdaFunction, isProducer, isQueue, isScenario, isStream, isTopic
} from '../generated/ast.js';
import { parseDuration, parsePercent, parseQuantity, parseRate, parseSize } from '../model/units.js';

type Keyed = { key: string };

/** The first property written with `key` (properties are lists; a repeated key is the author's problem). */
export function property<T extends Keyed, K extends T['key']>(properties: readonly T[], key: K): Extract<T, { key: K }> | undefined {
    return properties.find((candidate): candidate is Extract<T, { key: K }> => candidate.key === key);
}

export const FIFO_SUFFIX = '.fifo';

export function hasFifoName(name: string | undefined): boolean {
    return typeof name === 'string' && name.endsWith(FIFO_SUFFIX);
}

// Recovered parses leave properties without values: every literal the checks read may be undefined.
export const durationOf = (text: string | undefined): number | undefined => (typeof text === 'string' ? parseDuration(text) : undefined);
export const sizeOf = (text: string | undefined): number | undefined => (typeof text === 'string' ? parseSize(text) : undefined);
export const rateOf = (text: string | undefined): number | undefined => (typeof text === 'string' ? parseRate(text) : undefined);
export const percentOf = (text: string | undefined): number | undefined => (typeof text === 'string' ? parsePercent(text) : undefined);
export const quantityOf = (text: string | number | undefined): number | undefined =>
    typeof text === 'number' ? text : typeof text === 'string' ? parseQuantity(text)?.value : undefined;

/** FIFO as the author meant it: a `.fifo` name or an explicit `type: fifo` (MQ001 reports the mismatch). */
export function isFifo(node: Queue | Topic): boolean {
    return hasFifoName(node.name) || property(node.properties, 'type')?.value === 'fifo';
}

export function isContentDeduplicated(node: Queue | Topic): boolean {
    return property(node.properties, 'deduplication')?.value === 'content';
}

export type DeclarationKind = 'queue' | 'topic' | 'stream' | 'function' | 'firehose' | 'producer' | 'consumer' | 'scenario';

export function kindOf(node: AstNode | undefined): DeclarationKind | undefined {
    if (isQueue(node)) return 'queue';
    if (isTopic(node)) return 'topic';
    if (isStream(node)) return 'stream';
    if (isLambdaFunction(node)) return 'function';
    if (isFirehose(node)) return 'firehose';
    if (isProducer(node)) return 'producer';
    if (isConsumer(node)) return 'consumer';
    if (isScenario(node)) return 'scenario';
    return undefined;
}

/** "queue" → "a queue", for messages. */
export function withArticle(kind: string): string {
    return /^[aeiou]/.test(kind) ? `an ${kind}` : `a ${kind}`;
}

export function declarationName(node: Declaration): string {
    return node.name;
}

/** Messages per second a producer declares; AWS and the engine default to 1/s when `rate` is missing. */
export function producerRate(producer: Producer): number {
    const rate = property(producer.properties, 'rate');
    return rateOf(rate?.value) ?? 1;
}

export function producerSize(producer: Producer): number | undefined {
    const size = property(producer.properties, 'size');
    return sizeOf(size?.value);
}

/** Longest per-message processing time of a consumer (`processing: 200ms..800ms` → 800 ms). */
export function maxProcessingMs(consumer: Consumer): number | undefined {
    const processing = property(consumer.properties, 'processing');
    return durationOf(processing?.value?.max ?? processing?.value?.min);
}

/** A queue's visibility timeout in ms; SQS's default is 30 s. */
export function visibilityMs(queue: Queue): number {
    const visibility = property(queue.properties, 'visibility');
    return durationOf(visibility?.value) ?? 30_000;
}

/** A queue's retention in ms; SQS's default is 4 days. */
export function retentionMs(queue: Queue): number {
    const retention = property(queue.properties, 'retention');
    return durationOf(retention?.value) ?? 4 * 86_400_000;
}

/** A duration literal the grammar accepts, in the largest unit that keeps it exact: 43200000 → `12h`. */
export function durationLiteral(ms: number): string {
    for (const [unit, factor] of [['d', 86_400_000], ['h', 3_600_000], ['m', 60_000], ['s', 1000]] as const) {
        if (ms >= factor && ms % factor === 0) return `${ms / factor}${unit}`;
    }
    return ms === 0 ? '0s' : `${Math.round(ms)}ms`;
}

/** A size literal the grammar accepts, binary units first: 1048576 → `1MiB`, 262144 → `256KiB`. */
export function sizeLiteral(bytes: number): string {
    for (const [unit, factor] of [['MiB', 1024 ** 2], ['KiB', 1024], ['MB', 1e6], ['KB', 1e3]] as const) {
        if (bytes >= factor && bytes % factor === 0) return `${bytes / factor}${unit}`;
    }
    return `${Math.round(bytes)}B`;
}

/** 1234567 → `1,234,567`; 0.25 → `0.25` (at most 2 decimals). Hand-rolled: Intl formatting is slow in hot checks. */
export function grouped(value: number): string {
    const rounded = Math.round(value * 100) / 100;
    const [whole, fraction] = String(Math.abs(rounded)).split('.');
    const digits = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    return `${rounded < 0 ? '-' : ''}${digits}${fraction ? `.${fraction}` : ''}`;
}
