import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/setup/build.ts'],
    // Commands under test log through the root logger; keep the test output readable.
    env: { WIREDESK_LOG_LEVEL: process.env.WIREDESK_LOG_LEVEL ?? 'silent' },
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
