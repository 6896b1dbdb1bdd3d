import type { AstNode, AstNodeDescription, GrammarAST, IndexManager, LangiumDocument, LangiumDocuments, MaybePromise, ReferenceInfo } from 'langium';
import { AstUtils, GrammarAST as Grammar } from 'langium';
import type { CompletionAcceptor, CompletionContext, CompletionValueItem, LangiumServices, NextFeature } from 'langium/lsp';
import { DefaultCompletionProvider } from 'langium/lsp';
import type { CancellationToken, CompletionItem, CompletionList, CompletionParams } from 'vscode-languageserver';
import { CompletionItemKind, InsertTextFormat, MarkupKind } from 'vscode-languageserver';
import { isDeclaration, isModel, isTopic, Resource } from '../generated/ast.js';
import type { ResourceKind } from '../model/architecture-model.js';
import type { MetricInfo } from '../model/metrics.js';
import { findMetric } from '../model/metrics.js';
import { MqIndexManager } from '../scope/mq-index-manager.js';
import { metricsOf, renderMetric, resourceKindOfType, SCALING_METRICS } from './metric-docs.js';
import { expectedUnitFamily, UNITS } from './completion-units.js';
import { FILTER_OPERATORS, isInsideFilterPolicy } from './filter-operators.js';
import { KIND_OF_TYPE, PROPERTY_DOCS, propertyDoc, renderPropertyDoc } from './property-docs.js';
import type { DeclarationKind, PropertyDoc } from './property-docs.js';

/** Scenario statements are written `surge p x2 ...`, without the colon of properties. */
const STATEMENT_KEYS = new Set(['surge', 'outage', 'expect']);

/**
 * Completion for MQ: property names with their documentation and a value snippet, keyword values,
 * units after a number, references of the kind the position expects (the scope provider filters by type),
 * and filter-policy operators inside `filter attributes { ... }`.
 */
export class MqCompletionProvider extends DefaultCompletionProvider {

    protected readonly indexManager: IndexManager;
    protected readonly documents: LangiumDocuments;

    constructor(services: LangiumServices) {
        super(services);
        this.indexManager = services.shared.workspace.IndexManager;
        this.documents = services.shared.workspace.LangiumDocuments;
    }

    /** `outage "…"`: the endpoints of the workspace's http/https/email/email-json/sms/application subscriptions. */
    protected override completionFor(context: CompletionContext, next: NextFeature, acceptor: CompletionAcceptor): MaybePromise<void> {
        const assignment = AstUtils.getContainerOfType(next.feature, Grammar.isAssignment);
        if (assignment?.feature === 'endpoint' && AstUtils.getContainerOfType(next.feature, Grammar.isParserRule)?.name === 'Outage') {
            for (const endpoint of this.subscriptionEndpoints()) {
                acceptor(context, { label: JSON.stringify(endpoint), kind: CompletionItemKind.Value, detail: 'subscription endpoint', sortText: '1' });
            }
            return;
        }
        return super.completionFor(context, next, acceptor);
    }

    protected subscriptionEndpoints(): Set<string> {
        const endpoints = new Set<string>();
        for (const document of this.documents.all) {
            const model = document.parseResult.value;
            if (!isModel(model)) continue;
            for (const declaration of model.declarations) {
                if (!isTopic(declaration)) continue;
                for (const subscription of declaration.subscriptions) if (subscription.endpoint !== undefined) endpoints.add(subscription.endpoint);
            }
        }
        return endpoints;
    }

    override async getCompletion(document: LangiumDocument, params: CompletionParams, cancelToken?: CancellationToken): Promise<CompletionList | undefined> {
        const text = document.textDocument.getText();
        const offset = document.textDocument.offsetAt(params.position);
        const units = this.unitCompletions(document, params, text, offset);
        if (units) return { isIncomplete: false, items: units };
        if (isInsideFilterPolicy(text, offset)) return { isIncomplete: false, items: this.filterOperatorCompletions() };
        const metrics = this.metricCompletions(document, params, text, offset);
        if (metrics) return { isIncomplete: false, items: metrics };
        return super.getCompletion(document, params, cancelToken);
    }

    protected unitCompletions(document: LangiumDocument, params: CompletionParams, text: string, offset: number): CompletionItem[] | undefined {
        const lineStart = document.textDocument.offsetAt({ line: params.position.line, character: 0 });
        const linePrefix = text.slice(lineStart, offset);
        // A number starting a value or the upper end of a range (`200ms..8`), not part of a name or `x2`.
        const number = /(?:^|[^\w.-]|\.\.)(\d+(?:\.\d+)?)$/.exec(linePrefix)?.[1];
        if (!number) return undefined;
        const family = expectedUnitFamily(linePrefix);
        if (!family) return undefined;
        const start = { line: params.position.line, character: params.position.character - number.length };
        return UNITS[family].map((unit, index) => ({
            label: `${number}${unit.suffix}`,
            kind: CompletionItemKind.Unit,
            detail: unit.detail,
            sortText: String(index).padStart(2, '0'),
            textEdit: { range: { start, end: params.position }, newText: `${number}${unit.suffix}` }
        }));
    }

    /** After `expect RESOURCE.` the metrics of that resource's kind; after `scale-out: when` the scalable metrics. */
    protected metricCompletions(document: LangiumDocument, params: CompletionParams, text: string, offset: number): CompletionItem[] | undefined {
        const lineStart = document.textDocument.offsetAt({ line: params.position.line, character: 0 });
        const linePrefix = text.slice(lineStart, offset);
        const expectation = /\bexpect\s+(\S+)\.([\w-]*)$/.exec(linePrefix);
        const scaling = /\bscale-(?:out|in)\s*:\s*when\s+([\w-]*)$/.exec(linePrefix);
        const partial = expectation?.[2] ?? scaling?.[1];
        if (partial === undefined) return undefined;
        const range = { start: { line: params.position.line, character: params.position.character - partial.length }, end: params.position };
        let entries: Array<{ kind: ResourceKind; metric: MetricInfo }>;
        if (expectation) {
            const name = expectation[1]!;
            const resource = this.indexManager instanceof MqIndexManager
                ? this.indexManager.findElement(name, Resource.$type)
                : this.indexManager.allElements(Resource.$type).find(description => description.name === name);
            const kind = resource ? resourceKindOfType(resource.type) : undefined;
            if (!kind) return undefined;
            entries = metricsOf(kind).map(metric => ({ kind, metric }));
        } else {
            entries = SCALING_METRICS.map(({ kind, name }) => ({ kind, metric: findMetric(kind, name)! }));
        }
        return entries.map(({ kind, metric }, index) => ({
            label: metric.name,
            kind: CompletionItemKind.Field,
            detail: `${kind} · ${metric.statistic} · ${metric.unit}`,
            documentation: { kind: MarkupKind.Markdown, value: renderMetric(kind, metric) },
            sortText: String(index).padStart(2, '0'),
            textEdit: { range, newText: metric.name }
        }));
    }

    protected filterOperatorCompletions(): CompletionItem[] {
        return FILTER_OPERATORS.map((operator, index) => ({
            label: operator.label,
            kind: CompletionItemKind.Operator,
            detail: 'SNS filter operator',
            documentation: { kind: MarkupKind.Markdown, value: operator.documentation },
            insertText: operator.snippet,
            insertTextFormat: InsertTextFormat.Snippet,
            sortText: String(index).padStart(2, '0')
        }));
    }

    protected override completionForKeyword(context: CompletionContext, keyword: GrammarAST.Keyword, acceptor: CompletionAcceptor): MaybePromise<void> {
        if (!this.filterKeyword(context, keyword)) return;
        const container: AstNode | undefined = keyword.$container;
        const assignment = Grammar.isAssignment(container) ? container : undefined;
        if (assignment?.feature === 'key') {
            const doc = this.keyDoc(context.node, keyword.value);
            if (doc) {
                const separator = STATEMENT_KEYS.has(doc.key) ? ' ' : ': ';
                acceptor(context, {
                    label: doc.key,
                    kind: CompletionItemKind.Property,
                    detail: doc.defaultValue ? `default ${doc.defaultValue}` : 'property',
                    documentation: { kind: MarkupKind.Markdown, value: renderPropertyDoc(doc) },
                    insertText: `${doc.key}${separator}${doc.snippet}`,
                    insertTextFormat: InsertTextFormat.Snippet,
                    sortText: '0'
                });
                return;
            }
        }
        const isValue = assignment !== undefined && assignment.feature !== 'key';
        acceptor(context, {
            label: keyword.value,
            kind: isValue ? CompletionItemKind.EnumMember : CompletionItemKind.Keyword,
            detail: isValue ? 'value' : 'keyword',
            sortText: isValue ? '0' : '1'
        });
    }

    /** The documentation of a property key, for the declaration the cursor is in (or any declaration kind if unknown). */
    protected keyDoc(node: AstNode | undefined, key: string): PropertyDoc | undefined {
        let current = node;
        while (current && !isDeclaration(current)) current = current.$container;
        const kind = current ? KIND_OF_TYPE[current.$type] : undefined;
        if (kind) return propertyDoc(kind, key);
        for (const candidate of Object.keys(PROPERTY_DOCS) as DeclarationKind[]) {
            const doc = propertyDoc(candidate, key);
            if (doc) return doc;
        }
        return undefined;
    }

    protected override createReferenceCompletionItem(description: AstNodeDescription, refInfo: ReferenceInfo, context: CompletionContext): CompletionValueItem {
        const item = super.createReferenceCompletionItem(description, refInfo, context);
        return { ...item, detail: KIND_OF_TYPE[description.type] ?? description.type, sortText: '0' };
    }
}
