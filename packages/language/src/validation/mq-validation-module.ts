/**
 * Wiring of the MQ rules: the services they need (rule configuration, the workspace index) and one registration
 * map from AST types to the checks of each concern-specific validator.
 */
import type { Module, ValidationChecks } from 'langium';
import type { LangiumServices, PartialLangiumServices } from 'langium/lsp';
import type { MqAstType } from '../generated/ast.js';
import { explainFilterMismatch, matchesFilterPolicy } from '../filter-policy/match.js';
import { MqCodeActionProvider } from '../lsp/mq-code-actions.js';
import { RuleConfiguration } from '../rules/rule-configuration.js';
import { DeadLetterValidator } from './dead-letter-validator.js';
import type { FilterPolicyMatcher } from './filter-policy-validator.js';
import { FilterPolicyValidator } from './filter-policy-validator.js';
import { LimitsValidator } from './limits-validator.js';
import { MqDocumentValidator } from './mq-document-validator.js';
import { NamesValidator } from './names-validator.js';
import { ProducersConsumersValidator } from './producers-consumers-validator.js';
import { ScenariosValidator } from './scenarios-validator.js';
import { combineChecks } from './sync-checks.js';
import { StreamsFirehoseValidator } from './streams-firehose-validator.js';
import { TopicsValidator } from './topics-validator.js';
import { UsageValidator } from './usage-validator.js';
import { WorkspaceFacts } from './workspace-facts.js';
import { revalidateWorkspaceOnChange } from './workspace-revalidation.js';

export interface MqValidationServices {
    validation: {
        RuleConfiguration: RuleConfiguration;
        WorkspaceFacts: WorkspaceFacts;
        /** SNS filter matching for MQ043 (replaceable, e.g. to compare against another implementation). */
        FilterPolicyMatcher: FilterPolicyMatcher;
    };
}

type ValidationContainer = LangiumServices & MqValidationServices;

export const MqValidationModule: Module<ValidationContainer, PartialLangiumServices & MqValidationServices> = {
    validation: {
        DocumentValidator: services => new MqDocumentValidator(services),
        RuleConfiguration: services => new RuleConfiguration(services.shared),
        WorkspaceFacts: services => new WorkspaceFacts(services),
        FilterPolicyMatcher: () => ({ matches: matchesFilterPolicy, explain: explainFilterMismatch })
    },
    lsp: {
        CodeActionProvider: services => new MqCodeActionProvider(services)
    }
};

/** Registers every MQ rule check, and keeps cross-file diagnostics fresh in the editor. */
export function registerMqValidationChecks(services: ValidationContainer): void {
    const facts = services.validation.WorkspaceFacts;
    const names = new NamesValidator(facts);
    const limits = new LimitsValidator();
    const topics = new TopicsValidator();
    const deadLetters = new DeadLetterValidator();
    const filters = new FilterPolicyValidator(facts, services.validation.FilterPolicyMatcher);
    const clients = new ProducersConsumersValidator(facts);
    const streams = new StreamsFirehoseValidator(facts);
    const usage = new UsageValidator(facts);
    const scenarios = new ScenariosValidator(facts);

    const checks: ValidationChecks<MqAstType> = {
        Declaration: [(node, accept) => names.checkNameFormat(node, accept), (node, accept) => names.checkUniqueName(node, accept)],
        Queue: [
            (node, accept) => names.checkFifoNaming(node, accept),
            (node, accept) => names.checkFifoOnlyProperties(node, accept),
            (node, accept) => usage.checkQueueUsed(node, accept)
        ],
        Topic: [
            (node, accept) => names.checkFifoNaming(node, accept),
            (node, accept) => names.checkFifoOnlyProperties(node, accept),
            (node, accept) => topics.checkDuplicateSubscriptions(node, accept),
            (node, accept) => usage.checkTopicUsed(node, accept)
        ],
        Stream: [(node, accept) => usage.checkStreamUsed(node, accept)],
        VisibilityProperty: [(node, accept) => limits.checkVisibility(node, accept)],
        RetentionProperty: [(node, accept) => limits.checkRetention(node, accept)],
        DelayProperty: [(node, accept) => limits.checkDelay(node, accept)],
        WaitProperty: [(node, accept) => limits.checkWait(node, accept)],
        MaxMessageSizeProperty: [(node, accept) => limits.checkMaxMessageSize(node, accept)],
        MaxRecordSizeProperty: [(node, accept) => limits.checkMaxRecordSize(node, accept)],
        SizeProperty: [(node, accept) => limits.checkProducerSize(node, accept)],
        DeadLetterProperty: [
            (node, accept) => limits.checkDeadLetterReceives(node, accept),
            (node, accept) => deadLetters.checkDeadLetterType(node, accept),
            (node, accept) => deadLetters.checkDeadLetterCycle(node, accept),
            (node, accept) => deadLetters.checkDeadLetterRetention(node, accept)
        ],
        BufferProperty: [(node, accept) => limits.checkBuffer(node, accept)],
        TransformProperty: [(node, accept) => limits.checkTransformBuffer(node, accept)],
        BatchProperty: [(node, accept) => limits.checkBatch(node, accept)],
        Subscription: [
            (node, accept) => topics.checkSubscriptionTarget(node, accept),
            (node, accept) => topics.checkSubscriptionDeadLetter(node, accept),
            (node, accept) => topics.checkEndpoint(node, accept),
            (node, accept) => topics.checkRawDelivery(node, accept),
            (node, accept) => filters.checkFilterPolicy(node, accept),
            (node, accept) => clients.checkFifoFanOutThroughput(node, accept)
        ],
        Producer: [
            (node, accept) => clients.checkFifoProducer(node, accept),
            (node, accept) => clients.checkFifoThroughput(node, accept),
            (node, accept) => streams.checkDirectPutToStreamFirehose(node, accept)
        ],
        Consumer: [
            (node, accept) => clients.checkVisibilityVersusProcessing(node, accept),
            (node, accept) => clients.checkFailuresWithoutDeadLetter(node, accept),
            (node, accept) => clients.checkInstances(node, accept),
            (node, accept) => clients.checkScaling(node, accept),
            (node, accept) => clients.checkTargetTracking(node, accept),
            (node, accept) => streams.checkSharedReaders(node, accept)
        ],
        CapacityProperty: [(node, accept) => streams.checkStreamCapacity(node, accept)],
        DestinationProperty: [(node, accept) => streams.checkRedshiftIntermediate(node, accept)],
        Expectation: [(node, accept) => scenarios.checkMetric(node, accept)],
        Surge: [(node, accept) => scenarios.checkWindow(node, accept)],
        Outage: [(node, accept) => scenarios.checkWindow(node, accept), (node, accept) => scenarios.checkOutageEndpoint(node, accept)]
    };
    services.validation.ValidationRegistry.register(combineChecks(checks));
    revalidateWorkspaceOnChange(services.shared);
}
