import { afterEach, describe, expect, test, vi } from 'vitest';
import { AstUtils, EmptyFileSystem } from 'langium';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { clearDocuments, parseHelper } from 'langium/test';
import { createMqServices } from '../../src/mq-module.js';
import type { MqIndexManager } from '../../src/scope/mq-index-manager.js';
import { referenceHolders } from '../../src/scope/reference-holders.js';
import type { Model, Producer, PublishProperty, Queue, DeadLetterProperty, Topic } from '../../src/generated/ast.js';

const services = createMqServices(EmptyFileSystem).mq;
const parse = parseHelper<Model>(services);

afterEach(() => clearDocuments(services));

describe('scoping', () => {
    test('a reference resolves to a declaration in another file', async () => {
        await parse('queue orders-dlq { retention: 14d }', { documentUri: 'file:///ws/dlq.mq' });
        const doc = await parse('queue orders { dead-letter: orders-dlq after 3 receives }', { documentUri: 'file:///ws/orders.mq' });
        const queue = doc.parseResult.value.declarations[0] as Queue;
        const deadLetter = queue.properties[0] as DeadLetterProperty;
        expect(deadLetter.queue.ref?.name).toBe('orders-dlq');
        expect(deadLetter.queue.error).toBeUndefined();
    });

    test('names are unique per kind: a queue and a firehose may share a name', async () => {
        const doc = await parse(`
            firehose archive { source: direct destination: s3 "s3://b/" }
            queue archive { }
            producer p { publish: archive }
            consumer c { poll: archive }
        `);
        const producer = doc.parseResult.value.declarations[2] as Producer;
        const publish = producer.properties[0] as PublishProperty;
        // Publishable accepts both; the first declared wins, but poll: only sees queues.
        expect(publish.target.ref).toBeDefined();
        const consumer = doc.parseResult.value.declarations[3]!;
        const poll = (consumer as unknown as { properties: Array<{ queue: { ref?: { $type: string } } }> }).properties[0]!;
        expect(poll.queue.ref?.$type).toBe('Queue');
    });

    test('a reference to the wrong kind does not resolve', async () => {
        const doc = await parse('topic purchases { }\nconsumer c { poll: purchases }');
        expect(doc.references.some(ref => ref.error !== undefined)).toBe(true);
    });
});

describe('scoping narrowed by what the text says', () => {
    test('the protocol word of a subscription picks the kind when a queue and a firehose share a name', async () => {
        const doc = await parse(`
            queue archive { }
            firehose archive { source: direct }
            topic events {
                subscribe queue archive
                subscribe firehose archive
                subscribe archive
            }
        `);
        const topic = doc.parseResult.value.declarations[2] as Topic;
        expect(topic.subscriptions.map(subscription => subscription.target?.ref?.$type)).toEqual(['Queue', 'Firehose', 'Queue']);
    });
});

describe('the workspace index follows changes', () => {
    test('removing the file that declares a name unresolves its references; adding it back resolves them', async () => {
        const dlq = await parse('queue orders-dlq { }', { documentUri: 'file:///ws/dlq.mq' });
        const orders = await parse('queue orders { dead-letter: orders-dlq after 3 receives }', { documentUri: 'file:///ws/orders.mq' });
        const deadLetter = () => ((orders.parseResult.value.declarations[0] as Queue).properties[0] as DeadLetterProperty).queue;
        expect(deadLetter().ref?.$container).toBe(dlq.parseResult.value);

        await clearDocuments(services, [dlq]);
        expect(deadLetter().ref).toBeUndefined();
        expect(deadLetter().error?.message).toContain('orders-dlq');

        const again = await parse('// moved\nqueue orders-dlq { retention: 14d }', { documentUri: 'file:///ws/moved.mq' });
        await services.shared.workspace.DocumentBuilder.update([], []);
        expect(deadLetter().ref?.$container).toBe(again.parseResult.value);
    });

    test('the by-name view holds each symbol once per declaring document', async () => {
        await parse('queue a { }\ntopic a { }', { documentUri: 'file:///ws/one.mq' });
        await parse('queue b { }', { documentUri: 'file:///ws/two.mq' });
        const index = services.shared.workspace.IndexManager as MqIndexManager;
        expect(index.findElements('a', 'Queue').map(description => description.type)).toEqual(['Queue']);
        expect(index.findElements('a', 'Resource').map(description => description.type).sort()).toEqual(['Queue', 'Topic']);
        expect(index.findElement('b', 'Topic')).toBeUndefined();
    });
});

describe('linking cost', () => {
    test('resolving references never scans the workspace symbol list (each lookup is by name)', async () => {
        const index = services.shared.workspace.IndexManager as MqIndexManager;
        const scans = vi.spyOn(index, 'allElements');
        const lookups = vi.spyOn(index, 'findElement');
        const text = Array.from({ length: 300 }, (_, i) => `queue q${i}-dlq { }\nqueue q${i} { dead-letter: q${i}-dlq after 3 receives }\nconsumer c${i} { poll: q${i} }`).join('\n');
        const doc = await parse(text);
        expect(doc.references.every(ref => ref.error === undefined)).toBe(true);
        expect(lookups).toHaveBeenCalledTimes(600);
        expect(scans).not.toHaveBeenCalled();
        scans.mockRestore();
        lookups.mockRestore();
    });
});

describe('reference holders', () => {
    const examplesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../examples');
    const examples = readdirSync(examplesDir).filter(name => name.endsWith('.mq'));

    test.each(examples)('the shallow walk finds every reference of %s that a full tree walk finds', async name => {
        const doc = await parse(readFileSync(path.join(examplesDir, name), 'utf8'));
        const everywhere = AstUtils.streamAst(doc.parseResult.value).flatMap(node => AstUtils.streamReferences(node)).map(ref => ref.reference).toArray();
        const shallow = [...referenceHolders(doc.parseResult.value)].flatMap(node => AstUtils.streamReferences(node).map(ref => ref.reference).toArray());
        expect(everywhere.length).toBeGreaterThan(0);
        expect(shallow).toHaveLength(everywhere.length);
        expect(new Set(shallow)).toEqual(new Set(everywhere));
    });
});
