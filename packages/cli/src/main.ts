import '@mq-architect/language/polyfills';
import { Command, CommanderError } from 'commander';
import { LoadError } from '@mq-architect/language/node';
import { registerCheck } from './commands/check.js';
import { registerDiagram } from './commands/diagram.js';
import { registerFormat } from './commands/format.js';
import { registerSimulate } from './commands/simulate.js';
import { EXIT, UsageError } from './usage-error.js';

const VERSION = '0.1.0';

export function createProgram(): Command {
    const program = new Command('mq')
        .description('MQ Architect: check, draw and simulate messaging architectures written in MQ (*.mq)')
        .version(VERSION)
        .showHelpAfterError('(run mq --help for usage)')
        .exitOverride();
    registerCheck(program);
    registerSimulate(program);
    registerDiagram(program);
    registerFormat(program);
    return program;
}

/** Runs the CLI; resolves to the process exit code. User errors never print a stack trace. */
export async function run(argv: readonly string[]): Promise<number> {
    process.exitCode = undefined;
    try {
        await createProgram().parseAsync([...argv], { from: 'user' });
        return typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok;
    } catch (error) {
        if (error instanceof CommanderError) {
            // --help and --version exit through here with code 0.
            return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
        }
        if (error instanceof LoadError || error instanceof UsageError) {
            process.stderr.write(`mq: ${error.message}\n`);
            return EXIT.usage;
        }
        process.stderr.write(`mq: internal error: ${(error as Error).stack ?? String(error)}\nPlease report this with the input that caused it.\n`);
        return EXIT.failed;
    }
}
