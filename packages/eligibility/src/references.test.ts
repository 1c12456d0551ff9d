import { readFileSync } from 'node:fs';
import { INSTRUMENTS, ketamineDefaultRuleset } from '@groundwork/eligibility';
import { describe, expect, it } from 'vitest';

// The registry @groundwork/content compiles; read directly until that package exports it.
const registry = readFileSync(
  new URL('../../content/library/references.yaml', import.meta.url),
  'utf8',
);
const knownIds = new Set(
  [...registry.matchAll(/^- id: ([a-z0-9-]+)\s*$/gm)].map((match) => match[1]),
);

describe('references', () => {
  it('reads the registry', () => {
    expect(knownIds.size).toBeGreaterThan(10);
  });

  it('every default rule cites ids that exist in the registry', () => {
    for (const rule of ketamineDefaultRuleset.rules) {
      for (const id of rule.references)
        expect([rule.id, knownIds.has(id)]).toEqual([rule.id, true]);
    }
  });

  it('every instrument cites an id that exists in the registry', () => {
    for (const definition of Object.values(INSTRUMENTS)) {
      expect(knownIds.has(definition.reference)).toBe(true);
    }
  });
});
