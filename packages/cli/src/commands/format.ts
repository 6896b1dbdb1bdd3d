import { readFile, writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { findMqFiles, formatMq } from '@mq-architect/language/node';
import { EXIT } from '../usage-error.js';

interface FormatOptions {
    check?: boolean;
}

export function registerFormat(program: Command): void {
    program
        .command('format')
        .alias('fmt')
        .description('Rewrite MQ files in the canonical layout (the editor\'s Format Document)')
        .argument('<paths...>', '.mq files or directories (searched recursively)')
        .option('--check', 'change nothing; list the files that are not formatted and exit 1 if any')
        .addHelpText('after', '\nFiles with syntax errors are left untouched and reported.\nExit codes: 0 done (or all formatted with --check), 1 unformatted or unparsable files, 2 usage or I/O error.')
        .action(async (paths: string[], options: FormatOptions) => {
            let failed = false;
            for (const file of await findMqFiles(paths)) {
                const result = await formatMq(await readFile(file, 'utf8'));
                if (result.syntaxErrors > 0) {
                    process.stderr.write(`${file}: not formatted, it has ${result.syntaxErrors} syntax error(s) (run mq check)\n`);
                    failed = true;
                } else if (result.changed && options.check) {
                    process.stdout.write(`${file}\n`);
                    failed = true;
                } else if (result.changed) {
                    await writeFile(file, result.text);
                    process.stdout.write(`formatted ${file}\n`);
                }
            }
            process.exitCode = failed ? EXIT.failed : EXIT.ok;
        });
}
