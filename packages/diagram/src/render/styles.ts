import { FONT_FAMILY } from '../layout/text-metrics.js';
import { ACCENT_KINDS } from './theme.js';
import type { ThemeName } from './theme.js';
import { themeVariables } from './theme.js';

const KIND_ALIASES: Record<string, string[]> = { queue: ['queue', 'fifo-queue'], topic: ['topic', 'fifo-topic'] };

function kindRules(): string {
    return ACCENT_KINDS.map((kind) => {
        const selectors = (KIND_ALIASES[kind] ?? [kind]).map((k) => `.mq-kind-${k}`).join(',');
        return `${selectors}{--mq-accent:var(--mq-${kind});--mq-fill:var(--mq-${kind}-fill)}`;
    }).join('');
}

/** The embedded stylesheet: classes the webview can target, coloured through `--mq-…` properties. */
export function stylesheet(theme: ThemeName): string {
    return [
        `.mq-diagram{${themeVariables(theme)}font-family:${FONT_FAMILY}}`,
        '.mq-background{fill:var(--mq-bg)}',
        kindRules(),
        '.mq-node{cursor:pointer}',
        '.mq-shape{fill:var(--mq-fill);stroke:var(--mq-accent);stroke-width:1.5}',
        '.mq-shape-inner{fill:none;stroke:var(--mq-accent);stroke-width:1;opacity:.55}',
        '.mq-shape-dashed{stroke-dasharray:4 3}',
        '.mq-accent-fill,.mq-shards{fill:var(--mq-accent)}',
        '.mq-shards-on-demand{opacity:.35}',
        '.mq-icon{color:var(--mq-accent)}',
        '.mq-title{fill:var(--mq-text);font-size:13px;font-weight:700}',
        '.mq-subtitle,.mq-detail{fill:var(--mq-muted);font-size:11px}',
        '.mq-tag rect{fill:var(--mq-accent)}',
        '.mq-tag text{fill:var(--mq-on-accent);font-size:9px;font-weight:700;letter-spacing:.3px}',
        '.mq-badge text{fill:#fff;font-size:11px;font-weight:700}',
        '.mq-badge-error .mq-badge-shape{fill:var(--mq-error)}',
        '.mq-badge-warning .mq-badge-shape{fill:var(--mq-warning)}',
        '.mq-has-error>.mq-shape{stroke:var(--mq-error);stroke-width:2.2}',
        '.mq-has-warning>.mq-shape{stroke:var(--mq-warning);stroke-width:2.2}',
        '.mq-highlight>.mq-shape{stroke-width:3.5}',
        '.mq-dimmed{opacity:.3}',
        '.mq-edge-line{fill:none;stroke:var(--mq-edge);stroke-width:1.4}',
        '.mq-edge:hover .mq-edge-line{stroke-width:2.4}',
        '.mq-edge-redrive .mq-edge-line,.mq-edge-subscription-dlq .mq-edge-line{stroke:var(--mq-dlq);stroke-dasharray:6 4}',
        '.mq-edge-transform .mq-edge-line{stroke:var(--mq-function);stroke-dasharray:2 3;stroke-width:1.8}',
        '.mq-edge-enhanced .mq-edge-line{stroke-width:2.8}',
        '.mq-edge-label rect{fill:var(--mq-label-bg);opacity:.92}',
        '.mq-edge-label text{fill:var(--mq-muted);font-size:11px}',
        '.mq-edge-redrive .mq-edge-label text,.mq-edge-subscription-dlq .mq-edge-label text{fill:var(--mq-dlq)}',
        '.mq-arrow{fill:var(--mq-edge)}',
        '.mq-arrow-dlq{fill:var(--mq-dlq)}',
        '.mq-arrow-transform{fill:var(--mq-function)}',
        '.mq-legend-box{fill:var(--mq-legend-bg);stroke:var(--mq-legend-border)}',
        '.mq-legend text{fill:var(--mq-text);font-size:11px}',
        '.mq-legend .mq-legend-heading{fill:var(--mq-muted);font-weight:700}',
        '.mq-empty{fill:var(--mq-muted);font-size:13px}'
    ].join('\n');
}
