/**
 * Finding diagram nodes in the server's SVG. The renderer marks each node group with the class `mq-node` and
 * `data-id` (the stable id, e.g. `queue:orders.fifo`); edges carry `data-id` too but not the class.
 */
const NODE_SELECTOR = 'g.mq-node[data-id]';

export function nodeIdOf(element: Element): string | undefined {
    return element.getAttribute('data-id') ?? undefined;
}

export function findNodeElement(target: EventTarget | null): Element | undefined {
    return target instanceof Element ? target.closest(NODE_SELECTOR) ?? undefined : undefined;
}

export function nodeElementById(svg: SVGSVGElement, id: string): Element | undefined {
    for (const element of Array.from(svg.querySelectorAll(NODE_SELECTOR))) {
        if (nodeIdOf(element) === id) return element;
    }
    return undefined;
}

const SVG_NS = 'http://www.w3.org/2000/svg';
const STYLE_BLOCK = /<style\b[^>]*>([\s\S]*?)<\/style>/gi;

/**
 * Parses the SVG text into an element of this document. Scripts, foreign objects and event-handler attributes are
 * removed (the CSP would block them anyway). `<style>` blocks are taken out before parsing, because even the inert
 * DOMParser document reports them to the page's CSP, and re-attached as elements carrying the page nonce.
 */
export function parseSvg(text: string, nonce: string): SVGSVGElement | undefined {
    const styles: string[] = [];
    const markup = text.replace(STYLE_BLOCK, (_block, css: string) => {
        styles.push(css);
        return '';
    });
    const parsed = new DOMParser().parseFromString(markup, 'image/svg+xml');
    const root = parsed.documentElement;
    if (root.nodeName !== 'svg' || parsed.getElementsByTagName('parsererror').length > 0) return undefined;
    for (const element of Array.from(root.querySelectorAll('script, foreignObject'))) element.remove();
    for (const element of [root, ...Array.from(root.querySelectorAll('*'))]) {
        for (const attribute of Array.from(element.attributes)) {
            if (attribute.name.toLowerCase().startsWith('on')) element.removeAttribute(attribute.name);
        }
    }
    const svg = document.importNode(root, true) as unknown as SVGSVGElement;
    for (const css of styles.reverse()) {
        const style = document.createElementNS(SVG_NS, 'style');
        if (nonce) style.setAttribute('nonce', nonce);
        style.textContent = css;
        svg.insertBefore(style, svg.firstChild);
    }
    return svg;
}
