/**
 * Representative messages of a producer, derived from its message template, for MQ043 ("this filter can
 * never match"). A generator stands for the values that matter to a filter: every `one-of` value, the
 * endpoints and middle of a `uniform` range plus the policy's own numbers inside it (and just beside them).
 * When the combinations explode, the producer counts as "unknown" and the rule stays silent.
 */
import type { JsonValue, Producer } from '../generated/ast.js';
import { isGeneratorCall, isJsonArray, isJsonBoolean, isJsonNull, isJsonNumber, isJsonObject, isJsonString } from '../generated/ast.js';
import { property } from './ast-queries.js';

export type SampleValue = string | number | boolean | null | SampleValue[] | { [key: string]: SampleValue };

const MAX_SAMPLES = 4096;
const SAMPLE_UUID = '3f2b8c1e-5d4a-4b7e-9c6f-1a2b3c4d5e6f';
const EPSILON = 1e-3;

export interface SampleOptions {
    /** Numbers written in the filter policy: values a uniform range is sampled at when they fall inside it. */
    interestingNumbers: readonly number[];
}

/** All sample messages of a producer, or undefined when it has no template or too many combinations. */
export function sampleMessages(producer: Producer, options: SampleOptions): Array<Record<string, SampleValue>> | undefined {
    const template = property(producer.properties, 'message')?.value;
    if (!template) return undefined;
    const samples = samplesOf(template, options);
    return samples?.filter((sample): sample is Record<string, SampleValue> => typeof sample === 'object' && sample !== null && !Array.isArray(sample));
}

function samplesOf(value: JsonValue, options: SampleOptions): SampleValue[] | undefined {
    if (isJsonString(value) || isJsonNumber(value)) return [value.value];
    if (isJsonBoolean(value)) return [value.value];
    if (isJsonNull(value)) return [null];
    if (isJsonArray(value)) {
        const items = value.items.map(item => samplesOf(item, options)?.[0] ?? null);
        return [items];
    }
    if (isJsonObject(value)) {
        let partial: Array<Record<string, SampleValue>> = [{}];
        for (const member of value.members) {
            const choices = samplesOf(member.value, options);
            if (!choices || partial.length * choices.length > MAX_SAMPLES) return undefined;
            partial = partial.flatMap(prefix => choices.map(choice => ({ ...prefix, [member.key]: choice })));
        }
        return partial;
    }
    if (isGeneratorCall(value)) {
        switch (value.function) {
            case 'one-of': {
                const all: SampleValue[] = [];
                for (const arg of value.args) {
                    const choices = samplesOf(arg, options);
                    if (!choices) return undefined;
                    all.push(...choices);
                }
                return all;
            }
            case 'uniform': {
                const [low, high] = value.args.map(arg => (isJsonNumber(arg) ? arg.value : undefined));
                if (low === undefined || high === undefined) return undefined;
                const [min, max] = low <= high ? [low, high] : [high, low];
                const inside = options.interestingNumbers
                    .flatMap(n => [n - EPSILON, n, n + EPSILON])
                    .filter(n => n >= min && n <= max);
                return [...new Set([min, max, (min + max) / 2, ...inside])];
            }
            case 'uuid': return [SAMPLE_UUID];
            case 'sequence': return [1];
            default: return undefined;
        }
    }
    return undefined;
}
