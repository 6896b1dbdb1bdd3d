/** Edit distance (insert, delete, substitute, swap neighbours), for "did you mean" suggestions. */
export function editDistance(a: string, b: string): number {
    const rows = a.length + 1;
    const cols = b.length + 1;
    const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
    for (let i = 1; i < rows; i++) {
        for (let j = 1; j < cols; j++) {
            const cost = a[i - 1] === b[j - 1] ? 0 : 1;
            d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
            if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
        }
    }
    return d[a.length]![b.length]!;
}

/** The closest candidate within a third of the word's length (2 edits for short words, 1 for very short), if any. */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
    const limit = word.length <= 3 ? Math.min(1, word.length - 1) : Math.max(2, Math.floor(word.length / 3));
    let best: string | undefined;
    let bestDistance = Infinity;
    for (const candidate of candidates) {
        const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
        if (distance < bestDistance || (distance === bestDistance && best !== undefined && candidate < best)) {
            best = candidate;
            bestDistance = distance;
        }
    }
    return bestDistance <= limit ? best : undefined;
}
