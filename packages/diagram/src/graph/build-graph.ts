import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api.js';
import type { ArchitectureModel, ModelDiagnostic } from '@mq-architect/language/model';
import type { DiagramEdge, DiagramGraph, DiagramNode, LayoutDirection } from './diagram-graph.js';
import { assignDiagnostics, worstBadge } from './diagnostics.js';
import type { DiagnosticOwner } from './diagnostics.js';
import { GraphBuilder } from './graph-elements.js';
import type { NodeContent } from './node-content.js';
import { DefaultLayoutConfigurator } from '../layout/layout-options.js';
import type { LayoutConfigurator } from '../layout/layout-options.js';
import { measureEdgeLabel, measureNode } from '../layout/node-geometry.js';

export interface BuildGraphOptions {
    /** Diagnostics of the workspace; each lands on the element whose declaration contains it. */
    diagnostics?: readonly ModelDiagnostic[];
    /** Main flow direction, default `RIGHT` (producers on the left, destinations on the right). */
    direction?: LayoutDirection;
    layoutConfigurator?: LayoutConfigurator;
}

const KIND_LABELS: Record<string, string> = {
    queue: 'SQS queue', 'fifo-queue': 'SQS FIFO queue', topic: 'SNS topic', 'fifo-topic': 'SNS FIFO topic',
    stream: 'Kinesis stream', firehose: 'Data Firehose', destination: 'Firehose destination', function: 'Lambda function',
    producer: 'producer', consumer: 'consumer group', endpoint: 'subscription endpoint', missing: 'unresolved reference'
};

const SEVERITY_MARKS: Record<string, string> = { error: '✖', warning: '⚠', info: 'ℹ', hint: '·' };

function tooltipOf(content: NodeContent, diagnostics: DiagramNode['diagnostics']): string {
    const head = `${KIND_LABELS[content.kind] ?? content.kind} ${content.name}`;
    const description = content.lines.slice(2).map((line) => line.text);
    const problems = diagnostics.map((d) => `${SEVERITY_MARKS[d.severity] ?? ''} ${d.code}: ${d.message}`);
    return [head, ...description, ...content.facts, ...(problems.length > 0 ? ['', ...problems] : [])].join('\n');
}

/**
 * The pure transform ArchitectureModel → ELK graph: typed, measured nodes and edges plus the ELK input
 * graph with the same ids. Model objects are looked up by identity (references in the model point at the
 * referenced objects); references that did not resolve become `missing` nodes, so a broken document
 * still shows what it says.
 */
export function buildGraph(model: ArchitectureModel, options: BuildGraphOptions = {}): DiagramGraph {
    const direction = options.direction ?? 'RIGHT';
    const configurator = options.layoutConfigurator ?? new DefaultLayoutConfigurator();
    const pending = new GraphBuilder(model).build();

    const owners: DiagnosticOwner[] = [];
    for (const node of pending.nodes) {
        if (node.ownsDiagnostics && node.location) owners.push({ id: node.id, location: node.location });
    }
    const diagnosticsOf = assignDiagnostics(owners, options.diagnostics ?? []);

    const diagramNodes: DiagramNode[] = pending.nodes.map((node) => {
        const diagnostics = diagnosticsOf.get(node.id) ?? [];
        const badge = worstBadge(diagnostics);
        const { content } = node;
        const measured = measureNode(content.kind, content.lines, content.tag, badge !== undefined, direction);
        return {
            id: node.id,
            kind: content.kind,
            name: content.name,
            lines: measured.lines,
            ...(content.tag !== undefined ? { tag: content.tag } : {}),
            ...(content.shards !== undefined ? { shards: content.shards } : {}),
            ...(content.variant !== undefined ? { variant: content.variant } : {}),
            width: measured.width,
            height: measured.height,
            ...(node.location ? { location: node.location } : {}),
            ...(node.nameLocation ? { nameLocation: node.nameLocation } : {}),
            diagnostics,
            ...(badge ? { badge } : {}),
            tooltip: tooltipOf(content, diagnostics)
        };
    });
    const diagramEdges: DiagramEdge[] = pending.edges.map((edge) => ({
        id: edge.id,
        kind: edge.kind,
        source: edge.source,
        target: edge.target,
        ...(edge.content.label.length > 0 ? { label: measureEdgeLabel(edge.content.label) } : {}),
        tooltip: edge.content.tooltip,
        ...(edge.location ? { location: edge.location } : {})
    }));

    const elk: ElkNode = {
        id: 'root',
        layoutOptions: configurator.graphOptions(direction, diagramNodes.length),
        children: diagramNodes.map((node) => {
            const layoutOptions = configurator.nodeOptions(node);
            return { id: node.id, width: node.width, height: node.height, ...(layoutOptions ? { layoutOptions } : {}) };
        }),
        edges: diagramEdges.map((edge): ElkExtendedEdge => {
            const labelOptions = configurator.edgeLabelOptions(edge);
            return {
                id: edge.id,
                sources: [edge.source],
                targets: [edge.target],
                labels: edge.label
                    ? [{ id: `${edge.id}:label`, text: edge.label.lines.join('\n'), width: edge.label.width, height: edge.label.height,
                        ...(labelOptions ? { layoutOptions: labelOptions } : {}) }]
                    : []
            };
        })
    };
    return { direction, elk, nodes: diagramNodes, edges: diagramEdges };
}
