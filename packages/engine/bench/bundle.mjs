/**
 * The benchmarks measure the engine as it ships, bundled by esbuild: run through tsx, per-function naming
 * helpers cost about a third of the simulator's time and would skew every figure.
 */
import os from 'node:os';
import { pathToFileURL } from 'node:url';
import path from 'node:path';
import * as esbuild from 'esbuild';

/** Bundles `entry` (a TypeScript module) into a temporary ES module and returns its file URL for `import()`. */
export async function bundleForBench(entry, name) {
    const outfile = path.join(os.tmpdir(), `mq-bench-${name}-${process.pid}.mjs`);
    await esbuild.build({
        entryPoints: [entry],
        outfile,
        bundle: true,
        format: 'esm',
        platform: 'node',
        target: 'node20',
        logLevel: 'warning',
        banner: { js: "import { createRequire as __mqRequire } from 'node:module'; const require = __mqRequire(import.meta.url);" }
    });
    return pathToFileURL(outfile).href;
}
