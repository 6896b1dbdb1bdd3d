import type { ProducerModel, ScenarioModel } from '@mq-architect/language/model';
import type { ArrivalProcess, RateWindow } from './arrivals.js';
import { Arrivals, RateSchedule } from './arrivals.js';
import { addStep } from './ledger.js';
import type { Sink } from './ports.js';
import type { CompiledTemplate } from './template.js';
import { attributesFrom, compileTemplate, fieldText } from './template.js';
import type { Series } from './series.js';
import type { ResourceState, World } from './world.js';
import type { Random } from '../core/random.js';

const byteLength = (text: string): number => {
    // ASCII fast path: most rendered templates are ASCII, where UTF-8 length equals string length.
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return Buffer.byteLength(text, 'utf8');
    return text.length;
};

/**
 * Drives one producer: an arrival process over its rate (times surge factors; zero during its outages),
 * a message rendered from its template per arrival, and a hand-off to its target's sink.
 */
export class ProducerDriver {
    private readonly template: CompiledTemplate;
    private readonly random: Random;
    private readonly arrivals: Arrivals;
    private readonly state: ResourceState;
    private sequence = 0;
    private readonly traceStride: number;
    private tracesLeft: number;
    private readonly route: readonly string[];
    private readonly sentSeries: Series;

    constructor(
        private readonly world: World,
        private readonly model: ProducerModel,
        scenario: ScenarioModel,
        private readonly sink: Sink,
        process: ArrivalProcess
    ) {
        this.template = compileTemplate(model.message);
        this.route = [model.name];
        this.random = world.random(`producer:${model.name}`);
        const windows: RateWindow[] = [];
        for (const surge of scenario.surges) {
            if (surge.producerName === model.name) windows.push({ fromMs: surge.fromMs, toMs: surge.fromMs + surge.forMs, factor: surge.factor });
        }
        for (const outage of world.outagesOf(model.name)) windows.push({ fromMs: outage.fromMs, toMs: outage.toMs, factor: 0 });
        const schedule = new RateSchedule(model.ratePerSecond, windows);
        this.arrivals = new Arrivals(schedule, process, this.world.random(`arrivals:${model.name}`));
        this.state = world.resource(model.name, 'producer');
        this.sentSeries = this.state.series.declare('MessagesSent', 'Sum');
        this.state.metrics['sent'] = 0;
        this.state.metrics['throttled'] = 0;
        this.state.metrics['rate'] = Math.max(...schedule.rates) * 1000;
        const expected = Math.max(1, model.ratePerSecond * world.durationMs / 1000);
        this.tracesLeft = world.traceSample;
        this.traceStride = Math.max(1, Math.floor(expected / Math.max(1, world.traceSample)));
    }

    start(): void {
        this.scheduleNext();
    }

    private scheduleNext(): void {
        const next = this.arrivals.peek();
        if (next >= this.world.durationMs) return;
        this.world.at(next, () => this.emit());
    }

    private emit(): void {
        const now = this.arrivals.take();
        const model = this.model;
        const sequence = ++this.sequence;
        const rendered = this.template.render(this.random);
        const body = rendered.body;
        const traced = this.tracesLeft > 0 && (sequence - 1) % this.traceStride === 0;
        const trace = traced ? this.world.ledger.startTrace(`${model.name}#${sequence}`, model.name, now, body) : undefined;
        if (traced) this.tracesLeft--;
        this.world.ledger.messagesProduced++;
        this.state.metrics['sent']!++;
        this.state.series.add(this.sentSeries, now);
        addStep(trace, now, model.name, `produced and sent to ${this.sink.name}`);
        this.sink.accept({
            message: {
                body,
                sizeBytes: model.messageSizeBytes ?? Math.max(1, byteLength(body)),
                bodyIsSqsSafe: this.template.bodyIsSqsSafe,
                groupId: model.groupField !== undefined ? fieldText(rendered, model.groupField) : undefined,
                dedupId: model.dedupIdField !== undefined ? fieldText(rendered, model.dedupIdField) : undefined,
                partitionKey: model.partitionKeyField !== undefined ? fieldText(rendered, model.partitionKeyField) : undefined,
                attributes: attributesFrom(rendered, model.attributes)
            },
            producer: model.name,
            sequence,
            producedAt: now,
            trace,
            route: this.route,
            routeKey: model.name
        });
        this.scheduleNext();
    }
}
