import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: '@groundwork/content',
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/**/*.test.ts'],
  },
});
