import type { Command } from 'commander';
import { Option } from 'commander';
import { loadWorkspace } from '@mq-architect/language/node';
import { diagnosticsToJson, formatDiagnostic, summarize } from '../output/diagnostic-format.js';
import { asRuleSeverities, collectRule } from '../rule-options.js';
import { EXIT } from '../usage-error.js';

interface CheckOptions {
    format: 'text' | 'json';
    rule?: Record<string, string>;
    maxWarnings?: string;
}

export function registerCheck(program: Command): void {
    program
        .command('check')
        .description('Parse, link and validate MQ files; print diagnostics as path:line:col severity CODE message')
        .argument('<paths...>', '.mq files or directories (searched recursively)')
        .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
        .option('--rule <CODE=LEVEL>', 'change a rule\'s severity: off, hint, warning or error (repeatable)', collectRule)
        .option('--max-warnings <n>', 'also fail (exit 1) when there are more than n warnings')
        .addHelpText('after', '\nExit codes: 0 no errors, 1 errors found, 2 usage or I/O error.\nExample: mq check examples --rule MQ020=warning')
        .action(async (paths: string[], options: CheckOptions) => {
            const { diagnostics, files } = await loadWorkspace(paths, { rules: asRuleSeverities(options.rule) });
            if (options.format === 'json') {
                process.stdout.write(JSON.stringify({ files: files.length, diagnostics: diagnosticsToJson(diagnostics) }, null, 2) + '\n');
            } else {
                for (const diagnostic of diagnostics) process.stdout.write(formatDiagnostic(diagnostic) + '\n');
                process.stderr.write(summarize(diagnostics, files.length) + '\n');
            }
            const errors = diagnostics.filter(d => d.severity === 'error').length;
            const warnings = diagnostics.filter(d => d.severity === 'warning').length;
            const maxWarnings = options.maxWarnings === undefined ? Infinity : Number(options.maxWarnings);
            process.exitCode = errors > 0 || warnings > maxWarnings ? EXIT.failed : EXIT.ok;
        });
}
