import type { FirehoseRecord } from './record.js';

/**
 * Dynamic partitioning keys of a record: those the transform returned (`partitionKeyFromLambda`) plus
 * those the MetadataExtraction query reads from the record's JSON (`partitionKeyFromQuery`). Returns an
 * error message when a key cannot be evaluated (the record then goes to the error output).
 */
export function extractPartitionKeys(
    record: FirehoseRecord,
    query: Array<{ name: string; path: string[] }> | undefined
): Record<string, string> | string {
    const keys: Record<string, string> = { ...record.lambdaPartitionKeys };
    if (query !== undefined && query.length > 0) {
        if (record.data === undefined) return 'the record has no data to evaluate the MetadataExtractionQuery on';
        let document: unknown;
        try {
            document = JSON.parse(Buffer.from(record.data).toString('utf8'));
        } catch {
            return 'the record is not JSON, so the MetadataExtractionQuery cannot be evaluated';
        }
        for (const { name, path } of query) {
            let value: unknown = document;
            for (const step of path) value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[step] : undefined;
            if (value === undefined || value === null || typeof value === 'object') return `partition key ${name} (.${path.join('.')}) is missing or not a scalar`;
            keys[name] = String(value);
        }
    }
    if (Object.keys(keys).length === 0) return 'dynamic partitioning is enabled but no partition key was produced';
    return keys;
}
