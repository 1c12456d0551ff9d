import type { Options } from 'tsup';

/**
 * The one tsup configuration every published package extends: ESM + CJS +
 * declarations, tree-shakeable, targeting the Node versions we support.
 * Source maps are shipped without `sourcesContent`: they map stack traces to
 * file and line, and the sources themselves are on GitHub, not in the tarball.
 */
export function groundworkTsup(overrides: Options = {}): Options {
  return {
    entry: ['src/index.ts'],
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    treeshake: true,
    target: 'node20',
    ...overrides,
    esbuildOptions(options, context) {
      options.sourcesContent = false;
      overrides.esbuildOptions?.(options, context);
    },
  };
}
