import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const dist = resolve(import.meta.dirname, '../dist');

// Every module the built browser entry loads, following relative imports through shared chunks.
function moduleGraph(entry: string): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  const visit = (file: string) => {
    if (graph.has(file)) return;
    const source = readFileSync(file, 'utf8');
    const specifiers = [
      ...source.matchAll(
        /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g,
      ),
    ].map((match) => match[1] ?? match[2] ?? match[3] ?? '');
    graph.set(file, specifiers);
    for (const specifier of specifiers)
      if (specifier.startsWith('.')) visit(join(dirname(file), specifier));
  };
  visit(entry);
  return graph;
}

describe('@groundwork/pdf/brand (built)', () => {
  it.each([
    'brand.js',
    'brand.cjs',
  ])('%s imports no react-pdf, React, fontkit or node: module', (file) => {
    const graph = moduleGraph(join(dist, file));
    const external = [...graph.values()].flat().filter((specifier) => !specifier.startsWith('.'));
    expect(external.length).toBeGreaterThan(0);
    for (const specifier of external) {
      expect(specifier).not.toMatch(
        /^node:|^@react-pdf|^react|^fontkit|^pdfkit|^fs$|^path$|^zlib$|^crypto$/,
      );
    }
    expect(external).toContain('zod');
  });
});
