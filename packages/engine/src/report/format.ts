/** Compact durations for tables: `850ms`, `12.5s`, `3m 20s`, `1h 05m`. */
export function formatMs(ms: number): string {
    if (!Number.isFinite(ms)) return String(ms);
    if (ms < 1000) return `${+ms.toFixed(ms < 10 ? 2 : 0)}ms`;
    if (ms < 60_000) return `${+(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)}s`;
    const totalSeconds = Math.round(ms / 1000);
    if (totalSeconds < 3600) return `${Math.floor(totalSeconds / 60)}m ${String(totalSeconds % 60).padStart(2, '0')}s`;
    const totalMinutes = Math.round(totalSeconds / 60);
    return `${Math.floor(totalMinutes / 60)}h ${String(totalMinutes % 60).padStart(2, '0')}m`;
}
