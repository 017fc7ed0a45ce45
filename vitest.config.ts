import { defineConfig } from 'vitest/config';

// Two projects: fast unit tests beside the code, and integration tests (`*.int.test.ts`,
// `e2e/`) that start a browser, ffmpeg or a database server and get longer time-outs.
export default defineConfig({
  test: {
    setupFiles: ['tools/vitest-setup.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['packages/*/src/**/*.test.ts', 'tools/**/*.test.ts', 'bench/**/*.test.ts'],
          exclude: ['**/*.int.test.ts', '**/node_modules/**'],
          // Property and fuzz tests are CPU-bound: 1-4 s on a quiet machine, several times that at
          // load 10-20 on 2 cores. Slow there is fine, failing is not (their runs are bounded).
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'int',
          include: [
            'packages/*/src/**/*.int.test.ts',
            'packages/*/test/**/*.int.test.ts',
            'tools/**/*.int.test.ts',
            'e2e/**/*.int.test.ts',
          ],
          testTimeout: 180_000,
          hookTimeout: 300_000,
          // Browsers, ffmpeg and database servers on a 2-core machine: one file at a time.
          fileParallelism: false,
        },
      },
    ],
  },
});
