import type { ElkNode } from 'elkjs/lib/elk-api.js';

/**
 * Splits a flat ELK graph into its connected components, each a graph of its own with the root's
 * options. Nodes without edges are gathered into one group (ELK packs them itself). Components come
 * in the order of their first node, so declaration order decides the arrangement.
 */
export function splitComponents(graph: ElkNode): ElkNode[] {
    const children = graph.children ?? [];
    const edges = graph.edges ?? [];
    const index = new Map(children.map((child, i) => [child.id, i]));
    const parent = children.map((_, i) => i);
    const find = (i: number): number => {
        while (parent[i] !== i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    };
    const connected = new Set<number>();
    for (const edge of edges) {
        const ends = [...edge.sources, ...edge.targets].map((id) => index.get(id)).filter((i): i is number => i !== undefined);
        for (const i of ends) connected.add(i);
        for (let k = 1; k < ends.length; k++) parent[find(ends[k])] = find(ends[0]);
    }
    const ISOLATED = -1;
    const groups = new Map<number, ElkNode>();
    const groupOf = (i: number) => (connected.has(i) ? find(i) : ISOLATED);
    children.forEach((child, i) => {
        const key = groupOf(i);
        let group = groups.get(key);
        if (group === undefined) {
            group = { id: graph.id, layoutOptions: graph.layoutOptions, children: [], edges: [] };
            groups.set(key, group);
        }
        group.children!.push(child);
    });
    for (const edge of edges) {
        const first = index.get(edge.sources[0] ?? edge.targets[0]);
        if (first !== undefined) groups.get(groupOf(first))?.edges!.push(edge);
    }
    const isolated = groups.get(ISOLATED);
    groups.delete(ISOLATED);
    return [...groups.values(), ...(isolated ? [isolated] : [])];
}
