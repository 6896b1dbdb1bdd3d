import type { CstNode, GrammarAST, ValueType } from 'langium';
import { DefaultValueConverter } from 'langium';

/**
 * Strings in MQ are JSON strings (filter policies are pasted from AWS), so they are decoded with JSON's
 * escape rules, including `\uXXXX`, which Langium's default converter does not know.
 */
export class MqValueConverter extends DefaultValueConverter {
    protected override runConverter(rule: GrammarAST.AbstractRule, input: string, cstNode: CstNode): ValueType {
        if (rule.name === 'STRING') {
            try {
                return JSON.parse(input) as string;
            } catch {
                return super.runConverter(rule, input, cstNode);
            }
        }
        return super.runConverter(rule, input, cstNode);
    }
}
