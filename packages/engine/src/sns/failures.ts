/**
 * A client-side error (endpoint gone, no permission) is not retried; a server-side one is ([SNS-DG] sns-dead-letter-queues).
 * `throttled` is a server-side error that, for Firehose, switches to the customer-managed retry policy
 * ([SNS-DG] sns-message-delivery-retries, footnote on Firehose throttling).
 */
export type EndpointFailureKind = 'server' | 'client' | 'throttled';

interface FailureWindow {
    endpoint: string;
    fromMs: number;
    toMs: number;
    kind: EndpointFailureKind;
}

/** Injected endpoint failures: every delivery attempt to `endpoint` in [fromMs, toMs) fails. `*` matches every endpoint. */
export class EndpointFailures {
    private readonly windows: FailureWindow[] = [];

    add(endpoint: string, fromMs: number, toMs: number, kind: EndpointFailureKind): { cancel(): void } {
        if (!(toMs > fromMs)) {
            throw new RangeError(`failure window must end after it starts (from ${fromMs} to ${toMs})`);
        }
        const window: FailureWindow = { endpoint, fromMs, toMs, kind };
        this.windows.push(window);
        return {
            cancel: () => {
                const index = this.windows.indexOf(window);
                if (index >= 0) this.windows.splice(index, 1);
            }
        };
    }

    /** The failure in effect for `endpoint` at `nowMs`; a client-side failure wins over a server-side one. */
    at(endpoint: string, nowMs: number): EndpointFailureKind | undefined {
        let found: EndpointFailureKind | undefined;
        for (const window of this.windows) {
            if ((window.endpoint === endpoint || window.endpoint === '*') && nowMs >= window.fromMs && nowMs < window.toMs) {
                if (window.kind === 'client') return 'client';
                if (found !== 'throttled') found = window.kind;
            }
        }
        return found;
    }
}
