import * as pdf from '@groundwork/pdf';
import {
  BrandKitError,
  DocumentKindError,
  RenderError,
  RenderOptionsError,
  renderChecklistReport,
  renderHandout,
} from '@groundwork/pdf';
import { describe, expect, it } from 'vitest';
import { riverside } from '../test/fixtures.js';

const handout = 'preparing-for-your-session';

describe('typed errors', () => {
  it('names the locale it accepts, not an internal function, for an unknown locale', async () => {
    const error = await renderHandout({
      document: handout,
      brandKit: riverside,
      // @ts-expect-error testing a locale the types do not allow
      locale: 'fr',
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RenderOptionsError);
    expect((error as RenderOptionsError).issues).toEqual([
      { field: 'locale', message: 'must be one of en, es (received "fr")' },
    ]);
    expect((error as Error).message).toMatch(/^Invalid options for renderHandout:\nlocale: /);
    expect((error as Error).message).not.toMatch(/listDocuments|getDocument/);
  });

  it('says which ids exist for an unknown document, and refuses another kind', async () => {
    const unknown = await renderHandout({ document: 'no-such-handout', brandKit: riverside }).catch(
      (caught: unknown) => caught,
    );
    expect(unknown).toBeInstanceOf(DocumentKindError);
    expect((unknown as Error).message).toMatch(/Unknown handout "no-such-handout" in locale en/);
    expect((unknown as Error).message).toContain(handout);
    const consent = await renderHandout({
      document: 'informed-consent',
      brandKit: riverside,
    }).catch((caught: unknown) => caught);
    expect(consent).toBeInstanceOf(DocumentKindError);
    expect((consent as Error).message).toMatch(/"informed-consent" is a consent, not a handout/);
  });

  it('lists every bad brand-kit field in BrandKitError.issues and keeps the zod cause', async () => {
    const error = await renderHandout({
      document: handout,
      brandKit: { practice: { name: '', website: 'ftp://x' }, colours: { primary: 'blue' } },
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BrandKitError);
    const fields = (error as BrandKitError).issues.map((issue) => issue.field);
    expect(fields).toEqual(
      expect.arrayContaining(['practice.name', 'practice.website', 'colours.primary']),
    );
    expect((error as Error).cause).toBeDefined();
  });

  it('names the report field of a malformed checklist report', async () => {
    const error = await renderChecklistReport({
      // @ts-expect-error testing a report the types do not allow
      report: { practiceName: 'Riverside' },
      brandKit: riverside,
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RenderOptionsError);
    expect((error as RenderOptionsError).issues.map((issue) => issue.field)).toContain(
      'report.template',
    );
  });

  it('are distinct classes with their own names', () => {
    for (const ErrorClass of [BrandKitError, DocumentKindError, RenderError, RenderOptionsError]) {
      expect(ErrorClass.prototype).toBeInstanceOf(Error);
    }
    expect(new RenderError('x').name).toBe('RenderError');
    expect(new DocumentKindError('x').name).toBe('DocumentKindError');
  });
});

describe('main entry', () => {
  it('exports the render API and its schemas, not layout internals', () => {
    expect(Object.keys(pdf).sort()).toEqual(
      [
        'BrandKitError',
        'BrandKitSchema',
        'BrandKitStrictSchema',
        'CHECKLIST_STATUSES',
        'ChecklistProgressSchema',
        'ChecklistReportItemSchema',
        'ChecklistReportSchema',
        'DocumentKindError',
        'GROUNDWORK_BRAND_KIT',
        'GUIDE_ID',
        'PAPER_SIZES',
        'RENDER_CACHE_MAX_BYTES',
        'RenderError',
        'RenderOptionsError',
        'TYPEFACES',
        'TYPEFACE_IDS',
        'brandKitIssues',
        'checklistProgress',
        'createRenderCache',
        'fillDocument',
        'paperDimensions',
        'parseBrandKit',
        'renderChecklistReport',
        'renderChecklistReportStream',
        'renderConsent',
        'renderConsentStream',
        'renderForm',
        'renderFormStream',
        'renderGuide',
        'renderGuideStream',
        'renderHandout',
        'renderHandoutStream',
      ].sort(),
    );
  });
});
