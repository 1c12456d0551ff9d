import { defineConfig, type Options } from 'tsup';

/**
 * The one tsup configuration every published package extends: ESM + CJS +
 * declarations, tree-shakeable, targeting the Node versions we support.
 */
export function groundworkTsup(overrides: Options = {}) {
  return defineConfig({
    entry: ['src/index.ts'],
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    treeshake: true,
    target: 'node20',
    ...overrides,
  });
}
