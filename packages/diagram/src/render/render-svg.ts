import type { LayoutDirection, Point, PositionedDiagram, PositionedEdge, PositionedNode } from '../graph/diagram-graph.js';
import {
    BADGE_SIZE, EDGE_LABEL_FONT, EDGE_LABEL_LINE_HEIGHT, EDGE_LABEL_PADDING, ICON_SIZE, PAD_X, PAD_Y, TAG_FONT,
    lineBaseline, shapeInsets, tagWidth, textLeft
} from '../layout/node-geometry.js';
import { escapeXml as x } from './escape.js';
import { iconFor, iconSymbols } from './icons.js';
import { renderLegend } from './legend.js';
import { n, nodeShape } from './shapes.js';
import { stylesheet } from './styles.js';
import type { ThemeName } from './theme.js';

export interface RenderSvgOptions {
    /** Default `light`. */
    theme?: ThemeName;
    /** Draw the key to node kinds and edge styles below the diagram. Default true. */
    legend?: boolean;
}

const LEGEND_GAP = 12;
const MARGIN = 20;
const CORNER = 6;

function attrs(values: Record<string, string | number | undefined>): string {
    return Object.entries(values)
        .filter(([, value]) => value !== undefined)
        .map(([name, value]) => ` ${name}="${x(String(value))}"`)
        .join('');
}

function nodeSvg(node: PositionedNode, direction: LayoutDirection): string {
    const insets = shapeInsets(node.kind, direction);
    const at = node.nameLocation ?? node.location;
    const classes = ['mq-node', 'node', `mq-kind-${node.kind}`, node.badge ? `mq-has-${node.badge}` : ''].filter(Boolean).join(' ');
    const head = `<g${attrs({
        class: classes, transform: `translate(${n(node.x)},${n(node.y)})`,
        'data-id': node.id, 'data-kind': node.kind, 'data-name': node.name,
        'data-uri': at?.uri, 'data-line': at?.range.start.line, 'data-character': at?.range.start.character,
        'data-severity': node.badge
    })}>`;
    let body = `<title>${x(node.tooltip)}</title>` + nodeShape(node.kind, node.width, node.height, node.shards, direction);
    const iconX = insets.left + PAD_X;
    const iconY = insets.top + PAD_Y - 1;
    const icon = iconFor(node.kind, node.variant);
    body += `<use class="mq-icon" href="#mq-icon-${icon}" xlink:href="#mq-icon-${icon}" x="${n(iconX)}" y="${n(iconY)}" width="${ICON_SIZE}" height="${ICON_SIZE}"/>`;
    const left = textLeft(node.kind);
    node.lines.forEach((line, i) => {
        body += `<text class="mq-${line.role}" x="${n(left)}" y="${n(lineBaseline(node.kind, node.lines, i))}">${x(line.text)}</text>`;
    });
    let right = node.width - insets.right - PAD_X;
    if (node.badge) {
        const cx = right - BADGE_SIZE / 2;
        const cy = iconY + ICON_SIZE / 2;
        const shape = node.badge === 'error'
            ? `<circle class="mq-badge-shape" cx="${n(cx)}" cy="${n(cy)}" r="${BADGE_SIZE / 2}"/>`
            : `<path class="mq-badge-shape" d="M${n(cx)},${n(cy - 8)} L${n(cx + 8.5)},${n(cy + 7)} L${n(cx - 8.5)},${n(cy + 7)} Z"/>`;
        body += `<g class="mq-badge mq-badge-${node.badge}">${shape}<text x="${n(cx)}" y="${n(cy + 4)}" text-anchor="middle">!</text></g>`;
        right -= BADGE_SIZE + 4;
    }
    if (node.tag) {
        const w = tagWidth(node.tag);
        const top = iconY + 2;
        body += `<g class="mq-tag"><rect x="${n(right - w)}" y="${n(top)}" width="${n(w)}" height="14" rx="7"/>`
            + `<text x="${n(right - w / 2)}" y="${n(top + 10)}" text-anchor="middle" font-size="${TAG_FONT.size}">${x(node.tag)}</text></g>`;
    }
    return head + body + '</g>';
}

/** An orthogonal route as a path whose corners are slightly rounded. */
function routePath(points: readonly Point[]): string {
    if (points.length === 0) return '';
    let d = `M${n(points[0].x)},${n(points[0].y)}`;
    for (let i = 1; i < points.length; i++) {
        const p = points[i];
        const next = points[i + 1];
        if (next === undefined) {
            d += ` L${n(p.x)},${n(p.y)}`;
            break;
        }
        const prev = points[i - 1];
        const r = Math.min(CORNER, Math.hypot(p.x - prev.x, p.y - prev.y) / 2, Math.hypot(next.x - p.x, next.y - p.y) / 2);
        const towards = (from: Point, to: Point, dist: number): Point => {
            const len = Math.hypot(to.x - from.x, to.y - from.y) || 1;
            return { x: from.x + (to.x - from.x) * dist / len, y: from.y + (to.y - from.y) * dist / len };
        };
        const a = towards(p, prev, r);
        const b = towards(p, next, r);
        d += ` L${n(a.x)},${n(a.y)} Q${n(p.x)},${n(p.y)} ${n(b.x)},${n(b.y)}`;
    }
    return d;
}

function markerFor(edge: PositionedEdge): string {
    if (edge.kind === 'redrive' || edge.kind === 'subscription-dlq') return 'mq-arrow-dlq';
    return edge.kind === 'transform' ? 'mq-arrow-transform' : 'mq-arrow';
}

function isEnhanced(edge: PositionedEdge): boolean {
    return edge.kind === 'read' && (edge.label?.lines.some((line) => line.includes('enhanced')) ?? false);
}

function edgeClass(edge: PositionedEdge): string {
    return `mq-edge mq-edge-${edge.kind}${isEnhanced(edge) ? ' mq-edge-enhanced' : ''}`;
}

function edgeSvg(edge: PositionedEdge): string {
    const head = `<g${attrs({ class: edgeClass(edge), 'data-id': edge.id, 'data-kind': edge.kind, 'data-source': edge.source, 'data-target': edge.target })}>`;
    return head + `<title>${x(edge.tooltip)}</title>`
        + `<path class="mq-edge-line" d="${routePath(edge.points)}" marker-end="url(#${markerFor(edge)})"/></g>`;
}

function edgeLabelSvg(edge: PositionedEdge): string {
    if (!edge.label || !edge.labelPosition) return '';
    const { x: lx, y: ly } = edge.labelPosition;
    const label = edge.label;
    let out = `<g class="${edgeClass(edge)}" data-label-of="${x(edge.id)}"><g class="mq-edge-label">`
        + `<title>${x(edge.tooltip)}</title>`
        + `<rect x="${n(lx)}" y="${n(ly)}" width="${n(label.width)}" height="${n(label.height)}" rx="3"/>`;
    label.lines.forEach((line, i) => {
        const baseline = ly + EDGE_LABEL_PADDING + i * EDGE_LABEL_LINE_HEIGHT + EDGE_LABEL_FONT.size;
        out += `<text x="${n(lx + EDGE_LABEL_PADDING)}" y="${n(baseline)}">${x(line)}</text>`;
    });
    return out + '</g></g>';
}

function markers(): string {
    return ['mq-arrow', 'mq-arrow-dlq', 'mq-arrow-transform'].map((id) =>
        `<marker id="${id}" viewBox="0 0 10 10" refX="9.5" refY="5" markerWidth="8" markerHeight="8" markerUnits="userSpaceOnUse" orient="auto">`
        + `<path class="${id}" d="M0,0.5 L10,5 L0,9.5 z"/></marker>`
    ).join('');
}

/** Renders a laid-out diagram as a standalone SVG document (no scripts, no external resources). */
export function renderSvg(diagram: PositionedDiagram, options: RenderSvgOptions = {}): string {
    const theme = options.theme ?? 'light';
    const empty = diagram.nodes.length === 0;
    const legend = options.legend === false ? { svg: '', width: 0, height: 0 } : renderLegend(diagram, Math.max(diagram.width - 2 * MARGIN, 520));
    const legendTop = empty ? MARGIN + 30 : diagram.height;
    const width = Math.ceil(Math.max(diagram.width, legend.width + 2 * MARGIN, 240));
    const height = Math.ceil(legend.height > 0 ? legendTop + legend.height + LEGEND_GAP : Math.max(diagram.height, 80));

    const icons = iconSymbols(diagram.nodes.map((node) => iconFor(node.kind, node.variant)));
    const parts = [
        `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" class="mq-diagram mq-theme-${theme}"`
            + ` width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" data-direction="${diagram.direction}">`,
        `<style>\n${stylesheet(theme)}\n</style>`,
        `<defs>${markers()}${icons}</defs>`,
        `<rect class="mq-background" width="100%" height="100%"/>`,
        empty ? `<text class="mq-empty" x="${MARGIN}" y="${MARGIN + 16}">No resources declared</text>` : '',
        `<g class="mq-edges">${diagram.edges.map(edgeSvg).join('')}</g>`,
        `<g class="mq-edge-labels">${diagram.edges.map(edgeLabelSvg).join('')}</g>`,
        `<g class="mq-nodes">${diagram.nodes.map((node) => nodeSvg(node, diagram.direction)).join('')}</g>`,
        legend.svg ? `<g class="mq-legend" transform="translate(${MARGIN},${n(legendTop)})">${legend.svg}</g>` : '',
        '</svg>'
    ];
    return parts.filter((part) => part !== '').join('\n') + '\n';
}
