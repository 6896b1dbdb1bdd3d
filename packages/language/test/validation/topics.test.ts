import { expectError, expectNoIssues, expectWarning } from 'langium/test';
import { describe, expect, test } from 'vitest';
import { at, ERROR, validate, withCode } from './helpers.js';

describe('MQ020 a FIFO topic subscribes a standard queue', () => {
    test('is an error by default that explains the loss of ordering and deduplication and how to lower it', async () => {
        const result = await validate('queue audit { }\ntopic ledger.fifo { subscribe audit }');
        const [diagnostic] = withCode(result, 'MQ020');
        expect(diagnostic?.severity).toBe(ERROR);
        expect(diagnostic?.message).toMatch(/subscribes standard queue 'audit': the subscriber loses ordering and deduplication/);
        expect(diagnostic?.message).toMatch(/AWS accepts standard queues on FIFO topics since 2023/);
        expect(diagnostic?.message).toMatch(/"mq\.rules": \{ "MQ020": "warning" \}/);
        expect(diagnostic?.message).toMatch(/--rule MQ020=warning/);
        expectError(result, /loses ordering/, { code: 'MQ020', ...at(result, 'audit', 1) });
    });

    test('a FIFO queue on a FIFO topic is fine', async () => {
        expectNoIssues(await validate('queue audit.fifo { }\ntopic ledger.fifo { subscribe audit.fifo }'), { code: 'MQ020' });
    });
});

describe('MQ021 a standard topic cannot subscribe a FIFO queue', () => {
    test('is an error on the subscribed queue', async () => {
        const result = await validate('queue ledger.fifo { }\ntopic events { subscribe ledger.fifo }');
        expectError(result, "standard topic 'events' cannot deliver to FIFO queue 'ledger.fifo'; SNS delivers to FIFO queues only from FIFO topics (use a .fifo topic, or a standard queue)",
            { code: 'MQ021', ...at(result, 'ledger.fifo', 1) });
    });

    test('a standard queue on a standard topic is fine', async () => {
        expectNoIssues(await validate('queue ledger { }\ntopic events { subscribe ledger }'), { code: 'MQ021' });
    });
});

describe('MQ026 a FIFO topic can only subscribe SQS queues', () => {
    test('a function, a firehose and an https endpoint on a FIFO topic are errors', async () => {
        const result = await validate(`function notify { }
firehose archive { source: direct  destination: s3 "s3://b/p/" }
topic ledger.fifo {
  subscribe function notify
  subscribe archive
  subscribe https "https://hooks.example.com/x"
}`);
        expect(withCode(result, 'MQ026')).toHaveLength(3);
        expectError(result, /FIFO topic 'ledger\.fifo' can deliver only to SQS queues, not to function 'notify'/, { code: 'MQ026', ...at(result, 'notify', 1) });
        expectError(result, /not to https endpoint/, { code: 'MQ026', ...at(result, '"https://hooks.example.com/x"') });
    });

    test('the same subscribers on a standard topic are fine', async () => {
        expectNoIssues(await validate(`function notify { }
topic events { subscribe function notify  subscribe https "https://hooks.example.com/x" }`), { code: 'MQ026' });
    });
});

describe('MQ041 subscription endpoint malformed', () => {
    test('email, sms, http and https endpoints are checked', async () => {
        const result = await validate(`topic t {
  subscribe email "ops.example.com"
  subscribe sms "555-0100"
  subscribe http "ftp://x"
  subscribe https "http://hooks.example.com"
}`);
        expectError(result, '"ops.example.com" is not a valid email endpoint; expected an email address like "ops@example.com"', { code: 'MQ041', ...at(result, '"ops.example.com"') });
        expectError(result, /not a valid sms endpoint; expected an E\.164 phone number/, { code: 'MQ041' });
        expectError(result, /"ftp:\/\/x" is not a valid http endpoint/, { code: 'MQ041' });
        expectError(result, /"http:\/\/hooks\.example\.com" is not a valid https endpoint; expected a URL starting with https:\/\//, { code: 'MQ041' });
    });

    test('well-formed endpoints are fine', async () => {
        expectNoIssues(await validate(`topic t {
  subscribe email "ops@example.com"
  subscribe email-json "ops@example.com"
  subscribe sms "+14155550100"
  subscribe https "https://hooks.example.com/orders"
  subscribe application "arn:aws:sns:us-east-1:123456789012:endpoint/GCM/app/1234"
}`), { code: 'MQ041' });
    });
});

describe('MQ044 the same endpoint subscribed twice', () => {
    test('a second subscription of the same queue is a warning on the second one', async () => {
        const result = await validate('queue q { }\ntopic t {\n  subscribe q\n  subscribe q raw\n}');
        expectWarning(result, "'t' already subscribes q; a second subscription delivers every message twice (remove one, or merge their filters)",
            { code: 'MQ044', ...at(result, 'subscribe q raw') });
        expect(withCode(result, 'MQ044')).toHaveLength(1);
    });

    test('the same email twice is a warning, different endpoints are fine', async () => {
        expectWarning(await validate('topic t { subscribe email "a@example.com"  subscribe email "a@example.com" }'), /already subscribes email "a@example.com"/, { code: 'MQ044' });
        expectNoIssues(await validate('topic t { subscribe email "a@example.com"  subscribe email "b@example.com" }'), { code: 'MQ044' });
    });
});

describe('MQ045 raw delivery on a protocol that does not support it', () => {
    test('raw on a function subscription is an error on the keyword', async () => {
        const result = await validate('function f { }\ntopic t { subscribe function f raw }');
        expectError(result, 'raw message delivery is not available for lambda subscriptions; SNS supports it only for SQS, HTTP/S and Firehose', { code: 'MQ045', ...at(result, 'raw') });
    });

    test('raw on SQS, HTTPS and Firehose subscriptions is fine', async () => {
        expectNoIssues(await validate(`queue q { }
firehose f { source: direct  destination: s3 "s3://b/p/" }
topic t { subscribe q raw  subscribe f raw  subscribe https "https://x.example.com" raw }`), { code: 'MQ045' });
    });
});
