// Bundles the MQ language server to one CommonJS file (Langium is ESM-only; editors spawn `node out/server.cjs --stdio`).
import * as esbuild from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

export async function build({ minify = false } = {}) {
    await esbuild.build({
        entryPoints: [path.join(here, 'src', 'server', 'main.ts')],
        outfile: path.join(here, 'out', 'server.cjs'),
        bundle: true,
        format: 'cjs',
        platform: 'node',
        target: 'node20',
        sourcemap: true,
        minify,
        logLevel: 'warning'
    });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
    await build({ minify: process.argv.includes('--minify') });
}
