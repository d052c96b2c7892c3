import { defineConfig } from 'vitest/config';

// Three projects: fast pure tests (domain, builders, the sandbox on its own); tests against the real stack (API and
// integration) that share one Temporal dev server and one PostgreSQL database from the global setup; and the
// console driven in a real browser (Debian's chromium through playwright-core) against the same kind of stack.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts', 'test/sandbox/**/*.test.ts'],
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/api/**/*.test.ts', 'test/integration/**/*.test.ts'],
          globalSetup: ['test/support/global-setup.ts'],
          testTimeout: 180_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          globalSetup: ['test/support/global-setup.ts'],
          testTimeout: 180_000,
          hookTimeout: 180_000,
          fileParallelism: false,
          // after the others: a browser and a stack at once are enough for a 2-core machine
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
