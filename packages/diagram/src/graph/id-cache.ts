/**
 * Stable, unique element ids. Ids are derived from kind and name so they survive edits elsewhere in
 * the document (the webview keeps selection and zoom across updates by id). Duplicate declarations
 * (reported by MQ004) still get distinct ids: the second one gets a `#2` suffix, in document order.
 */
export class IdCache {
    private readonly used = new Set<string>();

    uniqueId(proposal: string): string {
        let id = proposal;
        for (let n = 2; this.used.has(id); n++) id = `${proposal}#${n}`;
        this.used.add(id);
        return id;
    }

    has(id: string): boolean {
        return this.used.has(id);
    }
}
