import { expectError, expectNoIssues } from 'langium/test';
import { describe, expect, test } from 'vitest';
import { addFile, at, validate, withCode } from './helpers.js';

describe('MQ001 a FIFO queue or topic must be named *.fifo', () => {
    test('type: fifo on a plain name is an error on the name, proposing NAME.fifo', async () => {
        const result = await validate('queue ledger { type: fifo }');
        expectError(result, "queue 'ledger' is declared type: fifo, so its name must end in .fifo (AWS requires it): rename it to 'ledger.fifo'",
            { code: 'MQ001', ...at(result, 'ledger') });
        expect(withCode(result, 'MQ001')[0]?.data).toEqual({ code: 'MQ001', newName: 'ledger.fifo' });
    });

    test('a FIFO-only property on a topic with a plain name is an error', async () => {
        const result = await validate('topic events { deduplication: content }');
        expectError(result, /topic 'events' uses the FIFO-only deduplication, so it must be a FIFO topic named 'events.fifo'/, { code: 'MQ001', ...at(result, 'events') });
    });

    test('type: fifo with a .fifo name is fine', async () => {
        expectNoIssues(await validate('queue ledger.fifo { type: fifo  deduplication: content }'), { code: 'MQ001' });
    });
});

describe('MQ002 a standard queue or topic must not be named *.fifo', () => {
    test('type: standard on a .fifo name is an error on the type value', async () => {
        const result = await validate('queue ledger.fifo { type: standard }');
        expectError(result, /is declared type: standard but its name ends in .fifo/, { code: 'MQ002', ...at(result, 'standard') });
    });

    test('type: standard on a plain name is fine', async () => {
        expectNoIssues(await validate('topic events { type: standard }'), { code: 'MQ002' });
    });
});

describe('MQ003 name length and characters per kind', () => {
    test('a queue name of 81 characters is too long (80 including .fifo)', async () => {
        const name = `q${'x'.repeat(75)}.fifo`;
        const result = await validate(`queue ${name} { }`);
        expectError(result, `queue name '${name}' has 81 characters; SQS CreateQueue QueueName allows at most 80 (including .fifo)`, { code: 'MQ003', ...at(result, name) });
    });

    test('a firehose name of 65 characters is too long, 64 is fine', async () => {
        const long = await validate(`firehose f${'x'.repeat(64)} { source: direct }`);
        expectError(long, /allows at most 64/, { code: 'MQ003' });
        expectNoIssues(await validate(`firehose f${'x'.repeat(63)} { source: direct }`), { code: 'MQ003' });
    });

    test('a function name may not carry .fifo (Lambda names have no dots)', async () => {
        const result = await validate('function notify.fifo { }');
        expectError(result, "function name 'notify.fifo' may contain only letters, digits, - and _ (Lambda FunctionName)", { code: 'MQ003', ...at(result, 'notify.fifo') });
        expectNoIssues(await validate('function notify { }'), { code: 'MQ003' });
    });

    test('a stream name may be up to 128 characters', async () => {
        expectNoIssues(await validate(`stream s${'x'.repeat(127)} { }`), { code: 'MQ003' });
        expectError(await validate(`stream s${'x'.repeat(128)} { }`), /allows at most 128/, { code: 'MQ003' });
    });

    test('a topic name may be up to 256 characters', async () => {
        expectNoIssues(await validate(`topic t${'x'.repeat(255)} { }`), { code: 'MQ003' });
        expectError(await validate(`topic t${'x'.repeat(256)} { }`), /allows at most 256/, { code: 'MQ003' });
    });
});

describe('MQ004 duplicate name within a kind, across the workspace', () => {
    test('two queues with the same name in one file are both reported', async () => {
        const result = await validate('queue orders { }\nqueue orders { }');
        expect(withCode(result, 'MQ004')).toHaveLength(2);
        expectError(result, /queue 'orders' is declared more than once in the workspace \(also at \d+\.mq:2\)/, { code: 'MQ004', ...at(result, 'orders') });
    });

    test('a duplicate in another file of the workspace is reported with its location', async () => {
        await addFile('\n\nqueue orders { }', { documentUri: 'file:///work/other.mq' });
        const result = await validate('queue orders { }');
        expectError(result, /also at other\.mq:3/, { code: 'MQ004' });
    });

    test('the same name on different kinds is fine', async () => {
        expectNoIssues(await validate('queue orders { }\ntopic orders { }\nstream orders { }'), { code: 'MQ004' });
    });
});

describe('MQ023 property not allowed on this queue or topic type', () => {
    test('deduplication on an explicitly standard queue is an error on the key', async () => {
        const result = await validate('queue orders { type: standard  deduplication: content }');
        expectError(result, "deduplication applies only to FIFO queues; 'orders' is a standard queue (remove it, or make the queue FIFO)",
            { code: 'MQ023', ...at(result, 'deduplication') });
    });

    test('throughput: per-topic on a FIFO queue is an error', async () => {
        const result = await validate('queue orders.fifo { throughput: per-topic }');
        expectError(result, /throughput: per-topic does not apply to a queue; a FIFO queue's throughput is per-queue or per-group/, { code: 'MQ023', ...at(result, 'per-topic') });
    });

    test('deduplication and throughput on FIFO queues and topics are fine', async () => {
        expectNoIssues(await validate('queue q.fifo { deduplication: content  throughput: per-group }\ntopic t.fifo { throughput: per-topic }'), { code: 'MQ023' });
    });
});
