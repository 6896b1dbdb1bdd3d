import type { AstNodeDescription, LangiumDocument, URI } from 'langium';
import { Cancellation, DefaultIndexManager } from 'langium';

/**
 * The workspace index with one more view: exported symbols by name, kept up to date document by document.
 * The default global scope rebuilds a name map over every symbol of the workspace after each change (the
 * scope cache is cleared on every edit), which costs O(workspace) per keystroke; this view costs
 * O(edited document).
 */
export class MqIndexManager extends DefaultIndexManager {

    protected readonly symbolsByName = new Map<string, AstNodeDescription[]>();

    /** The first symbol called `name` whose type is `type` or a subtype of it (a union such as Publishable). */
    findElement(name: string, type: string): AstNodeDescription | undefined {
        return this.symbolsByName.get(name)?.find(description => this.astReflection.isSubtype(description.type, type));
    }

    findElements(name: string, type: string): AstNodeDescription[] {
        return (this.symbolsByName.get(name) ?? []).filter(description => this.astReflection.isSubtype(description.type, type));
    }

    override async updateContent(document: LangiumDocument, cancelToken: Cancellation.CancellationToken = Cancellation.CancellationToken.None): Promise<void> {
        const uri = document.uri.toString();
        const previous = this.symbolIndex.get(uri);
        // Only touch the name view once the new exports are known: a cancelled update leaves both views as they were.
        await super.updateContent(document, cancelToken);
        if (previous) this.forget(previous);
        for (const description of this.symbolIndex.get(uri) ?? []) {
            const list = this.symbolsByName.get(description.name);
            if (list) list.push(description); else this.symbolsByName.set(description.name, [description]);
        }
    }

    override removeContent(uri: URI): void {
        const previous = this.symbolIndex.get(uri.toString());
        if (previous) this.forget(previous);
        super.removeContent(uri);
    }

    protected forget(descriptions: readonly AstNodeDescription[]): void {
        for (const description of descriptions) {
            const list = this.symbolsByName.get(description.name);
            if (!list) continue;
            const remaining = list.filter(candidate => candidate !== description);
            if (remaining.length > 0) this.symbolsByName.set(description.name, remaining);
            else this.symbolsByName.delete(description.name);
        }
    }
}
