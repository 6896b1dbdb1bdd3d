import type { ArchitectureModel, QueueModel, ScenarioModel } from '@mq-architect/language/model';
import { createCloud } from '../cloud.js';
import type { QueueCore } from '../sqs/queue-core.js';
import type { ExpectationReport, ResourceReport, SeriesReport, SimulationReport } from '../report/report-types.js';
import { REPORT_SCHEMA_VERSION } from '../report/report-types.js';
import type { ArrivalProcess } from './arrivals.js';
import { ALARM_PERIOD_MS } from './alarm.js';
import { evaluateExpectation } from './expectations.js';
import { FunctionDriver } from './function-driver.js';
import { round3 } from './histogram.js';
import { ProducerDriver } from './producer-driver.js';
import { QueueConsumerGroup } from './queue-consumer.js';
import { ScalingController } from './scaling.js';
import { EndpointSink, FunctionSink, QueueSink, TopicSink } from './sinks.js';
import { endpointOutageKey } from './sns-delivery-failures.js';
import type { Sink } from './ports.js';
import { installSqsHooks, queueAttributes, SqsQueuePort } from './sqs-port.js';
import { StreamConsumerGroup, StreamReaders, StreamSink } from './stream-driver.js';
import { deliveryStreamInput, FirehoseDriver, transformFor } from './firehose-driver.js';
import { World } from './world.js';

export interface SimulateOptions {
    /** Overrides the scenario's seed. */
    seed?: number;
    /** Called as virtual time advances (about 100 times per run). */
    onProgress?: (virtualMs: number, totalMs: number) => void;
    /** Stops the run: the promise rejects with an AbortError. */
    signal?: AbortSignal;
    /** Messages traced step by step, per producer (spread evenly over the run). Default 5. */
    traceSample?: number;
    /** Producer arrival process: `uniform` (default, evenly spaced) or `poisson`. */
    arrivals?: ArrivalProcess;
}

/** Gauges are sampled once per virtual second (CloudWatch publishes SQS metrics per minute; alarms average the samples). */
export const SAMPLE_INTERVAL_MS = 1_000;

const KIND_ORDER: Record<string, number> = { producer: 0, topic: 1, queue: 2, stream: 3, firehose: 4, function: 5, consumer: 6, endpoint: 7 };

export class SimulationError extends Error {
    override readonly name = 'SimulationError';
}

/** Dead-letter targets first, so that a RedrivePolicy always names an existing queue. */
function creationOrder(queues: readonly QueueModel[]): QueueModel[] {
    const ordered: QueueModel[] = [];
    const seen = new Set<QueueModel>();
    const visit = (queue: QueueModel, depth: number): void => {
        if (seen.has(queue) || depth > queues.length) return;
        const target = queue.deadLetter?.queue;
        if (target && target !== queue) visit(target, depth + 1);
        if (!seen.has(queue)) {
            seen.add(queue);
            ordered.push(queue);
        }
    };
    for (const queue of queues) visit(queue, 0);
    return ordered;
}

function throwIfAborted(signal: AbortSignal | undefined): void {
    if (signal?.aborted) {
        const error = new Error('The simulation was aborted');
        error.name = 'AbortError';
        throw error;
    }
}

/**
 * Runs one scenario of an architecture in virtual time and reports what happened (see
 * docs/report-schema.md). Deterministic: the same model, scenario, seed and options give a
 * byte-identical JSON report. The model should be free of errors (check diagnostics first); parts that
 * cannot be built (unresolved references) are skipped with a note in the report.
 */
export async function simulate(model: ArchitectureModel, scenarioName: string, options: SimulateOptions = {}): Promise<SimulationReport> {
    const scenario = model.scenarios.find(candidate => candidate.name === scenarioName);
    if (!scenario) {
        const names = model.scenarios.map(candidate => candidate.name);
        throw new SimulationError(`unknown scenario '${scenarioName}'${names.length ? `; declared: ${names.join(', ')}` : ' (no scenario is declared)'}`);
    }
    throwIfAborted(options.signal);
    const seed = options.seed ?? scenario.seed;
    const arrivals = options.arrivals ?? 'uniform';
    const durationMs = Math.max(1, scenario.durationMs);
    // The simulator listens to Firehose events; keeping every delivered object would hold every record of the run.
    const cloud = createCloud({ seed, firehose: { keepLog: false } });
    const world = new World(cloud.clock, durationMs, seed, Math.max(0, Math.floor(options.traceSample ?? 5)));
    const build = buildArchitecture(world, cloud, model, scenario, arrivals);
    startSampling(world, build, durationMs);

    const step = Math.max(1, durationMs / 100);
    for (let until = step; ; until += step) {
        const target = Math.min(until, durationMs);
        await cloud.runUntil(target);
        options.onProgress?.(target, durationMs);
        throwIfAborted(options.signal);
        if (target >= durationMs) break;
    }
    return finishReport(world, build, scenario, seed, arrivals);
}

interface Built {
    ports: SqsQueuePort[];
    functions: FunctionDriver[];
    groups: QueueConsumerGroup[];
    scalers: ScalingController[];
    streams: StreamSink[];
    streamGroups: StreamConsumerGroup[];
    firehoses: FirehoseDriver[];
    topics: TopicSink[];
}

function buildArchitecture(world: World, cloud: ReturnType<typeof createCloud>, model: ArchitectureModel, scenario: ScenarioModel,
    arrivals: ArrivalProcess): Built {
    for (const outage of scenario.outages) {
        const endpoint = outage.subscriptions !== undefined;
        if (endpoint && outage.subscriptions!.length === 0) world.notes.push(`outage of endpoint ${outage.targetName}: no subscription delivers to it`);
        world.addOutage(endpoint ? endpointOutageKey(outage.targetName) : outage.targetName, { fromMs: outage.fromMs, toMs: outage.fromMs + outage.forMs });
    }
    // Queues, dead-letter targets first.
    const portByName = new Map<string, SqsQueuePort>();
    const portByCore = new Map<QueueCore, SqsQueuePort>();
    for (const queue of creationOrder(model.queues)) {
        try {
            const core = cloud.sqs.createQueueSync({ QueueName: queue.name, Attributes: queueAttributes(queue, name => cloud.sqs.queueArn(name)) });
            const port = new SqsQueuePort(world, queue, core);
            portByName.set(queue.name, port);
            portByCore.set(core, port);
        } catch (error) {
            world.notes.push(`queue ${queue.name} was not simulated: ${(error as Error).message}`);
        }
    }
    installSqsHooks(cloud.sqs, portByCore);

    const functions = new Map<string, FunctionDriver>();
    for (const fn of model.functions) functions.set(fn.name, new FunctionDriver(world, fn));

    // Streams, and Firehose delivery streams (a stream-sourced firehose is one more reader of its stream).
    const kinesis = cloud.kinesis.engine;
    const streamSinks = new Map<string, StreamSink>();
    for (const stream of model.streams) {
        try {
            const created = stream.capacity.mode === 'provisioned'
                ? kinesis.createStream(stream.name, 'PROVISIONED', stream.capacity.shards)
                : kinesis.createStream(stream.name, 'ON_DEMAND', undefined);
            streamSinks.set(stream.name, new StreamSink(world, stream, kinesis, created, new StreamReaders()));
        } catch (error) {
            world.notes.push(`stream ${stream.name} was not simulated: ${(error as Error).message}`);
        }
    }
    const streamGroups: StreamConsumerGroup[] = [];

    // Consumers by their source.
    const readersOf = new Map<string, string[]>();
    const groups: QueueConsumerGroup[] = [];
    const scalers: ScalingController[] = [];
    for (const consumer of model.consumers) {
        const source = consumer.source;
        if (source?.kind === 'queue') {
            const port = source.queue ? portByName.get(source.queue.name) : undefined;
            if (!port || !source.queue) {
                world.notes.push(`consumer ${consumer.name} was not simulated: queue ${source.queueName} is not available`);
                continue;
            }
            const readers = readersOf.get(port.name) ?? [];
            readers.push(consumer.name);
            readersOf.set(port.name, readers);
            const group = new QueueConsumerGroup(world, consumer, port, source.queue.visibilityTimeoutMs, source.queue.receiveWaitTimeMs);
            port.consumerLatencies.push(group.latency);
            groups.push(group);
            const scaler = new ScalingController(world, consumer, group, queueMetric(port));
            if (scaler.active) scalers.push(scaler);
        } else if (source?.kind === 'stream') {
            const sink = source.stream ? streamSinks.get(source.stream.name) : undefined;
            if (!sink) {
                world.notes.push(`consumer ${consumer.name} was not simulated: stream ${source.streamName} is not available`);
                continue;
            }
            const group = new StreamConsumerGroup(world, consumer, sink, sink.readers.add(consumer.name), source.fanOut === 'enhanced');
            streamGroups.push(group);
            // GetRecords.IteratorAgeMilliseconds is a per-call metric: its 1-minute data point is the Maximum.
            const scaler = new ScalingController(world, consumer, group, () => group.iteratorAgeMetric(), 'Maximum', false);
            if (scaler.active) scalers.push(scaler);
        } else {
            world.notes.push(`consumer ${consumer.name} has no source and was not simulated`);
        }
    }

    // Sinks: where producers and subscriptions deliver.
    const queueSinks = new Map<string, QueueSink>();
    for (const [name, port] of portByName) {
        queueSinks.set(name, new QueueSink(world, port.model, port, () => readersOf.get(name) ?? []));
    }
    const firehoses = new Map<string, FirehoseDriver>();
    const firehoseEngine = cloud.firehose.engine;
    for (const firehose of model.firehoses) {
        const fn = firehose.transform?.function;
        const lambdaArn = fn ? `arn:aws:lambda:${cloud.context.region}:${cloud.context.accountId}:function:${fn.name}` : undefined;
        if (fn && lambdaArn) firehoseEngine.registerTransform(lambdaArn, transformFor(world, fn));
        let sourceSink: StreamSink | undefined;
        if (firehose.source.kind === 'stream') {
            sourceSink = firehose.source.stream ? streamSinks.get(firehose.source.stream.name) : undefined;
            if (!sourceSink) {
                world.notes.push(`firehose ${firehose.name} was not simulated: stream ${firehose.source.streamName} is not available`);
                continue;
            }
        }
        try {
            const created = firehoseEngine.createDeliveryStream(deliveryStreamInput(firehose, sourceSink?.stream.arn, lambdaArn));
            firehoses.set(firehose.name, new FirehoseDriver(world, firehose, firehoseEngine, created, sourceSink?.readers.add(firehose.name)));
        } catch (error) {
            world.notes.push(`firehose ${firehose.name} was not simulated: ${(error as Error).message}`);
        }
    }
    const functionSinks = new Map<string, FunctionSink>();
    for (const [name, driver] of functions) functionSinks.set(name, new FunctionSink(world, driver));
    const endpoints = new Map<string, EndpointSink>();
    const topics = new Map<string, TopicSink>();
    for (const topic of model.topics) {
        const sink = new TopicSink(world, topic);
        topics.set(topic.name, sink);
        for (const subscription of topic.subscriptions) {
            let target: Sink | undefined;
            if (subscription.protocol === 'sqs') target = subscription.target ? queueSinks.get(subscription.target.name) : undefined;
            else if (subscription.protocol === 'lambda') target = subscription.target ? functionSinks.get(subscription.target.name) : undefined;
            else if (subscription.protocol === 'firehose') target = subscription.target ? firehoses.get(subscription.target.name) : undefined;
            if (!target) {
                if (subscription.protocol === 'sqs' || subscription.protocol === 'lambda' || subscription.protocol === 'firehose') {
                    world.notes.push(`subscription ${topic.name} → ${subscription.endpoint} was not simulated: its target is not available`);
                    continue;
                }
                const name = `${subscription.protocol}:${subscription.endpoint}`;
                target = endpoints.get(name) ?? new EndpointSink(world, name);
                endpoints.set(name, target as EndpointSink);
            }
            sink.subscribe(subscription, target, subscription.deadLetter ? portByName.get(subscription.deadLetter.name) : undefined);
        }
    }

    for (const producer of model.producers) {
        const target = producer.target;
        let sink: Sink | undefined;
        if (target?.kind === 'queue') sink = queueSinks.get(target.name);
        else if (target?.kind === 'topic') sink = topics.get(target.name);
        else if (target?.kind === 'stream') sink = streamSinks.get(target.name);
        else if (target?.kind === 'firehose') sink = target.source.kind === 'direct' ? firehoses.get(target.name) : undefined;
        if (!sink) {
            world.notes.push(`producer ${producer.name} was not simulated: target ${producer.targetName} is not available`);
            continue;
        }
        new ProducerDriver(world, producer, scenario, sink, arrivals).start();
    }
    for (const group of groups) group.start();
    for (const group of streamGroups) group.start();
    return {
        ports: [...portByName.values()], functions: [...functions.values()], groups, scalers,
        streams: [...streamSinks.values()], streamGroups, firehoses: [...firehoses.values()], topics: [...topics.values()]
    };
}

function queueMetric(port: SqsQueuePort): (metric: string) => number {
    return metric => {
        const gauges = port.gauges();
        switch (metric) {
            case 'in-flight': return gauges.inFlight;
            case 'delayed': return gauges.delayed;
            case 'age-of-oldest': return gauges.ageOfOldestMs;
            default: return gauges.visible;
        }
    };
}

function startSampling(world: World, build: Built, durationMs: number): void {
    const sample = (): void => {
        const now = world.clock.now();
        for (const port of build.ports) {
            const gauges = port.gauges();
            const series = port.state.series;
            series.observe(series.declare('ApproximateNumberOfMessagesVisible', 'Maximum'), now, gauges.visible);
            series.observe(series.declare('ApproximateNumberOfMessagesNotVisible', 'Maximum'), now, gauges.inFlight);
            series.observe(series.declare('ApproximateNumberOfMessagesDelayed', 'Maximum'), now, gauges.delayed);
            series.observe(series.declare('ApproximateAgeOfOldestMessage', 'Maximum', 'Milliseconds'), now, gauges.ageOfOldestMs);
            port.state.peak('visible', gauges.visible);
            port.state.peak('in-flight', gauges.inFlight);
            port.state.peak('delayed', gauges.delayed);
            port.state.peak('age-of-oldest', gauges.ageOfOldestMs);
        }
        for (const group of build.groups) group.sample(now);
        for (const group of build.streamGroups) group.sample(now);
        for (const firehose of build.firehoses) firehose.sample(now);
        for (const scaler of build.scalers) scaler.sample();
        if (now > 0 && now % ALARM_PERIOD_MS === 0) for (const scaler of build.scalers) scaler.evaluate();
        const next = now + SAMPLE_INTERVAL_MS;
        if (next <= durationMs) world.at(next, sample);
    };
    // Sample after the events of each instant: schedule at t and let same-time events scheduled earlier run first.
    world.at(0, sample);
}

function seriesReport(world: World, state: ReturnType<World['resource']>): SeriesReport[] {
    return state.series.all().map(series => ({
        metric: series.metric, statistic: series.statistic, unit: series.unit,
        values: Array.from(series.values.subarray(0, world.points), round3)
    }));
}

function finishReport(world: World, build: Built, scenario: ScenarioModel, seed: number, arrivals: ArrivalProcess): SimulationReport {
    const ledger = world.ledger;
    // SNS deliveries still being retried, and those in subscription dead-letter queues (before the queues settle the rest).
    for (const topic of build.topics) topic.finish();
    // Whatever is still in a queue at the end: in a dead-letter queue, or still queued / in flight.
    for (const port of build.ports) {
        port.finish();
        for (const message of port.remainingMessages()) {
            const delivery = message.tag as import('./ledger.js').Delivery | undefined;
            if (!delivery || delivery.settled !== undefined) continue;
            ledger.settle(delivery, message.deadLetterSourceArn !== undefined ? 'dead-lettered' : 'in-flight-at-end');
        }
    }
    for (const fn of build.functions) {
        for (const delivery of fn.pending) ledger.settle(delivery, 'in-flight-at-end');
    }
    for (const firehose of build.firehoses) {
        firehose.finish();
        for (const delivery of firehose.pending) ledger.settle(delivery, 'in-flight-at-end');
    }
    // Records still in a stream: unread by some reader, or read by a firehose that still buffers them.
    for (const stream of build.streams) {
        stream.finish();
        for (const delivery of stream.remainingDeliveries()) if (delivery.settled === undefined) ledger.settle(delivery, 'in-flight-at-end');
    }
    for (const group of build.groups) group.finish();
    for (const group of build.streamGroups) group.finish();

    const resources: ResourceReport[] = world.allResources()
        .sort((a, b) => (KIND_ORDER[a.kind]! - KIND_ORDER[b.kind]!) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
        .map(state => ({
            name: state.name, kind: state.kind,
            metrics: Object.fromEntries(Object.keys(state.metrics).sort().map(key => [key, round3(state.metrics[key]!)])),
            series: seriesReport(world, state)
        }));
    const byName = new Map<string, ResourceReport>();
    for (const resource of resources) if (!byName.has(resource.name) || resource.kind !== 'endpoint') byName.set(resource.name, resource);
    const paths = ledger.allPaths();
    const expectations: ExpectationReport[] = scenario.expectations.map(expectation => evaluateExpectation(expectation, byName, paths));
    const accounting = ledger.accounting();
    return {
        schemaVersion: REPORT_SCHEMA_VERSION,
        scenario: { name: scenario.name, durationMs: world.durationMs, seed, arrivals },
        resolution: { bucketMs: world.bucketMs, points: world.points },
        passed: expectations.every(expectation => expectation.passed),
        resources,
        latency: ledger.latency(),
        accounting,
        expectations,
        scaling: world.scaling,
        traces: ledger.traces,
        notes: world.notes
    };
}
