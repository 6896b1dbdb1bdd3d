import type { TemplateValue } from '@mq-architect/language/model';
import type { Random } from '../core/random.js';
import { hasInvalidBodyCharacters } from '../sqs/validation.js';

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

/** A rendered message: its body text and its top-level fields (for keys and attributes). */
export interface RenderedMessage {
    readonly body: string;
    /** A top-level field of an object message, or undefined. */
    field(name: string): JsonValue | undefined;
}

export interface CompiledTemplate {
    render(random: Random): RenderedMessage;
    /**
     * Every body this template renders consists of characters SQS accepts (its literal strings were
     * checked once at compile time; generated values are digits, hex and the like), so sends may skip
     * the per-message check.
     */
    readonly bodyIsSqsSafe: boolean;
}

/** A template node: how to draw its value and how that value is written as JSON. */
interface Node {
    evaluate: Evaluator;
    json: (value: JsonValue) => string;
}


const generic = (value: JsonValue): string => JSON.stringify(value);
// Strings with nothing to escape (UUIDs, or literals checked at compile time) are quoted directly.
const plainString = (value: JsonValue): string => '"' + (value as string) + '"';
// Finite numbers print the same in JSON as in String().
const plainNumber = (value: JsonValue): string => String(value);

function needsNoEscape(text: string): boolean {
    return JSON.stringify(text) === '"' + text + '"';
}

function literalNumber(value: TemplateValue | undefined): number | undefined {
    return value?.type === 'literal' && typeof value.value === 'number' ? value.value : undefined;
}

class Compiler {
    /** False once a literal string with a character SQS refuses is seen. */
    sqsSafe = true;

    compile(template: TemplateValue): Node {
        switch (template.type) {
            case 'literal': {
                const value = template.value;
                if (typeof value === 'string' && hasInvalidBodyCharacters(value)) this.sqsSafe = false;
                const text = JSON.stringify(value);
                return { evaluate: () => value, json: () => text };
            }
            case 'array': {
                const items = template.items.map(item => this.compile(item).evaluate);
                return { evaluate: random => items.map(item => item(random)), json: generic };
            }
            case 'object': {
                const keys = template.fields.map(([key]) => key);
                for (const key of keys) if (hasInvalidBodyCharacters(key)) this.sqsSafe = false;
                const evaluators = template.fields.map(([, value]) => this.compile(value).evaluate);
                const count = keys.length;
                return {
                    evaluate: random => {
                        const result: { [key: string]: JsonValue } = {};
                        for (let i = 0; i < count; i++) result[keys[i]!] = evaluators[i]!(random);
                        return result;
                    },
                    json: generic
                };
            }
            case 'generator':
                return this.generator(template.name, template.args);
        }
    }

    generator(name: string, args: TemplateValue[]): Node {
        switch (name) {
            case 'uniform': {
                const a = literalNumber(args[0]) ?? 0;
                const b = literalNumber(args[1]) ?? a;
                const low = Math.min(a, b);
                const high = Math.max(a, b);
                if (Number.isInteger(low) && Number.isInteger(high)) return { evaluate: random => random.int(low, high), json: plainNumber };
                return { evaluate: random => Math.round(random.uniform(low, high) * 100) / 100, json: plainNumber };
            }
            case 'one-of': {
                const options = args.map(arg => this.compile(arg));
                if (options.length === 0) return { evaluate: () => null, json: () => 'null' };
                if (args.every(arg => arg.type === 'literal')) {
                    // Literal choices (the usual case) are picked from an array, without a call per option.
                    const values = args.map(arg => (arg as { value: JsonValue }).value);
                    const count = values.length;
                    const plainChoices = values.every(value => typeof value === 'string' && needsNoEscape(value));
                    return { evaluate: random => values[Math.floor(random.next() * count)]!, json: plainChoices ? plainString : generic };
                }
                const evaluators = options.map(option => option.evaluate);
                return { evaluate: random => evaluators[Math.floor(random.next() * evaluators.length)]!(random), json: generic };
            }
            case 'uuid':
                return { evaluate: random => random.uuid(), json: plainString };
            case 'sequence': {
                let counter = 0;
                return { evaluate: () => ++counter, json: plainNumber };
            }
            default:
                return { evaluate: () => null, json: () => 'null' };
        }
    }
}

/** An object message: top-level values by position, the body written piece by piece. */
class RenderedObject implements RenderedMessage {
    constructor(readonly body: string, private readonly index: ReadonlyMap<string, number>, private readonly values: JsonValue[]) {}

    field(name: string): JsonValue | undefined {
        const at = this.index.get(name);
        return at === undefined ? undefined : this.values[at];
    }
}

class RenderedValue implements RenderedMessage {
    constructor(readonly body: string, private readonly value: JsonValue) {}

    field(name: string): JsonValue | undefined {
        const value = this.value;
        if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
        return value[name];
    }
}

/**
 * Compiles a producer's template; without one, each message is `{"sequence": n}`. An object template
 * (the usual case) renders its top-level fields into an array and writes the body from pieces prepared
 * at compile time, rather than building an object and serializing it per message.
 */
export function compileTemplate(template: TemplateValue | undefined): CompiledTemplate {
    const compiler = new Compiler();
    const objectTemplate: TemplateValue | undefined = template === undefined
        ? { type: 'object', fields: [['sequence', { type: 'generator', name: 'sequence', args: [] }]] } as TemplateValue
        : template;
    if (objectTemplate.type !== 'object') {
        const node = compiler.compile(objectTemplate);
        return {
            // A scalar body may be empty or a generated string: leave it to the queue to check.
            bodyIsSqsSafe: false,
            render(random) {
                const value = node.evaluate(random);
                return new RenderedValue(typeof value === 'string' ? value : node.json(value), value);
            }
        };
    }
    const fields = objectTemplate.fields;
    const index = new Map<string, number>();
    // JSON keeps the last of repeated keys, at the position of the first.
    const keyOrder: string[] = [];
    for (const [key] of fields) if (!index.has(key)) {
        index.set(key, keyOrder.length);
        keyOrder.push(key);
    }
    const nodes = fields.map(([key, value]) => {
        if (hasInvalidBodyCharacters(key)) compiler.sqsSafe = false;
        return { slot: index.get(key)!, node: compiler.compile(value) };
    });
    const prefixes = keyOrder.map((key, i) => (i === 0 ? '{' : ',') + JSON.stringify(key) + ':');
    const writers: ((value: JsonValue) => string)[] = keyOrder.map(() => generic);
    for (const { slot, node } of nodes) writers[slot] = node.json;
    const count = keyOrder.length;
    return {
        bodyIsSqsSafe: compiler.sqsSafe,
        render(random) {
            const values: JsonValue[] = new Array(count);
            for (const { slot, node } of nodes) values[slot] = node.evaluate(random);
            if (count === 0) return new RenderedObject('{}', index, values);
            let body = '';
            for (let i = 0; i < count; i++) body += prefixes[i]! + writers[i]!(values[i]!);
            return new RenderedObject(body + '}', index, values);
        }
    };
}

/** A top-level field of a rendered message as text (group ids, dedup ids, partition keys), or undefined. */
export function fieldText(message: RenderedMessage, field: string): string | undefined {
    const found = message.field(field);
    if (found === undefined || found === null) return undefined;
    return typeof found === 'string' ? found : JSON.stringify(found);
}

/** SQS/SNS message attributes from top-level fields: numbers as `Number`, arrays as `String.Array`, the rest as `String`. */
export interface MessageAttributeValue {
    DataType: 'String' | 'Number' | 'String.Array';
    StringValue: string;
}

export function attributesFrom(message: RenderedMessage, fields: readonly string[]): Record<string, MessageAttributeValue> | undefined {
    if (fields.length === 0) return undefined;
    let result: Record<string, MessageAttributeValue> | undefined;
    for (const field of fields) {
        const found = message.field(field);
        if (found === undefined || found === null) continue;
        result ??= {};
        if (typeof found === 'number') result[field] = { DataType: 'Number', StringValue: String(found) };
        else if (Array.isArray(found)) result[field] = { DataType: 'String.Array', StringValue: JSON.stringify(found) };
        else result[field] = { DataType: 'String', StringValue: typeof found === 'string' ? found : JSON.stringify(found) };
    }
    return result;
}
