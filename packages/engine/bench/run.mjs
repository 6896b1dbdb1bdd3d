/**
 * `npm run bench:engine`: the engine benchmarks of the engine issue.
 *   (a) SQS lifecycles through the cloud API vs a bare queue (sqs-lifecycle.mjs)
 * Parts (b) and (c) (simulated hour, peak memory) are added by the simulator.
 * Options: --lifecycles N (part a, default 1,000,000), --rounds N (default 3).
 */
import { register } from 'tsx/esm/api';
import { formatSqsLifecycleResult, runSqsLifecycleBench } from './sqs-lifecycle.mjs';

register();

function option(name, fallback) {
    const index = process.argv.indexOf(`--${name}`);
    return index >= 0 ? Number(process.argv[index + 1]) : fallback;
}

console.log(`engine benchmark on Node ${process.version}, ${(await import('node:os')).cpus().length} CPUs`);
const sqs = await runSqsLifecycleBench({ lifecycles: option('lifecycles', 1_000_000), rounds: option('rounds', 3) });
console.log(formatSqsLifecycleResult(sqs));
