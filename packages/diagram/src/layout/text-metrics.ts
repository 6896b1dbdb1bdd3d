/**
 * Deterministic text widths without a DOM. The diagram renders with `FONT_FAMILY`, whose first
 * faces (Arial, Helvetica, Liberation Sans) share the same advance widths, so the per-character
 * table below (in 1/1000 em, the Helvetica/Arial metrics) predicts what a browser draws. Characters
 * outside the table fall back to an average, wide (CJK, emoji) ones to a full em; a small safety
 * margin absorbs kerning and hinting differences.
 */

export const FONT_FAMILY = "Arial, Helvetica, 'Liberation Sans', sans-serif";

export interface FontSpec {
    size: number;
    bold?: boolean;
}

// Advance widths of ASCII 32..126, regular and bold.
const REGULAR = [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
    1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
    333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
    556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584
];
const BOLD = [
    278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278,
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611,
    975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778,
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556,
    333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611,
    611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584
];

// Symbols the diagram itself uses in labels.
const SYMBOLS: Record<string, number> = {
    '…': 1000, '·': 278, '∈': 713, '∉': 713, '≤': 549, '≥': 549, '≠': 549, '×': 584, '–': 556,
    '—': 1000, '→': 1000, '∃': 549, '∄': 549, '∨': 603, '∧': 603, 'λ': 549, '⚠': 1000, 'μ': 576
};

const FALLBACK = 600;
const WIDE = 1000;
const SAFETY = 1.04;

function isWide(code: number): boolean {
    return (code >= 0x1100 && code <= 0x115f) || (code >= 0x2e80 && code <= 0xa4cf)
        || (code >= 0xac00 && code <= 0xd7a3) || (code >= 0xf900 && code <= 0xfaff)
        || (code >= 0xfe30 && code <= 0xfe4f) || (code >= 0xff00 && code <= 0xff60)
        || (code >= 0xffe0 && code <= 0xffe6) || code >= 0x1f300;
}

function advance(char: string, bold: boolean): number {
    const code = char.codePointAt(0) ?? 0;
    if (code >= 32 && code <= 126) return (bold ? BOLD : REGULAR)[code - 32];
    const symbol = SYMBOLS[char];
    if (symbol !== undefined) return symbol;
    if (code >= 0xc0 && code <= 0x24f) return bold ? 640 : 590; // Latin letters with accents
    return isWide(code) ? WIDE : FALLBACK;
}

/** Width in pixels of `text` rendered on one line in the given font. */
export function textWidth(text: string, font: FontSpec): number {
    let units = 0;
    for (const char of text) units += advance(char, font.bold === true);
    return Math.ceil(units * font.size * SAFETY / 1000);
}

/** Shortens `text` with a trailing ellipsis so that it fits in `maxWidth` pixels. */
export function truncateToWidth(text: string, maxWidth: number, font: FontSpec): string {
    if (textWidth(text, font) <= maxWidth) return text;
    const chars = Array.from(text);
    let low = 0;
    let high = chars.length;
    while (low < high) {
        const mid = Math.ceil((low + high) / 2);
        if (textWidth(chars.slice(0, mid).join('') + '…', font) <= maxWidth) low = mid;
        else high = mid - 1;
    }
    return chars.slice(0, low).join('') + '…';
}
