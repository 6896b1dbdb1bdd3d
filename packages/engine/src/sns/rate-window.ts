/** Counts events and bytes in the current virtual second, for AWS's per-second quotas. */
export class RateWindow {
    private second = Number.NEGATIVE_INFINITY;
    private count = 0;
    private bytes = 0;

    /** Takes `count` events of `bytes` if the second's quotas allow it; returns false (taking nothing) otherwise. */
    tryTake(nowMs: number, count: number, bytes: number, maxCount: number, maxBytes = Number.POSITIVE_INFINITY): boolean {
        const second = Math.floor(nowMs / 1000);
        if (second !== this.second) {
            this.second = second;
            this.count = 0;
            this.bytes = 0;
        }
        if (this.count + count > maxCount || this.bytes + bytes > maxBytes) {
            return false;
        }
        this.count += count;
        this.bytes += bytes;
        return true;
    }
}
