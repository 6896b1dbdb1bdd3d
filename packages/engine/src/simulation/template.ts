import type { TemplateValue } from '@mq-architect/language/model';
import type { Random } from '../core/random.js';

/**
 * Message templates: a producer's `message:` JSON with generator calls, compiled once into a closure tree
 * and evaluated per message.
 *
 * Generators (documented in docs/report-schema.md, "Workload model"):
 * - `uniform(a, b)`: an integer in [a, b] when both bounds are integers, else a number in [a, b) rounded to 2 decimals;
 * - `one-of(v1, v2, ...)`: one of the values, each equally likely;
 * - `uuid()`: a version-4 UUID drawn from the producer's seeded stream;
 * - `sequence()`: 1, 2, 3, ... counting per call site (each `sequence()` in a template has its own counter).
 */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

type Evaluator = (random: Random) => JsonValue;

export interface CompiledTemplate {
    /** Renders one message: the JSON value and its text (the message body). */
    render(random: Random): { value: JsonValue; body: string };
}

function literalNumber(value: TemplateValue | undefined): number | undefined {
    return value?.type === 'literal' && typeof value.value === 'number' ? value.value : undefined;
}

function compile(template: TemplateValue): Evaluator {
    switch (template.type) {
        case 'literal': {
            const value = template.value;
            return () => value;
        }
        case 'array': {
            const items = template.items.map(compile);
            return random => items.map(item => item(random));
        }
        case 'object': {
            const keys = template.fields.map(([key]) => key);
            const evaluators = template.fields.map(([, value]) => compile(value));
            const count = keys.length;
            return random => {
                const result: { [key: string]: JsonValue } = {};
                for (let i = 0; i < count; i++) result[keys[i]!] = evaluators[i]!(random);
                return result;
            };
        }
        case 'generator':
            return compileGenerator(template.name, template.args);
    }
}

function compileGenerator(name: string, args: TemplateValue[]): Evaluator {
    switch (name) {
        case 'uniform': {
            const a = literalNumber(args[0]) ?? 0;
            const b = literalNumber(args[1]) ?? a;
            const low = Math.min(a, b);
            const high = Math.max(a, b);
            if (Number.isInteger(low) && Number.isInteger(high)) return random => random.int(low, high);
            return random => Math.round(random.uniform(low, high) * 100) / 100;
        }
        case 'one-of': {
            const options = args.map(compile);
            if (options.length === 0) return () => null;
            return random => options[Math.floor(random.next() * options.length)]!(random);
        }
        case 'uuid':
            return random => random.uuid();
        case 'sequence': {
            let counter = 0;
            return () => ++counter;
        }
        default:
            return () => null;
    }
}

/** Compiles a producer's template; without one, each message is `{"sequence": n}`. */
export function compileTemplate(template: TemplateValue | undefined): CompiledTemplate {
    const evaluate = template ? compile(template) : compileGenerator('sequence', []);
    const wrap = template === undefined;
    return {
        render(random) {
            const produced = evaluate(random);
            const value: JsonValue = wrap ? { sequence: produced } : produced;
            return { value, body: typeof value === 'string' ? value : JSON.stringify(value) };
        }
    };
}

/** A top-level field of a rendered message as text (group ids, dedup ids, partition keys), or undefined. */
export function fieldText(value: JsonValue, field: string): string | undefined {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
    const found = value[field];
    if (found === undefined || found === null) return undefined;
    return typeof found === 'string' ? found : JSON.stringify(found);
}

/** SQS/SNS message attributes from top-level fields: numbers as `Number`, arrays as `String.Array`, the rest as `String`. */
export interface MessageAttributeValue {
    DataType: 'String' | 'Number' | 'String.Array';
    StringValue: string;
}

export function attributesFrom(value: JsonValue, fields: readonly string[]): Record<string, MessageAttributeValue> | undefined {
    if (fields.length === 0 || value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
    let result: Record<string, MessageAttributeValue> | undefined;
    for (const field of fields) {
        const found = value[field];
        if (found === undefined || found === null) continue;
        result ??= {};
        if (typeof found === 'number') result[field] = { DataType: 'Number', StringValue: String(found) };
        else if (Array.isArray(found)) result[field] = { DataType: 'String.Array', StringValue: JSON.stringify(found) };
        else result[field] = { DataType: 'String', StringValue: typeof found === 'string' ? found : JSON.stringify(found) };
    }
    return result;
}
