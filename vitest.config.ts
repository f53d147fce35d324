import { defineConfig } from 'vitest/config';

// Unit tests only; tests/e2e runs under Playwright.
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    globalSetup: ['tests/unit/global-setup.ts'],
    testTimeout: 30_000,
  },
});
