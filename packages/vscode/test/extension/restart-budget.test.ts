import { describe, expect, test } from 'vitest';
import { RestartBudget } from '../../src/extension/restart-budget.js';

describe('language server restart budget', () => {
    test('restarts after each of the first four crashes, then gives up', () => {
        let now = 0;
        const budget = new RestartBudget(4, 180_000, () => now);
        const decisions = [1, 2, 3, 4, 5].map(() => {
            now += 10_000;
            return budget.recordCrash();
        });
        expect(decisions).toEqual([true, true, true, true, false]);
    });

    test('crashes older than the window no longer count', () => {
        let now = 0;
        const budget = new RestartBudget(2, 60_000, () => now);
        expect(budget.recordCrash()).toBe(true);
        now = 30_000;
        expect(budget.recordCrash()).toBe(true);
        now = 100_000;
        expect(budget.recordCrash()).toBe(true);
        expect(budget.recentCrashes).toBe(1);
    });

    test('a manual restart starts with a full budget', () => {
        const budget = new RestartBudget(1, 60_000, () => 0);
        budget.recordCrash();
        expect(budget.recordCrash()).toBe(false);
        budget.reset();
        expect(budget.recordCrash()).toBe(true);
    });
});
