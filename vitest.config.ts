import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{ingest,server,evals,web}/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    // The embedding model and the index are heavy; run files one at a time on this 2-core machine.
    fileParallelism: false,
    pool: 'forks',
    // The server serves web/dist as built files; build it from the current source before any test runs. The
    // tests' index is built up front too, so no single test pays for a full build on a clean clone.
    globalSetup: ['web/test-support/build-bundles.ts', 'server/testing/build-test-index.ts'],
  },
});
