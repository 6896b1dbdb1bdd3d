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

class AttributeSource implements ValueSource {
    readonly allowsExistsFalse: boolean;
    private readonly byName = new Map<string, JsonValue[]>();

    constructor(attributes: Record<string, SnsMessageAttributeValue> | undefined) {
        let count = 0;
        for (const [name, attribute] of Object.entries(attributes ?? {})) {
            count++;
            const leaves = attribute && typeof attribute === 'object' ? attributeLeafValues(attribute) : undefined;
            if (leaves) {
                this.byName.set(name, leaves);
            }
        }
        this.allowsExistsFalse = count > 0;
    }

    some(path: string, predicate: ValuePredicate): boolean {
        const values = this.byName.get(path);
        if (!values) {
            return false;
        }
        for (const value of values) {
            if (predicate(value)) {
                return true;
            }
        }
        return false;
    }

    values(path: string): JsonValue[] {
        return this.byName.get(path) ?? [];
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
        if (Object.prototype.hasOwnProperty.call(node, key)) {
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

/** The body as a value source, or undefined when it is not a JSON object (then no body-scope policy matches). */
export function bodySource(message: SnsFilterableMessage): ValueSource | undefined {
    if (typeof message.Message !== 'string') {
        return undefined;
    }
    let body: unknown;
    try {
        body = JSON.parse(message.Message);
    } catch {
        return undefined;
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
        return undefined;
    }
    return new BodySource(body as { [key: string]: JsonValue });
}
