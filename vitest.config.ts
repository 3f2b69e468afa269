import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{ingest,server,evals,web}/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    // The embedding model and the index are heavy; run files one at a time on this 2-core machine.
    fileParallelism: false,
    pool: 'forks',
  },
});
