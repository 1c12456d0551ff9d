import { groundworkTsup } from '../../tsup.base';

// Three entries: the Node renderer, the browser-safe brand subpath, and the CLI.
// `shims` gives the CJS build an `import.meta.url` for locating bundled fonts.
export default groundworkTsup({
  entry: ['src/index.ts', 'src/brand.ts', 'src/cli.ts'],
  shims: true,
});
