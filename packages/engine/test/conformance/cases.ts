import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../../../..');

/**
 * Where a conformance file is read from: `MQ_CONFORMANCE_DIR` when set, else the workplace's shared/ folder
 * beside the repository (the authoritative copy, which CI provides), else the copy kept in `cases/` so that
 * a clone anywhere runs every case.
 */
export function conformanceFile(name: string): string {
    const candidates = [
        ...(process.env['MQ_CONFORMANCE_DIR'] ? [path.join(process.env['MQ_CONFORMANCE_DIR'], name)] : []),
        path.resolve(repoRoot, '..', 'shared', 'conformance', name),
        path.join(here, 'cases', name)
    ];
    const found = candidates.find(candidate => existsSync(candidate));
    if (found === undefined) throw new Error(`conformance file ${name} not found; looked in:\n${candidates.join('\n')}`);
    return found;
}

export function readConformance<T>(name: string): T {
    return JSON.parse(readFileSync(conformanceFile(name), 'utf8')) as T;
}
