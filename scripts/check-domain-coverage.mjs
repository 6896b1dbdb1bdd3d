// Keeps docs/domain-coverage.md honest: every (test file, test title) pair it names must be a test vitest collects.
// Titles are compared whole, so a renamed or deleted test fails the check instead of leaving a dead reference.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const testRoot = path.join(root, 'packages', 'engine', 'test');
const scratch = mkdtempSync(path.join(tmpdir(), 'domain-coverage-'));
const listing = path.join(scratch, 'tests.json');
try {
    execFileSync('npx', ['vitest', 'list', `--json=${listing}`, 'packages/engine/test/'], {
        cwd: root, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, MQ_SKIP_EXAMPLES: '1' }
    });
    const collected = new Set();
    for (const test of JSON.parse(readFileSync(listing, 'utf8'))) {
        // vitest joins describe and test titles with " > "; describe titles here never contain it.
        const title = test.name.split(' > ').slice(1).join(' > ');
        collected.add(`${path.relative(testRoot, test.file)}\u0000${title}`);
    }

    const unescape = cell => cell.replace(/\\\|/g, '|');
    const missing = [];
    let checked = 0;
    for (const line of readFileSync(path.join(root, 'docs', 'domain-coverage.md'), 'utf8').split('\n')) {
        if (!line.startsWith('| §')) continue;
        const cells = line.slice(1, -1).split(/(?<!\\)\|/).map(cell => cell.trim());
        if (cells.length !== 3 || cells[1] === '—') continue;
        const files = cells[1].split('<br>').map(cell => cell.replace(/`/g, ''));
        const titles = cells[2].split('<br>').map(cell => unescape(cell.replace(/^`|`$/g, '')));
        if (files.length !== titles.length) {
            missing.push(`${cells[0]}: ${files.length} files but ${titles.length} titles`);
            continue;
        }
        files.forEach((file, i) => {
            checked++;
            if (!collected.has(`${file}\u0000${titles[i]}`)) missing.push(`${file}: ${titles[i]}`);
        });
    }
    if (missing.length > 0) {
        console.error(`docs/domain-coverage.md names ${missing.length} test(s) vitest does not collect:\n${missing.join('\n')}`);
        process.exitCode = 1;
    } else {
        console.log(`docs/domain-coverage.md: all ${checked} test references exist`);
    }
} finally {
    rmSync(scratch, { recursive: true, force: true });
}
