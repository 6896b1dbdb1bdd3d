/**
 * MQ040 (and MQ080 inside scenarios): Langium's "Could not resolve reference to Queue named 'x'" becomes a
 * message that says what the name is instead ("'purchases' is a topic; poll: needs a queue") or what was
 * probably meant ("no queue named 'shiping' (did you mean 'shipping'?)").
 */
import type { AstNode, AstReflection, LinkingError } from 'langium';
import { AstUtils } from 'langium';
import { isScenario, isSubscription } from '../generated/ast.js';
import type { RuleCode } from '../rules/rule-catalogue.js';
import type { DeclarationKind } from './ast-queries.js';
import { withArticle } from './ast-queries.js';
import { closest } from './did-you-mean.js';
import type { WorkspaceFacts } from './workspace-facts.js';
import { declarationKey } from './workspace-facts.js';

const KINDS_BY_TYPE: Readonly<Record<string, readonly DeclarationKind[]>> = {
    Queue: ['queue'],
    Topic: ['topic'],
    Stream: ['stream'],
    LambdaFunction: ['function'],
    Firehose: ['firehose'],
    Producer: ['producer'],
    Consumer: ['consumer'],
    Subscribable: ['queue', 'function', 'firehose'],
    Publishable: ['topic', 'queue', 'stream', 'firehose'],
    OutageTarget: ['consumer', 'function', 'firehose', 'producer'],
    Resource: ['queue', 'topic', 'stream', 'function', 'firehose', 'producer', 'consumer']
};

const ALL_KINDS: readonly DeclarationKind[] = ['queue', 'topic', 'stream', 'function', 'firehose', 'producer', 'consumer', 'scenario'];

export interface ReferenceProblem {
    code: RuleCode;
    message: string;
    /** The closest name of an acceptable kind, for a future "replace with" fix. */
    suggestion?: string;
}

function oneOf(kinds: readonly string[]): string {
    return kinds.length <= 1 ? kinds.join('') : `${kinds.slice(0, -1).join(', ')} or ${kinds[kinds.length - 1]}`;
}

/** A protocol word narrows what `subscribe WORD NAME` may name (the scope provider narrows the same way). */
const SUBSCRIBE_PROTOCOL_KINDS: Readonly<Record<string, readonly DeclarationKind[]>> = {
    queue: ['queue'], sqs: ['queue'], function: ['function'], lambda: ['function'], firehose: ['firehose']
};

function expectedKinds(container: AstNode, property: string, referenceType: string): readonly DeclarationKind[] {
    if (isSubscription(container) && property === 'target' && container.protocol) {
        return SUBSCRIBE_PROTOCOL_KINDS[container.protocol] ?? KINDS_BY_TYPE[referenceType] ?? [];
    }
    return KINDS_BY_TYPE[referenceType] ?? [];
}

/** `poll:`, `subscribe`, `surge` … : the words the author wrote before the name. */
function referenceLabel(container: AstNode, property: string): string {
    if (isSubscription(container)) {
        if (property === 'deadLetter') return 'dead-letter';
        return container.protocol ? `subscribe ${container.protocol}` : 'subscribe';
    }
    const key = (container as AstNode & { key?: unknown }).key;
    if (typeof key !== 'string') return property;
    return ['surge', 'outage', 'expect'].includes(key) ? key : `${key}:`;
}

export class ReferenceDiagnostics {
    constructor(protected readonly reflection: AstReflection, protected readonly facts: WorkspaceFacts) {}

    describe(error: LinkingError): ReferenceProblem {
        const { container, property, reference } = error.info;
        const name = reference.$refText;
        const code: RuleCode = AstUtils.getContainerOfType(container, isScenario) ? 'MQ080' : 'MQ040';
        const expected = expectedKinds(container, property, this.reflection.getReferenceType(error.info));
        const declarations = this.facts.index.declarations;
        const label = referenceLabel(container, property);
        const actual = ALL_KINDS.find(kind => declarations.get(declarationKey(kind, name)).length > 0);
        if (actual && !expected.includes(actual)) {
            return { code, message: `'${name}' is ${withArticle(actual)}; ${label} needs ${withArticle(oneOf(expected))}` };
        }
        const candidates = expected.flatMap(kind => declarations.keys()
            .filter(key => key.startsWith(`${kind}:`))
            .map(key => key.slice(kind.length + 1))
            .filter(candidate => candidate !== name)
            .toArray());
        const suggestion = closest(name, candidates);
        const expectedText = expected.length > 0 ? oneOf(expected) : 'declaration';
        return {
            code,
            message: `no ${expectedText} named '${name}'` + (suggestion ? ` (did you mean '${suggestion}'?)` : ' in the workspace'),
            suggestion
        };
    }
}
