import { defineConfig } from 'vitest/config';

// Pure and in-process tests share worker threads without re-importing every module per file
// (isolation off: on 2 cores this took the unit suite's start-up cost from ~60 % of its time to
// ~15 %). Tests that drive the sandbox and spawn `lantern` keep one forked process per file.
export default defineConfig({
  test: {
    environment: 'node',
    testTimeout: 20_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'in-process',
          include: [
            'shared/**/*.test.ts',
            'electron/**/*.test.ts',
            'renderer/**/*.test.{ts,tsx}',
            'scripts/**/*.test.ts',
          ],
          pool: 'threads',
          isolate: false,
        },
      },
      {
        extends: true,
        test: { name: 'sandbox', include: ['sandbox/**/*.test.ts'], pool: 'forks' },
      },
    ],
  },
});
