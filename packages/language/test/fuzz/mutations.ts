import fc from 'fast-check';

/**
 * Edits a user could make while typing or pasting, applied to a valid MQ file: a token deleted, the file
 * cut short, random characters inserted, two lines swapped, a line duplicated.
 */
export type Mutation =
    | { kind: 'delete-token'; at: number }
    | { kind: 'truncate'; at: number }
    | { kind: 'insert'; at: number; text: string }
    | { kind: 'swap-lines'; first: number; second: number }
    | { kind: 'duplicate-line'; at: number };

const TOKEN = /"(?:\\.|[^"\\\n])*"|[A-Za-z_][\w.-]*|\d[\w./%]*|\S/g;

const unit = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });

export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
    unit.map(at => ({ kind: 'delete-token' as const, at })),
    unit.map(at => ({ kind: 'truncate' as const, at })),
    fc.record({
        kind: fc.constant('insert' as const),
        at: unit,
        text: fc.oneof(
            fc.string({ maxLength: 8 }),
            fc.string({ unit: 'binary', maxLength: 8 }),
            fc.constantFrom('{', '}', '"', ':', '..', '/*', '//', '\n', 'queue', '.fifo', 'filter attributes {', '[', '\u0000', '\uFEFF', '\r\n')
        )
    }),
    fc.record({ kind: fc.constant('swap-lines' as const), first: unit, second: unit }),
    unit.map(at => ({ kind: 'duplicate-line' as const, at }))
);

export function applyMutation(text: string, mutation: Mutation): string {
    switch (mutation.kind) {
        case 'delete-token': {
            const tokens = [...text.matchAll(TOKEN)];
            const token = tokens[Math.floor(mutation.at * tokens.length)];
            return token ? text.slice(0, token.index) + text.slice(token.index + token[0].length) : text;
        }
        case 'truncate':
            return text.slice(0, Math.floor(mutation.at * text.length));
        case 'insert': {
            const at = Math.floor(mutation.at * (text.length + 1));
            return text.slice(0, at) + mutation.text + text.slice(at);
        }
        case 'swap-lines': {
            const lines = text.split('\n');
            const first = Math.floor(mutation.first * lines.length);
            const second = Math.floor(mutation.second * lines.length);
            [lines[first], lines[second]] = [lines[second]!, lines[first]!];
            return lines.join('\n');
        }
        case 'duplicate-line': {
            const lines = text.split('\n');
            const at = Math.floor(mutation.at * lines.length);
            lines.splice(at, 0, lines[at]!);
            return lines.join('\n');
        }
    }
}
