import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { EmptyFileSystem } from 'langium';
import { clearDocuments, validationHelper } from 'langium/test';
import { afterEach, describe, expect, test } from 'vitest';
import { createMqServices } from '../../src/mq-module.js';

const services = createMqServices(EmptyFileSystem);
const validate = validationHelper(services.mq);
const tour = readFileSync(fileURLToPath(new URL('../../../../examples/language-tour.mq', import.meta.url)), 'utf8');

afterEach(() => clearDocuments(services.shared));

describe('the language tour (LANGUAGE.md, examples/language-tour.mq)', () => {
    test('validates with no errors, warnings or hints', async () => {
        const result = await validate(tour);
        expect(result.diagnostics.map(d => `${d.code} ${d.message}`)).toEqual([]);
    });
});
