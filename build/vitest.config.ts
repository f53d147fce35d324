import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Unit tests only; tests/e2e runs under Playwright. Paths are from the repository root.
export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['tests/unit/**/*.test.ts'],
    globalSetup: ['tests/unit/global-setup.ts'],
    // generous: CLI tests spawn processes, and a loaded 2-core machine can be slow; a hang still fails
    testTimeout: 120_000,
  },
});
