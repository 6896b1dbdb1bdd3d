export type { RuleCode, RuleInfo, RuleLevel, RuleSeverity } from './rule-catalogue.js';
export { isRuleCode, RULE_CODES, RULE_LEVELS, RULES, RULES_DOC_BASE, ruleHref, setRulesDocBase } from './rule-catalogue.js';
export type { ParsedRuleOverrides, RuleOverrides } from './rule-configuration.js';
export { parseRuleOption, parseRuleOverrides, RuleConfiguration, setRuleOverrides } from './rule-configuration.js';
