/** A record inside a delivery stream. `size` is what buffers and limits count (data bytes). */
export interface FirehoseRecord {
    readonly recordId: string;
    /** The bytes when the producer supplied them; the simulator may send size-only records. */
    readonly data: Uint8Array | undefined;
    readonly size: number;
    /** When the record entered the delivery stream (virtual ms); DataFreshness is measured from here. */
    readonly arrivalMs: number;
    /** Whatever the simulator attached (a message), carried through transforms and deliveries. */
    readonly payload: unknown;
    /** True once a Lambda transform returned it with result Ok. */
    readonly transformed: boolean;
    /** Dynamic partitioning keys returned by the transform (`partitionKeyFromLambda`). */
    readonly lambdaPartitionKeys?: Record<string, string>;
}
