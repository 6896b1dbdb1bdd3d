import type { AstNode, CstNode, LangiumDocument, MaybePromise } from 'langium';
import { CstUtils, GrammarAST, GrammarUtils } from 'langium';
import { AstNodeHoverProvider } from 'langium/lsp';
import type { Hover, HoverParams } from 'vscode-languageserver';
import type { Declaration } from '../generated/ast.js';
import { isDeclaration, isExpectation, isScaleProperty, isStream } from '../generated/ast.js';
import { findMetric } from '../model/metrics.js';
import { renderMetric, resourceKindOfType, scalingMetric } from './metric-docs.js';
import { declarationKind, effectiveProperties, isFifoDeclaration, streamWriteCapacity } from './effective-config.js';
import { propertyDoc, renderPropertyDoc } from './property-docs.js';

/**
 * Hover on a property keyword explains it (meaning, AWS default and range, source); hover on a resource name,
 * declared or referenced, shows the resource's effective configuration with every default filled in.
 */
export class MqHoverProvider extends AstNodeHoverProvider {

    override async getHoverContent(document: LangiumDocument, params: HoverParams): Promise<Hover | undefined> {
        const root = document.parseResult.value.$cstNode;
        if (!root) return undefined;
        const offset = document.textDocument.offsetAt(params.position);
        const leaf = CstUtils.findLeafNodeAtOffset(root, offset);
        if (!leaf) return undefined;
        const keyDoc = this.propertyKeyHover(leaf) ?? this.metricHover(leaf);
        if (keyDoc) return keyDoc;
        return await super.getHoverContent(document, params) ?? this.valueKeywordHover(leaf);
    }

    /** A keyword value (`sqs-managed`, `per-group`, `enhanced`) is explained by its property's documentation. */
    protected valueKeywordHover(leaf: CstNode): Hover | undefined {
        const property = leaf.astNode as AstNode & { key?: unknown };
        if (typeof property.key !== 'string' || property.key === leaf.text || !GrammarAST.isKeyword(leaf.grammarSource)) return undefined;
        const kind = property.$container ? declarationKind(property.$container) : undefined;
        const doc = kind ? propertyDoc(kind, property.key) : undefined;
        return doc ? { contents: { kind: 'markdown', value: renderPropertyDoc(doc) }, range: leaf.range } : undefined;
    }

    protected propertyKeyHover(leaf: CstNode): Hover | undefined {
        const property = leaf.astNode as AstNode & { key?: unknown };
        if (typeof property.key !== 'string' || property.key !== leaf.text || property.$cstNode?.offset !== leaf.offset) return undefined;
        const kind = property.$container ? declarationKind(property.$container) : undefined;
        const doc = kind ? propertyDoc(kind, property.key) : undefined;
        return doc ? { contents: { kind: 'markdown', value: renderPropertyDoc(doc) }, range: leaf.range } : undefined;
    }

    /** The metric of `expect shipping.age-of-oldest < 5m` or of `scale-out: when visible > 1000 ...`. */
    protected metricHover(leaf: CstNode): Hover | undefined {
        const node = leaf.astNode;
        if (!isExpectation(node) && !isScaleProperty(node)) return undefined;
        const metricNode = GrammarUtils.findNodeForProperty(node.$cstNode, 'metric');
        if (!metricNode || metricNode.offset !== leaf.offset || !node.metric) return undefined;
        let content: string | undefined;
        if (isExpectation(node)) {
            const kind = node.resource?.ref ? resourceKindOfType(node.resource.ref.$type) : undefined;
            const metric = kind ? findMetric(kind, node.metric) : undefined;
            content = kind && metric ? renderMetric(kind, metric) : undefined;
        } else {
            const metric = scalingMetric(node.metric);
            content = metric ? renderMetric(metric.name === 'iterator-age' ? 'stream' : 'queue', metric) : undefined;
        }
        return content ? { contents: { kind: 'markdown', value: content }, range: leaf.range } : undefined;
    }

    protected override getAstNodeHoverContent(node: AstNode): MaybePromise<string | undefined> {
        return isDeclaration(node) ? renderDeclaration(node) : undefined;
    }
}

export function renderDeclaration(node: Declaration): string | undefined {
    const kind = declarationKind(node);
    if (!kind || !node.name) return undefined;
    const flavour = kind === 'queue' || kind === 'topic' ? (isFifoDeclaration(node) ? ' (FIFO)' : ' (standard)') : '';
    const lines = [`**${kind}** \`${node.name}\`${flavour}`];
    const properties = effectiveProperties(node);
    if (properties.length > 0) {
        lines.push('', '| property | value |', '|---|---|');
        for (const property of properties) {
            const value = property.value.replace(/\|/g, '\\|');
            lines.push(`| ${property.key} | \`${value}\`${property.declared ? '' : ' *(default)*'} |`);
        }
    }
    if (isStream(node)) {
        lines.push('', `Write capacity: ${streamWriteCapacity(node).label}`);
    }
    return lines.join('\n');
}
