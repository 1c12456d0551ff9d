import { getDocument } from '@groundwork/content';
import type { AppLoadContext } from '@remix-run/node';
import { eq } from 'drizzle-orm';
import { unzipSync } from 'fflate';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.server';
import { documentActivity } from '../db/schema.server';
import { flushActivity, recordActivity } from '../lib/documents/activity.server';
import { handoutCache } from '../lib/documents/document-pdfs.server';
import { currentRenderBrand } from '../lib/documents/brand-kit.server';
import { formFieldCount, pdfText } from '../lib/documents/page-image.server';
import { createTestContext, createTestDatabase } from '../test/db';
import { brandFields, multipartRequest } from '../test/documents';
import { createPracticeTeam } from '../test/team';
import { formRequest, getRequest, run } from '../test/requests';
import { findInEveryTable, publicTables } from '../test/scan-database';
import * as brand from './practices.$practiceId.brand';
import * as consentPage from './practices.$practiceId.consent';
import * as activity from './practices.$practiceId.documents.activity';
import * as consent from './practices.$practiceId.documents.consent';
import * as formDownload from './practices.$practiceId.documents.form';
import * as download from './practices.$practiceId.documents.handout';
import * as previewImage from './practices.$practiceId.documents.handout-preview';
import * as formsPage from './practices.$practiceId.forms';
import * as studio from './practices.$practiceId.handouts';

let database: Database;
let context: AppLoadContext;
let team: Awaited<ReturnType<typeof createPracticeTeam>>;
let practiceId: string;

const PRACTICE = 'Cedar Hill Ketamine Clinic';

beforeAll(async () => {
  database = await createTestDatabase();
  context = createTestContext(database);
  team = await createPracticeTeam(context, PRACTICE);
  practiceId = team.practice.id;
  const saved = await run(() =>
    brand.action({
      request: multipartRequest(`/practices/${practiceId}/brand`, brandFields(), {
        cookie: team.cookies.owner,
      }),
      params: { practiceId },
      context,
    }),
  );
  expect(saved.data).toEqual({ ok: true, version: 1 });
}, 60_000);

afterAll(async () => {
  await database?.close();
});

async function call(
  route: { loader: (args: never) => unknown },
  path: string,
  cookie: string,
  headers: Record<string, string> = {},
) {
  const request = getRequest(path, { cookie });
  for (const [name, value] of Object.entries(headers)) request.headers.set(name, value);
  const loader = route.loader as (args: {
    request: Request;
    params: Record<string, string>;
    context: AppLoadContext;
  }) => Promise<Response>;
  const response = await loader({ request, params: { practiceId }, context }).catch(
    (thrown: unknown) => {
      if (thrown instanceof Response) return thrown;
      throw thrown;
    },
  );
  return response;
}

async function activityRows() {
  // Downloads record activity in the background; write what is buffered first.
  await flushActivity(context.db);
  return context.db
    .select()
    .from(documentActivity)
    .where(eq(documentActivity.practiceId, practiceId));
}

const handoutPath = (query: string) => `/practices/${practiceId}/documents/handout?${query}`;

describe('handout download', () => {
  it('renders a branded Spanish A4 PDF, then serves it from the cache with a 304 for the same ETag', async () => {
    const before = (await activityRows()).length;
    const query = 'document=preparing-for-your-session&locale=es&paper=A4';
    const first = await call(download, handoutPath(query), team.cookies.staff);
    expect(first.status).toBe(200);
    expect(first.headers.get('Content-Type')).toBe('application/pdf');
    expect(first.headers.get('Content-Disposition')).toContain(
      'preparing-for-your-session-es-a4.pdf',
    );
    const etag = first.headers.get('ETag') ?? '';
    expect(etag).toMatch(/^"sha256-/);
    const bytes = new Uint8Array(await first.arrayBuffer());
    const { text } = await pdfText(bytes);
    expect(text).toContain(PRACTICE);
    expect(text).toContain('(503) 555-0142');
    expect(text).toMatch(/sesión/i);

    const misses = handoutCache.stats().misses;
    const again = await call(download, handoutPath(query), team.cookies.staff);
    expect(again.headers.get('ETag')).toBe(etag);
    expect(handoutCache.stats().misses).toBe(misses);

    const notModified = await call(download, handoutPath(query), team.cookies.staff, {
      'If-None-Match': etag,
    });
    expect(notModified.status).toBe(304);
    expect(await notModified.text()).toBe('');

    const rows = await activityRows();
    expect(rows.length).toBe(before + 2);
    expect(rows.at(-1)).toMatchObject({
      kind: 'handout',
      documentId: 'preparing-for-your-session',
      locale: 'es',
      paper: 'A4',
      brandKitVersion: 1,
      userId: team.userIds.staff,
    });
  });

  it('gives a new ETag after a brand-kit change (new version, new cache key)', async () => {
    const query = 'document=is-ketamine-therapy-right-for-me&locale=en&paper=LETTER';
    const before = await call(download, handoutPath(query), team.cookies.clinician);
    const etag = before.headers.get('ETag');
    await run(() =>
      brand.action({
        request: multipartRequest(
          `/practices/${practiceId}/brand`,
          brandFields({ phone: '(503) 555-7777' }),
          { cookie: team.cookies.owner },
        ),
        params: { practiceId },
        context,
      }),
    );
    const after = await call(download, handoutPath(query), team.cookies.clinician, {
      'If-None-Match': etag ?? '',
    });
    expect(after.status).toBe(200);
    expect(after.headers.get('ETag')).not.toBe(etag);
    const { text } = await pdfText(new Uint8Array(await after.arrayBuffer()));
    expect(text).toContain('(503) 555-7777');
    const rows = await activityRows();
    expect(rows.at(-1)?.brandKitVersion).toBe(2);
  });

  it('bundles several handouts as a ZIP of PDFs', async () => {
    const query =
      'document=preparing-for-your-session&document=side-effects-and-when-to-call-us&locale=en&paper=LETTER';
    const response = await call(download, handoutPath(query), team.cookies.staff);
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('application/zip');
    const files = unzipSync(new Uint8Array(await response.arrayBuffer()));
    expect(Object.keys(files).sort()).toEqual([
      'preparing-for-your-session-en-letter.pdf',
      'side-effects-and-when-to-call-us-en-letter.pdf',
    ]);
    const { text } = await pdfText(
      files['side-effects-and-when-to-call-us-en-letter.pdf'] ?? new Uint8Array(),
    );
    expect(text).toContain('(503) 555-0199');
  });

  it.each([
    ['locale=fr&document=preparing-for-your-session', /locale/],
    ['document=not-a-handout&locale=en', /documents: is not a handout/],
    ['document=informed-consent&locale=en', /documents: is not a handout/],
    ['document=preparing-for-your-session&paper=legal', /paper: must be Letter or A4/],
    ['locale=en', /choose at least one handout/],
  ])('answers 400 naming the field for %s', async (query, message) => {
    const response = await call(download, handoutPath(query), team.cookies.staff);
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(message);
  });

  it("prints only the practice's routes (IV and esketamine) in a handout with route sections", async () => {
    const handout = getDocument('what-happens-during-a-session', { locale: 'en' });
    const title = (id: string) =>
      handout.sections.find((section) => section.id === id)?.title ?? id;
    const response = await call(
      download,
      handoutPath('document=what-happens-during-a-session&locale=en'),
      team.cookies.staff,
    );
    expect(response.status).toBe(200);
    const { text } = await pdfText(new Uint8Array(await response.arrayBuffer()));
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain(title('dosing-iv'));
    expect(flat).toContain(title('dosing-intranasal-esketamine'));
    expect(flat).not.toContain(title('dosing-im'));
    expect(flat).not.toContain(title('dosing-oral-sublingual'));
  });

  it('refuses members of other practices with 404', async () => {
    const response = await call(
      download,
      handoutPath('document=preparing-for-your-session&locale=en'),
      team.cookies.outsider,
    );
    expect(response.status).toBe(404);
  });
});

describe('practice forms', () => {
  const formPath = (query: string) => `/practices/${practiceId}/documents/form?${query}`;

  it('lists every practice form in the library with its downloads', async () => {
    const data = (await call(
      formsPage,
      `/practices/${practiceId}/forms`,
      team.cookies.staff,
    )) as unknown as { forms: { id: string; title: string }[] };
    expect(data.forms.map((form) => form.id).sort()).toEqual([
      'adverse-event-log',
      'discharge-checklist',
      'session-monitoring-flow-sheet',
      'spravato-rems-monitoring-helper',
    ]);
  });

  it("prints the flow sheet branded, fillable and with only the practice's route pages", async () => {
    const response = await call(
      formDownload,
      formPath('document=session-monitoring-flow-sheet&paper=a4'),
      team.cookies.staff,
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('application/pdf');
    expect(response.headers.get('Content-Disposition')).toContain(
      'session-monitoring-flow-sheet-a4.pdf',
    );
    const bytes = new Uint8Array(await response.arrayBuffer());
    const { text } = await pdfText(bytes);
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain(PRACTICE);
    expect(flat).toContain('IV infusion');
    expect(flat).toContain('Intranasal esketamine (Spravato)');
    expect(flat).not.toContain('IM injection');
    expect(flat).not.toContain('Oral or sublingual');
    expect(await formFieldCount(bytes)).toBeGreaterThan(0);
  });

  it('refuses an id that is not a form (400, naming the field) and other practices (404)', async () => {
    const wrong = await call(
      formDownload,
      formPath('document=informed-consent&paper=letter'),
      team.cookies.staff,
    );
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toMatch(/^document: "informed-consent" is not a practice form/);
    const badPaper = await call(
      formDownload,
      formPath('document=discharge-checklist&paper=legal'),
      team.cookies.staff,
    );
    expect(badPaper.status).toBe(400);
    expect(await badPaper.text()).toMatch(/^paper:/);
    const outsider = await call(
      formDownload,
      formPath('document=discharge-checklist'),
      team.cookies.outsider,
    );
    expect(outsider.status).toBe(404);
  });
});

describe('handout studio', () => {
  it('previews the chosen handout as HTML data, filled with the practice details', async () => {
    const outcome = await run(() =>
      studio.loader({
        request: getRequest(
          `/practices/${practiceId}/handouts?document=side-effects-and-when-to-call-us&locale=es&paper=A4`,
          { cookie: team.cookies.staff },
        ),
        params: { practiceId },
        context,
      }),
    );
    expect(outcome.status).toBe(200);
    const data = outcome.data as {
      selection: { locale: string; paper: string };
      preview: { document: { locale: string; title: string }; imageUrl: string };
      downloads: Array<{ url: string }>;
    };
    expect(data.selection).toMatchObject({ locale: 'es', paper: 'A4' });
    expect(data.preview.document.locale).toBe('es');
    expect(JSON.stringify(data.preview.document)).toContain('(503) 555-0199');
    expect(data.downloads[0]?.url).toContain('paper=A4');
  });

  it('renders page 1 of the real PDF as a PNG', async () => {
    const response = await call(
      previewImage,
      `/practices/${practiceId}/documents/handout-preview?document=preparing-for-your-session&locale=en&paper=A4`,
      team.cookies.staff,
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('image/png');
    const meta = await sharp(new Uint8Array(await response.arrayBuffer())).metadata();
    expect(meta.width).toBe(640);
    // A4 is taller relative to its width than Letter: 297/210 ≈ 1.414.
    expect((meta.height ?? 0) / (meta.width ?? 1)).toBeCloseTo(297 / 210, 1);
  });
});

describe('consent generator', () => {
  const PATIENT = 'Zebulon Quixote-Marchetti';

  function postConsent(fields: Record<string, string | string[]>, cookie: string) {
    return run(() =>
      consent.action({
        request: formRequest(`/practices/${practiceId}/documents/consent`, fields, { cookie }),
        params: { practiceId },
        context,
      }),
    );
  }

  it('prints the patient name in that response only: no-store, not in any table', async () => {
    const response = await consent.action({
      request: formRequest(
        `/practices/${practiceId}/documents/consent`,
        {
          route: ['iv', 'im'],
          locale: 'en',
          paper: 'LETTER',
          patientName: PATIENT,
          date: '2026-11-21',
        },
        { cookie: team.cookies.clinician },
      ),
      params: { practiceId },
      context,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('Cache-Control')).toBe('no-store');
    expect(response.headers.get('ETag')).toBeNull();
    const bytes = new Uint8Array(await response.arrayBuffer());
    const { text } = await pdfText(bytes);
    expect(text).toContain(PATIENT);
    expect(text).toContain(PRACTICE);
    // Fillable: the form has AcroForm widgets for initials, names and dates.
    expect(await formFieldCount(bytes)).toBeGreaterThan(0);

    expect(await publicTables(context.db)).toEqual(
      expect.arrayContaining(['brand_kit_versions', 'document_activity', 'sessions', 'users']),
    );
    expect(await findInEveryTable(context.db, PATIENT)).toEqual([]);
    expect(await findInEveryTable(context.db, 'Quixote')).toEqual([]);
    expect(await findInEveryTable(context.db, PRACTICE)).not.toEqual([]);

    const rows = await activityRows();
    expect(rows.at(-1)).toMatchObject({
      kind: 'consent',
      documentId: 'informed-consent',
      routes: ['iv', 'im'],
      userId: team.userIds.clinician,
    });
  });

  it('does not keep a personalised PDF in the cache', async () => {
    const entries = handoutCache.stats().entries;
    await postConsent(
      { route: 'oral-sublingual', locale: 'es', paper: 'A4', patientName: PATIENT },
      team.cookies.owner,
    );
    expect(handoutCache.stats().entries).toBe(entries);
  });

  it('prints a blank form (no patient details) in Spanish for the chosen route only', async () => {
    const response = await consent.action({
      request: formRequest(
        `/practices/${practiceId}/documents/consent`,
        { route: 'intranasal-esketamine', locale: 'es', paper: 'A4' },
        { cookie: team.cookies.owner },
      ),
      params: { practiceId },
      context,
    });
    expect(response.status).toBe(200);
    const { text } = await pdfText(new Uint8Array(await response.arrayBuffer()));
    expect(text).toMatch(/consentimiento/i);
    expect(text).not.toContain(PATIENT);
  });

  it.each([
    [{ locale: 'en' }, /routes: choose at least one route/],
    [{ route: 'smoked', locale: 'en' }, /routes/],
    [{ route: 'iv', locale: 'de' }, /locale/],
    [{ route: 'iv', locale: 'en', date: '21/11/2026' }, /date: must be a date like/],
    [
      { route: 'iv', locale: 'en', patientName: 'x'.repeat(121) },
      /patientName: must be at most 120/,
    ],
  ])('answers 400 naming the field for %o', async (fields, message) => {
    const outcome = await postConsent(fields, team.cookies.clinician);
    expect(outcome.status).toBe(400);
    expect(outcome.body).toMatch(message);
  });

  it('refuses staff (403) and other practices (404)', async () => {
    const before = (await activityRows()).length;
    expect((await postConsent({ route: 'iv', locale: 'en' }, team.cookies.staff)).status).toBe(403);
    expect((await postConsent({ route: 'iv', locale: 'en' }, team.cookies.outsider)).status).toBe(
      404,
    );
    expect((await activityRows()).length).toBe(before);
  });

  it('offers the consent page to clinicians with the practice routes ticked', async () => {
    const outcome = await run(() =>
      consentPage.loader({
        request: getRequest(`/practices/${practiceId}/consent`, { cookie: team.cookies.clinician }),
        params: { practiceId },
        context,
      }),
    );
    const data = outcome.data as { routes: Array<{ id: string; offered: boolean }> };
    expect(data.routes.filter((route) => route.offered).map((route) => route.id)).toEqual([
      'iv',
      'intranasal-esketamine',
    ]);
  });
});

describe('activity log', () => {
  it('writes every entry when many downloads record at once (grouped inserts)', async () => {
    const before = (await activityRows()).length;
    const brandNow = await currentRenderBrand(context.db, team.practice);
    await Promise.all(
      Array.from({ length: 25 }, (_, index) =>
        recordActivity(context.db, {
          practiceId,
          userId: team.userIds.staff,
          brand: brandNow,
          entries: [
            {
              kind: 'handout',
              documentId: `concurrent-${index}`,
              documentVersion: '1.0.0',
              locale: 'en',
              paper: 'A4',
            },
          ],
        }),
      ),
    );
    const rows = await activityRows();
    expect(rows.length).toBe(before + 25);
    expect(new Set(rows.map((row) => row.documentId)).size).toBeGreaterThanOrEqual(25);
  });

  it('fails only the caller whose entry cannot be written', async () => {
    const brandNow = await currentRenderBrand(context.db, team.practice);
    const entry = {
      kind: 'handout' as const,
      documentId: 'ok',
      documentVersion: '1.0.0',
      locale: 'en',
      paper: 'A4',
    };
    const results = await Promise.allSettled([
      recordActivity(context.db, {
        practiceId,
        userId: team.userIds.staff,
        brand: brandNow,
        entries: [entry],
      }),
      recordActivity(context.db, {
        practiceId: '00000000-0000-4000-8000-000000000000',
        userId: team.userIds.staff,
        brand: brandNow,
        entries: [entry],
      }),
      recordActivity(context.db, {
        practiceId,
        userId: team.userIds.owner,
        brand: brandNow,
        entries: [entry],
      }),
    ]);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  });

  it('shows owners and clinicians who generated what, with versions and no patient details', async () => {
    const outcome = await run(() =>
      activity.loader({
        request: getRequest(`/practices/${practiceId}/documents/activity`, {
          cookie: team.cookies.owner,
        }),
        params: { practiceId },
        context,
      }),
    );
    expect(outcome.status).toBe(200);
    const { rows } = outcome.data as {
      rows: Array<{ userName: string; documentId: string; brandKitVersion: number }>;
    };
    expect(rows.length).toBeGreaterThan(3);
    expect(rows.map((row) => row.documentId)).toContain('informed-consent');
    expect(rows.map((row) => row.userName)).toContain(`${PRACTICE} staff`);
    expect(outcome.body).not.toContain('Zebulon');
  });

  it('refuses staff (403) and other practices (404)', async () => {
    for (const [cookie, status] of [
      [team.cookies.staff, 403],
      [team.cookies.outsider, 404],
    ] as const) {
      const outcome = await run(() =>
        activity.loader({
          request: getRequest(`/practices/${practiceId}/documents/activity`, { cookie }),
          params: { practiceId },
          context,
        }),
      );
      expect(outcome.status).toBe(status);
    }
  });
});
