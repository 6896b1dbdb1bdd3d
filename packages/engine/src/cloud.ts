import { VirtualClock } from './core/clock.js';
import type { Cancellable } from './core/clock.js';
import type { CloudContext } from './core/context.js';
import { Random } from './core/random.js';
import { SqsService } from './sqs/sqs-service.js';
import type { SqsOptions } from './sqs/sqs-service.js';
import { KinesisService } from './kinesis/kinesis-service.js';
import type { KinesisOptions } from './kinesis/kinesis-engine.js';
import { FirehoseService } from './firehose/firehose-service.js';
import type { FirehoseOptions } from './firehose/firehose-engine.js';
import { SnsService, firehosePort, sqsPort } from './sns/index.js';
import type { SnsOptions } from './sns/index.js';

export interface CloudOptions {
    /** Seed of every random decision (sampling, IDs, distributions). Default 1. */
    seed?: number | string;
    region?: string;
    accountId?: string;
    /** Epoch milliseconds of virtual time 0, used for SentTimestamp and similar fields. Default 0. */
    epochMs?: number;
    sqs?: SqsOptions;
    kinesis?: KinesisOptions;
    firehose?: FirehoseOptions;
    sns?: SnsOptions;
}

/**
 * A deterministic AWS in virtual time. Services are built on one shared `CloudContext`; to add one,
 * construct it from `context` (and the services it delivers to) below and add it to `Cloud`.
 */
export interface Cloud {
    readonly context: CloudContext;
    readonly clock: VirtualClock;
    readonly random: Random;
    readonly sqs: SqsService;
    readonly kinesis: KinesisService;
    readonly firehose: FirehoseService;
    readonly sns: SnsService;
    /** Virtual milliseconds since the start of the run. */
    now(): number;
    /** Runs `fn` at virtual time `atMs`; callbacks due at the same instant run in scheduling order. */
    schedule(atMs: number, fn: () => unknown): Cancellable;
    /** Runs every event due up to `ms`, including the promise continuations they trigger. */
    runUntil(ms: number): Promise<void>;
    /** Runs for `ms` more virtual milliseconds. */
    advance(ms: number): Promise<void>;
}

export function createCloud(options: CloudOptions = {}): Cloud {
    const clock = new VirtualClock();
    const random = new Random(options.seed ?? 1);
    const context: CloudContext = {
        clock,
        random,
        region: options.region ?? 'us-east-1',
        accountId: options.accountId ?? '000000000000',
        epochMs: options.epochMs ?? 0
    };
    const sqs = new SqsService(context, options.sqs);
    const kinesis = new KinesisService(context, options.kinesis);
    const firehose = new FirehoseService(context, kinesis.engine, options.firehose);
    const sns = new SnsService(context, { sqs: sqsPort(sqs), firehose: firehosePort(firehose) }, options.sns);
    return {
        context,
        clock,
        random,
        sqs,
        kinesis,
        firehose,
        sns,
        now: () => clock.now(),
        schedule: (atMs, fn) => clock.schedule(atMs, fn),
        runUntil: ms => clock.runUntil(ms),
        advance: ms => clock.advance(ms)
    };
}
