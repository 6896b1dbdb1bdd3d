import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { Option } from 'commander';
import { loadWorkspace } from '@mq-architect/language/node';
import { layoutArchitecture, renderSvg } from '@mq-architect/diagram';
import { formatDiagnostic, summarize } from '../output/diagnostic-format.js';
import { asRuleSeverities, collectRule } from '../rule-options.js';
import { EXIT, UsageError } from '../usage-error.js';

interface DiagramOptions {
    output?: string;
    theme: 'light' | 'dark';
    direction: 'right' | 'down';
    format: 'svg' | 'json';
    legend: boolean;
    rule?: Record<string, string>;
}

export function registerDiagram(program: Command): void {
    program
        .command('diagram')
        .description('Draw the architecture of MQ files as a standalone SVG (or the laid-out graph as JSON)')
        .argument('<paths...>', '.mq files or directories (searched recursively)')
        .option('-o, --output <file>', 'write to this file instead of standard output')
        .addOption(new Option('--theme <theme>', 'colours').choices(['light', 'dark']).default('light'))
        .addOption(new Option('--direction <direction>', 'main flow direction').choices(['right', 'down']).default('right'))
        .addOption(new Option('--format <format>', 'svg, or json: the positioned graph for tools that draw it themselves').choices(['svg', 'json']).default('svg'))
        .option('--no-legend', 'leave out the legend')
        .option('--rule <CODE=LEVEL>', 'change a rule\'s severity: off, hint, warning or error (repeatable)', collectRule)
        .addHelpText('after', '\nDiagnostics go to standard error and are drawn as badges on their elements; the diagram is drawn even when'
            + '\nthere are errors. Exit codes: 0 no errors, 1 errors found (output still written), 2 usage or I/O error.'
            + '\nExample: mq diagram examples/language-tour.mq -o tour.svg --theme dark')
        .action(async (paths: string[], options: DiagramOptions) => {
            const { model, diagnostics, files } = await loadWorkspace(paths, { rules: asRuleSeverities(options.rule) });
            for (const diagnostic of diagnostics) process.stderr.write(formatDiagnostic(diagnostic) + '\n');
            process.stderr.write(summarize(diagnostics, files.length) + '\n');

            const direction = options.direction === 'down' ? 'DOWN' : 'RIGHT';
            const diagram = await layoutArchitecture(model, { diagnostics, direction });
            const text = options.format === 'json'
                ? JSON.stringify(diagram, null, 2) + '\n'
                : renderSvg(diagram, { theme: options.theme, legend: options.legend });
            if (options.output) {
                try {
                    await writeFile(options.output, text, 'utf8');
                } catch (error) {
                    throw new UsageError(`${options.output}: cannot write (${(error as Error).message})`);
                }
                process.stderr.write(`wrote ${options.output} (${diagram.nodes.length} nodes, ${diagram.edges.length} edges)\n`);
            } else {
                process.stdout.write(text);
            }
            process.exitCode = diagnostics.some((d) => d.severity === 'error') ? EXIT.failed : EXIT.ok;
        });
}
