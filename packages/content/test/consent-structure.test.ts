import { type AcknowledgementBlock, getDocument, LOCALES, plainText } from '@groundwork/content';
import { describe, expect, it } from 'vitest';

describe.each(LOCALES)('informed consent (%s)', (locale) => {
  const consent = getDocument('informed-consent', { locale });
  const section = (id: string) => consent.sections.find((candidate) => candidate.id === id);
  const text = (id: string) =>
    (section(id)?.blocks ?? []).map((block) => plainText(block)).join(' ');
  const acknowledgements = consent.sections.flatMap((candidate) =>
    candidate.blocks.filter(
      (block): block is AcknowledgementBlock => block.type === 'acknowledgement',
    ),
  );

  it('is version 1.1.0 with a review date and reviewer', () => {
    expect(consent.version).toBe('1.1.0');
    expect(consent.reviewedAt).toBe('2026-12-02');
    expect(consent.reviewer).toMatch(/licensed clinician/);
  });

  it('has one signature block for patient, interpreter, clinician and witness, with only the patient date prefilled', () => {
    const signatures = consent.sections.flatMap((candidate) =>
      candidate.blocks.filter((block) => block.type === 'signature'),
    );
    expect(signatures).toHaveLength(1);
    expect(signatures[0]).toMatchObject({
      parties: ['patient', 'interpreter', 'clinician', 'witness'],
      prefillDate: ['patient'],
    });
  });

  it('ends with the interpreter statement and the clinician capacity attestation, each initialled by that person', () => {
    const interpreter = section('interpreter')?.blocks.find(
      (block) => block.type === 'acknowledgement',
    );
    const clinician = section('clinician-statement')?.blocks.find(
      (block) => block.type === 'acknowledgement',
    );
    expect(interpreter).toMatchObject({ initialledBy: 'interpreter' });
    expect(clinician).toMatchObject({ initialledBy: 'clinician' });
    expect(acknowledgements.filter((block) => block.initialledBy === 'clinician')).toHaveLength(1);
    expect(acknowledgements.filter((block) => block.initialledBy === 'interpreter')).toHaveLength(
      1,
    );
  });

  it('asks for a separate initial for supportive touch and for recording', () => {
    for (const id of ['supportive-touch', 'recording']) {
      const initials =
        section(id)?.blocks.filter((block) => block.type === 'acknowledgement') ?? [];
      expect(initials, id).toHaveLength(1);
      expect(initials[0], id).not.toHaveProperty('initialledBy');
    }
  });

  it('has every other part initialled by the patient', () => {
    const patient = acknowledgements.filter((block) => block.initialledBy === undefined);
    expect(patient.length).toBeGreaterThanOrEqual(22);
  });

  it.each([
    ['risks', locale === 'en' ? /respiratory depression/ : /depresión respiratoria/],
    ['risks', locale === 'en' ? /days to weeks/ : /días o semanas/],
    ['risks', locale === 'en' ? /thoughts of suicide/ : /pensamientos .*de suicidio/],
    ['pregnancy', locale === 'en' ? /birth control/ : /anticonceptivo/],
    ['alternatives', /\(ECT\)|\(TEC\)/],
    ['alternatives', /\(TMS\)|\(EMT\)/],
    ['costs', locale === 'en' ? /cost/ : /costo/],
  ])('section {#%s} covers %s', (id, pattern) => {
    expect(text(id)).toMatch(pattern);
  });

  it('keeps the esketamine schedule inside the esketamine section', () => {
    const esketamine = section('route-intranasal-esketamine');
    expect(esketamine?.routes).toEqual(['intranasal-esketamine']);
    expect(text('route-intranasal-esketamine')).toMatch(/40 (?:minutes|minutos)/);
    const variant = getDocument('informed-consent', { locale, variant: { routes: ['iv'] } });
    expect(variant.sections.map((candidate) => candidate.id)).not.toContain(
      'route-intranasal-esketamine',
    );
    expect(variant.sections.map((candidate) => candidate.id)).toContain('route-iv');
  });
});
