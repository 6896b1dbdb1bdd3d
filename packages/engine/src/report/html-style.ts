/** Styles of the HTML report; follow the VS Code theme when shown in a webview, a light theme otherwise. */
export const REPORT_STYLE = `
:root { color-scheme: light dark; --fg: var(--vscode-foreground, #1f2328); --bg: var(--vscode-editor-background, #ffffff);
  --muted: var(--vscode-descriptionForeground, #59636e); --border: var(--vscode-panel-border, #d1d9e0);
  --pass: #1a7f37; --fail: #cf222e; }
body { font-family: var(--vscode-font-family, system-ui, -apple-system, "Segoe UI", sans-serif); color: var(--fg);
  background: var(--bg); margin: 0 auto; padding: 1rem 2rem 3rem; max-width: 1400px; font-size: 14px; }
h1 { font-size: 1.5rem; } h2 { font-size: 1.15rem; margin-top: 2rem; border-bottom: 1px solid var(--border); padding-bottom: .25rem; }
h3 { font-size: .95rem; margin: 0 0 .5rem; }
.muted { color: var(--muted); }
table { border-collapse: collapse; margin: .5rem 0; }
th, td { border-bottom: 1px solid var(--border); padding: .25rem .6rem; text-align: left; vertical-align: top; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
td.pass, .badge.pass { color: var(--pass); font-weight: 600; } td.fail, .badge.fail { color: var(--fail); font-weight: 600; }
.badge { font-size: .9rem; border: 1px solid currentColor; border-radius: 1rem; padding: .1rem .6rem; vertical-align: middle; }
table.wide { font-size: 12px; }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(420px, 1fr)); gap: 1.5rem; margin-top: 2rem; }
.chart { border: 1px solid var(--border); border-radius: 6px; padding: .75rem; min-height: 260px; }
.chart canvas { width: 100%; max-height: 300px; }
details { margin: .25rem 0; } summary { cursor: pointer; }
code.body { color: var(--muted); font-size: 12px; } ol { margin: .25rem 0 .75rem; } li .t { color: var(--muted); font-variant-numeric: tabular-nums; }
`;
