import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getDocument, references as fullReferences } from '@groundwork/content';
import { getReference, references } from '@groundwork/content/references';
import { describe, expect, it } from 'vitest';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const manifest = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));

/** The built file the exports map gives `./references` for a condition, plus the chunks it loads. */
function builtReferencesEntry(condition: 'import' | 'require'): string {
  const path = join(packageDir, manifest.exports['./references'][condition].default);
  const source = readFileSync(path, 'utf8');
  const chunks = [...source.matchAll(/(?:from\s+|require\()['"]\.\/([^'"]+)['"]/g)].map((match) =>
    readFileSync(join(dirname(path), match[1] ?? ''), 'utf8'),
  );
  return [source, ...chunks].join('\n');
}

describe('@groundwork/content/references', () => {
  it('holds the same registry as the main entry', () => {
    expect(references.map((reference) => reference.id)).toEqual(
      fullReferences.map((reference) => reference.id),
    );
    expect(getReference('spravato-rems')).toEqual(
      fullReferences.find((reference) => reference.id === 'spravato-rems'),
    );
    expect(getReference('not-a-reference')).toBeUndefined();
  });

  it('is frozen, so a consumer cannot change the registry for everyone', () => {
    expect(Object.isFrozen(references)).toBe(true);
    expect(Object.isFrozen(references[0])).toBe(true);
  });

  it.each([
    'import',
    'require',
  ] as const)('its built %s file carries no document text and no zod', (condition) => {
    const built = builtReferencesEntry(condition);
    expect(built.length).toBeLessThan(40_000);
    expect(built).toContain('spravato-rems');
    const guide = getDocument('psychedelic-basics-guide', { locale: 'en' });
    const consent = getDocument('informed-consent', { locale: 'es' });
    for (const text of [guide.title, guide.summary, consent.title, consent.disclaimer]) {
      expect(built).not.toContain(text);
    }
    expect(built).not.toMatch(/from ['"]zod['"]|require\(['"]zod['"]\)/);
  });

  it('is listed in the exports map with types first', () => {
    const entry = manifest.exports['./references'];
    expect(Object.keys(entry.import)[0]).toBe('types');
    expect(Object.keys(entry.require)[0]).toBe('types');
  });
});
