import { defineConfig } from 'vitest/config';

// One run, four projects: fast pure tests, the web UI's components in jsdom (Testing Library),
// integration against real databases and services, and end-to-end tests that drive Chromium,
// ffmpeg, RTSP and MQTT. All are part of `npm test`.
//
// The time-outs are budgets for a loaded 2-core machine (CI shares its cores), not expectations:
// a test that hangs still fails, a test that is merely slow does not. Speed is measured in
// bench/, never asserted here. Keep individual tests short instead of raising a single test's
// budget (split per role, per page, per case).
export default defineConfig({
  test: {
    reporters: ['default', './test/support/summary-reporter.ts'],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'web',
          include: ['web/src/**/*.test.{ts,tsx}'],
          environment: 'jsdom',
          setupFiles: ['web/src/test/setup.ts'],
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 180_000,
          hookTimeout: 240_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 240_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
