import { EmptyFileSystem } from 'langium';
import { parseHelper } from 'langium/test';
import { readFileSync } from 'node:fs';
import { test } from 'vitest';
import { createMqServices } from '../src/mq-module.js';
test('parse', async () => {
  const { mq } = createMqServices(EmptyFileSystem);
  const doc = await parseHelper(mq)(readFileSync('/work/main/examples/language-tour.mq', 'utf8'));
  console.log(doc.parseResult.lexerErrors.map(e => `${e.line}:${e.column} ${e.message}`));
  console.log(doc.parseResult.parserErrors.map(e => `${e.token.startLine}:${e.token.startColumn} ${e.message}`));
  await mq.shared.workspace.DocumentBuilder.build([doc], { validation: true });
  console.log(doc.diagnostics?.map(d => `${d.range.start.line}:${d.range.start.character} ${d.message}`));
});
