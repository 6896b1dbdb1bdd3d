/**
 * Benchmark part (a): SQS message lifecycles per wall-clock second through the cloud API
 * (SendMessageBatch of 10 → ReceiveMessage of 10 → DeleteMessageBatch), next to the same calls on a bare
 * array-and-map queue behind the same async interface, measured in the same run, and their ratio.
 *
 * The engine is bundled with esbuild first (as it ships): tsx would add per-function naming helpers to
 * the engine side only and skew the ratio.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleForBench } from './bundle.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));

/** The baseline: no validation, no timers, no attributes; an array with a moving head and a map of handles. */
class BareQueue {
    constructor() {
        this.items = [];
        this.head = 0;
        this.inFlight = new Map();
        this.nextId = 0;
    }

    async sendMessageBatch(request) {
        const Successful = [];
        for (const entry of request.Entries) {
            const id = String(this.nextId++);
            this.items.push({ id, body: entry.MessageBody });
            Successful.push({ Id: entry.Id, MessageId: id, MD5OfMessageBody: '' });
        }
        return { Successful, Failed: [] };
    }

    async receiveMessage(request) {
        const max = request.MaxNumberOfMessages ?? 1;
        const Messages = [];
        while (Messages.length < max && this.head < this.items.length) {
            const item = this.items[this.head];
            this.items[this.head++] = undefined;
            const handle = `h${item.id}`;
            this.inFlight.set(handle, item);
            Messages.push({ MessageId: item.id, ReceiptHandle: handle, MD5OfBody: '', Body: item.body });
        }
        if (this.head > 4096 && this.head * 2 > this.items.length) {
            this.items = this.items.slice(this.head);
            this.head = 0;
        }
        return { Messages };
    }

    async deleteMessageBatch(request) {
        const Successful = [];
        for (const entry of request.Entries) {
            this.inFlight.delete(entry.ReceiptHandle);
            Successful.push({ Id: entry.Id });
        }
        return { Successful, Failed: [] };
    }
}

const BATCH_IDS = Array.from({ length: 10 }, (_, i) => `e${i}`);

/** Runs `lifecycles` lifecycles in batches of 10 through `api` against `QueueUrl`; returns wall ms. */
async function drive(api, QueueUrl, lifecycles, state) {
    const start = performance.now();
    for (let done = 0; done < lifecycles; done += 10) {
        const Entries = new Array(10);
        for (let i = 0; i < 10; i++) {
            const n = state.sequence++;
            Entries[i] = { Id: BATCH_IDS[i], MessageBody: `{"orderId":${n},"customer":"c-${n % 977}","amount":${(n * 37) % 10000 / 100},"items":3}` };
        }
        await api.sendMessageBatch({ QueueUrl, Entries });
        const { Messages } = await api.receiveMessage({ QueueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 0 });
        const deletes = new Array(Messages.length);
        for (let i = 0; i < Messages.length; i++) deletes[i] = { Id: BATCH_IDS[i], ReceiptHandle: Messages[i].ReceiptHandle };
        await api.deleteMessageBatch({ QueueUrl, Entries: deletes });
        if (Messages.length !== 10) throw new Error(`expected 10 messages, got ${Messages.length}`);
    }
    return performance.now() - start;
}

// Each side gets its own compiled copy of the driver, so that neither pays for the other's call-site
// polymorphism in the JIT.
const driveSource = drive.toString();
const freshDriver = () => new Function('BATCH_IDS', `return ${driveSource}`)(BATCH_IDS);
const driveEngine = freshDriver();
const driveBare = freshDriver();

/** Both contestants, fresh. */
async function contestants(createCloud) {
    const cloud = createCloud({ seed: 1 });
    const { QueueUrl } = await cloud.sqs.createQueue({ QueueName: 'bench' });
    return {
        engine: { api: cloud.sqs, url: QueueUrl, state: { sequence: 0 }, run: driveEngine },
        bare: { api: new BareQueue(), url: 'bare', state: { sequence: 0 }, run: driveBare }
    };
}

const CHUNK = 10_000;

/** Runs one chunk and adds its wall-clock and CPU milliseconds to `totals`. */
async function timed(side, count, totals) {
    const wall = performance.now();
    const cpu = process.cpuUsage();
    await side.run(side.api, side.url, count, side.state);
    totals.wallMs += performance.now() - wall;
    const used = process.cpuUsage(cpu);
    totals.cpuMs += (used.user + used.system) / 1000;
}

/**
 * Each round runs `lifecycles` on both sides in alternating chunks of 10,000, so that load on a shared
 * machine hits both alike; the reported figures come from the round with the median wall-clock ratio.
 * CPU time is measured too: on a loaded machine it is the steadier of the two.
 *
 * @param {{ lifecycles?: number, rounds?: number, engineModule?: string }} [options]
 */
export async function runSqsLifecycleBench(options = {}) {
    const lifecycles = options.lifecycles ?? 1_000_000;
    const rounds = options.rounds ?? 3;
    const { createCloud } = await import(options.engineModule ?? await bundleForBench(path.join(here, '..', 'src', 'cloud.ts'), 'cloud'));

    // Warm both paths up so that the JIT has compiled them before timing.
    const warm = await contestants(createCloud);
    await warm.engine.run(warm.engine.api, warm.engine.url, 50_000, warm.engine.state);
    await warm.bare.run(warm.bare.api, warm.bare.url, 50_000, warm.bare.state);

    const results = [];
    for (let round = 0; round < rounds; round++) {
        const { engine, bare } = await contestants(createCloud);
        globalThis.gc?.();
        const engineTotals = { wallMs: 0, cpuMs: 0 };
        const bareTotals = { wallMs: 0, cpuMs: 0 };
        for (let done = 0; done < lifecycles; done += CHUNK) {
            const count = Math.min(CHUNK, lifecycles - done);
            await timed(engine, count, engineTotals);
            await timed(bare, count, bareTotals);
        }
        const { Attributes } = await engine.api.getQueueAttributes({ QueueUrl: engine.url, AttributeNames: ['All'] });
        if (Attributes.ApproximateNumberOfMessages !== '0' || Attributes.ApproximateNumberOfMessagesNotVisible !== '0') {
            throw new Error('engine benchmark left messages behind');
        }
        results.push({
            engineMs: engineTotals.wallMs, bareMs: bareTotals.wallMs, ratio: bareTotals.wallMs / engineTotals.wallMs,
            engineCpuMs: engineTotals.cpuMs, bareCpuMs: bareTotals.cpuMs, cpuRatio: bareTotals.cpuMs / engineTotals.cpuMs
        });
    }
    // The same work with each side alone in a fresh heap (best round of each), for comparison.
    let engineAloneMs = Infinity;
    let bareAloneMs = Infinity;
    for (let round = 0; round < rounds; round++) {
        const { engine, bare } = await contestants(createCloud);
        globalThis.gc?.();
        const engineTotals = { wallMs: 0, cpuMs: 0 };
        await timed(engine, lifecycles, engineTotals);
        globalThis.gc?.();
        const bareTotals = { wallMs: 0, cpuMs: 0 };
        await timed(bare, lifecycles, bareTotals);
        engineAloneMs = Math.min(engineAloneMs, engineTotals.wallMs);
        bareAloneMs = Math.min(bareAloneMs, bareTotals.wallMs);
    }
    const median = [...results].sort((a, b) => a.ratio - b.ratio)[Math.floor(results.length / 2)];
    return {
        separate: {
            engineLifecyclesPerSecond: lifecycles / (engineAloneMs / 1000),
            bareLifecyclesPerSecond: lifecycles / (bareAloneMs / 1000),
            ratio: bareAloneMs / engineAloneMs
        },
        lifecycles,
        engineLifecyclesPerSecond: lifecycles / (median.engineMs / 1000),
        bareLifecyclesPerSecond: lifecycles / (median.bareMs / 1000),
        ratio: median.ratio,
        engineMs: median.engineMs,
        bareMs: median.bareMs,
        engineLifecyclesPerCpuSecond: lifecycles / (median.engineCpuMs / 1000),
        bareLifecyclesPerCpuSecond: lifecycles / (median.bareCpuMs / 1000),
        cpuRatio: median.cpuRatio,
        ratios: results.map(r => r.ratio),
        cpuRatios: results.map(r => r.cpuRatio)
    };
}

export function formatSqsLifecycleResult(result) {
    const n = v => Math.round(v).toLocaleString('en-US');
    const list = values => values.map(r => r.toFixed(2)).join(', ');
    return [
        `(a) SQS lifecycles (SendMessageBatch 10 → ReceiveMessage 10 → DeleteMessageBatch), ${n(result.lifecycles)} per side per round,`,
        '    sides interleaved in chunks of 10,000; median round:',
        `    engine cloud API : ${n(result.engineLifecyclesPerSecond)} lifecycles per wall-clock second (${n(result.engineLifecyclesPerCpuSecond)} per CPU second)`,
        `    bare array + map : ${n(result.bareLifecyclesPerSecond)} lifecycles per wall-clock second (${n(result.bareLifecyclesPerCpuSecond)} per CPU second)`,
        `    ratio            : ${result.ratio.toFixed(2)} wall-clock, ${result.cpuRatio.toFixed(2)} CPU (target ≥ 0.33; rounds: ${list(result.ratios)} / ${list(result.cpuRatios)})`,
        `    each side alone  : engine ${n(result.separate.engineLifecyclesPerSecond)}/s, bare ${n(result.separate.bareLifecyclesPerSecond)}/s, ratio ${result.separate.ratio.toFixed(2)}`
            + ' (best round of each, fresh heap; noisier on a loaded machine)'
    ].join('\n');
}
