export { matchesFilterPolicy } from '@mq-architect/language/filter-policy';
