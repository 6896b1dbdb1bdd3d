import { expectError, expectNoIssues } from 'langium/test';
import { describe, test } from 'vitest';
import { after, at, validate, validateWorkspace } from './helpers.js';

const architecture = `queue shipping { }
producer checkout { publish: shipping  rate: 10/s }
consumer shippers { poll: shipping }
`;

describe('MQ080 scenario names an unknown resource or metric, or a window beyond its duration', () => {
    test('an unknown resource in expect is MQ080 with a suggestion', async () => {
        const result = await validate(`${architecture}scenario s { duration: 10m  expect shiping.visible == 0 }`);
        expectError(result, "no queue, topic, stream, function, firehose, producer or consumer named 'shiping' (did you mean 'shipping'?)", { code: 'MQ080', ...at(result, 'shiping') });
    });

    test('surge of a consumer is a wrong-kind reference reported as MQ080', async () => {
        const result = await validate(`${architecture}scenario s { duration: 10m  surge shippers x2 from 1m for 1m }`);
        expectError(result, "'shippers' is a consumer; surge needs a producer", { code: 'MQ080' });
    });

    test('an unknown metric lists the metrics of that kind', async () => {
        const result = await validate(`${architecture}scenario s { duration: 10m  expect shipping.depth < 5 }`);
        expectError(result, /'depth' is not a queue metric; queue 'shipping' has visible, in-flight, delayed, age-of-oldest/, { code: 'MQ080', ...at(result, 'depth') });
    });

    test('the value must be in the unit of the metric', async () => {
        const result = await validate(`${architecture}scenario s { duration: 10m  expect shipping.age-of-oldest < 5MiB }`);
        expectError(result, "'age-of-oldest' is a duration; compare it with a duration like 5m or 500ms, not 5MiB", { code: 'MQ080', ...at(result, '5MiB') });
        expectError(await validate(`${architecture}scenario s { duration: 10m  expect shipping.visible < 5m }`), /'visible' is a count/, { code: 'MQ080' });
        expectNoIssues(await validate(`${architecture}scenario s { duration: 10m  expect checkout.rate > 5/s  expect shipping.visible == 0 }`), { code: 'MQ080' });
    });

    test('a window that ends after the duration is an error on its length', async () => {
        const result = await validate(`${architecture}scenario s { duration: 10m  outage shippers from 8m for 5m }`);
        expectError(result, "outage window 8m..13m ends after the scenario's duration 10m; windows must lie within 0s..10m", { code: 'MQ080', ...after(result, 'from 8m for ', '5m') });
    });

    test('a window that starts after the duration is an error on its start', async () => {
        const result = await validate(`${architecture}scenario s { duration: 10m  surge checkout x2 from 12m for 1m }`);
        expectError(result, /starts after the scenario's duration 10m/, { code: 'MQ080', ...at(result, '12m') });
    });

    test('known resources, metrics and windows inside the duration are fine', async () => {
        expectNoIssues(await validate(`${architecture}scenario s {
  duration: 15m
  surge checkout x20 from 2m for 1m
  outage shippers from 5m for 2m
  expect shipping.age-of-oldest < 5m
  expect no-loss
}`), { code: 'MQ080' });
    });

    test('a stream has the expired metric (records trimmed by retention before being read); a queue metric on a stream is refused', async () => {
        const streams = 'stream clicks { capacity: provisioned 1 shards }\nproducer web { publish: clicks  rate: 1/s }\n';
        expectNoIssues(await validate(`${streams}scenario s { expect clicks.expired == 0 }`), { code: 'MQ080' });
        const result = await validate(`${streams}scenario s { expect clicks.visible == 0 }`);
        expectError(result, /'visible' is not a stream metric; stream 'clicks' has .*expired/, { code: 'MQ080', ...at(result, 'visible') });
    });
});

describe('MQ080 an outage of a subscription endpoint names the address of a subscription', () => {
    const topic = `topic purchases {
  subscribe https "https://hooks.example.com/orders"
  subscribe email "ops@example.com"
}
producer checkout { publish: purchases  rate: 10/s }
`;

    test('a quoted outage target that no subscription delivers to is MQ080 on the string, with a suggestion', async () => {
        const result = await validate(`${topic}scenario s { duration: 10m  outage "https://hooks.example.com/order" from 1m for 1m }`);
        expectError(result,
            'no topic subscribes the endpoint "https://hooks.example.com/order" (did you mean "https://hooks.example.com/orders"?); ' +
            'a quoted outage target must be the address of an http, https, email, email-json, sms or application subscription ' +
            '(write a consumer, function, firehose or producer by its name, without quotes)',
            { code: 'MQ080', ...at(result, '"https://hooks.example.com/order"') });
    });

    test('a quoted name of a declared consumer is not an endpoint', async () => {
        const result = await validate(`${architecture}scenario s { duration: 10m  outage "shippers" from 1m for 1m }`);
        expectError(result, /no topic subscribes the endpoint "shippers"; a quoted outage target must be/, { code: 'MQ080', ...at(result, '"shippers"') });
    });

    test('the https and email endpoints of subscriptions can be taken down', async () => {
        expectNoIssues(await validate(`${topic}scenario s {
  duration: 10m
  outage "https://hooks.example.com/orders" from 5m for 2m
  outage "ops@example.com" from 1m for 1m
}`), { code: 'MQ080' });
    });

    test('the subscription may be declared in another file of the workspace', async () => {
        expectNoIssues(await validateWorkspace(`scenario s { duration: 10m  outage "https://hooks.example.com/orders" from 5m for 2m }`, topic), { code: 'MQ080' });
    });
});
