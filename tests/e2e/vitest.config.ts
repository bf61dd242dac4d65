/**
 * End-to-end tests: the built extension in real Chromium, and the Firefox build in real Firefox
 * (firefox.test.ts). Separate from the unit suite (they need `dist/`, `dist-firefox/` and the
 * browsers); `npm run test:e2e` builds both first. One file at a time: one browser.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
