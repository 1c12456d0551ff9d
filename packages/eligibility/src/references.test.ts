import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getReference, references } from '@groundwork/content/references';
import {
  customize,
  INSTRUMENTS,
  ketamineDefaultRuleset,
  resolveReference,
  screen,
} from '@groundwork/eligibility';
import { describe, expect, it } from 'vitest';
import { patientWith } from '../test/fixtures.js';

describe('references', () => {
  it('every default rule cites ids that exist in the @groundwork/content registry', () => {
    expect(references.length).toBeGreaterThan(10);
    for (const rule of ketamineDefaultRuleset.rules) {
      for (const id of rule.references) {
        expect([rule.id, id, getReference(id) !== undefined]).toEqual([rule.id, id, true]);
      }
    }
  });

  it('every instrument cites an id that exists in the registry', () => {
    for (const definition of Object.values(INSTRUMENTS)) {
      expect(getReference(definition.reference)).toBeDefined();
    }
  });

  it('findings carry resolved citations with url or doi', () => {
    const result = screen(
      patientWith({ phq9: [1, 1, 1, 1, 1, 1, 1, 1, 1] }),
      ketamineDefaultRuleset,
    );
    const [reference] = result.findings[0]?.references ?? [];
    expect(reference).toEqual({
      id: 'kroenke-2001-phq9',
      citation: expect.stringContaining(
        'The PHQ-9: validity of a brief depression severity measure',
      ),
      doi: '10.1046/j.1525-1497.2001.016009606.x',
    });
  });

  it("keeps a practice rule's unknown reference id as the id alone", () => {
    expect(resolveReference('acme-protocol-2026')).toEqual({ id: 'acme-protocol-2026' });
    const custom = customize(ketamineDefaultRuleset, {
      practiceId: 'acme',
      revision: 1,
      addRules: [
        {
          id: 'acme-age-cap',
          version: '1.0.0',
          severity: 'review',
          condition: { greaterThan: [{ answer: 'age' }, 70] },
          message: { en: 'Over 70', es: 'Mayor de 70' },
          references: ['acme-protocol-2026'],
        },
      ],
    });
    const finding = screen(patientWith({ age: 75 }), custom).findings.find(
      (candidate) => candidate.ruleId === 'acme-age-cap',
    );
    expect(finding?.references).toEqual([{ id: 'acme-protocol-2026' }]);
  });

  it.each([
    'index.js',
    'index.cjs',
  ])('built dist/%s loads only the light references entry of @groundwork/content', (file) => {
    const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
    const built = readFileSync(join(packageDir, 'dist', file), 'utf8');
    const specifiers = [
      ...built.matchAll(/(?:from\s+|require\()['"](@groundwork\/content[^'"]*)['"]/g),
    ].map((match) => match[1]);
    expect(specifiers).toEqual(['@groundwork/content/references']);
  });
});
