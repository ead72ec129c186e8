import { defineConfig } from 'vitest/config';

// Unit tests (engine and rendering) run in Node; browser tests are Playwright's (npm run test:browser).
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/browser/**', 'node_modules/**'],
    environment: 'node',
  },
});
