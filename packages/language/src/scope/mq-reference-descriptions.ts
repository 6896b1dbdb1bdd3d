import type { LangiumDocument, ReferenceDescription } from 'langium';
import { AstUtils, Cancellation, DefaultReferenceDescriptionProvider, interruptAndCheck } from 'langium';
import { referenceHolders } from './reference-holders.js';

/** Indexes the references of a document (for find-references and rename) without walking JSON subtrees. */
export class MqReferenceDescriptionProvider extends DefaultReferenceDescriptionProvider {

    override async createDescriptions(document: LangiumDocument, cancelToken: Cancellation.CancellationToken = Cancellation.CancellationToken.None): Promise<ReferenceDescription[]> {
        const descriptions: ReferenceDescription[] = [];
        let count = 0;
        for (const node of referenceHolders(document.parseResult.value)) {
            if (++count % 200 === 0) await interruptAndCheck(cancelToken);
            AstUtils.streamReferences(node).forEach(reference => {
                if (!reference.reference.error) descriptions.push(...this.createInfoDescriptions(reference));
            });
        }
        return descriptions;
    }
}
