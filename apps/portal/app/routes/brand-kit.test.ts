import { randomBytes } from 'node:crypto';
import type { AppLoadContext } from '@remix-run/node';
import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.server';
import { brandKitVersions, brandLogos } from '../db/schema.server';
import { DEFAULT_SETTINGS, saveBrandKit } from '../lib/documents/brand-kit.server';
import { processLogo, sniffImageType } from '../lib/documents/logo.server';
import { createTestContext, createTestDatabase } from '../test/db';
import { brandFields, multipartRequest, pngLogo } from '../test/documents';
import { createPracticeTeam } from '../test/team';
import { formRequest, getRequest, run } from '../test/requests';
import * as brand from './practices.$practiceId.brand';
import * as logoRoute from './practices.$practiceId.documents.logo.$logoId';
import * as stylesheet from './practices.$practiceId.documents.brand-stylesheet';

let database: Database;
let context: AppLoadContext;

beforeAll(async () => {
  database = await createTestDatabase();
  context = createTestContext(database);
}, 60_000);

afterAll(async () => {
  await database?.close();
});

function save(practiceId: string, fields: Record<string, string | Blob>, cookie: string) {
  return run(() =>
    brand.action({
      request: multipartRequest(`/practices/${practiceId}/brand`, fields, { cookie }),
      params: { practiceId },
      context,
    }),
  );
}

async function versionsOf(practiceId: string) {
  return context.db
    .select()
    .from(brandKitVersions)
    .where(eq(brandKitVersions.practiceId, practiceId))
    .orderBy(brandKitVersions.version);
}

async function logosOf(practiceId: string) {
  return context.db.select().from(brandLogos).where(eq(brandLogos.practiceId, practiceId));
}

describe('brand kit page', () => {
  it('shows the defaults before the first save', async () => {
    const { practice, cookies } = await createPracticeTeam(context, 'Defaults Clinic');
    const outcome = await run(() =>
      brand.loader({
        request: getRequest(`/practices/${practice.id}/brand`, { cookie: cookies.owner }),
        params: { practiceId: practice.id },
        context,
      }),
    );
    expect(outcome.status).toBe(200);
    expect(outcome.data).toMatchObject({
      version: null,
      logoUrl: null,
      values: { primaryColor: '#1F4E79', typeface: 'inter' },
    });
  });

  it('saves a valid kit with a logo as version 1, and each change as a new version', async () => {
    const { practice, cookies } = await createPracticeTeam(context, 'Versioned Clinic');
    const first = await save(
      practice.id,
      { ...brandFields(), logo: await pngLogo(2400, 600) },
      cookies.owner,
    );
    expect(first.status).toBe(200);
    expect(first.data).toEqual({ ok: true, version: 1 });

    const second = await save(practice.id, brandFields({ phone: '(503) 555-0000' }), cookies.owner);
    expect(second.data).toEqual({ ok: true, version: 2 });

    const versions = await versionsOf(practice.id);
    expect(versions.map((row) => row.version)).toEqual([1, 2]);
    expect(versions[0]?.settings.practice.phone).toBe('(503) 555-0142');
    expect(versions[1]?.settings.practice.phone).toBe('(503) 555-0000');
    expect(versions[1]?.settings.typeface).toBe('atkinson-hyperlegible');
    // No new upload keeps the logo of the previous version.
    expect(versions[1]?.logoId).toBe(versions[0]?.logoId);

    const [logo] = await logosOf(practice.id);
    expect(logo).toBeDefined();
    expect(sniffImageType(logo?.bytes ?? new Uint8Array())).toBe('png');
    expect([logo?.width, logo?.height]).toEqual([1200, 300]);
  });

  it('removes the logo when asked, in a new version', async () => {
    const { practice, cookies } = await createPracticeTeam(context, 'Logo Removal Clinic');
    await save(practice.id, { ...brandFields(), logo: await pngLogo() }, cookies.owner);
    const removed = await save(practice.id, { ...brandFields(), removeLogo: 'on' }, cookies.owner);
    expect(removed.data).toEqual({ ok: true, version: 2 });
    const versions = await versionsOf(practice.id);
    expect(versions[0]?.logoId).not.toBeNull();
    expect(versions[1]?.logoId).toBeNull();
  });

  it('refuses a colour that fails contrast, naming the field and a passing shade, and saves nothing', async () => {
    const { practice, cookies } = await createPracticeTeam(context, 'Pale Clinic');
    const outcome = await save(
      practice.id,
      { ...brandFields({ primaryColor: '#FFE600' }), logo: await pngLogo() },
      cookies.owner,
    );
    expect(outcome.status).toBe(400);
    const { fieldErrors } = outcome.data as { fieldErrors: Record<string, string> };
    expect(fieldErrors.primaryColor).toMatch(/contrast ratio of 1\.\d+:1/);
    expect(fieldErrors.primaryColor).toMatch(/Try #[0-9A-F]{6}/);
    // The valid logo in the same post was not stored on its own.
    expect(await versionsOf(practice.id)).toHaveLength(0);
    expect(await logosOf(practice.id)).toHaveLength(0);
  });

  it.each([
    ['website', { website: 'riverside.example.org' }, /http/],
    ['typeface', { typeface: 'comic-sans' }, /.+/],
    ['accentColor', { accentColor: 'teal' }, /hex colour/],
    ['footerNote', { footerNote: 'x'.repeat(400) }, /300 characters/],
  ])('refuses a bad %s with a message beside the field', async (field, overrides, message) => {
    const { practice, cookies } = await createPracticeTeam(context, `Bad ${field} Clinic`);
    const outcome = await save(practice.id, brandFields(overrides), cookies.owner);
    expect(outcome.status).toBe(400);
    const { fieldErrors, values } = outcome.data as {
      fieldErrors: Record<string, string>;
      values: Record<string, string>;
    };
    expect(fieldErrors[field]).toMatch(message);
    expect(values.phone).toBe('(503) 555-0142');
    expect(await versionsOf(practice.id)).toHaveLength(0);
  });

  it('refuses an HTML file posing as a PNG logo', async () => {
    const { practice, cookies } = await createPracticeTeam(context, 'Sneaky Clinic');
    const html = new Blob(['<html><script>alert(1)</script></html>'], { type: 'image/png' });
    const outcome = await save(practice.id, { ...brandFields(), logo: html }, cookies.owner);
    expect(outcome.status).toBe(400);
    expect((outcome.data as { fieldErrors: Record<string, string> }).fieldErrors.logo).toMatch(
      /PNG or JPEG/,
    );
    expect(await versionsOf(practice.id)).toHaveLength(0);
  });

  it('refuses a logo over 2 MB with 413', async () => {
    const { practice, cookies } = await createPracticeTeam(context, 'Huge Logo Clinic');
    const big = await sharp(randomBytes(1600 * 1600 * 3), {
      raw: { width: 1600, height: 1600, channels: 3 },
    })
      .jpeg({ quality: 100 })
      .toBuffer();
    const outcome = await save(
      practice.id,
      { ...brandFields(), logo: new Blob([new Uint8Array(big)], { type: 'image/jpeg' }) },
      cookies.owner,
    );
    expect(outcome.status).toBe(413);
    expect((outcome.data as { fieldErrors: Record<string, string> }).fieldErrors.logo).toMatch(
      /2 MB/,
    );
    expect(await versionsOf(practice.id)).toHaveLength(0);
  });

  it('refuses clinicians and staff (403) and other practices (404)', async () => {
    const { practice, cookies } = await createPracticeTeam(context, 'Owners Only Clinic');
    for (const [cookie, status] of [
      [cookies.clinician, 403],
      [cookies.staff, 403],
      [cookies.outsider, 404],
    ] as const) {
      const outcome = await save(practice.id, brandFields(), cookie);
      expect(outcome.status).toBe(status);
    }
    expect(await versionsOf(practice.id)).toHaveLength(0);
  });

  it('accepts a plain urlencoded post without a logo', async () => {
    const { practice, cookies } = await createPracticeTeam(context, 'No JS Clinic');
    const outcome = await run(() =>
      brand.action({
        request: formRequest(`/practices/${practice.id}/brand`, brandFields(), {
          cookie: cookies.owner,
        }),
        params: { practiceId: practice.id },
        context,
      }),
    );
    expect(outcome.data).toEqual({ ok: true, version: 1 });
  });
});

describe('saveBrandKit', () => {
  it('writes nothing when the version row fails after the logo row (one transaction)', async () => {
    const { practice } = await createPracticeTeam(context, 'Rollback Clinic');
    const logo = await processLogo(new Uint8Array(await (await pngLogo()).arrayBuffer()));
    await expect(
      saveBrandKit(context.db, {
        practiceId: practice.id,
        // No such user: the version insert violates its foreign key.
        userId: '00000000-0000-4000-8000-000000000000',
        settings: DEFAULT_SETTINGS,
        logo: { kind: 'replace', logo },
      }),
    ).rejects.toThrow();
    expect(await logosOf(practice.id)).toHaveLength(0);
    expect(await versionsOf(practice.id)).toHaveLength(0);
  });

  it('gives concurrent saves consecutive versions', async () => {
    const { practice, userIds } = await createPracticeTeam(context, 'Busy Owners Clinic');
    const saved = await Promise.all(
      [1, 2, 3].map(() =>
        saveBrandKit(context.db, {
          practiceId: practice.id,
          userId: userIds.owner,
          settings: DEFAULT_SETTINGS,
          logo: { kind: 'keep' },
        }),
      ),
    );
    expect(saved.map((version) => version.version).sort()).toEqual([1, 2, 3]);
  });
});

describe('logo and brand stylesheet', () => {
  it('serves the stored logo to members with a strong ETag, and 404 to other practices', async () => {
    const { practice, cookies } = await createPracticeTeam(context, 'Logo Clinic');
    await save(practice.id, { ...brandFields(), logo: await pngLogo() }, cookies.owner);
    const [logo] = await logosOf(practice.id);
    const logoId = logo?.id ?? '';
    const fetchLogo = (cookie: string) =>
      run(() =>
        logoRoute.loader({
          request: getRequest(`/practices/${practice.id}/documents/logo/${logoId}`, { cookie }),
          params: { practiceId: practice.id, logoId },
          context,
        }),
      );
    const ok = await fetchLogo(cookies.staff);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('Content-Type')).toBe('image/png');
    expect(ok.headers.get('ETag')).toMatch(/^"sha256-[0-9a-f]{64}"$/);
    expect((await fetchLogo(cookies.outsider)).status).toBe(404);
  });

  it('turns only valid colours into CSS and darkens a pale primary for text', async () => {
    const { practice, cookies } = await createPracticeTeam(context, 'Stylesheet Clinic');
    const css = await run(() =>
      stylesheet.loader({
        request: getRequest(
          `/practices/${practice.id}/documents/brand-stylesheet?primary=%23FFE600&accent=red;}body{display:none`,
          { cookie: cookies.staff },
        ),
        params: { practiceId: practice.id },
        context,
      }),
    );
    expect(css.headers.get('Content-Type')).toMatch(/text\/css/);
    expect(css.body).not.toContain('display:none');
    expect(css.body).toContain('--brand-accent: #2E7D6B');
    expect(css.body).not.toContain('--brand-primary: #FFE600');
    expect(css.body).toMatch(/--brand-primary: #[0-9A-F]{6}/);
  });
});
