import { defineConfig } from 'tsup';
import { groundworkTsup } from '../../tsup.base';

// The Node renderer and the browser-safe brand subpath ship as ESM + CJS; the
// CLI only as ESM (its `bin`), sharing the ESM build's chunks, with no types.
// `shims` gives the CJS build an `import.meta.url` for locating bundled fonts.
const libraryEntries = ['src/index.ts', 'src/brand.ts'];

export default defineConfig([
  groundworkTsup({
    entry: [...libraryEntries, 'src/cli.ts'],
    format: ['esm'],
    dts: { entry: libraryEntries },
    // The two builds run side by side: this one must not delete the CJS files.
    clean: ['!**/*.cjs', '!**/*.cjs.map', '!**/*.d.cts'],
  }),
  groundworkTsup({ entry: libraryEntries, format: ['cjs'], shims: true, clean: false }),
]);
