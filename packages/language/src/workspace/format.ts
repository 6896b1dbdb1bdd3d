import { URI } from 'langium';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { sharedServices } from './build.js';

export interface FormatResult {
    text: string;
    changed: boolean;
    /** Syntax errors make formatting unsafe: the text is returned unchanged. */
    syntaxErrors: number;
}

/** Formats MQ source with the language server's formatter (the same layout as "Format Document" in the editor). */
export async function formatMq(text: string, uri = 'memory:///format.mq'): Promise<FormatResult> {
    const mq = sharedServices();
    const formatter = mq.lsp.Formatter;
    const document = mq.shared.workspace.LangiumDocumentFactory.fromString(text, URI.parse(uri));
    const syntaxErrors = document.parseResult.lexerErrors.length + document.parseResult.parserErrors.length;
    if (!formatter || syntaxErrors > 0) return { text, changed: false, syntaxErrors };
    const edits = await formatter.formatDocument(document, {
        textDocument: { uri: document.uri.toString() },
        options: { tabSize: 2, insertSpaces: true, insertFinalNewline: true, trimTrailingWhitespace: true }
    });
    const formatted = TextDocument.applyEdits(TextDocument.create(uri, 'mq', 0, text), edits);
    return { text: formatted, changed: formatted !== text, syntaxErrors: 0 };
}
