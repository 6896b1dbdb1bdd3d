import { expectError, expectNoIssues } from 'langium/test';
import { describe, expect, test } from 'vitest';
import { addFile, at, validate, withCode } from './helpers.js';

describe('MQ040 unresolved reference, or a reference to the wrong kind', () => {
    test('poll: a topic says what the name is and what poll: needs', async () => {
        const result = await validate('topic purchases { }\nconsumer c { poll: purchases }');
        expectError(result, "'purchases' is a topic; poll: needs a queue", { code: 'MQ040', ...at(result, 'purchases', 1) });
    });

    test('read: a queue', async () => {
        const result = await validate('queue clicks { }\nconsumer c { read: clicks }');
        expectError(result, "'clicks' is a queue; read: needs a stream", { code: 'MQ040' });
    });

    test('publish: a function names every kind publish: accepts', async () => {
        const result = await validate('function notify { }\nproducer p { publish: notify }');
        expectError(result, "'notify' is a function; publish: needs a topic, queue, stream or firehose", { code: 'MQ040' });
    });

    test('a misspelt name gets a suggestion from the names of the right kind', async () => {
        const result = await validate('queue shipping { }\ntopic shipping-events { }\nconsumer c { poll: shiping }');
        expectError(result, "no queue named 'shiping' (did you mean 'shipping'?)", { code: 'MQ040', ...at(result, 'shiping') });
        expect(withCode(result, 'MQ040')[0]?.data).toMatchObject({ code: 'MQ040', refText: 'shiping', suggestion: 'shipping' });
    });

    test('a name nothing resembles', async () => {
        expectError(await validate('consumer c { poll: zzz }'), "no queue named 'zzz' in the workspace", { code: 'MQ040' });
    });

    test('subscribe queue with a function name is a wrong-kind reference', async () => {
        const result = await validate('function notify { }\ntopic t { subscribe queue notify }');
        expectError(result, "'notify' is a function; subscribe queue needs a queue", { code: 'MQ040' });
    });

    test('a reference to a declaration in another file resolves', async () => {
        await addFile('queue shipping { }');
        expectNoIssues(await validate('consumer c { poll: shipping }'), { code: 'MQ040' });
    });

    test('the built-in linking error is replaced, not duplicated', async () => {
        const result = await validate('consumer c { poll: nowhere }');
        expect(result.diagnostics.filter(d => /Could not resolve/.test(String(d.message)))).toEqual([]);
        expect(result.diagnostics.map(d => d.code)).toEqual(['MQ040']);
    });
});
