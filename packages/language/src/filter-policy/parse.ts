import { FILTER_POLICY_MAX_BYTES } from './limits.js';
import type { FilterPolicyIssue } from './types.js';

export type ParsedPolicy = { ok: true; policy: unknown; bytes: number } | { ok: false; issue: FilterPolicyIssue };

const encoder = new TextEncoder();

/** Accepts a policy as parsed JSON or as JSON text (AWS's own encoding of the FilterPolicy attribute). */
export function parsePolicyInput(input: unknown): ParsedPolicy {
    if (typeof input === 'string') {
        const bytes = encoder.encode(input).length;
        if (bytes > FILTER_POLICY_MAX_BYTES) {
            return { ok: false, issue: tooLarge(bytes) };
        }
        try {
            return { ok: true, policy: JSON.parse(input) as unknown, bytes };
        } catch (error) {
            const reason = error instanceof Error ? error.message : String(error);
            return { ok: false, issue: { message: `Filter policy is not valid JSON: ${reason}`, path: [] } };
        }
    }
    let bytes = 0;
    try {
        bytes = encoder.encode(JSON.stringify(input) ?? '').length;
    } catch {
        return { ok: false, issue: { message: 'Filter policy must be a JSON object', path: [] } };
    }
    if (bytes > FILTER_POLICY_MAX_BYTES) {
        return { ok: false, issue: tooLarge(bytes) };
    }
    return { ok: true, policy: input, bytes };
}

function tooLarge(bytes: number): FilterPolicyIssue {
    return {
        message: `Filter policy is too large: ${bytes} bytes (the limit is ${FILTER_POLICY_MAX_BYTES} bytes, 256 KB)`,
        path: []
    };
}
