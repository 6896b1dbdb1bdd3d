export type { FilterPolicyIssue, FilterPolicyScope, SnsFilterableMessage, SnsMessageAttributeValue } from './types.js';
export { validateFilterPolicy } from './validate.js';
export { measurePolicy, type PolicyComplexity } from './complexity.js';
export { parsePolicyInput } from './parse.js';
export {
    FILTER_POLICY_MAX_BYTES,
    FILTER_POLICY_MAX_COMBINATIONS,
    FILTER_POLICY_MAX_KEYS,
    NUMERIC_FILTER_DECIMALS,
    NUMERIC_FILTER_LIMIT
} from './limits.js';
export { compileFilterPolicy, explainFilterMismatch, matchesFilterPolicy, type CompiledFilterPolicy } from './match.js';
