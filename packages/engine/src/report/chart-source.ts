import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

let cached: string | undefined;

/**
 * The Chart.js UMD build, read from the installed package so that the HTML report can inline it. Resolved
 * from this module when it runs as ESM, or from the working directory in a CommonJS bundle.
 */
export function loadChartJsSource(): string {
    if (cached !== undefined) return cached;
    const bases: string[] = [];
    try {
        bases.push(import.meta.url);
    } catch {
        // CommonJS bundle: no import.meta
    }
    if (typeof __filename === 'string') bases.push(__filename);
    bases.push(path.join(process.cwd(), 'package.json'));
    for (const base of bases) {
        if (!base) continue;
        try {
            // The package's exports map hides dist/ subpaths: resolve the main entry and look next to it.
            const file = path.join(path.dirname(createRequire(base).resolve('chart.js')), 'chart.umd.min.js');
            cached = readFileSync(file, 'utf8');
            return cached;
        } catch {
            // try the next base
        }
    }
    throw new Error('chart.js is not installed: cannot inline charts into the HTML report');
}
