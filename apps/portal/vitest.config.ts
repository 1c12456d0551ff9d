import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: '@groundwork/portal',
    include: ['app/**/*.test.ts', 'app/**/*.test.tsx', 'server/**/*.test.ts'],
    environment: 'node',
  },
});
