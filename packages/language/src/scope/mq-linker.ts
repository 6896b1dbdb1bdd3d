import type { LangiumDocument } from 'langium';
import { AstUtils, Cancellation, DefaultLinker, interruptAndCheck } from 'langium';
import { referenceHolders } from './reference-holders.js';

/** Links only the nodes that can hold references, checking for cancellation every 200 nodes instead of on each. */
export class MqLinker extends DefaultLinker {

    override async link(document: LangiumDocument, cancelToken: Cancellation.CancellationToken = Cancellation.CancellationToken.None): Promise<void> {
        if (this.profiler?.isActive('linking')) return super.link(document, cancelToken);
        let count = 0;
        for (const node of referenceHolders(document.parseResult.value)) {
            if (++count % 200 === 0) await interruptAndCheck(cancelToken);
            AstUtils.streamReferences(node).forEach(reference => this.doLink(reference, document));
        }
    }
}
