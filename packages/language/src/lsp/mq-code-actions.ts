/**
 * Quick fixes for the MQ rules. Each diagnostic carries its rule code in `data.code` (plus what the fix needs,
 * e.g. the clamped value); one method per fix turns it into a WorkspaceEdit.
 */
import type { AstNode, LangiumDocument, MaybePromise } from 'langium';
import { AstUtils, CstUtils, GrammarUtils } from 'langium';
import type { CodeActionProvider, LangiumServices } from 'langium/lsp';
import type { CodeActionParams } from 'vscode-languageserver';
import type { CodeAction, Command, Diagnostic } from 'vscode-languageserver';
import { CodeActionKind } from 'vscode-languageserver';
import type { Consumer, Producer, Queue, Subscription } from '../generated/ast.js';
import {
    isCapacityProperty, isConsumer, isDeadLetterProperty, isPollProperty, isProducer, isPublishProperty, isQueue,
    isStream, isSubscription, isTopic
} from '../generated/ast.js';
import { isRuleCode } from '../rules/rule-catalogue.js';
import type { RuleCode } from '../rules/rule-catalogue.js';
import { deadLetterName } from '../validation/producers-consumers-validator.js';
import type { Declared } from '../validation/source-edits.js';
import {
    addProperty, EditCollector, insertDeclarationAfter, removeNode, removeWithLeadingSpace, setProperty
} from '../validation/source-edits.js';
import { declarationKey } from '../validation/workspace-facts.js';
import type { WorkspaceFacts } from '../validation/workspace-facts.js';

type FixData = { code: RuleCode } & Record<string, unknown>;

const CLAMPED: ReadonlySet<RuleCode> = new Set(['MQ010', 'MQ011', 'MQ012', 'MQ013', 'MQ014', 'MQ015', 'MQ016', 'MQ017']);

export class MqCodeActionProvider implements CodeActionProvider {
    protected readonly references: LangiumServices['references']['References'];
    protected readonly facts: WorkspaceFacts;

    constructor(services: LangiumServices & { validation: { WorkspaceFacts: WorkspaceFacts } }) {
        this.references = services.references.References;
        this.facts = services.validation.WorkspaceFacts;
    }

    getCodeActions(document: LangiumDocument, params: CodeActionParams): MaybePromise<Array<Command | CodeAction> | undefined> {
        const actions: CodeAction[] = [];
        for (const diagnostic of params.context.diagnostics) {
            const action = this.createCodeAction(diagnostic, document);
            if (action) actions.push(action);
        }
        return actions.length > 0 ? actions : undefined;
    }

    protected createCodeAction(diagnostic: Diagnostic, document: LangiumDocument): CodeAction | undefined {
        const data = diagnostic.data as Partial<FixData> | undefined;
        if (!data || !isRuleCode(data.code)) return undefined;
        const fix = data as FixData;
        if (CLAMPED.has(fix.code)) return this.clamp(diagnostic, document, fix);
        switch (fix.code) {
            case 'MQ001': return this.appendFifoSuffix(diagnostic, document, fix);
            case 'MQ002': return this.declareFifoType(diagnostic, document);
            case 'MQ023': return this.removeProperty(diagnostic, document);
            case 'MQ024': return this.addProducerField(diagnostic, document, fix);
            case 'MQ025': return this.setPerGroupThroughput(diagnostic, document);
            case 'MQ031': return this.setDeadLetterRetention(diagnostic, document, fix);
            case 'MQ032': return this.setVisibility(diagnostic, document, fix);
            case 'MQ033': return this.addDeadLetterQueue(diagnostic, document);
            case 'MQ040': case 'MQ080': return this.useSuggestedName(diagnostic, document, fix);
            case 'MQ044': return this.removeDuplicateSubscription(diagnostic, document);
            case 'MQ045': return this.removeRaw(diagnostic, document);
            case 'MQ050': return this.setShards(diagnostic, document, fix);
            case 'MQ051': return this.setEnhancedFanOut(diagnostic, document);
            default: return undefined;
        }
    }

    /** MQ010–MQ017: replace the out-of-range value with the nearest bound. */
    protected clamp(diagnostic: Diagnostic, document: LangiumDocument, data: FixData): CodeAction | undefined {
        if (typeof data.replacement !== 'string') return undefined;
        const edits = new EditCollector().add(document, { range: diagnostic.range, newText: data.replacement });
        return action(`Change to ${data.replacement}`, diagnostic, edits);
    }

    /** MQ001: rename the declaration to NAME.fifo, and every reference to it. */
    protected appendFifoSuffix(diagnostic: Diagnostic, document: LangiumDocument, data: FixData): CodeAction | undefined {
        const node = this.nodeAt(document, diagnostic);
        const declaration = AstUtils.getContainerOfType(node, (n): n is Queue | Declared => isQueue(n) || isTopic(n));
        const newName = typeof data.newName === 'string' ? data.newName : undefined;
        if (!declaration || !newName) return undefined;
        const edits = new EditCollector().add(document, { range: diagnostic.range, newText: newName });
        for (const reference of this.references.findReferences(declaration, { includeDeclaration: false })) {
            const target = this.facts.documentOf(reference.sourceUri);
            if (target) edits.add(target, { range: reference.segment.range, newText: newName });
        }
        return action(`Rename to '${newName}'`, diagnostic, edits);
    }

    /** MQ002: a `.fifo` name means FIFO, so the declared type follows the name. */
    protected declareFifoType(diagnostic: Diagnostic, document: LangiumDocument): CodeAction {
        return action('Change to type: fifo', diagnostic, new EditCollector().add(document, { range: diagnostic.range, newText: 'fifo' }));
    }

    /** MQ023: remove the property that does not apply. */
    protected removeProperty(diagnostic: Diagnostic, document: LangiumDocument): CodeAction | undefined {
        const node = this.nodeAt(document, diagnostic);
        const prop = AstUtils.getContainerOfType(node, (n): n is AstNode & { key: string } => 'key' in n && (isQueue(n.$container) || isTopic(n.$container)));
        if (!prop) return undefined;
        const edits = new EditCollector();
        removeNode(edits, prop);
        return action(`Remove ${prop.key}`, diagnostic, edits);
    }

    /** MQ024: add the missing `group:` (or `dedup-id:`) to the producer. */
    protected addProducerField(diagnostic: Diagnostic, document: LangiumDocument, data: FixData): CodeAction | undefined {
        const producer = AstUtils.getContainerOfType(this.nodeAt(document, diagnostic), isProducer);
        const key = data.missing === 'dedup-id' ? 'dedup-id' : 'group';
        if (!producer || typeof data.field !== 'string') return undefined;
        const edits = new EditCollector();
        addProperty(edits, producer, `${key}: ${data.field}`);
        return action(`Add ${key}: ${data.field}`, diagnostic, edits);
    }

    /** MQ025: switch the FIFO target (of a producer, or of a FIFO topic's subscription) to high throughput. */
    protected setPerGroupThroughput(diagnostic: Diagnostic, document: LangiumDocument): CodeAction | undefined {
        const node = this.nodeAt(document, diagnostic);
        const producer: Producer | undefined = AstUtils.getContainerOfType(node, isProducer);
        const target = producer
            ? producer.properties.find(isPublishProperty)?.target?.ref
            : AstUtils.getContainerOfType(node, isSubscription)?.target?.ref;
        if (!isQueue(target) && !isTopic(target)) return undefined;
        const edits = new EditCollector();
        setProperty(edits, target, 'throughput', 'per-group');
        return action(`Set throughput: per-group on '${target.name}'`, diagnostic, edits);
    }

    /** MQ031: give the dead-letter queue the retention the diagnostic proposes. */
    protected setDeadLetterRetention(diagnostic: Diagnostic, document: LangiumDocument, data: FixData): CodeAction | undefined {
        const deadLetter = AstUtils.getContainerOfType(this.nodeAt(document, diagnostic), isDeadLetterProperty);
        const target = deadLetter?.queue?.ref;
        if (!target || typeof data.retention !== 'string') return undefined;
        const edits = new EditCollector();
        setProperty(edits, target, 'retention', data.retention);
        return action(`Set retention: ${data.retention} on '${target.name}'`, diagnostic, edits);
    }

    /** MQ032: raise the polled queue's visibility timeout to about 3× the processing time. */
    protected setVisibility(diagnostic: Diagnostic, document: LangiumDocument, data: FixData): CodeAction | undefined {
        const consumer: Consumer | undefined = AstUtils.getContainerOfType(this.nodeAt(document, diagnostic), isConsumer);
        const queue = consumer?.properties.find(isPollProperty)?.queue?.ref;
        if (!queue || typeof data.visibility !== 'string') return undefined;
        const edits = new EditCollector();
        setProperty(edits, queue, 'visibility', data.visibility);
        return action(`Set visibility: ${data.visibility} on '${queue.name}'`, diagnostic, edits);
    }

    /** MQ033: declare NAME-dlq (unless it exists) and point the queue's redrive policy at it. */
    protected addDeadLetterQueue(diagnostic: Diagnostic, document: LangiumDocument): CodeAction | undefined {
        const consumer: Consumer | undefined = AstUtils.getContainerOfType(this.nodeAt(document, diagnostic), isConsumer);
        const queue = consumer?.properties.find(isPollProperty)?.queue?.ref;
        if (!queue) return undefined;
        const name = deadLetterName(queue);
        const edits = new EditCollector();
        addProperty(edits, queue, `dead-letter: ${name} after 3 receives`);
        if (this.facts.index.declarations.get(declarationKey('queue', name)).length === 0) {
            insertDeclarationAfter(edits, queue, `queue ${name} { retention: 14d }`);
        }
        return action(`Add dead-letter queue '${name}' to '${queue.name}'`, diagnostic, edits);
    }

    /** MQ040/MQ080 "did you mean": replace a misspelt reference with the closest name of the right kind. */
    protected useSuggestedName(diagnostic: Diagnostic, document: LangiumDocument, data: FixData): CodeAction | undefined {
        if (typeof data.suggestion !== 'string') return undefined;
        const edits = new EditCollector().add(document, { range: diagnostic.range, newText: data.suggestion });
        return action(`Change to '${data.suggestion}'`, diagnostic, edits);
    }

    /** MQ044: remove the second subscription of the same endpoint. */
    protected removeDuplicateSubscription(diagnostic: Diagnostic, document: LangiumDocument): CodeAction | undefined {
        const subscription: Subscription | undefined = AstUtils.getContainerOfType(this.nodeAt(document, diagnostic), isSubscription);
        if (!subscription) return undefined;
        const edits = new EditCollector();
        removeNode(edits, subscription);
        return action('Remove duplicate subscription', diagnostic, edits);
    }

    /** MQ045: drop the `raw` keyword. */
    protected removeRaw(diagnostic: Diagnostic, document: LangiumDocument): CodeAction {
        const { textDocument } = document;
        const edits = new EditCollector();
        removeWithLeadingSpace(edits, document, textDocument.offsetAt(diagnostic.range.start), textDocument.offsetAt(diagnostic.range.end));
        return action('Remove raw', diagnostic, edits);
    }

    /** MQ050: provision as many shards as the producers need. */
    protected setShards(diagnostic: Diagnostic, document: LangiumDocument, data: FixData): CodeAction | undefined {
        const capacity = AstUtils.getContainerOfType(this.nodeAt(document, diagnostic), isCapacityProperty);
        if (!capacity || !isStream(capacity.$container) || typeof data.shards !== 'number') return undefined;
        const edits = new EditCollector().add(document, { range: diagnostic.range, newText: String(data.shards) });
        const singular = GrammarUtils.findNodeForKeyword(capacity.$cstNode, 'shard');
        if (singular && data.shards > 1) edits.add(document, { range: singular.range, newText: 'shards' });
        return action(`Set ${data.shards} shards`, diagnostic, edits);
    }

    /** MQ051: give the consumer its own enhanced fan-out pipe. */
    protected setEnhancedFanOut(diagnostic: Diagnostic, document: LangiumDocument): CodeAction | undefined {
        const consumer = AstUtils.getContainerOfType(this.nodeAt(document, diagnostic), isConsumer);
        if (!consumer) return undefined;
        const edits = new EditCollector();
        setProperty(edits, consumer, 'fan-out', 'enhanced');
        return action('Set fan-out: enhanced', diagnostic, edits);
    }

    /** The AST node under the start of the diagnostic. */
    protected nodeAt(document: LangiumDocument, diagnostic: Diagnostic): AstNode | undefined {
        const root = document.parseResult.value.$cstNode;
        if (!root) return undefined;
        const offset = document.textDocument.offsetAt(diagnostic.range.start);
        return CstUtils.findLeafNodeAtOffset(root, offset)?.astNode;
    }
}

function action(title: string, diagnostic: Diagnostic, edits: EditCollector): CodeAction {
    return { title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: true, edit: edits.build() };
}
