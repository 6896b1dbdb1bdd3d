// `npm run package`: minified bundles, then a .vsix holding only them and the static assets (.vscodeignore).
// Dependencies are bundled, so vsce is told not to collect node_modules (which would pull in the whole workspace).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readFile } from 'node:fs/promises';
import { createVSIX } from '@vscode/vsce';
import { build } from '../esbuild.mjs';

const packageDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const manifest = JSON.parse(await readFile(path.join(packageDir, 'package.json'), 'utf8'));
const outArgument = process.argv.indexOf('--out');
const packagePath = outArgument > 0 ? path.resolve(process.argv[outArgument + 1]) : path.join(packageDir, `${manifest.name}-${manifest.version}.vsix`);

await build({ minify: !process.argv.includes('--no-minify') });
await createVSIX({ cwd: packageDir, packagePath, dependencies: false });
console.log(`vscode: packaged ${path.relative(process.cwd(), packagePath) || packagePath}`);
