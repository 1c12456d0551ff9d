import { defineConfig } from 'vitest/config';

// One root config so `pnpm test` runs every package's and app's suite.
export default defineConfig({
  test: {
    projects: ['packages/*', 'apps/*'],
  },
});
