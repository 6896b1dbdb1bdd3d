import type { TemplateValue } from '@mq-architect/language/model';
import { describe, expect, it } from 'vitest';
import { Random } from '../../src/core/random.js';
import { attributesFrom, compileTemplate, fieldText } from '../../src/simulation/template.js';

const lit = (value: string | number | boolean | null): TemplateValue => ({ type: 'literal', value });
const gen = (name: 'uniform' | 'one-of' | 'uuid' | 'sequence', ...args: TemplateValue[]): TemplateValue => ({ type: 'generator', name, args });
const obj = (...fields: Array<[string, TemplateValue]>): TemplateValue => ({ type: 'object', fields });

describe('message templates', () => {
    it('writes the body as the JSON of the drawn values, escapes included, in the order the fields are written', () => {
        const template = compileTemplate(obj(
            ['id', gen('uuid')],
            ['kind', gen('one-of', lit('a "quoted" kind'), lit('back\\slash'), lit('plain'))],
            ['n', gen('uniform', lit(1), lit(5))],
            ['price', gen('uniform', lit(0.5), lit(2.5))],
            ['seq', gen('sequence')],
            ['nested', obj(['deep', gen('one-of', lit(1), lit('x'))], ['list', { type: 'array', items: [lit(true), lit(null)] }])],
            ['ünïcode ✓', lit('tab\there')]
        ));
        const random = new Random(7);
        for (let i = 0; i < 50; i++) {
            const message = template.render(random);
            const parsed = JSON.parse(message.body) as Record<string, unknown>;
            expect(Object.keys(parsed)).toEqual(['id', 'kind', 'n', 'price', 'seq', 'nested', 'ünïcode ✓']);
            expect(parsed['seq']).toBe(i + 1);
            expect(message.body).toBe(JSON.stringify(Object.fromEntries(Object.keys(parsed).map(key => [key, message.field(key)]))));
            expect(['a "quoted" kind', 'back\\slash', 'plain']).toContain(parsed['kind']);
            expect(parsed['ünïcode ✓']).toBe('tab\there');
        }
    });

    it('keeps the last value of a repeated key, where JSON.parse would', () => {
        const message = compileTemplate(obj(['a', lit(1)], ['b', lit(2)], ['a', lit('last')])).render(new Random(1));
        expect(message.body).toBe('{"a":"last","b":2}');
        expect(fieldText(message, 'a')).toBe('last');
    });

    it('without a template each message is {"sequence": n}; a string template is the body itself', () => {
        const sequence = compileTemplate(undefined);
        const random = new Random(1);
        expect(sequence.render(random).body).toBe('{"sequence":1}');
        expect(sequence.render(random).body).toBe('{"sequence":2}');
        const text = compileTemplate(lit('hello'));
        expect(text.render(random).body).toBe('hello');
        expect(text.bodyIsSqsSafe).toBe(false);
    });

    it('exposes top-level fields for keys and message attributes', () => {
        const message = compileTemplate(obj(['user', lit('u-1')], ['amount', lit(42)], ['tags', { type: 'array', items: [lit('a')] }])).render(new Random(1));
        expect(fieldText(message, 'user')).toBe('u-1');
        expect(fieldText(message, 'amount')).toBe('42');
        expect(fieldText(message, 'missing')).toBeUndefined();
        expect(attributesFrom(message, ['amount', 'user', 'tags', 'missing'])).toEqual({
            amount: { DataType: 'Number', StringValue: '42' },
            user: { DataType: 'String', StringValue: 'u-1' },
            tags: { DataType: 'String.Array', StringValue: '["a"]' }
        });
    });

    it('vouches for SQS-safe bodies only when no literal holds a character SQS refuses', () => {
        expect(compileTemplate(obj(['id', gen('uuid')], ['note', lit('fine ✓')])).bodyIsSqsSafe).toBe(true);
        expect(compileTemplate(obj(['note', lit('bell \u0007')])).bodyIsSqsSafe).toBe(false);
        expect(compileTemplate(obj(['k', gen('one-of', lit('ok'), lit('nul \u0000'))])).bodyIsSqsSafe).toBe(false);
        expect(compileTemplate(obj(['bad \u0001 key', lit(1)])).bodyIsSqsSafe).toBe(false);
    });
});
