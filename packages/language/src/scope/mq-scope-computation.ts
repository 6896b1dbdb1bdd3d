import type { AstNodeDescription, LangiumDocument, LocalSymbols } from 'langium';
import { Cancellation, DefaultScopeComputation, interruptAndCheck, MultiMap } from 'langium';
import { isModel } from '../generated/ast.js';

/**
 * Every named declaration is exported to the workspace index, so a name declared in one `.mq` file is
 * visible in all others. Nothing is kept as a local symbol: the scope provider answers every reference
 * from the index, which is already grouped by type and looked up by name in constant time.
 */
export class MqScopeComputation extends DefaultScopeComputation {

    override async collectExportedSymbols(document: LangiumDocument, cancelToken = Cancellation.CancellationToken.None): Promise<AstNodeDescription[]> {
        const root = document.parseResult.value;
        const exports: AstNodeDescription[] = [];
        if (!isModel(root)) return exports;
        let count = 0;
        for (const declaration of root.declarations) {
            // Checking the token on every node is measurable at 10,000 declarations; every 500 is enough to stay responsive.
            if (++count % 500 === 0) await interruptAndCheck(cancelToken);
            const name = this.nameProvider.getName(declaration);
            if (name) exports.push(this.descriptions.createDescription(declaration, name, document));
        }
        return exports;
    }

    override async collectLocalSymbols(_document: LangiumDocument, _cancelToken?: Cancellation.CancellationToken): Promise<LocalSymbols> {
        return new MultiMap();
    }
}
