import type { AstNode, LangiumDocument } from 'langium';
import { AbstractFormatter, Formatting } from 'langium/lsp';
import type { FormattingOptions, Range, TextEdit } from 'vscode-languageserver';
import * as ast from '../generated/ast.js';

/**
 * Canonical MQ layout, as in the language reference: one declaration per block, one property or statement
 * per line, two-space indentation inside blocks, `key: value` with one space after the colon, and empty
 * blocks written `{ }`. Blank lines between declarations are kept (at most one). JSON values (filter
 * policies, message templates) are left as written: authors paste them from AWS and align them by hand.
 */
export class MqFormatter extends AbstractFormatter {

    /** The layout is canonical (like gofmt): two spaces whatever the editor's tab settings. */
    protected override doDocumentFormat(document: LangiumDocument, options: FormattingOptions, range?: Range): TextEdit[] {
        return super.doDocumentFormat(document, { ...options, tabSize: 2, insertSpaces: true }, range);
    }

    protected format(node: AstNode): void {
        if (ast.isModel(node)) {
            this.formatModel(node);
        } else if (ast.isDeclaration(node)) {
            this.formatDeclaration(node);
        } else if (isKeyedEntry(node)) {
            this.formatEntry(node);
        }
    }

    protected formatModel(node: ast.Model): void {
        const formatter = this.getNodeFormatter(node);
        node.declarations.forEach((declaration, index) => {
            const region = formatter.node(declaration);
            if (index === 0) region.prepend(Formatting.noSpace());
            else region.prepend(Formatting.fit(Formatting.newLine(), Formatting.newLines(2)));
        });
    }

    protected formatDeclaration(node: ast.Declaration): void {
        const formatter = this.getNodeFormatter(node);
        formatter.property('name').prepend(Formatting.oneSpace());
        const open = formatter.keyword('{');
        const close = formatter.keyword('}');
        open.prepend(Formatting.oneSpace());
        const entries: AstNode[] = ast.isTopic(node)
            ? [...node.properties, ...node.subscriptions].sort((a, b) => (a.$cstNode?.offset ?? 0) - (b.$cstNode?.offset ?? 0))
            : ast.isScenario(node) ? node.statements : node.properties;
        if (entries.length === 0) {
            close.prepend(Formatting.oneSpace());
            return;
        }
        // The interior (not only the entries) so that comments on their own lines are indented with the entries.
        formatter.interior(open, close).prepend(Formatting.indent());
        close.prepend(Formatting.newLine());
    }

    /** Inside one property: no space before `:`, one after, single spaces between the words of the value. */
    protected formatEntry(node: AstNode): void {
        const formatter = this.getNodeFormatter(node);
        formatter.keywords(':').prepend(Formatting.noSpace()).append(Formatting.oneSpace());
        // The key itself (`buffer:`, `dead-letter:`) is placed by the enclosing block; only inner words are spaced here.
        const key = (node as { key?: unknown }).key;
        for (const keyword of INNER_KEYWORDS) {
            if (keyword !== key) formatter.keywords(keyword).prepend(Formatting.oneSpace());
        }
        // `target-tracking: backlog-per-instance 100`: the target follows the metric keyword after one space.
        if (ast.isTargetTrackingProperty(node)) formatter.property('target').prepend(Formatting.oneSpace());
        formatter.keywords('..').prepend(Formatting.noSpace()).append(Formatting.noSpace());
        formatter.keywords(',').prepend(Formatting.noSpace()).append(Formatting.oneSpace());
        // Lists of names (`attributes: [a, b]`, `redrive-allow: [q1, q2]`); JSON arrays are other nodes and keep their layout.
        formatter.keywords('[').append(Formatting.noSpace());
        formatter.keywords(']').prepend(Formatting.noSpace());
    }
}

const INNER_KEYWORDS = ['after', 'receives', 'receive', 'or', 'via', 'shards', 'shard', 'when', 'for', 'add', 'remove', 'from', 'raw', 'filter', 'dead-letter', 'retries', 'buffer', 'on'];

type KeyedEntry = ast.QueueProperty | ast.TopicProperty | ast.StreamProperty | ast.FunctionProperty | ast.FirehoseProperty
    | ast.ProducerProperty | ast.ConsumerProperty | ast.ScenarioStatement | ast.Subscription | ast.DurationRange;

function isKeyedEntry(node: AstNode): node is KeyedEntry {
    return ast.isQueueProperty(node) || ast.isTopicProperty(node) || ast.isStreamProperty(node) || ast.isFunctionProperty(node)
        || ast.isFirehoseProperty(node) || ast.isProducerProperty(node) || ast.isConsumerProperty(node)
        || ast.isScenarioStatement(node) || ast.isSubscription(node) || ast.isDurationRange(node);
}
