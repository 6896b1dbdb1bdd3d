import { afterEach, describe, expect, test, vi } from 'vitest';
import { validate } from './helpers.js';

const broken = [
    'queue q { visibility: }',
    'queue q { retention }',
    'queue { }',
    'queue q.fifo { dead-letter: after 3 receives }',
    'queue q { dead-letter: d after }',
    'topic t { subscribe }',
    'topic t.fifo { subscribe email }',
    'topic t { subscribe q filter attributes { "a": } }',
    'topic t { subscribe q filter body }',
    'stream s { capacity: provisioned shards }',
    'firehose f { buffer: or 60s  destination: redshift }',
    'function f { duration: .. }',
    'producer p { publish:  rate: /s  message: { "a": uniform( } }',
    'producer p { publish: t  message: { "a": one-of() , "b": uniform("x", 2) } }\ntopic t { subscribe q filter attributes { "a": ["x"] } }\nqueue q { }',
    'consumer c { poll: q  processing: ..  instances: ..3  scale-out: when > 5 for add }\nqueue q { }',
    'scenario s { duration:  surge from 1m for  expect .visible < 5  outage x from for 1m }',
    '}}}{{{ queue',
    ''
];

describe('broken input never crashes a check', () => {
    const errors = vi.spyOn(console, 'error');
    afterEach(() => errors.mockClear());

    test.each(broken)('%s', async (text) => {
        const result = await validate(text);
        expect(Array.isArray(result.diagnostics)).toBe(true);
        // Langium logs "An error occurred during validation" when a check throws and skips the remaining checks.
        expect(errors).not.toHaveBeenCalled();
    });
});
