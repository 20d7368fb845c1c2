import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: ['test/e2e/**', 'node_modules/**'],
          environment: 'node',
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.e2e.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
          // The e2e project shares 2 cores with the unit project in one `vitest run`: give the page time to settle
          // (what is asserted does not change; only how long a poll may wait for it).
          expect: { poll: { timeout: 10_000, interval: 100 } },
        },
      },
    ],
  },
});
