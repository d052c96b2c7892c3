import { defineConfig } from 'vitest/config';

// `npm run test:prod`: the production shape (scripts/prod-stack: a Temporal cluster on PostgreSQL, two API and two
// worker processes behind one address). Its own config so `npm test` never starts it; `.ci/run` runs both.
export default defineConfig({
  test: {
    name: 'prod',
    include: ['test/prod/**/*.test.ts'],
    // the first run on a machine builds the Temporal server with Go (minutes)
    testTimeout: 300_000,
    hookTimeout: 900_000,
    fileParallelism: false,
  },
});
