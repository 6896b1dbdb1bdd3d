import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const here = path.dirname(fileURLToPath(import.meta.url));
const shared = path.resolve(here, '../../../../../shared/conformance');
const files = ['sqs-scenarios.json', 'sns-filter-policy.json', 'kinesis-hash.json', 'firehose-scenarios.json'];

describe('the copy of the conformance cases kept in the repository', () => {
    it('holds every file the conformance tests read', () => {
        for (const file of files) expect(existsSync(path.join(here, 'cases', file)), file).toBe(true);
    });

    it.skipIf(!existsSync(shared))('matches the shared/ folder beside the repository, byte for byte', () => {
        for (const file of files) {
            expect(readFileSync(path.join(here, 'cases', file), 'utf8'), `cases/${file} differs from shared/conformance/${file}: copy it again`)
                .toBe(readFileSync(path.join(shared, file), 'utf8'));
        }
    });
});
