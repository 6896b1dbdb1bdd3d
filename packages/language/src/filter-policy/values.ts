import type { JsonValue, SnsFilterableMessage, SnsMessageAttributeValue } from './types.js';

export type ValuePredicate = (value: JsonValue) => boolean;

/** Where a compiled policy reads leaf values from: the message attributes or the parsed JSON body. */
export interface ValueSource {
    /** True when some leaf value at `path` satisfies `predicate` (arrays at any level are traversed). */
    some(path: string, predicate: ValuePredicate): boolean;
    /** All leaf values at `path`, for explanations. */
    values(path: string): JsonValue[];
    /** `exists: false` needs at least one message attribute in MessageAttributes scope ([SNS-DG] attribute-key-matching). */
    readonly allowsExistsFalse: boolean;
}

/** Flattens nested arrays into `out`, dropping objects: only scalars are leaf values. */
function pushLeaves(value: JsonValue, out: JsonValue[]): void {
    if (Array.isArray(value)) {
        for (const element of value) {
            pushLeaves(element, out);
        }
    } else if (value === null || typeof value !== 'object') {
        out.push(value);
    }
}

/**
 * SNS sees attributes as typed values: Number as a number, String.Array as the JSON array it holds (a value that
 * is not a JSON array yields nothing), String as a string. Binary attributes take no part in matching.
 */
export function attributeLeafValues(attribute: SnsMessageAttributeValue): JsonValue[] | undefined {
    const dataType = attribute.DataType ?? 'String';
    if (dataType.startsWith('Binary')) {
        return undefined;
    }
    const raw: unknown = attribute.StringValue;
    const text = typeof raw === 'string' ? raw : raw === undefined || raw === null ? '' : String(raw);
    if (dataType === 'String.Array') {
        const out: JsonValue[] = [];
        try {
            const parsed = JSON.parse(text) as JsonValue;
            if (Array.isArray(parsed)) {
                pushLeaves(parsed, out);
            }
        } catch {
            // Not valid JSON: SNS matches nothing in it.
        }
        return out;
    }
    if (dataType.startsWith('Number')) {
        const number = Number(text);
        return [text.trim() !== '' && Number.isFinite(number) ? number : text];
    }
    return [text];
}

const hasOwn = (object: object, key: string): boolean => Object.prototype.hasOwnProperty.call(object, key);

/** Reads only the attributes a policy names, when it names them: no per-message preprocessing. */
class AttributeSource implements ValueSource {
    constructor(private readonly attributes: Record<string, SnsMessageAttributeValue> | undefined) {}

    get allowsExistsFalse(): boolean {
        const attributes = this.attributes;
        if (!attributes) {
            return false;
        }
        for (const name in attributes) {
            if (hasOwn(attributes, name)) {
                return true;
            }
        }
        return false;
    }

    some(path: string, predicate: ValuePredicate): boolean {
        const attributes = this.attributes;
        if (!attributes || !hasOwn(attributes, path)) {
            return false;
        }
        const attribute = attributes[path];
        if (!attribute || typeof attribute !== 'object') {
            return false;
        }
        const dataType = attribute.DataType ?? 'String';
        const raw: unknown = attribute.StringValue;
        const text = typeof raw === 'string' ? raw : raw === undefined || raw === null ? '' : String(raw);
        // The two common types skip the general path (and its array) since this runs once per key per message.
        if (dataType === 'String') {
            return predicate(text);
        }
        if (dataType === 'Number') {
            const number = Number(text);
            return predicate(text.trim() !== '' && Number.isFinite(number) ? number : text);
        }
        const leaves = attributeLeafValues(attribute);
        if (!leaves) {
            return false;
        }
        for (const value of leaves) {
            if (predicate(value)) {
                return true;
            }
        }
        return false;
    }

    values(path: string): JsonValue[] {
        const attributes = this.attributes;
        if (!attributes || !hasOwn(attributes, path) || !attributes[path] || typeof attributes[path] !== 'object') {
            return [];
        }
        return attributeLeafValues(attributes[path]!) ?? [];
    }
}

/**
 * Finds leaf values along a dotted path. A policy key `a.b` matches `{"a":{"b":..}}` and a literal `{"a.b":..}`
 * alike, so every split of the path at a dot is tried; arrays are traversed at every level.
 */
function someAtPath(node: JsonValue, path: string, predicate: ValuePredicate): boolean {
    if (Array.isArray(node)) {
        for (const element of node) {
            if (someAtPath(element, path, predicate)) {
                return true;
            }
        }
        return false;
    }
    if (path === '') {
        return (node === null || typeof node !== 'object') && predicate(node);
    }
    if (node === null || typeof node !== 'object') {
        return false;
    }
    let dot = path.indexOf('.');
    for (;;) {
        const key = dot < 0 ? path : path.slice(0, dot);
        if (hasOwn(node, key)) {
            if (someAtPath(node[key]!, dot < 0 ? '' : path.slice(dot + 1), predicate)) {
                return true;
            }
        }
        if (dot < 0) {
            return false;
        }
        dot = path.indexOf('.', dot + 1);
    }
}

class BodySource implements ValueSource {
    readonly allowsExistsFalse = true;

    constructor(private readonly body: { [key: string]: JsonValue }) {}

    some(path: string, predicate: ValuePredicate): boolean {
        return someAtPath(this.body, path, predicate);
    }

    values(path: string): JsonValue[] {
        const out: JsonValue[] = [];
        someAtPath(this.body, path, value => {
            out.push(value);
            return false;
        });
        return out;
    }
}

export function attributeSource(message: SnsFilterableMessage): ValueSource {
    return new AttributeSource(message.MessageAttributes);
}

// Fan-out evaluates every subscription of a publish in a row: remembering the last parsed body saves re-parsing it.
let lastText: string | undefined;
let lastBody: { [key: string]: JsonValue } | null = null;

function parseBodyObject(text: string): { [key: string]: JsonValue } | null {
    if (text === lastText) {
        return lastBody;
    }
    let body: unknown;
    try {
        body = JSON.parse(text);
    } catch {
        body = undefined;
    }
    lastText = text;
    lastBody = typeof body === 'object' && body !== null && !Array.isArray(body) ? body as { [key: string]: JsonValue } : null;
    return lastBody;
}

/** The body as a value source, or undefined when it is not a JSON object (then no body-scope policy matches). */
export function bodySource(message: SnsFilterableMessage): ValueSource | undefined {
    if (typeof message.Message !== 'string') {
        return undefined;
    }
    const body = parseBodyObject(message.Message);
    return body ? new BodySource(body) : undefined;
}
