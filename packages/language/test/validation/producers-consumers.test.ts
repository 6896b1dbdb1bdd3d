import { expectError, expectNoIssues, expectWarning } from 'langium/test';
import { describe, expect, test } from 'vitest';
import { setRuleOverrides } from '../../src/rules/rule-configuration.js';
import { after, at, ERROR, HINT, services, validate, validateWorkspace, WARNING, withCode } from './helpers.js';

describe('MQ024 a producer to a FIFO queue or topic needs a group (and a dedup-id)', () => {
    test('a producer without group to a content-deduplicated FIFO queue gets one error proposing the first template field', async () => {
        const result = await validate(`queue ledger.fifo { deduplication: content }
producer p { publish: ledger.fifo  message: { "account": one-of("a", "b") } }`);
        expectError(result, /producer 'p' publishes to FIFO queue 'ledger\.fifo', which rejects messages without a MessageGroupId: add group: FIELD/,
            { code: 'MQ024', ...at(result, 'ledger.fifo', 1) });
        expect(withCode(result, 'MQ024').map(d => d.data)).toEqual([{ code: 'MQ024', missing: 'group', field: 'account' }]);
    });

    test('without content deduplication a dedup-id is also required', async () => {
        const result = await validate('topic events.fifo { }\nproducer p { publish: events.fifo  group: account }');
        expectError(result, /without a MessageDeduplicationId, and 'events\.fifo' does not use deduplication: content/, { code: 'MQ024' });
    });

    test('group plus dedup-id, or group plus content deduplication, is fine; standard targets need neither', async () => {
        expectNoIssues(await validate('topic e.fifo { }\nproducer p { publish: e.fifo  group: account  dedup-id: id }'), { code: 'MQ024' });
        expectNoIssues(await validate('queue q.fifo { deduplication: content }\nproducer p { publish: q.fifo  group: account }'), { code: 'MQ024' });
        expectNoIssues(await validate('queue q { }\nproducer p { publish: q }'), { code: 'MQ024' });
    });
});

describe('MQ025 declared rate exceeds FIFO throughput', () => {
    test('400/s into a FIFO queue without high throughput is a warning on the rate', async () => {
        const result = await validate('queue q.fifo { deduplication: content }\nproducer p { publish: q.fifo  group: g  rate: 400/s }');
        expectWarning(result, /declare 400 msg\/s in total; a FIFO queue without high throughput accepts 300 SendMessage calls\/s per partition \(3,000 msg\/s in batches of 10\): set throughput: per-group/,
            { code: 'MQ025', ...at(result, '400/s') });
    });

    test('rates add up across producers in other files', async () => {
        const result = await validateWorkspace('queue q.fifo { deduplication: content }\nproducer p { publish: q.fifo  group: g  rate: 200/s }',
            'producer other { publish: q.fifo  group: g  rate: 200/s }');
        expectWarning(result, /declare 400 msg\/s in total/, { code: 'MQ025' });
    });

    test('a FIFO topic accepts 3,000 msg/s', async () => {
        expectWarning(await validate('topic t.fifo { deduplication: content }\nproducer p { publish: t.fifo  group: g  rate: 3500/s }'), /a FIFO topic with per-topic throughput accepts 3,000 msg\/s/, { code: 'MQ025' });
        expectNoIssues(await validate('topic t.fifo { deduplication: content }\nproducer p { publish: t.fifo  group: g  rate: 3000/s }'), { code: 'MQ025' });
    });

    test('a FIFO topic passes its rate on to every subscribed FIFO queue', async () => {
        const result = await validate(`queue ledger.fifo { }
topic events.fifo { deduplication: content  subscribe ledger.fifo }
producer p { publish: events.fifo  group: g  rate: 1000/s }`);
        expectWarning(result, /FIFO topic 'events\.fifo' receives 1,000 msg\/s and delivers them to FIFO queue 'ledger\.fifo'; a FIFO queue without high throughput accepts 300 SendMessage calls\/s/,
            { code: 'MQ025', ...at(result, 'ledger.fifo', 1) });
        expectNoIssues(await validate(`queue ledger.fifo { throughput: per-group }
topic events.fifo { deduplication: content  subscribe ledger.fifo }
producer p { publish: events.fifo  group: g  rate: 1000/s }`), { code: 'MQ025' });
    });

    test('per-group throughput or a modest rate is fine', async () => {
        expectNoIssues(await validate('queue q.fifo { deduplication: content  throughput: per-group }\nproducer p { publish: q.fifo  group: g  rate: 2000/s }'), { code: 'MQ025' });
        expectNoIssues(await validate('queue q.fifo { deduplication: content }\nproducer p { publish: q.fifo  group: g  rate: 300/s }'), { code: 'MQ025' });
    });
});

describe('MQ032 processing longer than the visibility timeout without heartbeat', () => {
    test('45s processing on a 30s (default) queue is a warning proposing about 3× processing', async () => {
        const result = await validate('queue q { }\nconsumer c { poll: q  processing: 10s..45s }');
        expectWarning(result, "consumer 'c' may process a message for 45s, longer than the 30s visibility timeout of 'q' (the default): the message becomes visible again and is processed twice; set visibility on 'q' to 2–3× that time (135s), or add heartbeat:",
            { code: 'MQ032', ...at(result, '10s..45s') });
    });

    test('a batch is deleted after its last message: 10 × 5s exceeds 30s', async () => {
        const result = await validate('queue q { }\nconsumer c { poll: q  batch: 10  processing: 5s }');
        expectWarning(result, /consumer 'c' may hold a batch of 10 messages for 10 × 5s = 50s before deleting it, longer than the 30s visibility timeout.*\(150s\)/,
            { code: 'MQ032' });
        expectNoIssues(await validate('queue q { }\nconsumer c { poll: q  batch: 5  processing: 5s }'), { code: 'MQ032' });
    });

    test('a heartbeat or a long enough visibility is fine', async () => {
        expectNoIssues(await validate('queue q { }\nconsumer c { poll: q  processing: 45s  heartbeat: 10s }'), { code: 'MQ032' });
        expectNoIssues(await validate('queue q { visibility: 2m }\nconsumer c { poll: q  processing: 45s }'), { code: 'MQ032' });
    });
});

describe('MQ033 failing consumer on a queue without dead-letter queue', () => {
    test('failure 2% on a queue without dead-letter is a hint', async () => {
        const result = await validate('queue q { }\nconsumer c { poll: q  failure: 2% }');
        const [hint] = withCode(result, 'MQ033');
        expect(hint?.severity).toBe(HINT);
        expect(hint?.message).toMatch(/consumer 'c' fails 2% of messages but 'q' has no dead-letter queue/);
        expect(hint?.data).toEqual({ code: 'MQ033', deadLetter: 'q-dlq' });
    });

    test('a dead-letter queue, or no failures, is fine', async () => {
        expectNoIssues(await validate('queue q { dead-letter: d after 3 receives }\nqueue d { }\nconsumer c { poll: q  failure: 2% }'), { code: 'MQ033' });
        expectNoIssues(await validate('queue q { }\nconsumer c { poll: q  failure: 0% }'), { code: 'MQ033' });
    });
});

describe('MQ070 inconsistent scaling', () => {
    test('instances 5..2 is an error', async () => {
        const result = await validate('queue q { }\nconsumer c { poll: q  instances: 5..2 }');
        expectError(result, 'instances 5..2: the minimum is larger than the maximum (write MIN..MAX with MIN ≤ MAX)', { code: 'MQ070', ...at(result, '5') });
    });

    test('scale-in at or above the scale-out threshold on the same metric is an error', async () => {
        const result = await validate(`queue q { }
consumer c { poll: q  instances: 1..5
  scale-out: when visible > 100 for 1m add 1
  scale-in: when visible < 500 for 5m remove 1 }`);
        expectError(result, /scale-in threshold 500 is not below the scale-out threshold 100 on 'visible'/, { code: 'MQ070', ...at(result, '500') });
    });

    test('a scaling metric must belong to what the consumer reads', async () => {
        const result = await validate('queue q { }\nconsumer c { poll: q  scale-out: when iterator-age > 1m for 1m add 1 }');
        expectError(result, "scale-out watches 'iterator-age', which is not a queue metric; use visible, in-flight, delayed, age-of-oldest", { code: 'MQ070' });
    });

    test('the tour-style scaling is fine', async () => {
        expectNoIssues(await validate(`queue q { }
consumer c { poll: q  instances: 2..20
  scale-out: when visible > 1000 for 1m add 2
  scale-in: when visible < 100 for 5m remove 1 }`), { code: 'MQ070' });
    });
});

describe('MQ072 target tracking on a queue consumer group that can scale (DOMAIN §5)', () => {
    test('target tracking on a stream consumer is an error: only queue consumers have a backlog per instance', async () => {
        const result = await validate('stream clicks { }\nconsumer dashboard { read: clicks  instances: 1..4\n  target-tracking: backlog-per-instance 100 }');
        expectError(result, /'dashboard' reads stream 'clicks': only queue consumers \(poll:\) can track a backlog per instance/,
            { code: 'MQ072', ...at(result, 'target-tracking') });
        expect(withCode(result, 'MQ072')).toHaveLength(1);
    });

    test('a target of 0 is an error on the number', async () => {
        const result = await validate('queue q { }\nconsumer c { poll: q  instances: 1..10  target-tracking: backlog-per-instance 0 }');
        expectError(result, /target-tracking target 0: the backlog per instance to keep must be above 0/, { code: 'MQ072', ...after(result, 'backlog-per-instance', '0') });
    });

    test('a negative target is an error too', async () => {
        const result = await validate('queue q { }\nconsumer c { poll: q  instances: 1..10  target-tracking: backlog-per-instance -5 }');
        expectError(result, /target-tracking target -5/, { code: 'MQ072', ...at(result, '-5') });
    });

    test('a fixed-size group is a warning: target tracking can never change it', async () => {
        const result = await validate('queue q { }\nconsumer c { poll: q  instances: 3  target-tracking: backlog-per-instance 100 }');
        expectWarning(result, /^target tracking can never change the group: instances is fixed at 3;/, { code: 'MQ072', ...at(result, 'target-tracking') });
        expect(withCode(result, 'MQ072').map(d => d.severity)).toEqual([WARNING]);
    });

    test('without instances the group is fixed at the default 1', async () => {
        const result = await validate('queue q { }\nconsumer c { poll: q  target-tracking: backlog-per-instance 100 }');
        expectWarning(result, /instances is fixed at 1 \(the default\)/, { code: 'MQ072' });
    });

    test('instances 2..2 is as fixed as instances 2', async () => {
        const result = await validate('queue q { }\nconsumer c { poll: q  instances: 2..2  target-tracking: backlog-per-instance 100 }');
        expectWarning(result, /instances is fixed at 2;/, { code: 'MQ072' });
    });

    test('a positive target on a queue consumer that can scale is fine, alone or next to step rules', async () => {
        expectNoIssues(await validate('queue q { }\nconsumer c { poll: q  instances: 2..20  target-tracking: backlog-per-instance 100 }'), { code: 'MQ072' });
        expectNoIssues(await validate(`queue q { }
consumer c { poll: q  instances: 2..20
  target-tracking: backlog-per-instance 0.5
  scale-out: when age-of-oldest > 5m for 1m add 5 }`), { code: 'MQ072' });
    });

    test('a user override of MQ072 applies to every case, the warning included', async () => {
        setRuleOverrides(services.mq, { MQ072: 'error' });
        try {
            const result = await validate('queue q { }\nconsumer c { poll: q  target-tracking: backlog-per-instance 100 }');
            expect(withCode(result, 'MQ072').map(d => d.severity)).toEqual([ERROR]);
        } finally {
            setRuleOverrides(services.mq, {});
        }
    });
});
