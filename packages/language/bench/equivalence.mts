// Diagnostics after edits that add, remove and rename cross-file facts (duplicate names, producers, dead-letter
// queues), compared with a fresh build of the same texts. With MQ_SNAPSHOTS=file every step's diagnostics are
// appended to `file`: run it on two versions of the language and `cmp` the files to prove a speed-up changed none.
// Known, and the same before the incremental index: where a name is declared twice, a reference may resolve to
// the other declaration after an edit than in a fresh build (Langium's linking order), so steps with duplicates differ.
// MQ_SNAPSHOTS=/tmp/a.txt node --require ./scripts/polyfill-groupby.cjs --import tsx packages/language/bench/equivalence.mts
import { EmptyFileSystem, URI } from 'langium';
import type { LangiumDocument } from 'langium';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createMqServices } from '../src/mq-module.js';
import { generateWorkspace } from './generate.js';

type Services = ReturnType<typeof createMqServices>;

async function open(files: Map<string, string>): Promise<{ services: Services; documents: LangiumDocument[] }> {
    const services = createMqServices(EmptyFileSystem);
    const { LangiumDocumentFactory, LangiumDocuments, DocumentBuilder } = services.shared.workspace;
    const documents = [...files].map(([name, text]) => {
        const document = LangiumDocumentFactory.fromString(text, URI.parse(`memory:///ws/${name}`));
        LangiumDocuments.addDocument(document);
        return document;
    });
    await DocumentBuilder.build(documents, { validation: true });
    return { services, documents };
}

const snapshot = (documents: Iterable<LangiumDocument>) =>
    JSON.stringify([...documents].map(d => [d.uri.toString(), d.diagnostics ?? []]));

const files = generateWorkspace(1000, 250);
const names = [...files.keys()];
files.set('extra.mq', 'queue dup-a { }\nproducer lone { publish: dup-a\n rate: 5/s }\n');
const { services } = await open(files);
const { TextDocuments, DocumentBuilder, LangiumDocuments } = services.shared.workspace;
const texts = new Map(files);
const edits: Array<[string, (text: string) => string]> = [
    ['extra.mq', t => t + 'queue dup-a { }\n'],
    [names[1]!, t => t + '\nqueue dup-a { visibility: 10s }\n'],
    [names[0]!, t => t + '\nproducer extra-p { publish: dup-a }\n'],
    ['extra.mq', t => t.replace('producer lone { publish: dup-a\n rate: 5/s }\n', '')],
    [names[2]!, t => t.replace(/queue (\S+) \{/, 'queue dup-a {')],
    [names[1]!, t => t.replace('queue dup-a { visibility: 10s }', '')],
    ['extra.mq', t => t + 'queue q2 { dead-letter: dup-a }\n'],
    [names[0]!, t => t.replace('visibility: 60s', 'visibility: 61s')],
    ['extra.mq', t => t + 'topic ft {\n  subscribe dup-a filter attributes {\n    "eventType": ["refund"]\n  }\n}\n'],
    [names[0]!, t => t + '\nproducer pf {\n  publish: ft\n  message: { "eventType": one-of("refund") }\n  attributes: [eventType]\n}\n'],
    [names[0]!, t => t.replace('one-of("refund")', 'one-of("order_placed")')],
    ['extra.mq', t => t + 'producer pf2 {\n  publish: ft\n  message: { "eventType": one-of("refund") }\n  attributes: [eventType]\n}\n'],
    ['extra.mq', t => t.replace('"eventType": ["refund"]', '"eventType": ["other"]')],
    [names[0]!, t => t.replace('one-of("order_placed")', 'one-of("other")')]
];
// The last step deletes a file that declares a duplicate name and a dead-letter queue.
const DELETE = (): string => '';
edits.push(['extra.mq', DELETE]);
let failures = 0;
for (const [name, edit] of edits) {
    const uri = `memory:///ws/${name}`;
    if (edit === DELETE) {
        texts.delete(name);
        await DocumentBuilder.update([], [URI.parse(uri)]);
    } else {
        const text = edit(texts.get(name)!);
        texts.set(name, text);
        const previous = LangiumDocuments.getDocument(URI.parse(uri))!.textDocument;
        (TextDocuments as unknown as { set(document: TextDocument): void }).set(TextDocument.create(uri, 'mq', previous.version + 1, text));
        await DocumentBuilder.update([URI.parse(uri)], []);
    }
    const fresh = await open(texts);
    if (process.env.MQ_SNAPSHOTS) (await import('node:fs')).appendFileSync(process.env.MQ_SNAPSHOTS, snapshot(LangiumDocuments.all) + '\n');
    const same = snapshot(LangiumDocuments.all) === snapshot(fresh.services.shared.workspace.LangiumDocuments.all);
    if (!same) {
        failures++;
        const a = [...LangiumDocuments.all].flatMap(d => (d.diagnostics ?? []).map(x => `${d.uri.path} ${x.range.start.line} ${x.message}`));
        const b = [...fresh.services.shared.workspace.LangiumDocuments.all].flatMap(d => (d.diagnostics ?? []).map(x => `${d.uri.path} ${x.range.start.line} ${x.message}`));
        console.log('  only incremental:', a.filter(x => !b.includes(x)).slice(0, 4));
        console.log('  only fresh:', b.filter(x => !a.includes(x)).slice(0, 4));
    }
    console.log(`${name}: ${same ? 'same' : 'DIFFERENT'} (${[...LangiumDocuments.all].reduce((n, d) => n + (d.diagnostics?.length ?? 0), 0)} diagnostics)`);
}
process.exit(failures > 0 ? 1 : 0);
