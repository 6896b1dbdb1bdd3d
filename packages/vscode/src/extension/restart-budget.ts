/**
 * How often a crashed language server is restarted: at most `maxRestarts` crashes within a sliding window. A
 * server that crashes more often than that is left stopped, so a crash loop cannot keep the machine busy.
 */
export class RestartBudget {
    private readonly crashes: number[] = [];

    constructor(readonly maxRestarts = 4, readonly windowMs = 3 * 60_000, private readonly now: () => number = Date.now) {}

    /** Records a crash; true when the server may be restarted once more. */
    recordCrash(): boolean {
        const now = this.now();
        this.crashes.push(now);
        while (this.crashes.length > 0 && now - this.crashes[0]! > this.windowMs) this.crashes.shift();
        return this.crashes.length <= this.maxRestarts;
    }

    /** Crashes counted in the current window. */
    get recentCrashes(): number {
        return this.crashes.length;
    }

    /** A manual restart starts with a full budget. */
    reset(): void {
        this.crashes.length = 0;
    }
}
