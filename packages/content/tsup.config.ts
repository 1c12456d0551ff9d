import { defineConfig } from 'tsup';
import { groundworkTsup } from '../../tsup.base';

// `references` is a light entry (the registry alone) for browser bundles.
export default defineConfig(
  groundworkTsup({
    entry: { index: 'src/index.ts', references: 'src/references-entry.ts' },
  }),
);
