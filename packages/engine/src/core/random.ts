/**
 * A small, fast, seeded PRNG (sfc32: Chris Doty-Humphrey's Small Fast Counting generator, 128-bit state).
 * Every random decision in the engine draws from one of these so that a run is reproducible from its seed.
 */
export class Random {
    private a: number;
    private b: number;
    private c: number;
    private d: number;

    constructor(seed: number | string = 1) {
        const s = typeof seed === 'string' ? hashString(seed) : seed >>> 0;
        this.a = 0x9e3779b9;
        this.b = 0x243f6a88;
        this.c = 0xb7e15162;
        this.d = s ^ 0xdeadbeef;
        // Warm up so that nearby seeds give unrelated streams.
        for (let i = 0; i < 15; i++) this.nextUint32();
    }

    /** A 32-bit unsigned integer. */
    nextUint32(): number {
        const t = (((this.a + this.b) | 0) + this.d) | 0;
        this.d = (this.d + 1) | 0;
        this.a = this.b ^ (this.b >>> 9);
        this.b = (this.c + (this.c << 3)) | 0;
        this.c = (this.c << 21) | (this.c >>> 11);
        this.c = (this.c + t) | 0;
        return t >>> 0;
    }

    /** A float in [0, 1). */
    next(): number {
        return this.nextUint32() / 4294967296;
    }

    /** An integer in [min, max] (both inclusive). */
    int(min: number, max: number): number {
        if (max < min) throw new RangeError(`int(${min}, ${max}): max < min`);
        return min + Math.floor(this.next() * (max - min + 1));
    }

    /** A float in [min, max). */
    uniform(min: number, max: number): number {
        return min + this.next() * (max - min);
    }

    /** True with probability p. */
    chance(p: number): boolean {
        return this.next() < p;
    }

    pick<T>(items: readonly T[]): T {
        if (items.length === 0) throw new RangeError('pick from an empty list');
        return items[Math.floor(this.next() * items.length)]!;
    }

    /** An independent generator derived from this one (for a sub-component that must not shift others' draws). */
    fork(label: string): Random {
        return new Random((this.nextUint32() ^ hashString(label)) >>> 0);
    }

    /** A random version-4 UUID (deterministic for the seed). */
    uuid(): string {
        const a = this.nextUint32();
        const b = this.nextUint32();
        const c = (this.nextUint32() & 0x3fffffff) | 0x80000000;
        const d = this.nextUint32();
        return HEX[a >>> 24]! + HEX[(a >>> 16) & 255]! + HEX[(a >>> 8) & 255]! + HEX[a & 255]! + '-'
            + HEX[b >>> 24]! + HEX[(b >>> 16) & 255]! + '-4' + HEX_NIBBLE[(b >>> 8) & 15]! + HEX[b & 255]! + '-'
            + HEX[c >>> 24]! + HEX[(c >>> 16) & 255]! + '-' + HEX[(c >>> 8) & 255]! + HEX[c & 255]!
            + HEX[d >>> 24]! + HEX[(d >>> 16) & 255]! + HEX[(d >>> 8) & 255]! + HEX[d & 255]!;
    }
}

const HEX: readonly string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
const HEX_NIBBLE: readonly string[] = Array.from({ length: 16 }, (_, i) => i.toString(16));

/** FNV-1a, for turning string seeds and labels into 32-bit numbers. */
export function hashString(text: string): number {
    let h = 0x811c9dc5;
    for (let i = 0; i < text.length; i++) {
        h ^= text.charCodeAt(i);
        h = Math.imul(h, 0x01000193);
    }
    return h >>> 0;
}
