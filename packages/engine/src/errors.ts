/**
 * An error as an AWS service returns it: `name` is the AWS error code (`QueueDoesNotExist`,
 * `InvalidParameterValue`, ...), `senderFault` says whether the caller is to blame (HTTP 4xx) and
 * `statusCode` is the HTTP status AWS would answer with.
 */
export class AwsError extends Error {
    readonly code: string;
    readonly senderFault: boolean;
    readonly statusCode: number;
    /** The legacy query-protocol code where it differs (`AWS.SimpleQueueService.NonExistentQueue`, ...). */
    readonly queryCode: string | undefined;

    constructor(code: string, message: string, options: { senderFault?: boolean; statusCode?: number; queryCode?: string } = {}) {
        super(message);
        this.name = code;
        this.code = code;
        this.senderFault = options.senderFault ?? true;
        this.statusCode = options.statusCode ?? (this.senderFault ? 400 : 500);
        this.queryCode = options.queryCode;
    }
}

/** True for an AwsError, optionally with the given code (either its code or its legacy query code). */
export function isAwsError(value: unknown, code?: string): value is AwsError {
    return value instanceof AwsError && (code === undefined || value.code === code || value.queryCode === code);
}

/** `InvalidParameterValue`, the most common SQS/SNS/Kinesis validation error. */
export function invalidParameter(message: string): AwsError {
    return new AwsError('InvalidParameterValue', message);
}

export function missingParameter(name: string): AwsError {
    return new AwsError('MissingParameter', `The request must contain the parameter ${name}.`);
}
