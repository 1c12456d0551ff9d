// Bundles server.ts (Express + middleware + database setup) into build/server.js
// for `pnpm start`. Dependencies stay external; the Remix app itself is loaded
// from build/server/index.js at run time.
import { build } from 'esbuild';

await build({
  entryPoints: ['server.ts'],
  outfile: 'build/server.js',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
