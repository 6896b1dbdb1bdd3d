// Bundles each runtime of the extension with its own esbuild context (STYLE item 17):
//   node/cjs  out/extension/main.cjs                 extension host (vscode external; no elkjs, no engine)
//   node/cjs  out/language-server/main.cjs           language server + diagram layout
//             out/language-server/simulation-worker.cjs  the engine, run in a worker thread
//   browser   out/webview/preview.{js,css}           the architecture preview
// Also copies the generated TextMate grammar and Chart.js (for the report webview) into the package. Type checking is separate (`npm run typecheck`).
import * as esbuild from 'esbuild';
import { copyFile, mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const packageDir = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(packageDir, '..', '..');

/** Prints errors in the format of VS Code's `$esbuild-watch` problem matcher and a line per finished build. */
function reportPlugin(name) {
    return {
        name: 'mq-report',
        setup(build) {
            build.onStart(() => {
                if (build.initialOptions.metafile === undefined) console.log(`[watch] build started (${name})`);
            });
            build.onEnd((result) => {
                for (const { text, location } of result.errors) {
                    console.error(`✘ [ERROR] ${text}`);
                    if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
                }
                console.log(`[watch] build finished (${name}, ${new Date().toLocaleTimeString()})`);
            });
        }
    };
}

function contexts({ minify }) {
    const common = {
        bundle: true,
        minify,
        sourcemap: minify ? false : 'linked',
        sourcesContent: false,
        logLevel: 'warning',
        absWorkingDir: packageDir
    };
    const node = {
        ...common,
        platform: 'node',
        format: 'cjs',
        target: 'node20',
        outExtension: { '.js': '.cjs' }
    };
    return [
        { name: 'extension', options: { ...node, entryPoints: { main: 'src/extension/main.ts' }, outdir: 'out/extension', external: ['vscode'] } },
        {
            name: 'language-server',
            options: {
                ...node,
                entryPoints: { main: 'src/language-server/main.ts', 'simulation-worker': 'src/language-server/simulation-worker.ts' },
                outdir: 'out/language-server'
            }
        },
        {
            name: 'webview',
            options: {
                ...common,
                platform: 'browser',
                format: 'iife',
                target: ['chrome120'],
                entryPoints: { preview: 'src/webview/preview/main.ts' },
                outdir: 'out/webview',
                loader: { '.css': 'css' }
            }
        }
    ];
}

/** The generated TextMate grammar, Chart.js for the report webview (the engine's dependency), and the rules page. */
async function copyAssets() {
    const grammar = path.join(packageDir, 'syntaxes', 'mq.tmLanguage.json');
    await mkdir(path.dirname(grammar), { recursive: true });
    await copyFile(path.join(repoRoot, 'syntaxes', 'mq.tmLanguage.json'), grammar);
    // chart.js exports only its module entries; the UMD build sits next to the CommonJS one.
    const chartJsMain = createRequire(path.join(repoRoot, 'packages', 'engine', 'package.json')).resolve('chart.js');
    const chartJs = path.join(path.dirname(chartJsMain), 'chart.umd.min.js');
    await mkdir(path.join(packageDir, 'out', 'webview'), { recursive: true });
    await copyFile(chartJs, path.join(packageDir, 'out', 'webview', 'chart.umd.min.js'));
    // The rules page the diagnostics' code links open (see setRulesDocBase in the server entry).
    await mkdir(path.join(packageDir, 'out', 'docs'), { recursive: true });
    await copyFile(path.join(repoRoot, 'docs', 'rules.md'), path.join(packageDir, 'out', 'docs', 'rules.md'));
}

/** Builds every bundle once, or keeps rebuilding with `watch`. */
export async function build({ minify = false, watch = false } = {}) {
    const started = Date.now();
    await copyAssets();
    const all = contexts({ minify });
    if (watch) {
        await Promise.all(all.map(async ({ name, options }) => {
            const context = await esbuild.context({ ...options, plugins: [reportPlugin(name)] });
            await context.watch();
        }));
        return;
    }
    await Promise.all(all.map(({ options }) => esbuild.build(options)));
    console.log(`vscode: bundles built in ${Date.now() - started} ms${minify ? ' (minified)' : ''}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
    await build({ minify: process.argv.includes('--minify'), watch: process.argv.includes('--watch') });
}
