import type { LangiumSharedServices } from 'langium/lsp';
import { startLanguageServer } from 'langium/lsp';
import { NodeFileSystem } from 'langium/node';
import type { Connection } from 'vscode-languageserver';
import { createMqServices } from '@mq-architect/language';

/** Starts the MQ language services on the connection (interim until the language package's server entry lands). */
export function startMqLanguageServer(connection: Connection): { shared: LangiumSharedServices } {
    const { shared } = createMqServices({ connection, ...NodeFileSystem });
    startLanguageServer(shared);
    return { shared };
}
