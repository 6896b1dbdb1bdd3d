import type { LangiumDocument, MaybePromise } from 'langium';
import { DefaultFoldingRangeProvider } from 'langium/lsp';
import type { CancellationToken, FoldingRange, FoldingRangeParams } from 'vscode-languageserver';

/**
 * A subscription and its filter policy (or a property and its JSON value) usually span the same lines;
 * editors show one fold per line, so identical ranges are reported once.
 */
export class MqFoldingRangeProvider extends DefaultFoldingRangeProvider {

    override getFoldingRanges(document: LangiumDocument, params: FoldingRangeParams, cancelToken?: CancellationToken): MaybePromise<FoldingRange[]> {
        return Promise.resolve(super.getFoldingRanges(document, params, cancelToken)).then(ranges => {
            const seen = new Set<string>();
            return ranges.filter(range => {
                const key = `${range.startLine}:${range.endLine}:${range.kind ?? ''}`;
                if (seen.has(key)) return false;
                seen.add(key);
                return true;
            });
        });
    }
}
