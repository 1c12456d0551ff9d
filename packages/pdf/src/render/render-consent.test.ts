import { getDocument } from '@groundwork/content';
import { renderConsent } from '@groundwork/pdf';
import { describe, expect, it } from 'vitest';
import { riverside } from '../../test/fixtures.js';
import { inspectPdf, squash } from '../../test/inspect-pdf.js';
import { shapingMemoMentions } from '../fonts/register-fonts.js';
import { hyphenationMemoHolds } from '../text/hyphenate.js';
// The memos live in module state: render through the same (source) modules the test inspects.
import { renderConsent as renderConsentFromSource } from './render-consent.js';

const consent = getDocument('informed-consent', { locale: 'en' });
const sectionTitle = (id: string) =>
  consent.sections.find((section) => section.id === id)?.title ?? id;

describe('renderConsent', () => {
  it('keeps shared sections and only the chosen routes', async () => {
    const pdf = await inspectPdf(
      await renderConsent({ document: consent, brandKit: riverside, routes: ['iv', 'im'] }),
    );
    const text = squash(pdf.text);
    expect(text).toContain('Routes covered: IV infusion, IM injection');
    expect(text).toContain(squash(sectionTitle('route-iv')));
    expect(text).toContain(squash(sectionTitle('route-im')));
    expect(text).not.toContain(squash(sectionTitle('route-intranasal-esketamine')));
    expect(text).toContain(squash(sectionTitle('risks')));
  });

  it('adds fillable initials, name and date fields next to printed boxes and lines', async () => {
    const pdf = await inspectPdf(
      await renderConsent({ document: consent, brandKit: riverside, routes: ['iv'] }),
    );
    const acknowledgements = consent.sections
      .filter((section) => !section.routes || section.routes.includes('iv'))
      .flatMap((section) => section.blocks)
      .filter((block) => block.type === 'acknowledgement');
    expect(acknowledgements.length).toBeGreaterThan(3);
    for (const block of acknowledgements) expect(pdf.fieldNames).toContain(`initials-${block.id}`);
    expect(pdf.fieldNames).toContain('patient-name');
    expect(pdf.fieldNames.some((name) => name.startsWith('patient-date-'))).toBe(true);
    expect(squash(pdf.text)).toContain('Initials');
    expect(squash(pdf.text)).toContain('Signature');
  });

  it('prints a pre-filled patient name and date instead of fields', async () => {
    const pdf = await inspectPdf(
      await renderConsent({
        document: consent,
        brandKit: riverside,
        routes: ['oral-sublingual'],
        patientName: 'Ana Núñez',
        date: '2026-11-21',
      }),
    );
    expect(pdf.text).toContain('Ana Núñez');
    expect(pdf.text).toContain('2026-11-21');
    expect(pdf.fieldNames).not.toContain('patient-name');
  });

  it('prints a given date only on the date lines of prefillDate parties, and labels interpreter and clinician initials', async () => {
    const signature = consent.sections
      .flatMap((section) => section.blocks)
      .find((block) => block.type === 'signature');
    expect(signature).toMatchObject({ prefillDate: ['patient'] });
    const pdf = await inspectPdf(
      await renderConsent({
        document: consent,
        brandKit: riverside,
        routes: ['iv'],
        date: '2031-04-05',
      }),
    );
    // The form's own date line and the patient's signature date; not the interpreter's, clinician's or witness's.
    expect(pdf.text.split('2031-04-05').length - 1).toBe(2);
    expect(pdf.fieldNames).toContain(`clinician-date-${signature?.id}`);
    expect(pdf.fieldNames).toContain(`interpreter-date-${signature?.id}`);
    expect(pdf.fieldNames).not.toContain(`patient-date-${signature?.id}`);
    const text = squash(pdf.text);
    expect(text).toContain('Interpreter');
    expect(text).toContain('Clinician initials');
    expect(text).toContain('Interpreter initials');
  });

  it('keeps nothing of a pre-filled patient name in the per-process memos', async () => {
    // Control: text of an ordinary render is memoised (so this test can fail).
    await renderConsentFromSource({
      document: consent,
      brandKit: { ...riverside, footerNote: 'Quintessential Wellbeing' },
      routes: ['iv'],
    });
    expect(shapingMemoMentions('Quintessential')).toBe(true);
    expect(hyphenationMemoHolds('Quintessential')).toBe(true);

    const pdf = await inspectPdf(
      await renderConsentFromSource({
        document: consent,
        brandKit: riverside,
        routes: ['iv'],
        patientName: 'Bartholomew Zephyrine',
        date: '2031-02-03',
      }),
    );
    expect(pdf.text).toContain('Bartholomew Zephyrine');
    expect(shapingMemoMentions('Bartholomew')).toBe(false);
    expect(shapingMemoMentions('Zephyrine')).toBe(false);
    expect(hyphenationMemoHolds('Bartholomew')).toBe(false);
    expect(hyphenationMemoHolds('Zephyrine')).toBe(false);
  });

  it('renders Spanish with every clinical statement field', async () => {
    const spanish = getDocument('informed-consent', { locale: 'es' });
    const pdf = await inspectPdf(
      await renderConsent({ document: 'informed-consent', brandKit: riverside, locale: 'es' }),
    );
    const text = squash(pdf.text);
    expect(text).toContain(`Versión ${spanish.version}`);
    expect(spanish.version).toBe('1.1.0');
    expect(text).toContain('Intérprete');
    expect(text).toContain('Iniciales del profesional clínico');
    expect(text).toContain('Iniciales del intérprete');
    expect(text).toContain(squash(spanish.disclaimer));
    expect(text).toContain('Iniciales');
    expect(pdf.info.Language).toBe('es');
  });

  it('rejects an unknown route with the list of known ones', async () => {
    await expect(
      // @ts-expect-error testing a route the types do not allow
      renderConsent({ document: consent, brandKit: riverside, routes: ['nasal'] }),
    ).rejects.toThrow(/routes\.0: must be one of iv, im/);
  });
});
