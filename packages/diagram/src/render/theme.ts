/**
 * Colours as CSS custom properties. The stylesheet only ever uses `var(--mq-…)`; a theme is the set
 * of values the root element assigns to them. `light` and `dark` are concrete colours (the SVG looks
 * the same in any viewer); `vscode` maps them onto VS Code's theme variables so a webview follows the
 * user's theme, high contrast included. A host can also override any `--mq-…` property itself.
 */

export type ThemeName = 'light' | 'dark' | 'vscode';

/** Node kinds that have their own accent colour. */
export const ACCENT_KINDS = ['producer', 'topic', 'queue', 'stream', 'firehose', 'destination', 'function', 'consumer', 'endpoint', 'missing'] as const;
export type AccentKind = typeof ACCENT_KINDS[number];

interface Palette {
    bg: string;
    text: string;
    muted: string;
    edge: string;
    labelBg: string;
    dlq: string;
    error: string;
    warning: string;
    onAccent: string;
    legendBg: string;
    legendBorder: string;
    accents: Record<AccentKind, string>;
    /** How much of the accent goes into a node's fill (0..1). */
    tint: number;
}

const LIGHT: Palette = {
    bg: '#ffffff', text: '#1f2328', muted: '#57606a', edge: '#6e7781', labelBg: '#ffffff', dlq: '#c92a2a',
    error: '#d1242f', warning: '#d97706', onAccent: '#ffffff', legendBg: '#f6f8fa', legendBorder: '#d0d7de',
    accents: {
        producer: '#1971c2', topic: '#c2255c', queue: '#d9480f', stream: '#6741d9', firehose: '#0b7285',
        destination: '#2b8a3e', function: '#b7791f', consumer: '#495057', endpoint: '#868e96', missing: '#c92a2a'
    },
    tint: 0.08
};

const DARK: Palette = {
    bg: '#1e1e1e', text: '#e6edf3', muted: '#9da7b3', edge: '#8b949e', labelBg: '#1e1e1e', dlq: '#ff6b6b',
    error: '#f85149', warning: '#e3b341', onAccent: '#1e1e1e', legendBg: '#252526', legendBorder: '#3c3c3c',
    accents: {
        producer: '#4dabf7', topic: '#f06595', queue: '#ff922b', stream: '#9775fa', firehose: '#3bc9db',
        destination: '#69db7c', function: '#fcc419', consumer: '#ced4da', endpoint: '#adb5bd', missing: '#ff6b6b'
    },
    tint: 0.14
};

function mix(hex: string, base: string, amount: number): string {
    const channel = (color: string, i: number) => parseInt(color.slice(1 + 2 * i, 3 + 2 * i), 16);
    return '#' + [0, 1, 2].map((i) => Math.round(channel(hex, i) * amount + channel(base, i) * (1 - amount))
        .toString(16).padStart(2, '0')).join('');
}

function concrete(palette: Palette): Record<string, string> {
    const vars: Record<string, string> = {
        bg: palette.bg, text: palette.text, muted: palette.muted, edge: palette.edge, 'label-bg': palette.labelBg,
        dlq: palette.dlq, error: palette.error, warning: palette.warning, 'on-accent': palette.onAccent,
        'legend-bg': palette.legendBg, 'legend-border': palette.legendBorder
    };
    for (const kind of ACCENT_KINDS) {
        vars[kind] = palette.accents[kind];
        vars[`${kind}-fill`] = mix(palette.accents[kind], palette.bg, palette.tint);
    }
    return vars;
}

const VSCODE_ACCENTS: Record<AccentKind, string> = {
    producer: 'var(--vscode-charts-blue, #1971c2)',
    topic: 'var(--vscode-terminal-ansiMagenta, #c2255c)',
    queue: 'var(--vscode-charts-orange, #d9480f)',
    stream: 'var(--vscode-charts-purple, #6741d9)',
    firehose: 'var(--vscode-terminal-ansiCyan, #0b7285)',
    destination: 'var(--vscode-charts-green, #2b8a3e)',
    function: 'var(--vscode-charts-yellow, #b7791f)',
    consumer: 'var(--vscode-charts-foreground, #495057)',
    endpoint: 'var(--vscode-descriptionForeground, #868e96)',
    missing: 'var(--vscode-errorForeground, #c92a2a)'
};

function vscode(): Record<string, string> {
    const bg = 'var(--vscode-editor-background, #ffffff)';
    const vars: Record<string, string> = {
        bg, text: 'var(--vscode-editor-foreground, #1f2328)', muted: 'var(--vscode-descriptionForeground, #57606a)',
        edge: 'var(--vscode-editorLineNumber-foreground, #6e7781)', 'label-bg': bg,
        dlq: 'var(--vscode-charts-red, #c92a2a)', error: 'var(--vscode-editorError-foreground, #d1242f)',
        warning: 'var(--vscode-editorWarning-foreground, #d97706)', 'on-accent': bg,
        'legend-bg': 'var(--vscode-editorWidget-background, #f6f8fa)', 'legend-border': 'var(--vscode-editorWidget-border, #d0d7de)'
    };
    for (const kind of ACCENT_KINDS) {
        vars[kind] = VSCODE_ACCENTS[kind];
        vars[`${kind}-fill`] = `color-mix(in srgb, var(--mq-${kind}) 10%, var(--mq-bg))`;
    }
    return vars;
}

/** The custom-property declarations of a theme, e.g. `--mq-bg: #ffffff;`. */
export function themeVariables(theme: ThemeName): string {
    const vars = theme === 'vscode' ? vscode() : concrete(theme === 'dark' ? DARK : LIGHT);
    return Object.entries(vars).map(([name, value]) => `--mq-${name}:${value};`).join('');
}
