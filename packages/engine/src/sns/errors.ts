import { AwsError } from '../errors.js';

/** SNS answers validation failures with `InvalidParameter` and a message starting "Invalid parameter: ". */
export function snsInvalidParameter(reason: string): AwsError {
    return new AwsError('InvalidParameter', `Invalid parameter: ${reason}`);
}

export function snsNotFound(what: string): AwsError {
    return new AwsError('NotFound', `${what} does not exist`, { statusCode: 404 });
}

export function snsBatchError(code: string, message: string): AwsError {
    return new AwsError(code, message);
}
