// Bundles the CLI to one CommonJS file: Langium is ESM-only, and a single file starts fast.
import * as esbuild from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

export async function build({ minify = false } = {}) {
    await esbuild.build({
        entryPoints: [path.join(here, 'src', 'cli.ts')],
        outfile: path.join(here, 'dist', 'mq.cjs'),
        bundle: true,
        format: 'cjs',
        platform: 'node',
        target: 'node20',
        sourcemap: true,
        minify,
        loader: { '.html': 'text', '.txt': 'text' },
        logLevel: 'warning'
    });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
    await build({ minify: process.argv.includes('--minify') });
}
