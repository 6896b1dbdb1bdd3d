/**
 * A token bucket refilled continuously at `ratePerSecond` up to `capacity` (one second of traffic).
 * Spending may overdraw it: AWS lets a large record or a large read burst past the per-second rate and
 * then makes the caller wait while the bucket refills (DOMAIN §3.2, §3.7).
 */
export class TokenBucket {
    private tokens: number;
    private updatedAt: number;

    constructor(
        private capacity: number,
        private ratePerSecond: number,
        nowMs: number
    ) {
        this.tokens = capacity;
        this.updatedAt = nowMs;
    }

    /** Tokens available at `nowMs` (negative while an overdraft is being paid back). */
    available(nowMs: number): number {
        this.refill(nowMs);
        return this.tokens;
    }

    spend(amount: number, nowMs: number): void {
        this.refill(nowMs);
        this.tokens -= amount;
    }

    /** Milliseconds from `nowMs` until at least `amount` tokens are available (0 when they already are). */
    waitFor(amount: number, nowMs: number): number {
        this.refill(nowMs);
        const missing = Math.min(amount, this.capacity) - this.tokens;
        return missing <= 0 ? 0 : Math.ceil((missing * 1000) / this.ratePerSecond);
    }

    /** Changes the rate (on-demand scaling); a bigger bucket starts full at the new capacity. */
    resize(capacity: number, ratePerSecond: number, nowMs: number): void {
        this.refill(nowMs);
        const grow = capacity - this.capacity;
        this.capacity = capacity;
        this.ratePerSecond = ratePerSecond;
        this.tokens = Math.min(capacity, this.tokens + Math.max(0, grow));
    }

    private refill(nowMs: number): void {
        if (nowMs <= this.updatedAt) return;
        // (elapsed · rate) / 1000 keeps whole-second refills exact for integral rates.
        this.tokens = Math.min(this.capacity, this.tokens + ((nowMs - this.updatedAt) * this.ratePerSecond) / 1000);
        this.updatedAt = nowMs;
    }
}
