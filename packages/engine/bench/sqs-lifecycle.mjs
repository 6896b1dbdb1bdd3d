/**
 * Benchmark part (a): SQS message lifecycles per wall-clock second through the cloud API
 * (SendMessageBatch of 10 → ReceiveMessage of 10 → DeleteMessageBatch), next to the same calls on a bare
 * array-and-map queue behind the same async interface, measured in the same run, and their ratio.
 *
 * Import from a process that can load TypeScript (see run.mjs, which registers tsx).
 */

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
async function drive(api, QueueUrl, lifecycles) {
    let sequence = 0;
    const start = performance.now();
    for (let done = 0; done < lifecycles; done += 10) {
        const Entries = new Array(10);
        for (let i = 0; i < 10; i++) {
            const n = sequence++;
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

/**
 * @param {{ lifecycles?: number, rounds?: number, engineModule?: string }} [options]
 * @returns {Promise<{ lifecycles: number, engineLifecyclesPerSecond: number, bareLifecyclesPerSecond: number, ratio: number, engineMs: number, bareMs: number }>}
 */
export async function runSqsLifecycleBench(options = {}) {
    const lifecycles = options.lifecycles ?? 1_000_000;
    const rounds = options.rounds ?? 3;
    const { createCloud } = await import(options.engineModule ?? new URL('../src/cloud.ts', import.meta.url).href);

    const engineRun = async count => {
        const cloud = createCloud({ seed: 1 });
        const { QueueUrl } = await cloud.sqs.createQueue({ QueueName: 'bench' });
        const ms = await drive(cloud.sqs, QueueUrl, count);
        const { Attributes } = await cloud.sqs.getQueueAttributes({ QueueUrl, AttributeNames: ['All'] });
        if (Attributes.ApproximateNumberOfMessages !== '0' || Attributes.ApproximateNumberOfMessagesNotVisible !== '0') {
            throw new Error('engine benchmark left messages behind');
        }
        return ms;
    };
    const bareRun = count => drive(new BareQueue(), 'bare', count);

    // Warm both paths up so that the JIT has compiled them before timing.
    await engineRun(50_000);
    await bareRun(50_000);
    let engineMs = Infinity;
    let bareMs = Infinity;
    // Interleave the rounds so machine-load drift hits both sides alike; keep the best of each.
    for (let round = 0; round < rounds; round++) {
        globalThis.gc?.();
        engineMs = Math.min(engineMs, await engineRun(lifecycles));
        globalThis.gc?.();
        bareMs = Math.min(bareMs, await bareRun(lifecycles));
    }
    const engineLifecyclesPerSecond = lifecycles / (engineMs / 1000);
    const bareLifecyclesPerSecond = lifecycles / (bareMs / 1000);
    return { lifecycles, engineLifecyclesPerSecond, bareLifecyclesPerSecond, ratio: engineLifecyclesPerSecond / bareLifecyclesPerSecond, engineMs, bareMs };
}

export function formatSqsLifecycleResult(result) {
    const n = v => Math.round(v).toLocaleString('en-US');
    return [
        '(a) SQS lifecycles (SendMessageBatch 10 → ReceiveMessage 10 → DeleteMessageBatch), best of the rounds:',
        `    engine cloud API : ${n(result.engineLifecyclesPerSecond)} lifecycles/s (${n(result.lifecycles)} in ${n(result.engineMs)} ms)`,
        `    bare array + map : ${n(result.bareLifecyclesPerSecond)} lifecycles/s (${n(result.lifecycles)} in ${n(result.bareMs)} ms)`,
        `    ratio            : ${result.ratio.toFixed(2)} (target ≥ 0.33)`
    ].join('\n');
}
