import { expectError, expectNoIssues, expectWarning } from 'langium/test';
import { describe, expect, test } from 'vitest';
import { after, at, validate, validateWorkspace, withCode } from './helpers.js';

describe('MQ050 producer throughput exceeds stream write capacity', () => {
    test('2,500 records/s on 2 shards is a warning on the shard count proposing 3', async () => {
        const result = await validate('stream s { capacity: provisioned 2 shards }\nproducer p { publish: s  rate: 2500/s  size: 100B }');
        expectWarning(result, /producers write 2,500 records\/s and 0\.25 MB\/s to stream 's', but 2 shards accept 2,000 records\/s and 2 MiB\/s \(Kinesis write limit per shard: 1 MiB\/s and 1,000 records\/s\); 3 shards are needed/,
            { code: 'MQ050', ...at(result, '2') });
        expect(withCode(result, 'MQ050')[0]?.data).toEqual({ code: 'MQ050', shards: 3 });
    });

    test('bytes count too: 100 records/s of 100KiB need 10 shards', async () => {
        const result = await validate('stream s { capacity: provisioned 1 shard }\nproducer p { publish: s  rate: 100/s  size: 100KiB }');
        expect(withCode(result, 'MQ050')[0]?.data).toEqual({ code: 'MQ050', shards: 10 });
    });

    test('producers in other files count', async () => {
        const result = await validateWorkspace('stream s { capacity: provisioned 1 shard }\nproducer p { publish: s  rate: 800/s  size: 100B }',
            'producer other { publish: s  rate: 800/s  size: 100B }');
        expectWarning(result, /1,600 records\/s/, { code: 'MQ050' });
    });

    test('enough shards, or on-demand capacity, is fine', async () => {
        expectNoIssues(await validate('stream s { capacity: provisioned 4 shards }\nproducer p { publish: s  rate: 2000/s  size: 500B }'), { code: 'MQ050' });
        expectNoIssues(await validate('stream s { capacity: on-demand }\nproducer p { publish: s  rate: 20000/s  size: 500B }'), { code: 'MQ050' });
    });
});

describe('MQ051 more than 5 shared-throughput consumers on a stream', () => {
    const readers = (count: number, extra = '') => Array.from({ length: count }, (_, i) => `consumer c${i + 1} { read: s${i === count - 1 ? extra : ''} }`).join('\n');

    test('the sixth shared reader is warned and told to use enhanced fan-out', async () => {
        const result = await validate(`stream s { }\n${readers(6)}`);
        expect(withCode(result, 'MQ051')).toHaveLength(1);
        expectWarning(result, /'c6' is shared-throughput reader 6 of 6 on stream 's'; shared readers split 2 MiB\/s and 5 GetRecords calls\/s per shard.*set fan-out: enhanced/,
            { code: 'MQ051', ...after(result, 'c6 { read: ', 's') });
    });

    test('five shared readers, or a sixth with enhanced fan-out, are fine', async () => {
        expectNoIssues(await validate(`stream s { }\n${readers(5)}`), { code: 'MQ051' });
        expectNoIssues(await validate(`stream s { }\n${readers(6, '  fan-out: enhanced')}`), { code: 'MQ051' });
    });
});

describe('MQ060 a producer publishes directly to a firehose whose source is a stream', () => {
    test('is an error on the publish target', async () => {
        const result = await validate('stream s { }\nfirehose f { source: s  destination: s3 "s3://b/p/" }\nproducer p { publish: f }');
        expectError(result, "firehose 'f' reads from stream 's', so it rejects direct puts; publish to stream 's' instead, or make 'f' source: direct",
            { code: 'MQ060', ...at(result, 'f', 2) });
    });

    test('a direct-put firehose is fine', async () => {
        expectNoIssues(await validate('firehose f { source: direct  destination: s3 "s3://b/p/" }\nproducer p { publish: f }'), { code: 'MQ060' });
    });
});

describe('MQ061 a redshift destination without an s3 intermediate bucket', () => {
    test('is an error on the destination type', async () => {
        const result = await validate('firehose f { source: direct  destination: redshift "jdbc:redshift://c:5439/db" }');
        expectError(result, /a redshift destination needs an intermediate S3 bucket \(Firehose stages the data in S3, then runs COPY\)/, { code: 'MQ061', ...at(result, 'redshift') });
    });

    test('with via s3 it is fine', async () => {
        expectNoIssues(await validate('firehose f { source: direct  destination: redshift "jdbc:redshift://c:5439/db" via s3 "s3://stage/" }'), { code: 'MQ061' });
    });
});
