import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: '@groundwork/pdf',
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/**/*.test.ts'],
    // Rendering a PDF takes a second or more on a busy 2-core machine.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
