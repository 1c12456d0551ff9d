import { getDocument } from '@groundwork/content';
import type { AppLoadContext } from '@remix-run/node';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.server';
import { memberships } from '../db/schema.server';
import { documentSignoffs } from '../db/signoffs-schema.server';
import { pdfText } from '../lib/documents/page-image.server';
import { createTestContext, createTestDatabase } from '../test/db';
import { formRequest, getRequest, run } from '../test/requests';
import { createPracticeTeam } from '../test/team';
import * as audit from './practices.$practiceId.audit';
import * as consentDownload from './practices.$practiceId.documents.consent';
import * as formDownload from './practices.$practiceId.documents.form';
import * as handoutDownload from './practices.$practiceId.documents.handout';
import * as review from './practices.$practiceId.documents.review.$documentId';
import * as handouts from './practices.$practiceId.handouts';
import * as settings from './practices.$practiceId.settings';

let database: Database;
let context: AppLoadContext;

beforeAll(async () => {
  database = await createTestDatabase();
  context = createTestContext(database);
});

afterAll(async () => {
  await database?.close();
});

const HANDOUT = 'preparing-for-your-session';
const handout = getDocument(HANDOUT, { locale: 'en' });

function nameDirector(practiceId: string, userId: string, cookie: string) {
  return run(() =>
    settings.action({
      request: formRequest(
        `/practices/${practiceId}/settings`,
        { intent: 'medical-director', medicalDirector: userId },
        { cookie },
      ),
      params: { practiceId },
      context,
    }),
  );
}

function reviewPage(practiceId: string, documentId: string, cookie: string) {
  return run(() =>
    review.loader({
      request: getRequest(`/practices/${practiceId}/documents/review/${documentId}`, { cookie }),
      params: { practiceId, documentId },
      context,
    }),
  );
}

function signOff(
  practiceId: string,
  documentId: string,
  cookie: string,
  fields: Record<string, string> = {},
) {
  return run(() =>
    review.action({
      request: formRequest(
        `/practices/${practiceId}/documents/review/${documentId}`,
        {
          signerName: 'Ana Ruiz',
          signerCredentials: 'MD',
          confirm: 'yes',
          ...fields,
          version: fields.version ?? getDocument(documentId, { locale: 'en' }).version,
        },
        { cookie },
      ),
      params: { practiceId, documentId },
      context,
    }),
  );
}

async function download(
  route: { loader: (args: never) => unknown },
  path: string,
  practiceId: string,
  cookie: string,
) {
  const loader = route.loader as (args: {
    request: Request;
    params: Record<string, string>;
    context: AppLoadContext;
  }) => Promise<Response>;
  const response = await loader({
    request: getRequest(path, { cookie }),
    params: { practiceId },
    context,
  });
  expect(response.status).toBe(200);
  const { text } = await pdfText(new Uint8Array(await response.arrayBuffer()));
  return text.replace(/\s+/g, ' ');
}

const lineOf = (outcome: { data: unknown }) => (outcome.data as { line: string }).line;

describe('naming the medical director', () => {
  it('lets an owner name an owner or clinician, audit-logged; not staff or strangers; others get 403', async () => {
    const { practice, cookies, userIds } = await createPracticeTeam(context, 'Director Clinic');
    expect((await nameDirector(practice.id, userIds.staff, cookies.owner)).status).toBe(400);
    const stranger = await createPracticeTeam(context, 'Stranger Clinic');
    const refused = await nameDirector(practice.id, stranger.userIds.owner, cookies.owner);
    expect(refused.status).toBe(400);
    expect(refused.body).toContain('medicalDirector');
    expect((await nameDirector(practice.id, userIds.clinician, cookies.clinician)).status).toBe(
      403,
    );
    expect((await nameDirector(practice.id, userIds.clinician, cookies.owner)).status).toBe(200);
    const page = await reviewPage(practice.id, HANDOUT, cookies.staff);
    expect(page.status).toBe(200);
    expect((page.data as { director: string }).director).toBe('Director Clinic clinician');
    const log = await run(() =>
      audit.loader({
        request: getRequest(`/practices/${practice.id}/audit`, { cookie: cookies.owner }),
        params: { practiceId: practice.id },
        context,
      }),
    );
    expect(log.body).toContain('named Director Clinic clinician medical director (was nobody)');
  });
});

describe('signing a document off', () => {
  it('says plainly what review a document had until the medical director signs it off', async () => {
    const { practice, cookies } = await createPracticeTeam(context, 'Plain Clinic');
    const page = await reviewPage(practice.id, HANDOUT, cookies.staff);
    expect(lineOf(page)).toBe(
      `Content reviewed by ${handout.reviewer}, ${handout.reviewedAt}. Not yet reviewed by Plain Clinic’s medical director.`,
    );
    expect((page.data as { status: string }).status).toBe('not-signed-off');
    const pdf = await download(
      handoutDownload,
      `/practices/${practice.id}/documents/handout?document=${HANDOUT}&locale=en&paper=LETTER`,
      practice.id,
      cookies.staff,
    );
    expect(pdf).toContain('Not yet reviewed by Plain Clinic’s medical director.');
    // No director named: nobody can sign off, owners included.
    expect((await signOff(practice.id, HANDOUT, cookies.owner)).status).toBe(403);
  });

  it('lets only the named medical director sign off; documents then carry the line', async () => {
    const { practice, cookies, userIds } = await createPracticeTeam(context, 'Signed Clinic');
    expect((await nameDirector(practice.id, userIds.clinician, cookies.owner)).status).toBe(200);

    for (const role of ['owner', 'staff'] as const) {
      expect((await signOff(practice.id, HANDOUT, cookies[role])).status, role).toBe(403);
    }
    // Another practice's member cannot tell the practice exists.
    expect((await signOff(practice.id, HANDOUT, cookies.outsider)).status).toBe(404);
    expect((await reviewPage(practice.id, HANDOUT, cookies.outsider)).status).toBe(404);
    expect(
      (await signOff(practice.id, 'no-such-document', cookies.clinician, { version: '1.0.0' }))
        .status,
    ).toBe(404);
    expect(await database.db.select().from(documentSignoffs)).toEqual([]);

    const missing = await signOff(practice.id, HANDOUT, cookies.clinician, {
      signerCredentials: ' ',
      confirm: '',
    });
    expect(missing.status).toBe(400);
    expect(Object.keys((missing.data as { fieldErrors: object }).fieldErrors).sort()).toEqual([
      'confirm',
      'signerCredentials',
    ]);
    const stale = await signOff(practice.id, HANDOUT, cookies.clinician, { version: '0.9.0' });
    expect(stale.status).toBe(409);

    const signed = await signOff(practice.id, HANDOUT, cookies.clinician, {
      signerName: 'Dr Ana Ruiz',
      signerCredentials: 'MD, FAPA',
    });
    expect(signed.status).toBe(200);
    const today = new Date().toISOString().slice(0, 10);
    const expected = `Reviewed for Signed Clinic by Dr Ana Ruiz, MD, FAPA, medical director, on ${today} (content reviewed by ${handout.reviewer}, ${handout.reviewedAt}).`;
    const page = await reviewPage(practice.id, HANDOUT, cookies.staff);
    expect(lineOf(page)).toBe(expected);
    expect((page.data as { status: string }).status).toBe('signed-off');

    // The handout preview and its PDF say it too; other documents do not.
    const studio = await run(() =>
      handouts.loader({
        request: getRequest(`/practices/${practice.id}/handouts?document=${HANDOUT}`, {
          cookie: cookies.staff,
        }),
        params: { practiceId: practice.id },
        context,
      }),
    );
    expect((studio.data as { preview: { reviewLine: string } }).preview.reviewLine).toBe(expected);
    const pdf = await download(
      handoutDownload,
      `/practices/${practice.id}/documents/handout?document=${HANDOUT}&locale=en&paper=LETTER`,
      practice.id,
      cookies.staff,
    );
    expect(pdf).toContain(expected.replace(/\s+/g, ' '));
    const form = await download(
      formDownload,
      `/practices/${practice.id}/documents/form?document=discharge-checklist&paper=LETTER`,
      practice.id,
      cookies.staff,
    );
    expect(form).toContain('Not yet reviewed by Signed Clinic’s medical director.');

    const log = await run(() =>
      audit.loader({
        request: getRequest(`/practices/${practice.id}/audit`, { cookie: cookies.owner }),
        params: { practiceId: practice.id },
        context,
      }),
    );
    expect(log.body).toContain(
      `signed off “${handout.title}” version ${handout.version} as Dr Ana Ruiz, MD, FAPA`,
    );
  });

  it('a sign-off of an earlier version says it needs renewing, in the page and the PDF', async () => {
    const { practice, cookies, userIds } = await createPracticeTeam(context, 'Renew Clinic');
    await nameDirector(practice.id, userIds.owner, cookies.owner);
    // What a sign-off made before the content shipped this version looks like.
    await database.db.insert(documentSignoffs).values({
      practiceId: practice.id,
      documentId: 'informed-consent',
      documentVersion: '1.0.0',
      signedOffBy: userIds.owner,
      signerName: 'Olu Owens',
      signerCredentials: 'DO',
      signedAt: new Date('2026-06-01T12:00:00Z'),
    });
    const consent = getDocument('informed-consent', { locale: 'en' });
    expect(consent.version).not.toBe('1.0.0');
    const page = await reviewPage(practice.id, 'informed-consent', cookies.clinician);
    expect((page.data as { status: string }).status).toBe('outdated');
    const renew = `Renew Clinic’s medical director signed off version 1.0.0 on 2026-06-01; this version (${consent.version}) needs a new sign-off.`;
    expect(lineOf(page)).toContain(renew);
    expect(lineOf(page)).not.toContain('Reviewed for');

    const response = (await consentDownload.action({
      request: formRequest(
        `/practices/${practice.id}/documents/consent`,
        { route: 'iv', locale: 'en', paper: 'LETTER' },
        { cookie: cookies.clinician },
      ),
      params: { practiceId: practice.id },
      context,
    })) as Response;
    expect(response.status).toBe(200);
    const { text } = await pdfText(new Uint8Array(await response.arrayBuffer()));
    expect(text.replace(/\s+/g, ' ')).toContain(renew);

    // Signing the current version renews it.
    expect((await signOff(practice.id, 'informed-consent', cookies.owner)).status).toBe(200);
    expect(lineOf(await reviewPage(practice.id, 'informed-consent', cookies.clinician))).toMatch(
      /^Reviewed for Renew Clinic by Ana Ruiz, MD, medical director/,
    );
  });

  it('stops counting a director who is made staff', async () => {
    const { practice, cookies, userIds } = await createPracticeTeam(context, 'Demoted Clinic');
    await nameDirector(practice.id, userIds.clinician, cookies.owner);
    await database.db
      .update(memberships)
      .set({ role: 'staff' })
      .where(eq(memberships.userId, userIds.clinician));
    expect((await signOff(practice.id, HANDOUT, cookies.clinician)).status).toBe(403);
    expect((await reviewPage(practice.id, HANDOUT, cookies.owner)).data).toMatchObject({
      director: null,
    });
  });
});
