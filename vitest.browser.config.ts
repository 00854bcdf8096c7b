import { defineConfig } from 'vitest/config';

// Browser tests drive Debian's chromium through playwright-core; .ci/run installs it.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
