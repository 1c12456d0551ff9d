// Bundles server.ts (Express + middleware + database setup) into build/server.js
// for `pnpm start`, and the PDF render pool's worker into build/render-worker.js. Dependencies stay external; the Remix app itself is loaded
// from build/server/index.js at run time.
import { build } from 'esbuild';

await build({
  entryPoints: { server: 'server.ts', 'render-worker': 'server/render-worker.ts' },
  outdir: 'build',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
