import { FIREHOSE } from '@mq-architect/language/model';
import { AwsError } from '../errors.js';
import type {
    BufferingHints, CreateDeliveryStreamInput, ProcessingConfiguration, RetryOptions, S3Configuration
} from './types.js';

const MiB = 1024 * 1024;
const SECOND = 1000;

export type DestinationKind = 'S3' | 'ExtendedS3' | 'Redshift' | 'AmazonOpenSearchService' | 'AmazonOpenSearchServerless' | 'Splunk' | 'HttpEndpoint';

export interface BufferSpec {
    sizeBytes: number;
    intervalMs: number;
}

export interface ProcessingSpec {
    lambdaArn: string;
    /** BufferSizeInMBs in decimal megabytes (the Lambda payload limit is decimal too). */
    bufferBytes: number;
    intervalMs: number;
    retries: number;
}

/** A CreateDeliveryStream request reduced to what the pipeline needs, validated per destination. */
export interface DeliveryConfig {
    kind: DestinationKind;
    /** Where deliveries are reported: 'S3' for S3 and Extended S3, else the destination type. */
    destinationName: string;
    /** The bucket that receives objects: the S3 destination, or Redshift's intermediate bucket. */
    bucketArn: string | undefined;
    prefix: string;
    errorOutputPrefix: string;
    buffer: BufferSpec;
    /** How long a failing delivery is retried (S3: 24 h; others: RetryOptions.DurationInSeconds). */
    retryDurationMs: number;
    /** `failed`: only data that could not be delivered; `all`: every source record (pre-transformation). */
    backupMode: 'none' | 'failed' | 'all';
    backupModeName: string;
    backupBucketArn: string | undefined;
    backupPrefix: string;
    backupBuffer: BufferSpec;
    /** Prefix in the backup bucket for data the destination rejected after all retries. */
    failedPrefix: string;
    processing: ProcessingSpec | undefined;
    /** MetadataExtraction query fields (`{name: .path}`), for dynamic partitioning. */
    metadataQuery: Array<{ name: string; path: string[] }> | undefined;
    appendDelimiter: boolean;
    dynamicPartitioning: boolean;
    /** Active partitions allowed before records go to the `activePartitionExceeded` error prefix. */
    activePartitionLimit: number;
}

interface DestinationRules {
    size: [number, number];
    interval: [number, number];
    defaults: BufferSpec;
    retry: { default: number } | 'fixed-24h';
    backupModes: Record<string, 'none' | 'failed' | 'all'>;
    defaultBackup: string;
    failedPrefix: string;
}

const S3_RULES: DestinationRules = {
    size: [1, 128], interval: [0, 900], defaults: { sizeBytes: 5 * MiB, intervalMs: 300 * SECOND }, retry: 'fixed-24h',
    backupModes: { Disabled: 'none', Enabled: 'all' }, defaultBackup: 'Disabled', failedPrefix: ''
};

const RULES: Record<DestinationKind, DestinationRules> = {
    S3: { ...S3_RULES, backupModes: { Disabled: 'none' } },
    ExtendedS3: S3_RULES,
    Redshift: { ...S3_RULES, retry: { default: 3600 }, failedPrefix: 'errors/' },
    HttpEndpoint: {
        size: [1, 64], interval: [0, 900], defaults: { sizeBytes: 5 * MiB, intervalMs: 300 * SECOND }, retry: { default: 300 },
        backupModes: { FailedDataOnly: 'failed', AllData: 'all' }, defaultBackup: 'FailedDataOnly', failedPrefix: 'http-endpoint-failed/'
    },
    AmazonOpenSearchService: {
        size: [1, 100], interval: [0, 900], defaults: { sizeBytes: 5 * MiB, intervalMs: 300 * SECOND }, retry: { default: 300 },
        backupModes: { FailedDocumentsOnly: 'failed', AllDocuments: 'all' }, defaultBackup: 'FailedDocumentsOnly',
        failedPrefix: 'AmazonOpenSearchService-failed/'
    },
    AmazonOpenSearchServerless: {
        size: [1, 100], interval: [0, 900], defaults: { sizeBytes: 5 * MiB, intervalMs: 300 * SECOND }, retry: { default: 300 },
        backupModes: { FailedDocumentsOnly: 'failed', AllDocuments: 'all' }, defaultBackup: 'FailedDocumentsOnly',
        failedPrefix: 'AmazonOpenSearchServerless-failed/'
    },
    Splunk: {
        size: [1, 5], interval: [0, 60], defaults: { sizeBytes: 5 * MiB, intervalMs: 60 * SECOND }, retry: { default: 300 },
        backupModes: { FailedEventsOnly: 'failed', AllEvents: 'all' }, defaultBackup: 'FailedEventsOnly', failedPrefix: 'splunk-failed/'
    }
};

function invalid(message: string): AwsError {
    return new AwsError('InvalidArgumentException', message);
}

export function bufferSpec(hints: BufferingHints | undefined, rules: Pick<DestinationRules, 'size' | 'interval' | 'defaults'>, what: string): BufferSpec {
    if (hints === undefined) return { ...rules.defaults };
    const { SizeInMBs: size, IntervalInSeconds: interval } = hints;
    if ((size === undefined) !== (interval === undefined)) {
        throw invalid(`${what} BufferingHints: if you set SizeInMBs or IntervalInSeconds you must set both.`);
    }
    if (size === undefined || interval === undefined) return { ...rules.defaults };
    if (!Number.isInteger(size) || size < rules.size[0] || size > rules.size[1]) {
        throw invalid(`${what} BufferingHints.SizeInMBs must be an integer in ${rules.size[0]}-${rules.size[1]}, got ${size}.`);
    }
    if (!Number.isInteger(interval) || interval < rules.interval[0] || interval > rules.interval[1]) {
        throw invalid(`${what} BufferingHints.IntervalInSeconds must be an integer in ${rules.interval[0]}-${rules.interval[1]}, got ${interval}.`);
    }
    return { sizeBytes: size * MiB, intervalMs: interval * SECOND };
}

function retryDuration(options: RetryOptions | undefined, rules: DestinationRules): number {
    if (rules.retry === 'fixed-24h') return FIREHOSE.s3RetryMs;
    const seconds = options?.DurationInSeconds ?? rules.retry.default;
    if (!Number.isInteger(seconds) || seconds < 0 || seconds > 7200) {
        throw invalid(`RetryOptions.DurationInSeconds must be an integer in 0-7200, got ${seconds}.`);
    }
    return seconds * SECOND;
}

function parameter(processors: ProcessingConfiguration['Processors'], type: string, name: string): string | undefined {
    const processor = processors?.find(candidate => candidate.Type === type);
    return processor?.Parameters?.find(candidate => candidate.ParameterName === name)?.ParameterValue;
}

function processingSpec(config: ProcessingConfiguration | undefined, kind: DestinationKind): ProcessingSpec | undefined {
    if (config?.Enabled !== true) return undefined;
    if (!config.Processors?.some(processor => processor.Type === 'Lambda')) return undefined;
    const lambdaArn = parameter(config.Processors, 'Lambda', 'LambdaArn');
    if (lambdaArn === undefined) throw invalid('A Lambda processor needs the LambdaArn parameter.');
    const number = (name: string, fallback: number, min: number, max: number): number => {
        const text = parameter(config.Processors, 'Lambda', name);
        if (text === undefined) return fallback;
        const value = Number(text);
        if (!Number.isFinite(value) || value < min || value > max) throw invalid(`Lambda processor parameter ${name} must be in ${min}-${max}, got ${text}.`);
        return value;
    };
    const defaultMb = kind === 'Splunk' ? 0.256 : FIREHOSE.processorBufferBytes.default / 1_000_000;
    return {
        lambdaArn,
        bufferBytes: Math.round(number('BufferSizeInMBs', defaultMb, 0.2, 3) * 1_000_000),
        intervalMs: number('BufferIntervalInSeconds', FIREHOSE.processorIntervalMs.default / SECOND, 0, 900) * SECOND,
        retries: Math.floor(number('NumberOfRetries', FIREHOSE.processorRetries, 0, 300))
    };
}

/** `{customer_id: .customer_id, region: .meta.region}` → fields and paths (the simple JQ subset Firehose examples use). */
export function parseMetadataQuery(query: string): Array<{ name: string; path: string[] }> {
    const body = query.trim().replace(/^\{/, '').replace(/\}$/, '');
    const fields = body.split(',').map(part => part.trim()).filter(part => part.length > 0);
    return fields.map(field => {
        const match = /^"?([A-Za-z_][\w-]*)"?\s*:\s*\.([A-Za-z_][\w]*(?:\.[A-Za-z_][\w]*)*)$/.exec(field);
        if (match === null) throw invalid(`MetadataExtractionQuery field '${field}' is not of the form name: .path`);
        return { name: match[1]!, path: match[2]!.split('.') };
    });
}

function pickDestination(input: CreateDeliveryStreamInput): { kind: DestinationKind; config: Record<string, unknown> } {
    const candidates: Array<[DestinationKind, unknown]> = [
        ['S3', input.S3DestinationConfiguration],
        ['ExtendedS3', input.ExtendedS3DestinationConfiguration],
        ['Redshift', input.RedshiftDestinationConfiguration],
        ['AmazonOpenSearchService', input.AmazonopensearchserviceDestinationConfiguration],
        ['AmazonOpenSearchServerless', input.AmazonOpenSearchServerlessDestinationConfiguration],
        ['Splunk', input.SplunkDestinationConfiguration],
        ['HttpEndpoint', input.HttpEndpointDestinationConfiguration]
    ];
    const given = candidates.filter(([, config]) => config !== undefined);
    if (given.length !== 1) throw invalid(`A delivery stream has exactly one destination configuration; got ${given.length}.`);
    const [kind, config] = given[0]!;
    return { kind, config: config as Record<string, unknown> };
}

export function parseDeliveryConfig(input: CreateDeliveryStreamInput): DeliveryConfig {
    const { kind, config } = pickDestination(input);
    const rules = RULES[kind];
    const s3Like = kind === 'S3' || kind === 'ExtendedS3';
    const own = config as { BufferingHints?: BufferingHints; RetryOptions?: RetryOptions; S3BackupMode?: string;
        ProcessingConfiguration?: ProcessingConfiguration; S3Configuration?: S3Configuration; S3BackupConfiguration?: S3Configuration;
        BucketARN?: string; Prefix?: string; ErrorOutputPrefix?: string; DynamicPartitioningConfiguration?: { Enabled?: boolean } };
    const s3 = s3Like ? (own as S3Configuration) : own.S3Configuration;
    if (s3?.BucketARN === undefined) {
        throw invalid(s3Like ? 'BucketARN is required.' : `${kind} destinations need an S3Configuration (the bucket for failed or backed-up data).`);
    }
    const backupModeName = own.S3BackupMode ?? rules.defaultBackup;
    const backupMode = rules.backupModes[backupModeName];
    if (backupMode === undefined) {
        throw invalid(`S3BackupMode ${backupModeName} is not valid for ${kind}; use one of ${Object.keys(rules.backupModes).join(', ')}.`);
    }
    const backupConfig = s3Like || kind === 'Redshift' ? own.S3BackupConfiguration : own.S3Configuration;
    if (backupMode === 'all' && backupConfig?.BucketARN === undefined) throw invalid('S3BackupMode needs an S3BackupConfiguration with a BucketARN.');
    const buffer = kind === 'Redshift' ? bufferSpec(s3.BufferingHints, rules, kind) : bufferSpec(own.BufferingHints ?? (s3Like ? s3.BufferingHints : undefined), rules, kind);
    const processors = own.ProcessingConfiguration?.Enabled === true ? own.ProcessingConfiguration.Processors : undefined;
    const query = parameter(processors, 'MetadataExtraction', 'MetadataExtractionQuery');
    const dynamicPartitioning = own.DynamicPartitioningConfiguration?.Enabled === true;
    if (dynamicPartitioning) {
        if (kind !== 'ExtendedS3') throw invalid('Dynamic partitioning is only available for Extended S3 destinations.');
        if (buffer.intervalMs === 0) throw invalid('Zero buffering (IntervalInSeconds 0) is not supported with dynamic partitioning.');
        if (buffer.sizeBytes < 64 * MiB) throw invalid('With dynamic partitioning enabled, BufferingHints.SizeInMBs must be at least 64.');
    }
    return {
        kind,
        destinationName: s3Like ? 'S3' : kind,
        bucketArn: s3.BucketARN,
        prefix: (s3Like ? own.Prefix : s3.Prefix) ?? '',
        errorOutputPrefix: (s3Like ? own.ErrorOutputPrefix : s3.ErrorOutputPrefix) ?? '',
        buffer,
        retryDurationMs: retryDuration(own.RetryOptions, rules),
        backupMode,
        backupModeName,
        backupBucketArn: backupConfig?.BucketARN ?? (s3Like ? undefined : s3.BucketARN),
        backupPrefix: backupConfig?.Prefix ?? '',
        backupBuffer: bufferSpec(backupConfig?.BufferingHints, S3_RULES, 'S3 backup'),
        failedPrefix: rules.failedPrefix,
        processing: processingSpec(own.ProcessingConfiguration, kind),
        metadataQuery: query !== undefined ? parseMetadataQuery(query) : undefined,
        appendDelimiter: processors?.some(processor => processor.Type === 'AppendDelimiterToRecord') ?? false,
        dynamicPartitioning,
        activePartitionLimit: FIREHOSE.activePartitions
    };
}
