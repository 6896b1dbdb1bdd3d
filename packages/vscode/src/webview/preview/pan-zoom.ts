/** Pan and zoom of the diagram: a CSS transform on one element, driven by wheel, drag and keyboard. */
export interface View {
    zoom: number;
    panX: number;
    panY: number;
}

const MIN_ZOOM = 0.05;
const MAX_ZOOM = 8;

export class PanZoom {
    private view: View = { zoom: 1, panX: 0, panY: 0 };
    private drag: { x: number; y: number; panX: number; panY: number; moved: boolean } | undefined;

    constructor(
        private readonly viewport: HTMLElement,
        private readonly canvas: HTMLElement,
        private readonly onChange: (view: View) => void
    ) {
        viewport.addEventListener('wheel', (event) => this.onWheel(event), { passive: false });
        viewport.addEventListener('pointerdown', (event) => this.onPointerDown(event));
        viewport.addEventListener('pointermove', (event) => this.onPointerMove(event));
        viewport.addEventListener('pointerup', () => this.endDrag());
        viewport.addEventListener('pointercancel', () => this.endDrag());
    }

    get current(): View {
        return { ...this.view };
    }

    /** True right after a drag, so the click that ends a pan does not select a node. */
    get justDragged(): boolean {
        return this.drag?.moved ?? false;
    }

    set(view: View): void {
        this.view = { zoom: clamp(view.zoom, MIN_ZOOM, MAX_ZOOM), panX: view.panX, panY: view.panY };
        this.apply();
    }

    zoomBy(factor: number, centerX = this.viewport.clientWidth / 2, centerY = this.viewport.clientHeight / 2): void {
        const zoom = clamp(this.view.zoom * factor, MIN_ZOOM, MAX_ZOOM);
        const ratio = zoom / this.view.zoom;
        this.set({ zoom, panX: centerX - (centerX - this.view.panX) * ratio, panY: centerY - (centerY - this.view.panY) * ratio });
    }

    /** Fits content of the given size into the viewport, never enlarging beyond 1.5×. */
    fit(width: number, height: number): void {
        const margin = 24;
        const availableWidth = Math.max(this.viewport.clientWidth - 2 * margin, 50);
        const availableHeight = Math.max(this.viewport.clientHeight - 2 * margin, 50);
        const zoom = clamp(Math.min(availableWidth / width, availableHeight / height, 1.5), MIN_ZOOM, MAX_ZOOM);
        this.set({
            zoom,
            panX: (this.viewport.clientWidth - width * zoom) / 2,
            panY: (this.viewport.clientHeight - height * zoom) / 2
        });
    }

    /** Pans so that the box (in content coordinates) is visible, centring it when it is outside. */
    reveal(x: number, y: number, width: number, height: number): void {
        const { zoom, panX, panY } = this.view;
        const left = x * zoom + panX;
        const top = y * zoom + panY;
        const inside = left >= 0 && top >= 0 && left + width * zoom <= this.viewport.clientWidth && top + height * zoom <= this.viewport.clientHeight;
        if (inside) return;
        this.set({ zoom, panX: this.viewport.clientWidth / 2 - (x + width / 2) * zoom, panY: this.viewport.clientHeight / 2 - (y + height / 2) * zoom });
    }

    private apply(): void {
        const { zoom, panX, panY } = this.view;
        this.canvas.style.transform = `translate(${panX}px, ${panY}px) scale(${zoom})`;
        this.onChange(this.current);
    }

    private onWheel(event: WheelEvent): void {
        event.preventDefault();
        const rect = this.viewport.getBoundingClientRect();
        if (event.ctrlKey || event.metaKey || Math.abs(event.deltaX) < 1) {
            this.zoomBy(Math.exp(-event.deltaY * 0.0015), event.clientX - rect.left, event.clientY - rect.top);
        } else {
            this.set({ ...this.view, panX: this.view.panX - event.deltaX, panY: this.view.panY - event.deltaY });
        }
    }

    private onPointerDown(event: PointerEvent): void {
        if (event.button !== 0) return;
        this.drag = { x: event.clientX, y: event.clientY, panX: this.view.panX, panY: this.view.panY, moved: false };
    }

    private onPointerMove(event: PointerEvent): void {
        const drag = this.drag;
        if (!drag) return;
        const dx = event.clientX - drag.x;
        const dy = event.clientY - drag.y;
        if (!drag.moved && Math.hypot(dx, dy) < 4) return;
        if (!drag.moved) this.viewport.setPointerCapture(event.pointerId);
        drag.moved = true;
        this.viewport.classList.add('mq-panning');
        this.set({ ...this.view, panX: drag.panX + dx, panY: drag.panY + dy });
    }

    private endDrag(): void {
        this.viewport.classList.remove('mq-panning');
        // Keep `moved` readable by the click handler that fires right after pointerup.
        const drag = this.drag;
        setTimeout(() => {
            if (this.drag === drag) this.drag = undefined;
        }, 0);
    }
}

function clamp(value: number, min: number, max: number): number {
    return Number.isFinite(value) ? Math.min(max, Math.max(min, value)) : 1;
}
