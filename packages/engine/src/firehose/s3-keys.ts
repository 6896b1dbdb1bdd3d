/**
 * S3 object keys as Firehose writes them: `<prefix>YYYY/MM/DD/HH/<stream>-<version>-YYYY-MM-DD-HH-MM-SS-<random>`
 * (UTC). A prefix with `!{...}` expressions is expanded instead of getting the time prefix appended:
 * `!{timestamp:yyyy/MM/dd}`, `!{partitionKeyFromQuery:k}`, `!{partitionKeyFromLambda:k}`,
 * `!{firehose:error-output-type}`, `!{firehose:random-string}`.
 */
const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

export function timePrefix(epochMs: number): string {
    const date = new Date(epochMs);
    return `${date.getUTCFullYear()}/${pad(date.getUTCMonth() + 1)}/${pad(date.getUTCDate())}/${pad(date.getUTCHours())}/`;
}

function formatTimestamp(pattern: string, date: Date): string {
    return pattern
        .replace(/yyyy/g, String(date.getUTCFullYear()))
        .replace(/MM/g, pad(date.getUTCMonth() + 1))
        .replace(/dd/g, pad(date.getUTCDate()))
        .replace(/HH/g, pad(date.getUTCHours()))
        .replace(/mm/g, pad(date.getUTCMinutes()))
        .replace(/ss/g, pad(date.getUTCSeconds()));
}

export interface KeyContext {
    epochMs: number;
    partitionKeys?: Record<string, string>;
    errorOutputType?: string;
    randomString: string;
}

export function expandPrefix(prefix: string, context: KeyContext): string {
    if (!prefix.includes('!{')) return prefix + timePrefix(context.epochMs);
    const date = new Date(context.epochMs);
    return prefix.replace(/!\{([^}:]+):([^}]*)\}/g, (whole, namespace: string, argument: string) => {
        switch (namespace) {
            case 'timestamp': return formatTimestamp(argument, date);
            case 'partitionKeyFromQuery':
            case 'partitionKeyFromLambda': return context.partitionKeys?.[argument] ?? '';
            case 'firehose': return argument === 'error-output-type' ? context.errorOutputType ?? '' : context.randomString;
            default: return whole;
        }
    });
}

export function objectName(streamName: string, epochMs: number, randomString: string): string {
    const date = new Date(epochMs);
    const stamp = `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}-${pad(date.getUTCHours())}-${pad(date.getUTCMinutes())}-${pad(date.getUTCSeconds())}`;
    return `${streamName}-1-${stamp}-${randomString}`;
}
