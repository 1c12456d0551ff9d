import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: '@groundwork/portal',
    include: ['app/**/*.test.ts', 'app/**/*.test.tsx', 'server/**/*.test.ts'],
    environment: 'node',
    // One migrated PGlite template per run; each test file loads a copy.
    globalSetup: ['./app/test/global-setup.ts'],
    // Creating a PGlite database takes seconds, more on a busy machine.
    hookTimeout: 60_000,
    testTimeout: 30_000,
  },
});
