import type { GeneratorName, TemplateValue } from '../model/architecture-model.js';
import type { JsonValue } from '../generated/ast.js';
import { isGeneratorCall, isJsonArray, isJsonBoolean, isJsonNull, isJsonNumber, isJsonObject, isJsonString } from '../generated/ast.js';

export const GENERATOR_NAMES: readonly GeneratorName[] = ['uniform', 'one-of', 'uuid', 'sequence'];

/**
 * Plain JSON for a JSON literal (filter policies). Generator calls have no JSON meaning; they become
 * `undefined` (the validator reports them) so a broken policy never throws.
 */
export function toJson(value: JsonValue | undefined): unknown {
    if (value === undefined) return undefined;
    if (isJsonObject(value)) {
        const result: Record<string, unknown> = {};
        for (const member of value.members) result[member.key] = toJson(member.value);
        return result;
    }
    if (isJsonArray(value)) return value.items.map(toJson);
    if (isJsonString(value)) return value.value;
    if (isJsonNumber(value)) return value.value;
    if (isJsonBoolean(value)) return value.value;
    if (isJsonNull(value)) return null;
    return undefined;
}

/** A message template: JSON with generator calls. Unknown generators become `null` literals. */
export function toTemplate(value: JsonValue | undefined): TemplateValue {
    if (value === undefined || isJsonNull(value)) return { type: 'literal', value: null };
    if (isJsonObject(value)) {
        return { type: 'object', fields: value.members.map(member => [member.key, toTemplate(member.value)] as [string, TemplateValue]) };
    }
    if (isJsonArray(value)) return { type: 'array', items: value.items.map(toTemplate) };
    if (isJsonString(value) || isJsonNumber(value) || isJsonBoolean(value)) return { type: 'literal', value: value.value };
    if (isGeneratorCall(value) && (GENERATOR_NAMES as readonly string[]).includes(value.function)) {
        return { type: 'generator', name: value.function as GeneratorName, args: value.args.map(toTemplate) };
    }
    return { type: 'literal', value: null };
}
