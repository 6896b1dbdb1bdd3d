export { FirehoseService } from './firehose-service.js';
export { FirehoseEngine } from './firehose-engine.js';
export type { FirehoseOptions, DirectPutQuota, DeliveryStream, IngestOutcome } from './firehose-engine.js';
export type { DeliveryConfig, DestinationKind } from './config.js';
export type { InjectedFailure } from './delivery-stream.js';
export type * from './delivery-log.js';
export type { FirehoseRecord } from './record.js';
export type * from './types.js';
