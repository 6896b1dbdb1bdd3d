import type { ReferenceInfo, Scope } from 'langium';
import { DefaultScopeProvider } from 'langium';

/**
 * All MQ declarations are global (see MqScopeComputation), so a reference's scope is the workspace index
 * filtered by the reference's type. The default provider wraps that in a chain of per-container stream
 * scopes that are scanned linearly per reference, which makes linking quadratic in the file size; going
 * straight to the cached, name-indexed global scope keeps it linear.
 *
 * Names are unique per kind, not globally: `[Queue:Name]` only sees queues and `[Publishable:Name]` only
 * queues, topics, streams and firehoses, so a queue and a firehose may share a name.
 */
export class MqScopeProvider extends DefaultScopeProvider {

    override getScope(context: ReferenceInfo): Scope {
        return this.getGlobalScope(this.reflection.getReferenceType(context), context);
    }
}
