import type { LangiumSharedCoreServices } from 'langium';
import { DocumentState } from 'langium';

/**
 * Cross-file rules (MQ004, MQ025, MQ043, MQ050, MQ051, MQ071) make a document's diagnostics depend on other
 * documents it does not reference: a producer added in b.mq makes the queue in a.mq "used". Langium only
 * rebuilds documents that reference a changed one, so on every update we send all other validated documents
 * back through validation (not through parsing or linking, which stay cached). Changing `mq.rules` does the same.
 */
export function revalidateWorkspaceOnChange(shared: LangiumSharedCoreServices): void {
    const documents = shared.workspace.LangiumDocuments;
    const builder = shared.workspace.DocumentBuilder;
    const sendBackToValidation = () => {
        for (const document of documents.all) {
            if (document.state >= DocumentState.Validated) builder.resetToState(document, DocumentState.IndexedReferences);
        }
    };
    builder.onUpdate((changed, deleted) => {
        if (changed.length + deleted.length > 0) sendBackToValidation();
    });
    shared.workspace.ConfigurationProvider.onConfigurationSectionUpdate(update => {
        if (update.section !== 'mq') return;
        // Through the workspace lock, like document changes: never rebuild in the middle of another build.
        void shared.workspace.WorkspaceLock.write(token => {
            sendBackToValidation();
            return builder.update([], [], token);
        });
    });
}
