import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { URI } from 'langium';
import type { ArchitectureResult, BuildOptions } from './workspace/build.js';
import { buildArchitecture } from './workspace/build.js';

export type { ArchitectureResult, BuildOptions } from './workspace/build.js';
export { formatMq } from './workspace/format.js';

/** A problem with the input paths themselves (missing file, unreadable, no .mq files): a usage error, not a diagnostic. */
export class LoadError extends Error {
    override readonly name = 'LoadError';
}

const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git', 'out', 'dist']);

async function collect(entry: string, found: Set<string>): Promise<void> {
    let info;
    try {
        info = await stat(entry);
    } catch {
        throw new LoadError(`${entry}: no such file or directory`);
    }
    if (info.isFile()) {
        found.add(path.resolve(entry));
        return;
    }
    if (!info.isDirectory()) throw new LoadError(`${entry}: not a file or directory`);
    const children = await readdir(entry, { withFileTypes: true });
    for (const child of children.sort((a, b) => a.name.localeCompare(b.name))) {
        const full = path.join(entry, child.name);
        if (child.isDirectory() && !SKIPPED_DIRECTORIES.has(child.name) && !child.name.startsWith('.')) await collect(full, found);
        else if (child.isFile() && child.name.endsWith('.mq')) found.add(path.resolve(full));
    }
}

/** Resolves files and directories (recursively, `*.mq`) to a sorted list of absolute file paths. */
export async function findMqFiles(paths: readonly string[]): Promise<string[]> {
    if (paths.length === 0) throw new LoadError('no input: give one or more .mq files or directories');
    const found = new Set<string>();
    for (const entry of paths) await collect(entry, found);
    if (found.size === 0) throw new LoadError(`no .mq files found in ${paths.join(', ')}`);
    return [...found].sort();
}

export interface WorkspaceResult extends ArchitectureResult {
    /** Absolute paths of the files that were loaded. */
    files: string[];
}

/**
 * Loads every `.mq` file under the given paths as one workspace (declarations are shared across files),
 * validates and lowers it. Throws LoadError for unusable paths; problems inside files are diagnostics.
 */
export async function loadWorkspace(paths: readonly string[], options: BuildOptions = {}): Promise<WorkspaceResult> {
    const files = await findMqFiles(paths);
    const sources = new Map<string, string>();
    for (const file of files) {
        try {
            sources.set(URI.file(file).toString(), await readFile(file, 'utf8'));
        } catch (error) {
            throw new LoadError(`${file}: cannot read (${(error as Error).message})`);
        }
    }
    return { ...(await buildArchitecture(sources, options)), files };
}
