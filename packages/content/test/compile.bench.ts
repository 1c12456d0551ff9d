import { join } from 'node:path';
import { bench, describe } from 'vitest';
import { compileLibrary } from '../compiler/compile-library.js';

const libraryDir = join(import.meta.dirname, '..', 'library');

describe('content at build time', () => {
  bench(
    'compileLibrary: the whole library',
    () => {
      compileLibrary({ libraryDir });
    },
    { iterations: 5 },
  );
});
