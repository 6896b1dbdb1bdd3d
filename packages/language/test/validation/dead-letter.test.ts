import { expectError, expectNoIssues, expectWarning } from 'langium/test';
import { describe, expect, test } from 'vitest';
import { at, validate, withCode } from './helpers.js';

describe('MQ022 a dead-letter queue must be of the same type as its source', () => {
    test('a standard dead-letter queue for a FIFO queue is an error on the reference', async () => {
        const result = await validate('queue orders.fifo { dead-letter: orders-dlq after 3 receives }\nqueue orders-dlq { }');
        expectError(result, "dead-letter queue 'orders-dlq' is standard but 'orders.fifo' is FIFO; SQS requires a dead-letter queue of the same type as its source",
            { code: 'MQ022', ...at(result, 'orders-dlq') });
    });

    test("a subscription's dead-letter queue follows the topic's type", async () => {
        const result = await validate('queue q.fifo { }\nqueue dlq { }\ntopic t.fifo { subscribe q.fifo dead-letter dlq }');
        expectError(result, /the dead-letter queue of a FIFO topic's subscription must be a FIFO queue; 'dlq' is standard/, { code: 'MQ022' });
    });

    test('FIFO to FIFO and standard to standard are fine', async () => {
        expectNoIssues(await validate(`queue a.fifo { dead-letter: a-dlq.fifo after 3 receives }
queue a-dlq.fifo { }
queue b { dead-letter: b-dlq after 3 receives }
queue b-dlq { }
topic t { subscribe b dead-letter b-dlq }`), { code: 'MQ022' });
    });
});

describe('MQ030 dead-letter cycles', () => {
    test('a queue that is its own dead-letter queue is an error', async () => {
        const result = await validate('queue loop { dead-letter: loop after 3 receives }');
        expectError(result, "queue 'loop' is its own dead-letter queue; failed messages would never leave it (use a separate queue)", { code: 'MQ030', ...at(result, 'loop', 1) });
    });

    test('a chain a → b → a is reported on both queues', async () => {
        const result = await validate('queue a { dead-letter: b after 3 receives }\nqueue b { dead-letter: a after 3 receives }');
        expect(withCode(result, 'MQ030').map(d => d.message)).toEqual([
            'dead-letter chain a → b → a forms a cycle; failed messages would circulate forever',
            'dead-letter chain b → a → b forms a cycle; failed messages would circulate forever'
        ]);
    });

    test('a chain that ends is fine', async () => {
        expectNoIssues(await validate('queue a { dead-letter: b after 3 receives }\nqueue b { dead-letter: c after 3 receives }\nqueue c { }'), { code: 'MQ030' });
    });
});

describe('MQ031 dead-letter queue retention shorter than its source', () => {
    test('a 4d dead-letter queue behind a 14d queue is a warning proposing 14d', async () => {
        const result = await validate('queue q { retention: 14d  dead-letter: q-dlq after 3 receives }\nqueue q-dlq { }');
        expectWarning(result, /dead-letter queue 'q-dlq' keeps messages 4d, less than its source 'q' \(14d\); a standard dead-letter queue keeps each message's original enqueue time/,
            { code: 'MQ031', ...at(result, 'q-dlq') });
        expect(withCode(result, 'MQ031')[0]?.data).toEqual({ code: 'MQ031', retention: '14d' });
    });

    test('equal or longer retention is fine', async () => {
        expectNoIssues(await validate('queue q { dead-letter: q-dlq after 3 receives }\nqueue q-dlq { retention: 4d }'), { code: 'MQ031' });
        expectNoIssues(await validate('queue q { retention: 1d  dead-letter: q-dlq after 3 receives }\nqueue q-dlq { retention: 14d }'), { code: 'MQ031' });
    });
});
