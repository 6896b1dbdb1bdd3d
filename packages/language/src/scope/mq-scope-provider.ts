import type { ReferenceInfo, Scope } from 'langium';
import { DefaultScopeProvider } from 'langium';
import { Firehose, LambdaFunction, Queue, isSubscription } from '../generated/ast.js';
import { MqIndexManager } from './mq-index-manager.js';
import { NameIndexScope } from './name-index-scope.js';

/** `subscribe firehose archive` names a firehose even when a queue is also called `archive`. */
const SUBSCRIPTION_TARGET_TYPE: Readonly<Record<string, string>> = {
    queue: Queue.$type,
    sqs: Queue.$type,
    function: LambdaFunction.$type,
    lambda: LambdaFunction.$type,
    firehose: Firehose.$type
};

/**
 * All MQ declarations are global (see MqScopeComputation), so a reference's scope is the workspace index
 * filtered by the reference's type. The default provider wraps that in a chain of per-container stream
 * scopes that are scanned linearly per reference, which makes linking quadratic in the file size; going
 * straight to the cached, name-indexed global scope keeps it linear.
 *
 * Names are unique per kind, not globally: `[Queue:Name]` only sees queues and `[Publishable:Name]` only
 * queues, topics, streams and firehoses, so a queue and a firehose may share a name. Where the text says
 * which kind it means (the protocol word of a subscription), the scope is narrowed to that kind.
 *
 * With the MQ index manager the global scopes are live views over its by-name index, so nothing is
 * rebuilt when a document changes.
 */
export class MqScopeProvider extends DefaultScopeProvider {

    protected readonly liveScopes = new Map<string, Scope>();

    protected override getGlobalScope(referenceType: string, context: ReferenceInfo): Scope {
        if (!(this.indexManager instanceof MqIndexManager)) return super.getGlobalScope(referenceType, context);
        let scope = this.liveScopes.get(referenceType);
        if (!scope) {
            scope = new NameIndexScope(this.indexManager, referenceType);
            this.liveScopes.set(referenceType, scope);
        }
        return scope;
    }

    override getScope(context: ReferenceInfo): Scope {
        const container = context.container;
        if (isSubscription(container) && context.property === 'target' && container.protocol) {
            const type = SUBSCRIPTION_TARGET_TYPE[container.protocol];
            if (type) return this.getGlobalScope(type, context);
        }
        return this.getGlobalScope(this.reflection.getReferenceType(context), context);
    }
}
