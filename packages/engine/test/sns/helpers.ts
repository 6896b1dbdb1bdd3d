import { createCloud, type Cloud } from '../../src/cloud.js';
import type { SnsOptions, SnsService } from '../../src/sns/index.js';

export interface SnsTestCloud {
    cloud: Cloud;
    sns: SnsService;
    queueArn(name: string): string;
    /** Creates a queue (FIFO when the name ends in .fifo) and returns its URL and ARN. */
    queue(name: string, attributes?: Record<string, string>): Promise<{ url: string; arn: string }>;
    /** Every message body currently visible in the queue (receives with visibility 0, so nothing changes). */
    bodies(url: string): Promise<string[]>;
}

/** A cloud from createCloud, whose SNS delivers to its SQS and Firehose. */
export function snsCloud(options: SnsOptions = {}): SnsTestCloud {
    const cloud = createCloud({ seed: 7, sns: options });
    const sns = cloud.sns;
    const queueArn = (name: string) => `arn:aws:sqs:${cloud.context.region}:${cloud.context.accountId}:${name}`;
    return {
        cloud,
        sns,
        queueArn,
        async queue(name, attributes = {}) {
            const fifo = name.endsWith('.fifo');
            const { QueueUrl } = await cloud.sqs.createQueue({
                QueueName: name,
                Attributes: { ...(fifo ? { FifoQueue: 'true' } : {}), ...attributes }
            });
            return { url: QueueUrl, arn: queueArn(name) };
        },
        async bodies(url) {
            const out: string[] = [];
            for (;;) {
                const { Messages } = await cloud.sqs.receiveMessage({ QueueUrl: url, MaxNumberOfMessages: 10, WaitTimeSeconds: 0, VisibilityTimeout: 300 });
                if (!Messages || Messages.length === 0) break;
                out.push(...Messages.map(m => m.Body));
            }
            return out;
        }
    };
}
