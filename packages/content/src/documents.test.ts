import {
  DocumentNotFoundError,
  getDocument,
  getReference,
  listDocuments,
  references,
  routesIn,
  ROUTES,
  type Route,
} from '@groundwork/content';
import { describe, expect, it } from 'vitest';

describe('listDocuments', () => {
  it('filters by kind, audience and locale together', () => {
    const spanishHandouts = listDocuments({ kind: 'handout', locale: 'es' });
    expect(spanishHandouts.length).toBeGreaterThanOrEqual(5);
    for (const document of spanishHandouts) {
      expect(document.kind).toBe('handout');
      expect(document.locale).toBe('es');
    }
    expect(listDocuments({ audience: 'practitioner' }).map((document) => document.id)).toContain(
      'psychedelic-basics-guide',
    );
    expect(listDocuments({ kind: 'guide', locale: 'es' })).toEqual([]);
  });

  it('sorts by id then locale', () => {
    const keys = listDocuments().map((document) => `${document.id}/${document.locale}`);
    expect(keys).toEqual([...keys].sort());
  });
});

describe('getDocument', () => {
  it('returns the requested locale', () => {
    const document = getDocument('preparing-for-your-session', { locale: 'es' });
    expect(document.locale).toBe('es');
    expect(document.fellBackFrom).toBeUndefined();
  });

  it('falls back to English only when asked, and says so', () => {
    expect(() => getDocument('psychedelic-basics-guide', { locale: 'es' })).toThrow(
      /has no "es" version \(it has en\); pass fallbackToEnglish: true/,
    );
    const document = getDocument('psychedelic-basics-guide', {
      locale: 'es',
      fallbackToEnglish: true,
    });
    expect(document.locale).toBe('en');
    expect(document.fellBackFrom).toBe('es');
  });

  it('throws a DocumentNotFoundError naming the known ids for an unknown id', () => {
    let error: unknown;
    try {
      getDocument('no-such-document', { locale: 'en', fallbackToEnglish: true });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(DocumentNotFoundError);
    expect((error as DocumentNotFoundError).availableLocales).toEqual([]);
    expect((error as Error).message).toMatch(/No document "no-such-document".*informed-consent/);
  });

  it('returns every section, shared and per route, without a variant', () => {
    const consent = getDocument('informed-consent', { locale: 'en' });
    expect(consent.variant).toBeUndefined();
    expect(routesIn(consent)).toEqual([...ROUTES]);
  });

  it.each<[Route[]]>([
    [['iv']],
    [['intranasal-esketamine']],
    [['im', 'oral-sublingual']],
  ])('keeps the shared sections and only those for %j', (routes) => {
    const full = getDocument('informed-consent', { locale: 'en' });
    const variant = getDocument('informed-consent', { locale: 'en', variant: { routes } });
    const shared = full.sections.filter((section) => !section.routes).map((section) => section.id);
    const kept = variant.sections.map((section) => section.id);
    expect(kept).toEqual(expect.arrayContaining(shared));
    for (const section of variant.sections) {
      if (section.routes) expect(section.routes.some((route) => routes.includes(route))).toBe(true);
    }
    expect(routesIn(variant)).toEqual(ROUTES.filter((route) => routes.includes(route)));
    expect(variant.variant).toEqual({ routes: ROUTES.filter((route) => routes.includes(route)) });
    expect(kept.length).toBeLessThan(full.sections.length);
  });

  it('rejects an empty or unknown route variant with the routes it expected', () => {
    expect(() =>
      getDocument('informed-consent', { locale: 'en', variant: { routes: [] } }),
    ).toThrow(
      /one or more routes out of iv, im, oral-sublingual, intranasal-esketamine; received \[\]/,
    );
    expect(() =>
      getDocument('informed-consent', {
        locale: 'en',
        variant: { routes: ['oral'] as unknown as ['iv'] },
      }),
    ).toThrow(/received \["oral"\]/);
  });
});

describe('copies', () => {
  it('never lets a caller change the library', () => {
    const first = getDocument('informed-consent', { locale: 'en' });
    first.title = 'Changed';
    first.sections.length = 0;
    const again = getDocument('informed-consent', { locale: 'en' });
    expect(again.title).not.toBe('Changed');
    expect(again.sections.length).toBeGreaterThan(0);
    const listed = listDocuments({ kind: 'consent', locale: 'en' })[0];
    expect(listed?.title).toBe(again.title);
  });
});

describe('references', () => {
  it('are unique and each has a url or a doi', () => {
    const ids = references.map((reference) => reference.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const reference of references) {
      expect(reference.url ?? reference.doi).toBeTruthy();
    }
    expect(getReference('spravato-rems')?.url).toMatch(/^https:/);
    expect(getReference('nope')).toBeUndefined();
  });
});
