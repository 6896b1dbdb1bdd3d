import { isOrOperator } from './operators.js';
import { isPlainObject } from './types.js';

/** A leaf of one AND-combination: which top-level key it hangs under, how deep it is, how many values it lists. */
interface LeafWeight {
    topKey: string;
    depth: number;
    values: number;
}

/** Expanding `$or` multiplies combinations; past this many the policy is too complex whatever the weights. */
const MAX_EXPANDED_COMBINATIONS = 1000;

export interface PolicyComplexity {
    /** Most top-level keys used by any single AND-combination after `$or` expansion. */
    maxKeys: number;
    /**
     * AWS's "total combinations": per AND-combination the product of (values × nesting depth) over its leaves,
     * summed over the `$or` alternatives ([SNS-DG] subscription-filter-policy-constraints).
     */
    combinations: number;
}

/** Computes the figures behind the 5-key and 150-combination limits for a structurally valid policy. */
export function measurePolicy(policy: Record<string, unknown>): PolicyComplexity {
    const alternatives = expand(policy, 1, undefined);
    if (alternatives === undefined) {
        return { maxKeys: 0, combinations: Number.POSITIVE_INFINITY };
    }
    let maxKeys = 0;
    let combinations = 0;
    for (const leaves of alternatives) {
        maxKeys = Math.max(maxKeys, new Set(leaves.map(leaf => leaf.topKey)).size);
        combinations += leaves.reduce((product, leaf) => product * leaf.values * leaf.depth, 1);
    }
    return { maxKeys, combinations };
}

function expand(node: Record<string, unknown>, depth: number, topKey: string | undefined): LeafWeight[][] | undefined {
    let result: LeafWeight[][] = [[]];
    for (const [key, value] of Object.entries(node)) {
        let options: LeafWeight[][] | undefined;
        if (isOrOperator(key, value)) {
            options = [];
            for (const branch of value) {
                const branchOptions = expand(branch, depth, topKey);
                if (!branchOptions) {
                    return undefined;
                }
                options.push(...branchOptions);
            }
        } else if (Array.isArray(value)) {
            options = [[{ topKey: topKey ?? key, depth, values: value.length }]];
        } else if (isPlainObject(value)) {
            options = expand(value, depth + 1, topKey ?? key);
        } else {
            options = [[{ topKey: topKey ?? key, depth, values: 1 }]];
        }
        if (!options) {
            return undefined;
        }
        const next: LeafWeight[][] = [];
        for (const prefix of result) {
            for (const option of options) {
                next.push([...prefix, ...option]);
            }
        }
        if (next.length > MAX_EXPANDED_COMBINATIONS) {
            return undefined;
        }
        result = next;
    }
    return result;
}
