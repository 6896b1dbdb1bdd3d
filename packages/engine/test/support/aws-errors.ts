/** Expects the promise to reject with an AWS error of this code (the error's `name`). */
export async function rejectsWith(promise: Promise<unknown>, code: string): Promise<void> {
    let error: unknown;
    try {
        await promise;
    } catch (caught) {
        error = caught;
    }
    if (error === undefined) throw new Error(`expected ${code}, but the call succeeded`);
    if ((error as { name?: string }).name !== code) throw new Error(`expected ${code}, got ${(error as { name?: string }).name}: ${(error as Error).message}`);
}
