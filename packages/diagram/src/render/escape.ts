// Characters XML 1.0 forbids outright (a document containing them is not well-formed even when escaped).
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Escapes text for XML content and attribute values (both quote styles). Every string that comes
 * from a document (names, endpoints, filter values, diagnostic messages) goes through here.
 */
export function escapeXml(text: string): string {
    return text.replace(INVALID_XML, '\uFFFD').replace(/[&<>"']/g, (char) => ENTITIES[char]);
}
