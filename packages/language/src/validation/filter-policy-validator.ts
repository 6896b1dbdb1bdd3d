import type { ValidationAcceptor } from 'langium';
import { AstUtils } from 'langium';
import type { GeneratorCall, JsonObject, Producer, Subscription } from '../generated/ast.js';
import { isGeneratorCall } from '../generated/ast.js';
import { validateFilterPolicy } from '../filter-policy/validate.js';
import type { FilterPolicyScope, SnsFilterableMessage, SnsMessageAttributeValue } from '../filter-policy/types.js';
import { toJson } from '../lowering/json.js';
import { property } from './ast-queries.js';
import { locatePolicyPath } from './filter-policy-paths.js';
import type { SampleValue } from './message-samples.js';
import { sampleMessages } from './message-samples.js';
import { report } from './report.js';
import type { WorkspaceFacts } from './workspace-facts.js';

/** SNS filter matching (the filter-policy module's matcher): would SNS deliver `message`, and if not, why. */
export interface FilterPolicyMatcher {
    matches(policy: unknown, scope: FilterPolicyScope, message: SnsFilterableMessage): boolean;
    explain?(policy: unknown, scope: FilterPolicyScope, message: SnsFilterableMessage): string | undefined;
}

export function policyScope(subscription: Subscription): FilterPolicyScope {
    return subscription.scope === 'body' ? 'MessageBody' : 'MessageAttributes';
}

/** MQ042 (SNS would reject the policy) and MQ043 (no message any producer sends can pass it). */
export class FilterPolicyValidator {
    /** Sample messages per producer node and set of policy numbers; a changed document brings new nodes. */
    protected readonly samples = new WeakMap<Producer, Map<string, SnsFilterableMessage[] | undefined>>();
    protected readonly samplesByText = new Map<string, Map<string, SnsFilterableMessage[] | undefined>>();

    /**
     * What a policy node says on its own (its JSON, generator calls, MQ042 issues): a node never changes, and the
     * documents revalidated after an edit elsewhere keep theirs, so each policy is converted and checked once.
     */
    protected readonly policies = new WeakMap<JsonObject, PolicyFacts>();
    /** The MQ043 message per subscription, valid while the same producer nodes publish to its topic. */
    protected readonly verdicts = new WeakMap<Subscription, { producers: readonly Producer[]; message: string | undefined }>();

    constructor(protected readonly facts: WorkspaceFacts, protected readonly matcher?: FilterPolicyMatcher) {}

    protected factsOf(policy: JsonObject, scope: FilterPolicyScope): PolicyFacts {
        let facts = this.policies.get(policy);
        if (!facts) {
            const generators = AstUtils.streamAst(policy).filter(isGeneratorCall).toArray();
            const json = toJson(policy);
            facts = { generators, json, issues: generators.length > 0 ? [] : validateFilterPolicy(json, scope) };
            this.policies.set(policy, facts);
        }
        return facts;
    }

    checkFilterPolicy(subscription: Subscription, accept: ValidationAcceptor): void {
        const policy = subscription.policy;
        if (!policy) return;
        const scope = policyScope(subscription);
        const { generators, issues } = this.factsOf(policy, scope);
        for (const generator of generators) {
            report(accept, 'MQ042',
                `${generator.function}() is a message-template generator; a filter policy is plain JSON (strings, numbers, booleans, null, objects, arrays)`,
                { node: generator });
        }
        if (generators.length > 0) return;
        for (const issue of issues) {
            const location = locatePolicyPath(policy, issue.path);
            report(accept, 'MQ042', `invalid filter policy (${scope} scope): ${issue.message}`,
                location.property ? { node: location.node, property: location.property as never } : { node: location.node });
        }
        if (issues.length === 0) this.checkPolicyCanMatch(subscription, accept);
    }

    /** The producer's sample messages as SNS would see them, computed once per producer and set of policy numbers. */
    protected messagesOf(producer: Producer, interestingNumbers: readonly number[]): SnsFilterableMessage[] | undefined {
        let perNumbers = this.samples.get(producer);
        if (!perNumbers) {
            // A producer written exactly as before (and parsed without errors, so its AST follows from its text
            // alone) has the same samples: a re-parsed document keeps those of its unchanged producers.
            const text = sourceTextOf(producer);
            perNumbers = text === undefined ? undefined : this.samplesByText.get(text);
            if (!perNumbers) {
                perNumbers = new Map();
                if (text !== undefined) {
                    if (this.samplesByText.size >= 10_000) this.samplesByText.clear();
                    this.samplesByText.set(text, perNumbers);
                }
            }
            this.samples.set(producer, perNumbers);
        }
        const key = [...new Set(interestingNumbers)].sort((a, b) => a - b).join(',');
        if (!perNumbers.has(key)) {
            perNumbers.set(key, sampleMessages(producer, { interestingNumbers })?.map(sample => toSnsMessage(producer, sample)));
        }
        return perNumbers.get(key);
    }

    protected checkPolicyCanMatch(subscription: Subscription, accept: ValidationAcceptor): void {
        const producers = this.facts.index.producersByTarget.get(subscription.$container);
        if (!this.matcher || !subscription.policy || producers.length === 0) return;
        let verdict = this.verdicts.get(subscription);
        if (!verdict || !sameNodes(verdict.producers, producers)) {
            verdict = { producers: [...producers], message: this.neverMatches(subscription, subscription.policy, producers, this.matcher) };
            this.verdicts.set(subscription, verdict);
        }
        if (verdict.message !== undefined) report(accept, 'MQ043', verdict.message, { node: subscription, property: 'policy' });
    }

    /** Why no sample message of `producers` passes the policy, or undefined when one does (or nothing is provable). */
    protected neverMatches(subscription: Subscription, policyNode: JsonObject, producers: readonly Producer[], matcher: FilterPolicyMatcher): string | undefined {
        const topic = subscription.$container;
        const scope = policyScope(subscription);
        const policy = this.factsOf(policyNode, scope).json;
        const interestingNumbers = collectNumbers(policy);
        let checked = 0;
        let example: { producer: Producer; message: SnsFilterableMessage } | undefined;
        for (const producer of producers) {
            const messages = this.messagesOf(producer, interestingNumbers);
            // Without a template (or with too many combinations) we cannot prove anything: stay silent.
            if (!messages) return undefined;
            for (const message of messages) {
                checked++;
                if (matcher.matches(policy, scope, message)) return undefined;
                example ??= { producer, message };
            }
        }
        const reason = example && matcher.explain?.(policy, scope, example.message);
        const because = reason && example ? ` (for example, a message of '${example.producer.name}': ${reason})` : '';
        const names = producers.map(p => `'${p.name}'`).join(', ');
        const sent = new Set(producers.flatMap(p => property(p.properties, 'attributes')?.fields ?? []));
        const unsent = scope === 'MessageAttributes' && typeof policy === 'object' && policy !== null
            ? Object.keys(policy).filter(key => key !== '$or' && !sent.has(key))
            : [];
        const hint = unsent.length > 0
            ? `; ${unsent.map(key => `'${key}'`).join(', ')} ${unsent.length === 1 ? 'is' : 'are'} in no producer's attributes:, so never a message attribute`
            : '';
        return `this filter never matches: none of ${checked} representative messages of ${names} publishing to '${topic.name}' passes it${because}${hint}; ` +
            `the subscription would receive nothing`;
    }
}

interface PolicyFacts {
    generators: GeneratorCall[];
    json: unknown;
    issues: ReturnType<typeof validateFilterPolicy>;
}

/** The producer's source text when its document parsed cleanly, else undefined (recovered ASTs are not keyed). */
function sourceTextOf(producer: Producer): string | undefined {
    const parsed = AstUtils.findRootNode(producer).$document?.parseResult;
    if (!parsed || parsed.lexerErrors.length > 0 || parsed.parserErrors.length > 0) return undefined;
    return producer.$cstNode?.text;
}

function sameNodes(a: readonly Producer[], b: readonly Producer[]): boolean {
    return a.length === b.length && a.every((node, i) => node === b[i]);
}

function toSnsMessage(producer: Producer, sample: Record<string, SampleValue>): SnsFilterableMessage {
    const attributes: Record<string, SnsMessageAttributeValue> = {};
    for (const field of property(producer.properties, 'attributes')?.fields ?? []) {
        const value = sample[field];
        if (value === undefined || value === null) continue;
        if (typeof value === 'number') attributes[field] = { DataType: 'Number', StringValue: String(value) };
        else if (Array.isArray(value)) attributes[field] = { DataType: 'String.Array', StringValue: JSON.stringify(value) };
        else attributes[field] = { DataType: 'String', StringValue: typeof value === 'string' ? value : JSON.stringify(value) };
    }
    return { Message: JSON.stringify(sample), MessageAttributes: attributes };
}

function collectNumbers(value: unknown, into: number[] = []): number[] {
    if (typeof value === 'number') into.push(value);
    else if (Array.isArray(value)) value.forEach(item => collectNumbers(item, into));
    else if (typeof value === 'object' && value !== null) Object.values(value).forEach(item => collectNumbers(item, into));
    return into;
}
