import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: '@groundwork/portal',
    include: ['app/**/*.test.ts', 'app/**/*.test.tsx', 'server/**/*.test.ts'],
    environment: 'node',
    // Creating an in-memory PGlite takes seconds, more when test files run side by side.
    hookTimeout: 120_000,
  },
});
