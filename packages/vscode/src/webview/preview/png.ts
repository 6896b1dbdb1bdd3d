/**
 * Rasterises the current SVG to PNG in the webview: the SVG goes into an <img> as a data: URL (allowed by the
 * CSP's img-src), is drawn onto a canvas over the theme's background and read back as a data: URL.
 */
export async function svgToPng(svg: SVGSVGElement, scale: number, background: string): Promise<string> {
    const { width, height } = svgSize(svg);
    const clone = svg.cloneNode(true) as SVGSVGElement;
    clone.setAttribute('width', String(width));
    clone.setAttribute('height', String(height));
    // Resolve the theme's CSS variables: a standalone image cannot see the webview's stylesheet.
    inlineComputedColors(svg, clone);
    const source = new XMLSerializer().serializeToString(clone);
    const image = new Image();
    image.decoding = 'sync';
    const loaded = new Promise<void>((resolve, reject) => {
        image.onload = () => resolve();
        image.onerror = () => reject(new Error('the SVG could not be decoded as an image'));
    });
    image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(source)}`;
    await loaded;
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(width * scale));
    canvas.height = Math.max(1, Math.round(height * scale));
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2D canvas available');
    context.fillStyle = background;
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.scale(scale, scale);
    context.drawImage(image, 0, 0, width, height);
    return canvas.toDataURL('image/png');
}

export function svgSize(svg: SVGSVGElement): { width: number; height: number } {
    const box = svg.viewBox.baseVal;
    if (box && box.width > 0 && box.height > 0) return { width: box.width, height: box.height };
    const width = Number.parseFloat(svg.getAttribute('width') ?? '') || svg.getBoundingClientRect().width || 800;
    const height = Number.parseFloat(svg.getAttribute('height') ?? '') || svg.getBoundingClientRect().height || 600;
    return { width, height };
}

const PAINT_PROPERTIES = ['fill', 'stroke', 'color', 'stop-color', 'font-family', 'font-size', 'font-weight', 'opacity', 'stroke-dasharray', 'stroke-width'] as const;

function inlineComputedColors(original: SVGSVGElement, clone: SVGSVGElement): void {
    const sources = [original, ...Array.from(original.querySelectorAll('*'))];
    const targets = [clone, ...Array.from(clone.querySelectorAll('*'))];
    sources.forEach((source, index) => {
        const target = targets[index];
        if (!target || target.tagName.toLowerCase() === 'style') return;
        const style = getComputedStyle(source);
        for (const property of PAINT_PROPERTIES) {
            const value = style.getPropertyValue(property);
            if (value) (target as SVGElement).style.setProperty(property, value);
        }
    });
}
