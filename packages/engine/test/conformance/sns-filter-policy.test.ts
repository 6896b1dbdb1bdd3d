import { afterAll, describe, expect, it } from 'vitest';
import { readConformance } from './cases.js';
import { createCloud, isAwsError, matchesFilterPolicy } from '../../src/index.js';

interface FilterCase {
    id: string;
    scope: 'MessageAttributes' | 'MessageBody';
    policy: unknown;
    attributes?: Record<string, { Type: string; Value: string }>;
    body?: unknown;
    rawBody?: string;
    match: boolean;
    note?: string;
    confidence?: 'medium' | 'disputed';
}

const { cases } = readConformance<{ cases: FilterCase[] }>('sns-filter-policy.json');

/** The case as an SNS Publish request: attributes become MessageAttributes, the body the Message string. */
function publishOf(testCase: FilterCase) {
    const attributes = Object.entries(testCase.attributes ?? {});
    const message = testCase.rawBody ?? (testCase.body !== undefined ? JSON.stringify(testCase.body) : 'message');
    return {
        Message: message,
        ...(attributes.length > 0
            ? { MessageAttributes: Object.fromEntries(attributes.map(([name, a]) => [name, { DataType: a.Type, StringValue: a.Value }])) }
            : {})
    };
}

const disputedOutcomes: string[] = [];

describe('SNS filter policy conformance (shared/conformance/sns-filter-policy.json)', () => {
    it('has the 87 shared cases', () => {
        expect(cases.length).toBe(87);
    });

    for (const testCase of cases.filter(c => c.confidence !== 'disputed')) {
        it(`${testCase.id}: ${testCase.match ? 'delivers' : 'filters out'} (${testCase.note ?? ''})`, () => {
            expect(matchesFilterPolicy(testCase.policy, testCase.scope, publishOf(testCase))).toBe(testCase.match);
        });
    }

    for (const testCase of cases.filter(c => c.confidence === 'disputed')) {
        it(`${testCase.id} (disputed, reported only)`, () => {
            const actual = matchesFilterPolicy(testCase.policy, testCase.scope, publishOf(testCase));
            disputedOutcomes.push(`${testCase.id}: expected ${testCase.match}, engine ${actual}${actual === testCase.match ? '' : ' (DIFFERS)'}`);
        });
    }

    afterAll(() => {
        if (disputedOutcomes.length > 0) {
            console.info(`Disputed SNS filter cases:\n  ${disputedOutcomes.join('\n  ')}`);
        }
    });
});

/**
 * The same cases through the AWS-shaped API: a topic, an SQS subscription with the case's FilterPolicy and
 * FilterPolicyScope (given as JSON text, as AWS receives it), a Publish, and a look at the queue.
 */
async function deliveredThroughCloud(testCase: FilterCase): Promise<{ delivered: boolean; publishError?: string }> {
    const cloud = createCloud({ seed: 1 });
    const { TopicArn } = await cloud.sns.createTopic({ Name: 'conformance' });
    const { QueueUrl } = await cloud.sqs.createQueue({ QueueName: 'subscriber' });
    const { Attributes } = await cloud.sqs.getQueueAttributes({ QueueUrl, AttributeNames: ['QueueArn'] });
    await cloud.sns.subscribe({
        TopicArn, Protocol: 'sqs', Endpoint: Attributes['QueueArn']!,
        Attributes: { FilterPolicy: JSON.stringify(testCase.policy), FilterPolicyScope: testCase.scope, RawMessageDelivery: 'true' }
    });
    try {
        await cloud.sns.publish({ TopicArn, ...publishOf(testCase) });
    } catch (error) {
        if (!isAwsError(error)) throw error;
        return { delivered: false, publishError: `${error.code}: ${error.message}` };
    }
    const { Messages } = await cloud.sqs.receiveMessage({ QueueUrl, WaitTimeSeconds: 0 });
    return { delivered: Messages.length === 1 };
}

const disputedThroughCloud: string[] = [];

describe('SNS filter policy conformance through cloud.sns (Subscribe + Publish + SQS)', () => {
    for (const testCase of cases.filter(c => c.confidence !== 'disputed')) {
        it(`${testCase.id}: ${testCase.match ? 'delivered' : 'not delivered'}`, async () => {
            const outcome = await deliveredThroughCloud(testCase);
            expect(outcome.delivered, outcome.publishError).toBe(testCase.match);
        });
    }

    for (const testCase of cases.filter(c => c.confidence === 'disputed')) {
        it(`${testCase.id} (disputed, reported only)`, async () => {
            const { delivered } = await deliveredThroughCloud(testCase);
            disputedThroughCloud.push(`${testCase.id}: expected ${testCase.match}, engine ${delivered}${delivered === testCase.match ? '' : ' (DIFFERS)'}`);
        });
    }

    afterAll(() => {
        if (disputedThroughCloud.length > 0) {
            console.info(`Disputed SNS filter cases through cloud.sns:\n  ${disputedThroughCloud.join('\n  ')}`);
        }
    });
});
