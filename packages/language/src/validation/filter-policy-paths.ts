import type { AstNode } from 'langium';
import type { JsonMember, JsonObject, JsonValue } from '../generated/ast.js';
import { isJsonArray, isJsonObject } from '../generated/ast.js';

export interface PolicyLocation {
    node: AstNode;
    /** `key` when the path ends at an object member (highlight the key), else the whole value. */
    property?: 'key';
}

/**
 * Maps a filter-policy issue path (keys and array indexes from the policy root) to the JSON node the author
 * wrote, so the diagnostic underlines the offending key or value. Stops at the deepest node that exists.
 */
export function locatePolicyPath(policy: JsonObject, path: ReadonlyArray<string | number>): PolicyLocation {
    let current = policy as JsonValue;
    let location: PolicyLocation = { node: policy };
    for (const step of path) {
        if (typeof step === 'string' && isJsonObject(current)) {
            const member: JsonMember | undefined = current.members.find(candidate => candidate.key === step);
            if (!member) break;
            location = { node: member, property: 'key' };
            current = member.value;
        } else if (typeof step === 'number' && isJsonArray(current)) {
            const item: JsonValue | undefined = current.items[step];
            if (!item) break;
            location = { node: item };
            current = item;
        } else {
            break;
        }
    }
    return location;
}
