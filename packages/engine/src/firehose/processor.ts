import type { VirtualClock } from '../core/clock.js';
import type { ProcessingSpec } from './config.js';
import type { FirehoseRecord } from './record.js';
import type { TransformationEvent, TransformationOutputRecord, TransformFunction } from './types.js';

export interface FailedRecord {
    record: FirehoseRecord;
    errorCode: string;
    errorMessage: string;
}

export interface TransformOutcome {
    ok: FirehoseRecord[];
    dropped: FirehoseRecord[];
    failed: FailedRecord[];
    attemptsMade: number;
}

export interface InvocationLog {
    timeMs: number;
    attempt: number;
    recordIds: string[];
    error?: string;
}

type TransformResponse = { records: TransformationOutputRecord[] };

function isThenable(value: unknown): value is PromiseLike<TransformResponse> {
    return typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function';
}

function errorText(error: unknown): string {
    return error instanceof Error ? error.message : String(error);
}

/**
 * Runs one Lambda transform of a buffered batch under the record-transformation contract
 * (DOMAIN §4.4): every output record carries the input's `recordId`, a `result` of Ok | Dropped |
 * ProcessingFailed and base64 `data`. A missing recordId is a failure of that record. A thrown (or
 * rejected) invocation, or a response without a `records` array, is retried `retries` times at once;
 * after the last attempt every record of the batch has failed processing. An Ok record without `data`
 * keeps its input bytes (lenient: AWS would reject it). A function that returns a promise may take
 * virtual time; its result applies when it settles.
 */
export function runTransform(
    clock: VirtualClock,
    fn: TransformFunction | undefined,
    spec: ProcessingSpec,
    event: Omit<TransformationEvent, 'records' | 'invocationId'>,
    epochMs: number,
    records: FirehoseRecord[],
    onInvocation: (log: InvocationLog) => void,
    done: (outcome: TransformOutcome) => void
): void {
    const input = records.map(record => ({
        recordId: record.recordId,
        data: record.data !== undefined ? Buffer.from(record.data).toString('base64') : '',
        approximateArrivalTimestamp: epochMs + record.arrivalMs
    }));
    const recordIds = records.map(record => record.recordId);
    const maxAttempts = 1 + spec.retries;

    const fail = (attempt: number, error: unknown): void => {
        onInvocation({ timeMs: clock.now(), attempt, recordIds, error: errorText(error) });
        if (attempt < maxAttempts) {
            invoke(attempt + 1);
            return;
        }
        const errorCode = fn === undefined ? 'Lambda.FunctionNotFound' : 'Lambda.FunctionError';
        done({
            ok: [], dropped: [], attemptsMade: attempt,
            failed: records.map(record => ({ record, errorCode, errorMessage: errorText(error) }))
        });
    };

    const succeed = (attempt: number, response: unknown): void => {
        const outputs = (response as Partial<TransformResponse> | undefined)?.records;
        if (!Array.isArray(outputs)) {
            fail(attempt, new Error('The Lambda response is not {records: [...]}'));
            return;
        }
        onInvocation({ timeMs: clock.now(), attempt, recordIds });
        done({ ...interpret(records, outputs), attemptsMade: attempt });
    };

    const invoke = (attempt: number): void => {
        if (fn === undefined) {
            fail(attempt, new Error(`No function is registered for ${spec.lambdaArn}`));
            return;
        }
        let response: TransformResponse | PromiseLike<TransformResponse>;
        try {
            response = fn(input.map(record => ({ ...record })), { ...event, invocationId: `${clock.now()}-${attempt}`, records: input });
        } catch (error) {
            fail(attempt, error);
            return;
        }
        if (isThenable(response)) {
            response.then(value => succeed(attempt, value), error => fail(attempt, error));
            clock.requestDrain();
        } else {
            succeed(attempt, response);
        }
    };

    invoke(1);
}

function interpret(records: FirehoseRecord[], outputs: TransformationOutputRecord[]): Omit<TransformOutcome, 'attemptsMade'> {
    const byId = new Map<string, TransformationOutputRecord>();
    for (const output of outputs) if (output !== null && typeof output === 'object') byId.set(output.recordId, output);
    const outcome: Omit<TransformOutcome, 'attemptsMade'> = { ok: [], dropped: [], failed: [] };
    for (const record of records) {
        const output = byId.get(record.recordId);
        if (output === undefined) {
            outcome.failed.push({ record, errorCode: 'Lambda.MissingRecordId', errorMessage: `No output record has recordId ${record.recordId}.` });
            continue;
        }
        switch (output.result) {
            case 'Ok': {
                const data = typeof output.data === 'string' ? Buffer.from(output.data, 'base64') : record.data;
                outcome.ok.push({
                    ...record,
                    data,
                    size: data !== undefined ? data.byteLength : record.size,
                    transformed: true,
                    ...(output.metadata?.partitionKeys !== undefined ? { lambdaPartitionKeys: output.metadata.partitionKeys } : {})
                });
                break;
            }
            case 'Dropped':
                outcome.dropped.push(record);
                break;
            case 'ProcessingFailed':
                outcome.failed.push({ record, errorCode: 'Lambda.ProcessingFailedStatus', errorMessage: 'ProcessingFailed status set for record' });
                break;
            default:
                outcome.failed.push({ record, errorCode: 'Lambda.InvalidReturnedDataResult', errorMessage: `Invalid result ${String(output.result)}` });
        }
    }
    return outcome;
}
