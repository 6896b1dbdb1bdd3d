import { randomBytes } from 'node:crypto';
import type { SimulationReport } from './report-types.js';
import { loadChartJsSource } from './chart-source.js';
import { REPORT_SCRIPT } from './html-script.js';
import { REPORT_STYLE } from './html-style.js';
import { formatMs } from './format.js';

export interface RenderHtmlOptions {
    /**
     * Nonce put on every <script> and <style> and into the page's Content-Security-Policy. A webview passes
     * its own; without one a random nonce is generated.
     */
    nonce?: string;
    /**
     * true: Chart.js is inlined, so the file opens offline on its own (`mq simulate --html`).
     * false: Chart.js is loaded from `chartJsUri` (a webview resource URI) and the CSP allows `cspSource`.
     */
    inlineScripts: boolean;
    chartJsUri?: string;
    /** The webview's `cspSource`, allowed for scripts when `inlineScripts` is false. */
    cspSource?: string;
    /** Chart.js UMD source to inline; by default it is read from the installed `chart.js` package. */
    chartJsSource?: string;
}

export function escapeHtml(text: string): string {
    return text.replace(/[&<>"']/g, char => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!);
}

/** JSON that is safe inside a <script> element: no `<`, `>`, `&` or line separators can end it early. */
export function jsonForScript(value: unknown): string {
    return JSON.stringify(value)
        .replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026')
        .replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

function table(headers: string[], rows: string[][], className = ''): string {
    const head = headers.map(header => `<th>${escapeHtml(header)}</th>`).join('');
    const body = rows.map(row => `<tr>${row.join('')}</tr>`).join('\n');
    return `<table class="${className}"><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

const cell = (text: string | number, className = ''): string => `<td class="${className}">${escapeHtml(String(text))}</td>`;

function expectationsSection(report: SimulationReport): string {
    if (report.expectations.length === 0) return '<p class="muted">This scenario has no expectations.</p>';
    return table(['', 'expectation', 'measured', 'detail'], report.expectations.map(expectation => [
        cell(expectation.passed ? '✓' : '✗', expectation.passed ? 'pass' : 'fail'),
        `<td><code>${escapeHtml(expectation.text)}</code></td>`,
        cell(expectation.unit === 'ms' ? formatMs(expectation.measured) : String(expectation.measured), 'num'),
        cell(expectation.detail)
    ]));
}

function resourcesSection(report: SimulationReport): string {
    const rows = report.resources.filter(resource => resource.kind !== 'producer').map(resource => {
        const m = resource.metrics;
        const latency = m['latency-p99'];
        return [
            cell(resource.name), cell(resource.kind),
            cell(m['sent'] ?? m['published'] ?? m['incoming-records'] ?? m['invocations'] ?? '', 'num'),
            cell(m['deleted'] ?? m['processed'] ?? m['delivered'] ?? m['delivered-records'] ?? '', 'num'),
            cell(m['moved-to-dlq'] ?? m['redriven-to-dlq'] ?? '', 'num'),
            cell(m['visible'] ?? '', 'num'),
            cell(m['age-of-oldest'] !== undefined ? formatMs(m['age-of-oldest']) : m['iterator-age'] !== undefined ? formatMs(m['iterator-age']) : '', 'num'),
            cell(latency !== undefined ? formatMs(latency) : '', 'num')
        ];
    });
    return table(['resource', 'kind', 'in', 'out', 'to DLQ', 'max backlog', 'max age', 'p99 latency'], rows);
}

function accountingSection(report: SimulationReport): string {
    const a = report.accounting;
    const rows = a.paths.map(path => [
        `<td>${escapeHtml(path.path)}</td>`, cell(path.deliveries, 'num'), cell(path.outcomes.processed, 'num'),
        cell(path.outcomes['dead-lettered'], 'num'), cell(path.outcomes['filtered-out'], 'num'), cell(path.outcomes.expired, 'num'),
        cell(path.outcomes['in-flight-at-end'], 'num'), cell(path.outcomes.dropped, 'num'), cell(path.outcomes.throttled, 'num'),
        cell(path.outcomes.deduplicated, 'num'), cell(path.outcomes.failed, 'num'), cell(path.duplicates, 'num'),
        cell(path.orderViolations, 'num'), cell(path.balanced ? '✓' : '✗', path.balanced ? 'pass' : 'fail')
    ]);
    return `<p class="muted">Unit: ${escapeHtml(a.unit)}. ${a.messagesProduced} messages produced, ${a.deliveries} deliveries.</p>` +
        table(['path', 'deliveries', 'processed', 'DLQ', 'filtered', 'expired', 'in flight at end', 'dropped', 'throttled',
            'deduplicated', 'failed', 'duplicates', 'order violations', 'adds up'], rows, 'wide');
}

function latencySection(report: SimulationReport): string {
    if (report.latency.length === 0) return '<p class="muted">No message completed a path.</p>';
    return table(['path', 'count', 'p50', 'p90', 'p99', 'max'], report.latency.map(latency => [
        cell(latency.path), cell(latency.count, 'num'), cell(formatMs(latency.p50Ms), 'num'), cell(formatMs(latency.p90Ms), 'num'),
        cell(formatMs(latency.p99Ms), 'num'), cell(formatMs(latency.maxMs), 'num')
    ]));
}

function tracesSection(report: SimulationReport): string {
    if (report.traces.length === 0) return '<p class="muted">No traced messages.</p>';
    return report.traces.map(trace => {
        const steps = trace.steps.map(step =>
            `<li><span class="t">${escapeHtml(formatMs(step.atMs))}</span> <b>${escapeHtml(step.at)}</b>: ${escapeHtml(step.event)}</li>`).join('');
        return `<details><summary><code>${escapeHtml(trace.id)}</code> at ${escapeHtml(formatMs(trace.producedAtMs))} <code class="body">${escapeHtml(trace.body)}</code></summary><ol>${steps}</ol></details>`;
    }).join('\n');
}

function scalingSection(report: SimulationReport): string {
    if (report.scaling.length === 0) return '';
    return '<h2>Scaling activity</h2>' + table(['time', 'consumer', 'action', 'instances', 'reason'], report.scaling.map(event => [
        cell(formatMs(event.atMs), 'num'), cell(event.consumer), cell(event.action), cell(`${event.from} → ${event.to}`, 'num'), cell(event.reason)
    ]));
}

/**
 * One self-contained HTML page for a SimulationReport: tables rendered here, charts (backlog, age of
 * oldest, throughput, consumer instances, latency distribution) drawn by Chart.js from the report JSON
 * embedded in the page. Every string that comes from the document is escaped; scripts and styles carry
 * the nonce, and the page's CSP allows nothing else, so it also works inside a strict VS Code webview.
 */
export function renderReportHtml(report: SimulationReport, options: RenderHtmlOptions): string {
    const nonce = options.nonce ?? randomBytes(16).toString('base64');
    const nonceAttr = `nonce="${escapeHtml(nonce)}"`;
    const scriptSources = [`'nonce-${nonce}'`];
    if (!options.inlineScripts && options.cspSource) scriptSources.push(options.cspSource);
    const csp = `default-src 'none'; img-src data:; style-src 'nonce-${nonce}'; script-src ${scriptSources.join(' ')};`;
    let chartScript: string;
    if (options.inlineScripts) {
        const source = options.chartJsSource ?? loadChartJsSource();
        chartScript = `<script ${nonceAttr}>${source.replace(/<\/script/gi, '<\\/script')}</script>`;
    } else if (options.chartJsUri) {
        chartScript = `<script ${nonceAttr} src="${escapeHtml(options.chartJsUri)}"></script>`;
    } else {
        chartScript = '';
    }
    const s = report.scenario;
    const verdict = report.passed ? '<span class="badge pass">passed</span>' : '<span class="badge fail">failed</span>';
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>MQ simulation: ${escapeHtml(s.name)}</title>
<style ${nonceAttr}>${REPORT_STYLE}</style>
</head>
<body>
<header>
<h1>Scenario <code>${escapeHtml(s.name)}</code> ${verdict}</h1>
<p class="muted">${escapeHtml(formatMs(s.durationMs))} of virtual time, seed ${escapeHtml(String(s.seed))}, ${escapeHtml(s.arrivals)} arrivals, one point per ${escapeHtml(formatMs(report.resolution.bucketMs))}.</p>
</header>
<section><h2>Expectations</h2>${expectationsSection(report)}</section>
<section><h2>Resources</h2>${resourcesSection(report)}</section>
<section class="charts">
<div class="chart"><h3>Backlog (messages visible)</h3><canvas id="chart-backlog"></canvas></div>
<div class="chart"><h3>Age of oldest message</h3><canvas id="chart-age"></canvas></div>
<div class="chart"><h3>Throughput (messages per second)</h3><canvas id="chart-throughput"></canvas></div>
<div class="chart"><h3>Consumer instances</h3><canvas id="chart-instances"></canvas></div>
<div class="chart"><h3>Latency distribution</h3><canvas id="chart-latency"></canvas></div>
<div class="chart"><h3>Streams and firehoses</h3><canvas id="chart-streams"></canvas></div>
</section>
<section><h2>End-to-end latency</h2>${latencySection(report)}</section>
${scalingSection(report)}
<section><h2>Accounting</h2>${accountingSection(report)}</section>
<section><h2>Message traces</h2>${tracesSection(report)}</section>
${report.notes.length > 0 ? `<section><h2>Notes</h2><ul>${report.notes.map(note => `<li>${escapeHtml(note)}</li>`).join('')}</ul></section>` : ''}
<script ${nonceAttr} type="application/json" id="report-data">${jsonForScript(report)}</script>
${chartScript}
<script ${nonceAttr}>${REPORT_SCRIPT}</script>
</body>
</html>
`;
}
