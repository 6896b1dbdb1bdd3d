import { expectError, expectNoIssues, expectWarning } from 'langium/test';
import { describe, expect, test } from 'vitest';
import { after, at, validate, validateWorkspace, withCode } from './helpers.js';

describe('MQ042 filter policy invalid', () => {
    test('an unknown operator is an error on the operator name', async () => {
        const result = await validate('queue q { }\ntopic t { subscribe q filter attributes { "kind": [{"wildcard": "a*"}] } }');
        const [error] = withCode(result, 'MQ042');
        expect(error?.message).toMatch(/^invalid filter policy \(MessageAttributes scope\): .*wildcard/);
        expectError(result, /wildcard/, { code: 'MQ042', ...at(result, '"wildcard"') });
    });

    test('nested keys are not allowed in attributes scope but are in body scope', async () => {
        const nested = '{ "order": { "kind": ["a"] } }';
        expectError(await validate(`queue q { }\ntopic t { subscribe q filter attributes ${nested} }`), /nested/i, { code: 'MQ042' });
        expectNoIssues(await validate(`queue q { }\ntopic t { subscribe q filter body ${nested} }`), { code: 'MQ042' });
    });

    test('a bad numeric range is an error', async () => {
        const result = await validate('queue q { }\ntopic t { subscribe q filter attributes { "amount": [{"numeric": [">", 10, "<", 5]}] } }');
        expectError(result, /Bottom must be less than top/, { code: 'MQ042' });
    });

    test('more than 5 keys is over the complexity limit', async () => {
        const keys = Array.from({ length: 6 }, (_, i) => `"k${i}": ["v"]`).join(', ');
        expectError(await validate(`queue q { }\ntopic t { subscribe q filter attributes { ${keys} } }`), /more than 5 keys/, { code: 'MQ042' });
    });

    test('a generator in a filter policy is an error', async () => {
        const result = await validate('queue q { }\ntopic t { subscribe q filter attributes { "kind": [one-of("a")] } }');
        expectError(result, /one-of\(\) is a message-template generator; a filter policy is plain JSON/, { code: 'MQ042' });
    });

    test("the tour's policy is valid", async () => {
        expectNoIssues(await validate(`queue q { }
topic t { subscribe q filter attributes {
    "eventType": ["order_placed", "order_updated"],
    "amount": [{"numeric": [">", 100]}],
    "country": [{"anything-but": ["test"]}]
} }`), { code: 'MQ042' });
    });
});

describe('MQ043 filter policy never matches any published message', () => {
    const producer = `producer checkout { publish: purchases
  message: { "eventType": one-of("order_placed", "order_updated"), "amount": uniform(5, 500), "country": one-of("KR", "US") }
  attributes: [eventType, amount, country] }`;

    test('a value no producer sends is a warning on the policy', async () => {
        const result = await validate(`queue q { }\ntopic purchases { subscribe q filter attributes { "eventType": ["order_cancelled"] } }\n${producer}`);
        expectWarning(result, /this filter never matches: none of \d+ representative messages of 'checkout' publishing to 'purchases' passes it \(for example, a message of 'checkout': eventType [^)]*order_placed[^)]*\)/,
            { code: 'MQ043', ...after(result, 'filter attributes ', '{ "eventType": ["order_cancelled"] }') });
    });

    test('a numeric range outside the uniform range never matches; one inside it does', async () => {
        expectWarning(await validate(`queue q { }\ntopic purchases { subscribe q filter attributes { "amount": [{"numeric": [">", 1000]}] } }\n${producer}`), /never matches/, { code: 'MQ043' });
        expectNoIssues(await validate(`queue q { }\ntopic purchases { subscribe q filter attributes { "amount": [{"numeric": [">", 100, "<", 101]}] } }\n${producer}`), { code: 'MQ043' });
    });

    test('attribute scope only sees the fields listed in attributes:', async () => {
        const result = await validate(`queue q { }
topic purchases { subscribe q filter attributes { "country": ["KR"] } }
producer p { publish: purchases  message: { "country": "KR" } }`);
        expectWarning(result, /'country' is in no producer's attributes:, so never a message attribute/, { code: 'MQ043' });
    });

    test('body scope matches the message template itself', async () => {
        expectNoIssues(await validate(`queue q { }
topic purchases { subscribe q filter body { "country": ["KR"] } }
producer p { publish: purchases  message: { "country": one-of("KR", "US") } }`), { code: 'MQ043' });
    });

    test('producers in other files are considered', async () => {
        const result = await validateWorkspace('queue q { }\ntopic purchases { subscribe q filter attributes { "eventType": ["order_placed"] } }', producer);
        expectNoIssues(result, { code: 'MQ043' });
        const none = await validateWorkspace('queue q { }\ntopic purchases { subscribe q filter attributes { "eventType": ["refund"] } }', producer);
        expectWarning(none, /never matches/, { code: 'MQ043' });
    });

    test('no producers, or a producer without a template, says nothing', async () => {
        expectNoIssues(await validate('queue q { }\ntopic purchases { subscribe q filter attributes { "eventType": ["x"] } }'), { code: 'MQ043' });
        expectNoIssues(await validate('queue q { }\ntopic purchases { subscribe q filter attributes { "eventType": ["x"] } }\nproducer p { publish: purchases }'), { code: 'MQ043' });
    });
});
