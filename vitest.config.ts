import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { Report } from './src/report/model.js';
import { shapeOf } from './src/report/shape.js';

export default defineConfig({
  // What scripts/build.mjs gives the bundle: the result schema's shape (src/report/shape.ts).
  define: { __RESULT_SHAPE__: JSON.stringify(shapeOf(Report)) },
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['./test/helpers/fresh-build.ts'],
    // Every core: the default leaves one idle, which on a two-core machine halves the speed.
    maxWorkers: Math.max(2, availableParallelism()),
    // End-to-end tests spawn the built binary, a pseudo-terminal or Chromium: give them room on a
    // two-core machine instead of timing them.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    reporters: ['default', './test/helpers/summary-reporter.ts'],
  },
});
