import type { ArchitectureModel } from '@mq-architect/language/model';
import { buildGraph } from './graph/build-graph.js';
import type { BuildGraphOptions } from './graph/build-graph.js';
import type { PositionedDiagram } from './graph/diagram-graph.js';
import { layoutGraph } from './layout/layout.js';
import type { LayoutOptions } from './layout/layout.js';
import { renderSvg } from './render/render-svg.js';
import type { RenderSvgOptions } from './render/render-svg.js';

export type ArchitectureLayoutOptions = BuildGraphOptions & LayoutOptions;
export type ArchitectureDiagramOptions = ArchitectureLayoutOptions & RenderSvgOptions;

/** Model → positioned diagram (JSON-safe), for webviews that draw it themselves. */
export async function layoutArchitecture(model: ArchitectureModel, options: ArchitectureLayoutOptions = {}): Promise<PositionedDiagram> {
    return layoutGraph(buildGraph(model, options), options);
}

/**
 * Model → standalone SVG: build the graph, lay it out with ELK in this thread, render. Run it where
 * blocking for a moment is harmless (CLI, language server, worker), never on a UI thread.
 */
export async function renderArchitectureSvg(model: ArchitectureModel, options: ArchitectureDiagramOptions = {}): Promise<string> {
    return renderSvg(await layoutArchitecture(model, options), options);
}
