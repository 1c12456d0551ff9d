import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: '@groundwork/test-utils',
    include: ['src/**/*.test.ts'],
  },
});
