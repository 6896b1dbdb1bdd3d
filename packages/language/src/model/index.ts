export type * from './architecture-model.js';
export type * from './diagnostic.js';
export * from './metrics.js';
export * from './units.js';
export * from './limits.js';
export * from './endpoint-outages.js';
