import { expectError, expectNoIssues } from 'langium/test';
import { describe, expect, test } from 'vitest';
import { at, validate, withCode } from './helpers.js';

describe('MQ010 visibility outside 0s..12h', () => {
    test('13h is an error on the value that names the allowed range and the SQS setting', async () => {
        const result = await validate('queue q { visibility: 13h }');
        expectError(result, 'visibility 13h is outside 0s..12h (SQS VisibilityTimeout, 0..43,200 s)', { code: 'MQ010', ...at(result, '13h') });
        expect(withCode(result, 'MQ010')[0]?.data).toEqual({ code: 'MQ010', replacement: '12h' });
    });

    test('0s and 12h are allowed', async () => {
        expectNoIssues(await validate('queue a { visibility: 0s }\nqueue b { visibility: 12h }'), { code: 'MQ010' });
    });
});

describe('MQ011 retention outside the service range', () => {
    test('a queue keeps messages 60s..14d', async () => {
        const short = await validate('queue q { retention: 30s }');
        expectError(short, 'retention 30s is outside 1m..14d (SQS MessageRetentionPeriod, 60..1,209,600 s)', { code: 'MQ011', ...at(short, '30s') });
        expectError(await validate('queue q { retention: 15d }'), /retention 15d is outside 1m\.\.14d/, { code: 'MQ011' });
        expectNoIssues(await validate('queue a { retention: 60s }\nqueue b { retention: 14d }'), { code: 'MQ011' });
    });

    test('a stream keeps records 24h..8760h', async () => {
        expectError(await validate('stream s { retention: 12h }'), 'retention 12h is outside 1d..365d (Kinesis RetentionPeriodHours, 24..8,760 h)', { code: 'MQ011' });
        expectNoIssues(await validate('stream s { retention: 8760h }'), { code: 'MQ011' });
    });
});

describe('MQ012 delay outside 0s..15m', () => {
    test('16m is an error, 15m is fine', async () => {
        const result = await validate('queue q { delay: 16m }');
        expectError(result, 'delay 16m is outside 0s..15m (SQS DelaySeconds, 0..900 s)', { code: 'MQ012', ...at(result, '16m') });
        expectNoIssues(await validate('queue q { delay: 15m }'), { code: 'MQ012' });
    });
});

describe('MQ013 wait outside 0s..20s', () => {
    test('a queue wait of 21s is an error', async () => {
        expectError(await validate('queue q { wait: 21s }'), /wait 21s is outside 0s\.\.20s/, { code: 'MQ013' });
    });

    test('a consumer wait of 30s is an error, 20s is fine', async () => {
        const result = await validate('queue q { }\nconsumer c { poll: q  wait: 30s }');
        expectError(result, /wait 30s is outside 0s\.\.20s/, { code: 'MQ013', ...at(result, '30s') });
        expectNoIssues(await validate('queue q { wait: 20s }\nconsumer c { poll: q  wait: 20s }'), { code: 'MQ013' });
    });
});

describe('MQ014 message or record size outside the service limit', () => {
    test('max-message-size must lie within 1KiB..1MiB', async () => {
        expectError(await validate('queue q { max-message-size: 2MiB }'), 'max-message-size 2MiB is outside 1KiB..1MiB (SQS MaximumMessageSize, 1,024..1,048,576 B)', { code: 'MQ014' });
        expectError(await validate('queue q { max-message-size: 512B }'), /outside 1KiB\.\.1MiB/, { code: 'MQ014' });
        expectNoIssues(await validate('queue q { max-message-size: 1MiB }'), { code: 'MQ014' });
    });

    test('a producer to a topic may send at most 256 KB (SNS did not get the 1 MiB raise)', async () => {
        const result = await validate('topic t { }\nproducer p { publish: t  size: 300KB }');
        expectError(result, /size 300KB is outside 1B\.\.256KiB \(SNS Publish message size, at most 262,144 B\)/, { code: 'MQ014', ...at(result, '300KB') });
        expectNoIssues(await validate('topic t { }\nproducer p { publish: t  size: 256KiB }'), { code: 'MQ014' });
    });

    test("a producer to a queue may send up to the queue's max-message-size", async () => {
        expectError(await validate('queue q { max-message-size: 64KiB }\nproducer p { publish: q  size: 65KiB }'), /outside 1B\.\.64KiB/, { code: 'MQ014' });
        expectNoIssues(await validate('queue q { }\nproducer p { publish: q  size: 1MiB }'), { code: 'MQ014' });
    });

    test('a stream record is at most 1 MiB by default, a firehose record at most 1,000 KiB', async () => {
        expectError(await validate('stream s { }\nproducer p { publish: s  size: 2MiB }'), /outside 1B\.\.1MiB/, { code: 'MQ014' });
        expectNoIssues(await validate('stream s { max-record-size: 4MiB }\nproducer p { publish: s  size: 2MiB }'), { code: 'MQ014' });
        expectError(await validate('firehose f { source: direct }\nproducer p { publish: f  size: 1MiB }'), /outside 1B\.\.1000KiB/, { code: 'MQ014' });
    });

    test('max-record-size must lie within 1MiB..10MiB', async () => {
        expectError(await validate('stream s { max-record-size: 20MiB }'), /max-record-size 20MiB is outside 1MiB\.\.10MiB/, { code: 'MQ014' });
    });
});

describe('MQ015 dead-letter receives outside 1..1000', () => {
    test('0 receives is an error on the number, 1000 is fine', async () => {
        const result = await validate('queue q { dead-letter: d after 0 receives }\nqueue d { }');
        expectError(result, 'dead-letter receives 0 is outside 1..1000 (SQS RedrivePolicy maxReceiveCount)', { code: 'MQ015', ...at(result, '0') });
        expectNoIssues(await validate('queue q { dead-letter: d after 1000 receives }\nqueue d { }'), { code: 'MQ015' });
    });
});

describe('MQ016 Firehose buffer size or interval outside the service range', () => {
    test('a 200MiB buffer and a 901s interval are both errors', async () => {
        const result = await validate('firehose f { source: direct  buffer: 200MiB or 901s }');
        expectError(result, 'buffer size 200MiB is outside 1MiB..128MiB (Firehose BufferingHints SizeInMBs, 1..128 MiB)', { code: 'MQ016', ...at(result, '200MiB') });
        expectError(result, 'buffer interval 901s is outside 0s..15m (Firehose BufferingHints IntervalInSeconds, 0..900 s)', { code: 'MQ016', ...at(result, '901s') });
    });

    test('zero buffering (0s) and 128MiB are allowed', async () => {
        expectNoIssues(await validate('firehose f { source: direct  buffer: 128MiB or 0s }'), { code: 'MQ016' });
    });

    test('a transform buffer must lie within 0.2..3 MB', async () => {
        expectError(await validate('function fn { }\nfirehose f { source: direct  transform: fn buffer 5MB or 60s }'), /transform buffer size 5MB is outside 200KB\.\.3MB/, { code: 'MQ016' });
        expectNoIssues(await validate('function fn { }\nfirehose f { source: direct  transform: fn buffer 1MB or 60s }'), { code: 'MQ016' });
    });
});

describe('MQ017 batch outside 1..10 (SQS) or 1..10000 (stream)', () => {
    test('an SQS consumer receives at most 10 messages per call', async () => {
        const result = await validate('queue q { }\nconsumer c { poll: q  batch: 11 }');
        expectError(result, 'batch 11 is outside 1..10 (SQS ReceiveMessage MaxNumberOfMessages)', { code: 'MQ017', ...at(result, '11') });
        expectNoIssues(await validate('queue q { }\nconsumer c { poll: q  batch: 10 }'), { code: 'MQ017' });
    });

    test('a stream consumer reads at most 10,000 records per GetRecords', async () => {
        expectNoIssues(await validate('stream s { }\nconsumer c { read: s  batch: 500 }'), { code: 'MQ017' });
        expectError(await validate('stream s { }\nconsumer c { read: s  batch: 10001 }'), /batch 10001 is outside 1\.\.10000 \(Kinesis GetRecords Limit\)/, { code: 'MQ017' });
    });
});
