// One build for the whole repository: regenerate the Langium parser, then bundle every runtime.
// Each package that needs bundling owns an esbuild.mjs exporting `build(options)`.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const args = new Set(process.argv.slice(2));
const started = Date.now();

execFileSync(process.execPath, ['--require', './scripts/polyfill-groupby.cjs', 'node_modules/langium-cli/bin/langium.js', 'generate'], { cwd: root, stdio: 'inherit' });

for (const pkg of ['language', 'cli', 'vscode']) {
    const script = path.join(root, 'packages', pkg, 'esbuild.mjs');
    if (!existsSync(script)) continue;
    const { build } = await import(script);
    await build({ minify: args.has('--minify'), watch: false });
}
console.log(`build finished in ${((Date.now() - started) / 1000).toFixed(1)} s`);
