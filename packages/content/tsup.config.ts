import { groundworkTsup } from '../../tsup.base';

// `references` is a light entry (the registry alone) for browser bundles.
export default groundworkTsup({
  entry: { index: 'src/index.ts', references: 'src/references-entry.ts' },
});
