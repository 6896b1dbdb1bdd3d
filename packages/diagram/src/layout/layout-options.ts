import type { LayoutOptions } from 'elkjs/lib/elk-api.js';
import type { DiagramEdge, DiagramNode, LayoutDirection } from '../graph/diagram-graph.js';

/**
 * Every ELK option the diagram uses, in one place. The graph builder asks the configurator for the
 * options of the graph, of each node and of each edge label; swap the configurator to tune layout
 * without touching the transform.
 */
export interface LayoutConfigurator {
    graphOptions(direction: LayoutDirection, nodeCount: number): LayoutOptions;
    nodeOptions(node: DiagramNode): LayoutOptions | undefined;
    edgeLabelOptions(edge: DiagramEdge): LayoutOptions | undefined;
}

/** Beyond this many nodes, crossing minimisation does fewer sweeps so large models stay fast. */
const LARGE_GRAPH = 300;

export class DefaultLayoutConfigurator implements LayoutConfigurator {
    graphOptions(direction: LayoutDirection, nodeCount: number): LayoutOptions {
        return {
            'elk.algorithm': 'layered',
            'elk.direction': direction,
            'elk.edgeRouting': 'ORTHOGONAL',
            'elk.padding': '[top=20,left=20,bottom=20,right=20]',
            'elk.spacing.nodeNode': '26',
            'elk.spacing.edgeNode': '16',
            'elk.spacing.edgeEdge': '10',
            'elk.spacing.edgeLabel': '4',
            'elk.spacing.componentComponent': '40',
            'elk.layered.spacing.nodeNodeBetweenLayers': '56',
            'elk.layered.spacing.edgeNodeBetweenLayers': '16',
            'elk.layered.spacing.edgeEdgeBetweenLayers': '10',
            'elk.separateConnectedComponents': 'true',
            // Keep declaration order where the layout is free to choose: small edits do not reshuffle the picture.
            'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
            'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
            'elk.layered.nodePlacement.bk.fixedAlignment': 'BALANCED',
            'elk.layered.edgeLabels.sideSelection': 'SMART_DOWN',
            'elk.layered.thoroughness': nodeCount > LARGE_GRAPH ? '2' : '7'
        };
    }

    nodeOptions(node: DiagramNode): LayoutOptions | undefined {
        // Producers start the flow and destinations end it, whatever the rest of the graph looks like.
        if (node.kind === 'producer') return { 'elk.layered.layering.layerConstraint': 'FIRST' };
        if (node.kind === 'destination') return { 'elk.layered.layering.layerConstraint': 'LAST' };
        return undefined;
    }

    edgeLabelOptions(_edge: DiagramEdge): LayoutOptions | undefined {
        return { 'elk.edgeLabels.placement': 'CENTER', 'elk.edgeLabels.inline': 'false' };
    }
}
