import { afterEach, describe, test } from 'vitest';
import { clearDocuments, expectHover } from 'langium/test';
import { createTestServices } from './services.js';

const { mq } = createTestServices();
const hover = expectHover(mq);

afterEach(() => clearDocuments(mq));

describe('hover', () => {
    test('a property keyword explains meaning, default, range and source', async () => {
        await hover({
            text: 'queue orders {\n  vis<|>ibility: 45s\n}',
            index: 0,
            hover: /^\*\*visibility\*\* — Visibility timeout.*\n\n- Default: `30s`\n- Range: `0s..12h`\n- Source: API-SQS CreateQueue\.Attributes VisibilityTimeout$/s
        });
    });

    test('the same keyword is documented per kind: retention of a stream is not that of a queue', async () => {
        await hover({ text: 'stream clicks {\n  <|>retention: 48h\n}', index: 0, hover: /- Default: `24h`\n- Range: `24h\.\.8760h`/ });
        await hover({ text: 'queue q {\n  <|>retention: 1d\n}', index: 0, hover: /- Default: `4d`\n- Range: `60s\.\.14d`/ });
    });

    test('a declared name shows the effective configuration, marking defaults', async () => {
        await hover({
            text: 'queue led<|>ger.fifo {\n  visibility: 45s\n  deduplication: content\n}',
            index: 0,
            hover: '**queue** `ledger.fifo` (FIFO)\n\n| property | value |\n|---|---|\n'
                + '| visibility | `45s` |\n| wait | `0s` *(default)* |\n| delay | `0s` *(default)* |\n| retention | `4d` *(default)* |\n'
                + '| max-message-size | `1MiB` *(default)* |\n| encryption | `sqs-managed` *(default)* |\n| deduplication | `content` |\n'
                + '| throughput | `per-queue` *(default)* |'
        });
    });

    test('a reference shows the configuration of what it names, in another kind than its neighbours', async () => {
        await hover({
            text: 'stream clicks {\n  capacity: provisioned 4 shards\n}\nconsumer dashboard {\n  read: cl<|>icks\n}',
            index: 0,
            hover: /\*\*stream\*\* `clicks`[\s\S]*\| capacity \| `provisioned 4 shards` \|[\s\S]*\| retention \| `24h` \*\(default\)\* \|[\s\S]*Write capacity: 4MiB\/s · 4,000 rec\/s$/
        });
    });

    test('metrics in expectations and scaling rules are explained', async () => {
        await hover({
            text: 'queue shipping { }\nscenario s {\n  expect shipping.age-of-<|>oldest < 5m\n}',
            index: 0,
            hover: /^\*\*age-of-oldest\*\* \(queue metric\) — age of the oldest message \(peak\)[\s\S]*CloudWatch: `ApproximateAgeOfOldestMessage`$/
        });
        await hover({
            text: 'consumer c {\n  scale-out: when vis<|>ible > 1000 for 1m add 2\n}',
            index: 0,
            hover: /^\*\*visible\*\* \(queue metric\)/
        });
    });

    test('a keyword value is explained by its property', async () => {
        await hover({ text: 'queue q {\n  encryption: sqs-man<|>aged\n}', index: 0, hover: /^\*\*encryption\*\* — Server-side encryption at rest\./ });
        await hover({ text: 'consumer c {\n  fan-out: enh<|>anced\n}', index: 0, hover: /^\*\*fan-out\*\*/ });
    });

    test('target-tracking explains the backlog per instance, the AWS recipe, its alarms and how it combines with step rules', async () => {
        const documented = new RegExp([
            /^\*\*target-tracking\*\* — Target tracking scaling \(queue consumers only\): keeps the backlog per instance/.source,
            /ApproximateNumberOfMessagesVisible ÷ the group's in-service instances/.source,
            /acceptable latency ÷ average processing time per message/.source,
            /AlarmHigh, 3 of 3 one-minute data points above the target, scales out in proportion/.source,
            /AlarmLow, 15 of 15 one-minute data points below 90 % of the target, scales in gradually/.source,
            /scales out if any policy says so and scales in only if all do/.source
        ].join('[\\s\\S]*'));
        await hover({ text: 'queue q { }\nconsumer c {\n  poll: q\n  target-trac<|>king: backlog-per-instance 100\n}', index: 0, hover: documented });
        await hover({ text: 'queue q { }\nconsumer c {\n  poll: q\n  target-tracking: backlog-per-<|>instance 100\n}', index: 0, hover: /^\*\*target-tracking\*\*/ });
    });

    test('scenario statements are documented too', async () => {
        await hover({ text: 'producer p { }\nscenario s {\n  su<|>rge p x2 from 1m for 1m\n}', index: 0, hover: /\*\*surge\*\* — Multiplies a producer's rate/ });
    });
});
