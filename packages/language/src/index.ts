export * from './mq-module.js';
export * from './model/index.js';
export { lowerModel } from './lowering/lower.js';
export { buildArchitecture, parseArchitecture } from './workspace/build.js';
export type { ArchitectureResult, BuildOptions } from './workspace/build.js';
export { applyRuleSeverities, codeOf, sortDiagnostics, toModelDiagnostics } from './workspace/diagnostics.js';
export type { RuleSeverities } from './workspace/diagnostics.js';
export * from './rules/index.js';
export * as ast from './generated/ast.js';
