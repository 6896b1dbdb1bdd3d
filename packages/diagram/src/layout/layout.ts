import ElkModule from 'elkjs/lib/elk.bundled.js';
import type { ELK as ElkApi, ElkEdgeSection, ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api.js';
import type { DiagramGraph, Point, PositionedDiagram, PositionedEdge, PositionedNode } from '../graph/diagram-graph.js';

// The bundled build runs the layouter in-process (no worker); see STACK.md §8 for why this import form.
const ELK = ElkModule.default;
let shared: ElkApi | undefined;

function elk(): ElkApi {
    shared ??= new ELK({ algorithms: ['layered'] });
    return shared;
}

function sectionPoints(section: ElkEdgeSection): Point[] {
    return [section.startPoint, ...(section.bendPoints ?? []), section.endPoint].map((p) => ({ x: p.x, y: p.y }));
}

// The preview re-requests the diagram after every validation; most requests after a theme switch
// or an edit that changes no name, size or edge lay out exactly the same ELK input again.
const CACHE_SIZE = 4;
const cache = new Map<string, ElkNode>();

async function layoutCached(input: ElkNode): Promise<ElkNode> {
    const key = JSON.stringify(input);
    const hit = cache.get(key);
    if (hit !== undefined) {
        cache.delete(key);
        cache.set(key, hit);
        return hit;
    }
    // ELK writes positions into the graph it is given; lay out a copy so the caller's graph stays reusable.
    const result = await elk().layout(structuredClone(input));
    cache.set(key, result);
    if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
    return result;
}

export interface LayoutOptions {
    /** Reuse the layout of an identical ELK input from the last few calls. Default true. */
    cache?: boolean;
}

/**
 * Lays out a diagram graph with ELK (synchronously in this thread, so call it off any UI thread:
 * in the language server or a worker) and returns it as positioned, JSON-safe data.
 */
export async function layoutGraph(graph: DiagramGraph, options: LayoutOptions = {}): Promise<PositionedDiagram> {
    let result: ElkNode;
    try {
        result = options.cache === false ? await elk().layout(structuredClone(graph.elk)) : await layoutCached(graph.elk);
    } catch (error) {
        throw new Error(`diagram layout failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
    const placed = new Map((result.children ?? []).map((child) => [child.id, child]));
    const routed = new Map((result.edges ?? []).map((edge: ElkExtendedEdge) => [edge.id, edge]));

    const nodes: PositionedNode[] = graph.nodes.map((node) => {
        const child = placed.get(node.id);
        return { ...node, x: child?.x ?? 0, y: child?.y ?? 0 };
    });
    const edges: PositionedEdge[] = graph.edges.map((edge) => {
        const laid = routed.get(edge.id);
        const points = (laid?.sections ?? []).flatMap(sectionPoints);
        const label = laid?.labels?.[0];
        return {
            ...edge,
            points,
            ...(edge.label && label?.x !== undefined && label.y !== undefined ? { labelPosition: { x: label.x, y: label.y } } : {})
        };
    });
    return { direction: graph.direction, width: result.width ?? 0, height: result.height ?? 0, nodes, edges };
}
