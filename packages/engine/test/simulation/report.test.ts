import { describe, expect, it } from 'vitest';
import { renderReportHtml } from '../../src/report/html.js';
import { formatSummary } from '../../src/report/summary.js';
import { run } from './helpers.js';

const text = `
queue orders { wait: 20s  visibility: 2s  dead-letter: orders-dlq after 2 receives }
queue orders-dlq { }
producer shop { publish: orders  rate: 5/s  message: { "note": "</script><script>alert(1)</script>", "n": sequence() } }
consumer workers { poll: orders  processing: 10ms  failure: 50% }
scenario test { duration: 1m  expect orders-dlq.visible == 0  expect no-loss }`;

describe('reports', () => {
    it('the same model, scenario and seed give a byte-identical JSON report', async () => {
        const one = JSON.stringify(await run(text));
        const two = JSON.stringify(await run(text));
        expect(two).toBe(one);
    });

    it('HTML: one self-contained page, every script and style carries the nonce, document strings are escaped', async () => {
        const report = await run(text, 'test', { traceSample: 2 });
        const html = renderReportHtml(report, { nonce: 'abc123', inlineScripts: true, chartJsSource: 'window.Chart = function () {};' });
        const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)![1]!.replace(/&#39;/g, "'");
        expect(csp).toBe("default-src 'none'; img-src data:; style-src 'nonce-abc123'; script-src 'nonce-abc123';");
        const tags = html.match(/<(script|style)\b[^>]*>/g)!;
        expect(tags.length).toBeGreaterThanOrEqual(4);
        for (const tag of tags) expect(tag).toContain('nonce="abc123"');
        // The hostile message body appears only escaped: in the trace list and inside the JSON data block.
        expect(html).not.toContain('<script>alert(1)');
        expect(html).toContain('&lt;/script&gt;&lt;script&gt;alert(1)');
        expect(html).not.toMatch(/https?:\/\//);
        const data = /<script nonce="abc123" type="application\/json" id="report-data">(.*?)<\/script>/s.exec(html)![1]!;
        expect(JSON.parse(data)).toEqual(JSON.parse(JSON.stringify(report)));
    });

    it('HTML for a webview can load Chart.js from a resource URI instead of inlining it', async () => {
        const report = await run(text);
        const html = renderReportHtml(report, { nonce: 'n1', inlineScripts: false, chartJsUri: 'vscode-resource:/chart.js', cspSource: 'vscode-resource:' });
        expect(html).toContain('<script nonce="n1" src="vscode-resource:/chart.js"></script>');
        expect(html.replace(/&#39;/g, "'")).toContain("script-src 'nonce-n1' vscode-resource:;");
    });

    it('HTML inlines the installed Chart.js by default', async () => {
        const report = await run(text);
        const html = renderReportHtml(report, { inlineScripts: true });
        expect(html).toContain('Chart.js v4');
        expect(html.length).toBeGreaterThan(150_000);
    });

    it('the terminal summary lists resources and expectations with ✓/✗', async () => {
        const report = await run(text);
        const summary = formatSummary(report);
        expect(summary).toMatch(/^orders +queue +300 +\d+ +\d+/m);
        expect(summary).toContain('✗ orders-dlq.visible == 0');
        expect(summary).toContain('✓ no-loss');
        expect(summary).toContain('1 of 2 expectations failed.');
    });

    it('the terminal summary shows what Auto Scaling did and why, per group, in the rule\'s units', async () => {
        const report = await run(`
queue jobs { wait: 20s }
producer p { publish: jobs  rate: 50/s }
consumer workers { poll: jobs  processing: 100ms  instances: 1..3  warm-up: 10s
  scale-out: when age-of-oldest > 30s for 1m add 1 }
scenario test { duration: 10m }`);
        const summary = formatSummary(report);
        // The data point is an age, shown as one: "1m 12s", not 72000.
        expect(summary).toMatch(/^Scaling:\n {2}workers {2}\dm 00s {2}1 → 2 {2}alarm age-of-oldest > 30s for 1m 00s in ALARM \(data point \dm \d\ds\); new instances warm up for 10s$/m);
        expect(summary).toContain('2 → 3');
        expect(report.scaling).toHaveLength(2);
    });
});
