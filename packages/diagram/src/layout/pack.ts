export interface PackedBox {
    x: number;
    y: number;
}

export interface Packing {
    positions: PackedBox[];
    width: number;
    height: number;
}

/** Width/height ratio the arrangement of components aims for (a landscape page or editor). */
const ASPECT_RATIO = 1.6;
const CANDIDATES = 24;

/**
 * Rows of columns: a box goes below the previous one when it fits within the row's height (so small
 * components fill the space beside a tall one), otherwise beside it, otherwise on a new row.
 */
function rows(boxes: ReadonlyArray<{ width: number; height: number }>, maxWidth: number): Packing {
    const positions: PackedBox[] = [];
    let rowY = 0;
    let rowHeight = 0;
    let columnX = 0;
    let columnWidth = 0;
    let columnBottom = 0;
    let width = 0;
    for (const box of boxes) {
        const empty = positions.length === 0;
        if (!empty && rowY + rowHeight - columnBottom >= box.height && columnX + Math.max(columnWidth, box.width) <= Math.max(maxWidth, columnX + columnWidth)) {
            positions.push({ x: columnX, y: columnBottom });
            columnBottom += box.height;
            columnWidth = Math.max(columnWidth, box.width);
        } else {
            let x = empty ? 0 : columnX + columnWidth;
            if (x > 0 && x + box.width > maxWidth) {
                rowY += rowHeight;
                rowHeight = 0;
                x = 0;
            }
            positions.push({ x, y: rowY });
            columnX = x;
            columnWidth = box.width;
            columnBottom = rowY + box.height;
            rowHeight = Math.max(rowHeight, box.height);
        }
        width = Math.max(width, columnX + columnWidth);
    }
    return { positions, width, height: rowY + rowHeight };
}

/**
 * Arranges boxes (laid-out components, margins included) keeping their order. Tries a range of row
 * widths and keeps the arrangement whose proportions come closest to `ASPECT_RATIO`.
 */
export function packRows(boxes: ReadonlyArray<{ width: number; height: number }>): Packing {
    if (boxes.length === 0) return { positions: [], width: 0, height: 0 };
    const narrowest = Math.max(...boxes.map((box) => box.width));
    const widest = boxes.reduce((sum, box) => sum + box.width, 0);
    let best: Packing | undefined;
    let bestScore = Infinity;
    for (let i = 0; i <= CANDIDATES; i++) {
        const packing = rows(boxes, narrowest * (widest / narrowest) ** (i / CANDIDATES));
        const score = Math.abs(Math.log(packing.width / Math.max(1, packing.height) / ASPECT_RATIO));
        if (score < bestScore - 1e-9) {
            best = packing;
            bestScore = score;
        }
    }
    return best!;
}
