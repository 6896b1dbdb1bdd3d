export { SnsService, type SnsOptions } from './sns-service.js';
export type { RecordedDelivery, SnsCounters, SnsDeliveryEvent } from './events.js';
export type { EndpointFailureKind } from './failures.js';
export { firehosePort, sqsPort, type FirehoseLike, type SnsDeliveryPorts, type SqsDeliveryRequest, type SqsLike } from './ports.js';
export {
    AWS_MANAGED_RETRY_POLICY, CUSTOMER_MANAGED_RETRY_POLICY, HTTP_DEFAULT_RETRY_POLICY, retryDelayMs, totalRetries, totalRetryTimeMs,
    type RetryPolicy
} from './retry-policy.js';
export type * from './types.js';
