import type { SubscriptionProtocol } from './architecture-model.js';

/**
 * Subscription protocols whose endpoints live outside the model (a web hook, a mailbox, a phone, a device), so a
 * scenario names them by their address: `outage "https://hooks.example.com/orders" from 5m for 10m`. SQS, Lambda
 * and Firehose endpoints are declared resources (and SNS retries them for 23 days, longer than any scenario).
 */
export const ENDPOINT_OUTAGE_PROTOCOLS: readonly SubscriptionProtocol[] = ['http', 'https', 'email', 'email-json', 'sms', 'application'];

export function isEndpointOutageProtocol(protocol: SubscriptionProtocol): boolean {
    return ENDPOINT_OUTAGE_PROTOCOLS.includes(protocol);
}
