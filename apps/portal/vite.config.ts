import { vitePlugin as remix } from '@remix-run/dev';
import { defineConfig } from 'vite';

declare module '@remix-run/node' {
  interface Future {
    v3_singleFetch: true;
  }
}

export default defineConfig({
  plugins: [
    // All v3 future flags on: the upgrade path to React Router 7 (docs/decisions/0001).
    !process.env.VITEST &&
      remix({
        ignoredRouteFiles: ['**/*.test.ts', '**/*.test.tsx', '**/.*'],
        future: {
          v3_fetcherPersist: true,
          v3_relativeSplatPath: true,
          v3_throwAbortReason: true,
          v3_singleFetch: true,
          v3_lazyRouteDiscovery: true,
        },
      }),
  ],
  // react-pdf cannot be bundled (#standard-fonts/... imports): load @groundwork/pdf
  // from node_modules at run time. It is only ever imported from *.server.ts.
  ssr: { external: ['@groundwork/pdf'] },
  server: { port: 3000 },
});
