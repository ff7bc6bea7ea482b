import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// Three suites: `unit` (pure domain/sync code in node, app code in jsdom with fake-indexeddb), `server` (the
// Fastify app in-process on PGlite, and on PostgreSQL when DATABASE_URL is set), `e2e` (built app in Chromium).
export default defineConfig({
  test: {
    // One worker per core: vitest's default leaves one core to itself, which on a 2-core machine runs the unit and
    // server files one at a time (9 min against 6 on PGlite and PostgreSQL); their time is mostly in PGlite and
    // PostgreSQL, not in vitest's own process.
    maxWorkers: availableParallelism(),
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.{ts,tsx}'],
          environment: 'node',
          setupFiles: ['tests/unit/setup.ts'],
        },
      },
      {
        test: {
          name: 'server',
          include: ['tests/server/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // One Chromium at a time: the machine has two cores.
          fileParallelism: false,
        },
      },
    ],
  },
});
