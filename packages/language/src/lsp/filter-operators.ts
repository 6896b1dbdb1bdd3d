/**
 * SNS filter-policy operators offered as snippets inside `filter attributes { ... }` and `filter body { ... }`.
 * The syntax is AWS's own JSON so that policies can be pasted both ways.
 */
export interface FilterOperatorSnippet {
    label: string;
    snippet: string;
    documentation: string;
}

export const FILTER_OPERATORS: readonly FilterOperatorSnippet[] = [
    { label: 'prefix', snippet: '{"prefix": "${1:value}"}', documentation: 'Matches strings that start with the given text.' },
    { label: 'suffix', snippet: '{"suffix": "${1:value}"}', documentation: 'Matches strings that end with the given text.' },
    { label: 'anything-but', snippet: '{"anything-but": [${1:"value"}]}', documentation: 'Matches any value except the listed ones (strings or numbers), or except a `{"prefix": ...}`.' },
    { label: 'numeric', snippet: '{"numeric": [">", ${1:0}, "<=", ${2:100}]}', documentation: 'Numeric comparison or range (=, <, <=, >, >=); values within ±1,000,000,000 with up to 5 decimals.' },
    { label: 'exists', snippet: '{"exists": ${1|true,false|}}', documentation: 'Matches when the key is present (true) or absent (false).' },
    { label: 'equals-ignore-case', snippet: '{"equals-ignore-case": "${1:value}"}', documentation: 'Case-insensitive string equality.' },
    { label: 'cidr', snippet: '{"cidr": "${1:10.0.0.0/24}"}', documentation: 'Matches IP addresses within the CIDR block.' },
    { label: '$or', snippet: '"\\$or": [\n  { "${1:key}": [${2:"value"}] },\n  { "${3:key}": [${4:"value"}] }\n]', documentation: 'Matches when any of the nested policies matches (OR across keys).' }
];

/**
 * True when `offset` lies inside the JSON object of a subscription's filter policy. Judged on the text (brace
 * depth since the last `filter attributes|body {`) because an unfinished policy rarely parses.
 */
export function isInsideFilterPolicy(text: string, offset: number): boolean {
    const before = text.slice(0, offset);
    const pattern = /\bfilter\s+(attributes|body)\s*\{/g;
    let start = -1;
    for (let match = pattern.exec(before); match; match = pattern.exec(before)) start = match.index + match[0].length;
    if (start < 0) return false;
    let depth = 1;
    let inString = false;
    for (let i = start; i < offset; i++) {
        const ch = before[i];
        if (inString) {
            if (ch === '\\') i++;
            else if (ch === '"') inString = false;
        } else if (ch === '"') inString = true;
        else if (ch === '{') depth++;
        else if (ch === '}') depth--;
        if (depth === 0) return false;
    }
    return !inString;
}
