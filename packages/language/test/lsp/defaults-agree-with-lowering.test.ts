import { afterEach, describe, expect, test } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { clearDocuments, parseHelper } from 'langium/test';
import type { Model } from '../../src/generated/ast.js';
import { isConsumer, isFirehose, isLambdaFunction, isQueue, isStream } from '../../src/generated/ast.js';
import { parseArchitecture } from '../../src/index.js';
import { effectiveProperties, streamWriteCapacity } from '../../src/lsp/effective-config.js';
import { parseDuration, parseSize } from '../../src/model/units.js';
import { createTestServices } from './services.js';

/**
 * Hover and inlay hints show defaults from their own table; the simulator uses the lowering's. This test
 * keeps the two from drifting apart: for every declaration in the examples (and for bare declarations),
 * the value the editor shows is the value the model holds.
 */
const { mq } = createTestServices();
const parse = parseHelper<Model>(mq);
const examplesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../examples');
const bare = 'queue q { }\nqueue f.fifo { }\nstream s { }\nstream o { capacity: on-demand }\nfunction fn { }\nfirehose h { source: direct }\nfirehose r { destination: http "https://x" }\nconsumer c { poll: q }\nconsumer k { read: s }\n';
const sources = [['bare declarations', bare], ...readdirSync(examplesDir).filter(name => name.endsWith('.mq')).map(name => [name, readFileSync(path.join(examplesDir, name), 'utf8')])];

afterEach(() => clearDocuments(mq));

function shown(node: Parameters<typeof effectiveProperties>[0], key: string): string | undefined {
    return effectiveProperties(node).find(property => property.key === key)?.value;
}

describe('editor defaults agree with the lowering', () => {
    test.each(sources)('%s', async (_name, text) => {
        const { model } = await parseArchitecture(text);
        const document = await parse(text);
        for (const declaration of document.parseResult.value.declarations) {
            if (isQueue(declaration)) {
                const queue = model.queues.find(candidate => candidate.name === declaration.name)!;
                expect(parseDuration(shown(declaration, 'visibility')!), declaration.name).toBe(queue.visibilityTimeoutMs);
                expect(parseDuration(shown(declaration, 'retention')!), declaration.name).toBe(queue.retentionMs);
                expect(parseDuration(shown(declaration, 'wait')!), declaration.name).toBe(queue.receiveWaitTimeMs);
                expect(parseDuration(shown(declaration, 'delay')!), declaration.name).toBe(queue.delayMs);
                expect(parseSize(shown(declaration, 'max-message-size')!), declaration.name).toBe(queue.maxMessageSizeBytes);
            } else if (isStream(declaration)) {
                const stream = model.streams.find(candidate => candidate.name === declaration.name)!;
                expect(parseDuration(shown(declaration, 'retention')!), declaration.name).toBe(stream.retentionMs);
                const capacity = streamWriteCapacity(declaration);
                expect({ bytesPerSecond: capacity.bytesPerSecond, recordsPerSecond: capacity.recordsPerSecond }, declaration.name).toEqual(stream.writeCapacity);
            } else if (isLambdaFunction(declaration)) {
                const fn = model.functions.find(candidate => candidate.name === declaration.name)!;
                const [min] = shown(declaration, 'duration')!.split('..');
                expect(parseDuration(min!), declaration.name).toBe(fn.duration.minMs);
            } else if (isFirehose(declaration)) {
                const firehose = model.firehoses.find(candidate => candidate.name === declaration.name)!;
                expect(shown(declaration, 'backup'), declaration.name).toBe(firehose.backup);
            } else if (isConsumer(declaration)) {
                const consumer = model.consumers.find(candidate => candidate.name === declaration.name)!;
                expect(Number(shown(declaration, 'batch')), declaration.name).toBe(consumer.batchSize);
                expect(parseDuration(shown(declaration, 'warm-up')!), declaration.name).toBe(consumer.warmUpMs);
            }
        }
    });
});
