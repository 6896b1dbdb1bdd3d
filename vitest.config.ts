import { defineConfig } from 'vitest/config';

export default defineConfig({
    test: {
        include: ['packages/*/test/**/*.test.ts'],
        exclude: ['**/node_modules/**', '**/generated/**', 'packages/vscode/test/e2e/**'],
        setupFiles: ['./scripts/polyfill-groupby.cjs'],
        deps: { interopDefault: true },
        testTimeout: 60000,
        hookTimeout: 120000,
        pool: 'forks'
    }
});
