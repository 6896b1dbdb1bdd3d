import type { SimulationReport } from './report-types.js';
import { formatMs } from './format.js';

function pad(cells: string[][], rightAligned: ReadonlySet<number>): string[] {
    const widths = cells[0]!.map((_, column) => Math.max(...cells.map(row => [...row[column]!].length)));
    return cells.map(row => row.map((text, column) => {
        const fill = ' '.repeat(widths[column]! - [...text].length);
        return rightAligned.has(column) ? fill + text : text + fill;
    }).join('  ').trimEnd());
}

const count = (value: number | undefined): string => (value === undefined ? '-' : String(Math.round(value)));
const duration = (value: number | undefined): string => (value === undefined ? '-' : formatMs(value));

/**
 * The terminal summary of `mq simulate`: one row per resource (sent, processed, DLQ, max backlog,
 * max age, p99 latency), then every expectation with ✓ or ✗ and its measured value.
 */
export function formatSummary(report: SimulationReport, options: { color?: boolean } = {}): string {
    const green = (text: string) => (options.color ? `\u001b[32m${text}\u001b[39m` : text);
    const red = (text: string) => (options.color ? `\u001b[31m${text}\u001b[39m` : text);
    const rows: string[][] = [['resource', 'kind', 'sent', 'processed', 'DLQ', 'max backlog', 'max age', 'p99 latency']];
    for (const resource of report.resources) {
        const m = resource.metrics;
        switch (resource.kind) {
            case 'queue':
                rows.push([resource.name, 'queue', count(m['sent']), count(m['deleted']), count(m['moved-to-dlq']), count(m['visible']),
                    duration(m['age-of-oldest']), duration(m['latency-p99'])]);
                break;
            case 'topic':
                rows.push([resource.name, 'topic', count(m['published']), count(m['delivered']), count(m['redriven-to-dlq']), '-', '-', '-']);
                break;
            case 'stream':
                rows.push([resource.name, 'stream', count(m['incoming-records']), '-', '-', '-', duration(m['iterator-age']), '-']);
                break;
            case 'function':
                rows.push([resource.name, 'function', count(m['invocations']), count((m['invocations'] ?? 0) - (m['errors'] ?? 0)), '-', '-', '-', '-']);
                break;
            case 'firehose':
                rows.push([resource.name, 'firehose', count(m['incoming-records']), count(m['delivered-records']), '-', '-',
                    duration(m['data-freshness']), '-']);
                break;
            case 'producer':
                rows.push([resource.name, 'producer', count(m['sent']), '-', '-', '-', '-', '-']);
                break;
            case 'consumer':
                rows.push([resource.name, 'consumer', '-', count(m['processed']), '-', '-', '-', duration(m['latency-p99'])]);
                break;
            case 'endpoint':
                rows.push([resource.name, 'endpoint', '-', count(m['delivered']), '-', '-', '-', '-']);
                break;
        }
    }
    const lines = [
        `Scenario ${report.scenario.name}: ${formatMs(report.scenario.durationMs)} of virtual time, seed ${report.scenario.seed}`,
        '',
        ...pad(rows, new Set([2, 3, 4, 5, 6, 7])),
        ''
    ];
    const a = report.accounting;
    const o = a.outcomes;
    lines.push(`Accounting: ${a.messagesProduced} messages produced, ${a.deliveries} deliveries: ${o.processed} processed, ` +
        `${o['dead-lettered']} dead-lettered, ${o['filtered-out']} filtered out, ${o['in-flight-at-end']} in flight at the end, ` +
        `${o.expired} expired, ${o.dropped} dropped, ${o.throttled} throttled, ${o.deduplicated} deduplicated, ${o.failed} failed` +
        `${a.duplicates ? `; ${a.duplicates} duplicate processings` : ''}${a.orderViolations ? `; ${a.orderViolations} FIFO order violations` : ''}` +
        (a.balanced ? '' : red(' (DOES NOT ADD UP)')));
    if (report.notes.length > 0) {
        lines.push('', 'Notes:');
        for (const note of report.notes) lines.push(`  - ${note}`);
    }
    if (report.scaling.length > 0) lines.push('', ...scalingLines(report));
    if (report.expectations.length > 0) {
        lines.push('', 'Expectations:');
        for (const expectation of report.expectations) {
            const mark = expectation.passed ? green('✓') : red('✗');
            lines.push(`  ${mark} ${expectation.text}  (${expectation.detail})`);
        }
        const failed = report.expectations.filter(expectation => !expectation.passed).length;
        lines.push('', failed === 0 ? green(`All ${report.expectations.length} expectations hold.`) : red(`${failed} of ${report.expectations.length} expectations failed.`));
    }
    return lines.join('\n');
}

/** Scaling events shown per consumer group before the rest are summed up. */
const SCALING_EVENTS_SHOWN = 4;

/** What Auto Scaling did, per consumer group: the first changes with their reasons, then where the group ended. */
function scalingLines(report: SimulationReport): string[] {
    const byConsumer = new Map<string, SimulationReport['scaling']>();
    for (const event of report.scaling) {
        const events = byConsumer.get(event.consumer) ?? [];
        events.push(event);
        byConsumer.set(event.consumer, events);
    }
    const lines = ['Scaling:'];
    for (const [consumer, events] of byConsumer) {
        const rows = events.slice(0, SCALING_EVENTS_SHOWN).map(event => [formatMs(event.atMs), `${event.from} → ${event.to}`, event.reason]);
        pad(rows, new Set([0])).forEach((row, i) => lines.push(`  ${i === 0 ? consumer : ' '.repeat([...consumer].length)}  ${row}`));
        const rest = events.length - SCALING_EVENTS_SHOWN;
        if (rest > 0) {
            const last = events[events.length - 1]!;
            lines.push(`  ${' '.repeat([...consumer].length)}  … ${rest} more change${rest === 1 ? '' : 's'}, the last to ${last.to} at ${formatMs(last.atMs)} (all in the JSON/HTML report)`);
        }
    }
    return lines;
}
