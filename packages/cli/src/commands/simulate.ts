import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { InvalidArgumentError, Option } from 'commander';
import cliProgress from 'cli-progress';
import { loadWorkspace } from '@mq-architect/language/node';
import { simulate, formatSummary, renderReportHtml, formatMs } from '@mq-architect/engine';
import type { SimulationReport } from '@mq-architect/engine';
import { formatDiagnostic, summarize } from '../output/diagnostic-format.js';
import { asRuleSeverities, collectRule } from '../rule-options.js';
import { EXIT, UsageError } from '../usage-error.js';

interface SimulateOptions {
    scenario?: string;
    seed?: number;
    json?: string;
    html?: string;
    quiet?: boolean;
    arrivals: 'uniform' | 'poisson';
    rule?: Record<string, string>;
}

function parseSeed(value: string): number {
    const seed = Number(value);
    if (!Number.isSafeInteger(seed) || seed < 0) throw new InvalidArgumentError(`expected a non-negative integer, got '${value}'`);
    return seed;
}

async function runWithProgress(run: (onProgress: (virtualMs: number, totalMs: number) => void) => Promise<SimulationReport>, quiet: boolean): Promise<SimulationReport> {
    if (quiet || !process.stderr.isTTY) return run(() => undefined);
    const started = Date.now();
    const bar = new cliProgress.SingleBar({
        format: 'simulating |{bar}| {percentage}% virtual {virtual} / {total} wall {wall}',
        hideCursor: true,
        stream: process.stderr,
        clearOnComplete: true
    }, cliProgress.Presets.shades_classic);
    let total = 0;
    try {
        return await run((virtualMs, totalMs) => {
            const wall = `${((Date.now() - started) / 1000).toFixed(1)}s`;
            if (total === 0) {
                total = totalMs;
                bar.start(totalMs, virtualMs, { virtual: formatMs(virtualMs), total: formatMs(totalMs), wall });
            } else {
                bar.update(virtualMs, { virtual: formatMs(virtualMs), total: formatMs(totalMs), wall });
            }
        });
    } finally {
        bar.stop();
    }
}

/** `mq simulate FILE|DIR [--scenario NAME] [--seed N] [--json PATH] [--html PATH] [--quiet]`. */
export function registerSimulate(program: Command): void {
    program
        .command('simulate')
        .description('Run a scenario in virtual time and print a summary; optionally write the JSON report and an HTML report')
        .argument('<paths...>', '.mq files or directories (searched recursively)')
        .option('--scenario <name>', 'scenario to run (default: the first one declared)')
        .option('--seed <n>', 'override the scenario seed', parseSeed)
        .option('--json <path>', 'write the SimulationReport as JSON')
        .option('--html <path>', 'write a self-contained HTML report with charts')
        .option('--quiet', 'no progress bar and no summary; exit code only')
        .addOption(new Option('--arrivals <process>', 'producer arrival process').choices(['uniform', 'poisson']).default('uniform'))
        .option('--rule <CODE=LEVEL>', 'change a rule\'s severity (repeatable)', collectRule)
        .addHelpText('after', '\nExit codes: 0 all expectations hold, 1 an expectation failed, 2 invalid input.\n' +
            'Example: mq simulate examples/purchase-fanout.mq --scenario flash-sale --html report.html')
        .action(async (paths: string[], options: SimulateOptions) => {
            const { model, diagnostics, files } = await loadWorkspace(paths, { rules: asRuleSeverities(options.rule) });
            const errors = diagnostics.filter(diagnostic => diagnostic.severity === 'error');
            if (errors.length > 0) {
                for (const diagnostic of diagnostics) process.stderr.write(formatDiagnostic(diagnostic) + '\n');
                process.stderr.write(summarize(diagnostics, files.length) + '\n');
                process.exitCode = EXIT.usage;
                return;
            }
            if (model.scenarios.length === 0) throw new UsageError(`no scenario is declared in ${paths.join(', ')}`);
            const scenario = options.scenario === undefined
                ? model.scenarios[0]!
                : model.scenarios.find(candidate => candidate.name === options.scenario);
            if (!scenario) {
                throw new UsageError(`unknown scenario '${options.scenario}'; declared: ${model.scenarios.map(s => s.name).join(', ')}`);
            }
            if (!options.quiet && options.scenario === undefined && model.scenarios.length > 1) {
                process.stderr.write(`Running scenario ${scenario.name} (the first of ${model.scenarios.length}; choose one with --scenario)\n`);
            }
            const report = await runWithProgress(onProgress => simulate(model, scenario.name, {
                seed: options.seed, onProgress, arrivals: options.arrivals
            }), options.quiet === true);
            if (options.json) await writeFile(options.json, JSON.stringify(report, null, 2) + '\n', 'utf8');
            if (options.html) await writeFile(options.html, renderReportHtml(report, { inlineScripts: true }), 'utf8');
            if (!options.quiet) {
                process.stdout.write(formatSummary(report, { color: process.stdout.isTTY === true }) + '\n');
                if (options.json) process.stdout.write(`JSON report: ${options.json}\n`);
                if (options.html) process.stdout.write(`HTML report: ${options.html}\n`);
            }
            process.exitCode = report.passed ? EXIT.ok : EXIT.failed;
        });
}
