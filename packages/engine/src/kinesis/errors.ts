import { AwsError } from '../errors.js';

export function streamNotFound(name: string, accountId: string): AwsError {
    return new AwsError('ResourceNotFoundException', `Stream ${name} under account ${accountId} not found.`);
}

export function invalidArgument(message: string): AwsError {
    return new AwsError('InvalidArgumentException', message);
}

export function validation(message: string): AwsError {
    return new AwsError('ValidationException', message);
}

export function limitExceeded(message: string): AwsError {
    return new AwsError('LimitExceededException', message);
}

export function resourceInUse(message: string): AwsError {
    return new AwsError('ResourceInUseException', message);
}

export function throughputExceeded(message: string): AwsError {
    return new AwsError('ProvisionedThroughputExceededException', message);
}

/** Every action takes one request object; anything else is a client error, not a crash. */
export function checkInput(input: unknown): void {
    if (input === null || typeof input !== 'object' || Array.isArray(input)) {
        throw new AwsError('ValidationException', 'The request must be an object holding the action\'s parameters.');
    }
}
