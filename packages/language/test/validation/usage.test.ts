import { expectNoIssues } from 'langium/test';
import { describe, expect, test } from 'vitest';
import { at, HINT, validate, validateWorkspace, withCode } from './helpers.js';

describe('MQ071 resource nobody publishes to or nobody reads', () => {
    test('a queue nothing sends to and nothing polls is a hint on its name', async () => {
        const result = await validate('queue forgotten { }');
        const [hint] = withCode(result, 'MQ071');
        expect(hint?.severity).toBe(HINT);
        expect(hint?.message).toBe("queue 'forgotten' looks unused: no producer or topic subscription sends to it and no consumer polls it (in any file of the workspace)");
        expect(result.document.textDocument.offsetAt(hint!.range.start)).toBe(at(result, 'forgotten').offset);
        expect(result.document.textDocument.offsetAt(hint!.range.end)).toBe(at(result, 'forgotten').offset + 'forgotten'.length);
    });

    test('a topic without subscriptions and a stream nobody reads are hints', async () => {
        const result = await validate('topic t { }\nproducer p { publish: t }\nstream s { }\nproducer w { publish: s }');
        expect(withCode(result, 'MQ071').map(d => d.message)).toEqual([
            "topic 't' looks unused: it has no subscriptions (in any file of the workspace)",
            "stream 's' looks unused: no consumer or firehose reads it (in any file of the workspace)"
        ]);
    });

    test('dead-letter queues are exempt', async () => {
        expectNoIssues(await validate('queue q { dead-letter: q-dlq after 3 receives }\nqueue q-dlq { }\nproducer p { publish: q }\nconsumer c { poll: q }'), { code: 'MQ071' });
    });

    test('a queue fed by a subscription and polled in another file is used', async () => {
        const result = await validateWorkspace('queue q { }', 'topic t { subscribe q }\nproducer p { publish: t }\nconsumer c { poll: q }');
        expectNoIssues(result, { code: 'MQ071' });
    });

    test('a stream read by a firehose is used', async () => {
        expectNoIssues(await validate('stream s { }\nproducer p { publish: s }\nfirehose f { source: s  destination: s3 "s3://b/" }'), { code: 'MQ071' });
    });
});
