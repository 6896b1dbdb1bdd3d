import type { NodeKind } from '../graph/diagram-graph.js';

/**
 * Small line icons (16×16, drawn in `currentColor`) embedded as `<symbol>`s; no remote content.
 * Only the symbols a diagram uses are written into it.
 */
const ICONS: Record<string, string> = {
    queue: '<rect x="1.5" y="4" width="13" height="8" rx="1.5"/><path d="M5.5 4v8M8.5 4v8M11.5 4v8"/>',
    topic: '<circle cx="3.8" cy="8" r="2"/><path d="M5.8 8h3.2M9 8l5-5M9 8h5.5M9 8l5 5"/>',
    stream: '<path d="M1 4.5h9M1 8h13M1 11.5h9"/><path d="M11.5 5.5 14.5 8l-3 2.5"/>',
    firehose: '<path d="M1.5 2.5h13l-5 6v5l-3 1.5V8.5z"/>',
    database: '<ellipse cx="8" cy="3.8" rx="5.5" ry="2"/><path d="M2.5 3.8v8.4c0 1.1 2.5 2 5.5 2s5.5-.9 5.5-2V3.8"/><path d="M2.5 8c0 1.1 2.5 2 5.5 2s5.5-.9 5.5-2"/>',
    bucket: '<ellipse cx="8" cy="3.5" rx="6" ry="1.6"/><path d="M2 3.5l1.5 9.6c.1.8 2.1 1.4 4.5 1.4s4.4-.6 4.5-1.4L14 3.5"/>',
    function: '<path d="M3 2.5h2.6l6.2 11.5h1.7"/><path d="M8.6 7.8 4.2 14"/>',
    producer: '<path d="M14.5 1.5 1.5 7l5 2.3 2.3 5.2z"/><path d="M6.5 9.3l8-7.8"/>',
    consumer: '<circle cx="6" cy="5" r="2.5"/><path d="M1.5 14c0-2.8 2-4.5 4.5-4.5s4.5 1.7 4.5 4.5"/><path d="M10.4 2.6a2.4 2.4 0 0 1 0 4.8M11.8 9.7c1.7.5 2.7 2 2.7 4.3"/>',
    email: '<rect x="1.5" y="3.5" width="13" height="9" rx="1"/><path d="M1.8 4 8 9l6.2-5"/>',
    sms: '<path d="M2 3h12v7.5H7.2L4 13.5v-3H2z"/>',
    globe: '<circle cx="8" cy="8" r="6.5"/><path d="M1.5 8h13M8 1.5c2.2 2.2 2.2 10.8 0 13M8 1.5c-2.2 2.2-2.2 10.8 0 13"/>',
    mobile: '<rect x="4.5" y="1.5" width="7" height="13" rx="1.5"/><path d="M7 12.2h2"/>',
    missing: '<circle cx="8" cy="8" r="6.5"/><path d="M6 6.2a2 2 0 1 1 2.7 1.9c-.5.2-.7.6-.7 1v.7"/><path d="M8 11.3v.6"/>'
};

/** The icon of a node, by kind and, for endpoints and destinations, by protocol or destination type. */
export function iconFor(kind: NodeKind, variant: string | undefined): string {
    switch (kind) {
        case 'queue':
        case 'fifo-queue': return 'queue';
        case 'topic':
        case 'fifo-topic': return 'topic';
        case 'destination':
            if (variant === 's3') return 'bucket';
            return variant === 'http' || variant === 'splunk' || variant === 'datadog' || variant === 'newrelic' ? 'globe' : 'database';
        case 'endpoint':
            if (variant === 'email' || variant === 'email-json') return 'email';
            if (variant === 'sms') return 'sms';
            return variant === 'application' ? 'mobile' : 'globe';
        default: return kind;
    }
}

export function iconSymbols(names: Iterable<string>): string {
    return [...new Set(names)].sort().map((name) =>
        `<symbol id="mq-icon-${name}" viewBox="0 0 16 16" fill="none" stroke="currentColor" stroke-width="1.4" stroke-linecap="round" stroke-linejoin="round">${ICONS[name] ?? ''}</symbol>`
    ).join('');
}
