import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppLoadContext } from '@remix-run/node';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.server';
import { packetSettings } from '../db/packets-schema.server';
import { testCertificate, testPkcs12, testRsaKey } from '../test/certificates';
import { createTestContext, createTestDatabase } from '../test/db';
import { signedTestPacket } from '../test/packets';
import { TEST_ORIGIN, formRequest, getRequest, run } from '../test/requests';
import { createPracticeTeam } from '../test/team';
import * as audit from './practices.$practiceId.audit';
import * as packetPage from './practices.$practiceId.packets.$packetId';
import * as packetPdf from './practices.$practiceId.packets.$packetId.pdf';
import * as seal from './practices.$practiceId.packets.seal';

/**
 * The document-seal page: owners see the active certificate, upload their
 * own PKCS#12 (checked, stored encrypted, audited) and go back to the
 * generated one; sealed PDFs then carry the uploaded certificate.
 */

const PASSPHRASE = 'seal test passphrase';
const COMMON_NAME = 'Harbourview Psychiatry Seal 7Q';

let database: Database;
let context: AppLoadContext;
let team: Awaited<ReturnType<typeof createPracticeTeam>>;
let practiceId: string;
const dir = mkdtempSync(join(tmpdir(), 'groundwork-own-seal-'));

beforeAll(async () => {
  database = await createTestDatabase();
  context = createTestContext(database);
  team = await createPracticeTeam(context, 'Seal Upload Clinic');
  practiceId = team.practice.id;
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await database?.close();
});

const key = testRsaKey();
const ownP12 = testPkcs12({
  keys: [key],
  certificates: [testCertificate({ key, commonName: COMMON_NAME })],
  passphrase: PASSPHRASE,
});

/** A multipart form post like the browser sends for a file upload. */
function uploadRequest(
  fields: { file?: Uint8Array; fileName?: string; passphrase?: string; intent?: string },
  cookie: string,
): Request {
  const body = new FormData();
  body.append('intent', fields.intent ?? 'upload');
  body.append(
    'certificate',
    new File([new Uint8Array(fields.file ?? [])], fields.fileName ?? 'seal.p12', {
      type: 'application/x-pkcs12',
    }),
  );
  body.append('passphrase', fields.passphrase ?? PASSPHRASE);
  return new Request(new URL(`/practices/${practiceId}/packets/seal`, TEST_ORIGIN), {
    method: 'POST',
    headers: { Origin: TEST_ORIGIN, Cookie: cookie },
    body,
  });
}

function upload(fields: Parameters<typeof uploadRequest>[0], cookie = team.cookies.owner) {
  return run(() =>
    seal.action({ request: uploadRequest(fields, cookie), params: { practiceId }, context }),
  );
}

async function page(cookie = team.cookies.owner) {
  return run(() =>
    seal.loader({
      request: getRequest(`/practices/${practiceId}/packets/seal`, { cookie }),
      params: { practiceId },
      context,
    }),
  );
}

type SealPage = {
  active: 'own' | 'generated';
  own: { subject: string; issuer: string; sha256: string; notAfter: string } | null;
  generated: { subject: string; sha256: string; selfSigned: boolean };
};

describe('the document seal page', () => {
  it('shows owners the generated certificate, and refuses clinicians, staff and outsiders', async () => {
    const shown = await page();
    expect(shown.status).toBe(200);
    const loaded = shown.data as SealPage;
    expect(loaded.active).toBe('generated');
    expect(loaded.own).toBeNull();
    expect(loaded.generated.subject).toContain('CN=Seal Upload Clinic document seal');
    expect(loaded.generated.selfSigned).toBe(true);
    expect(loaded.generated.sha256).toMatch(/^[0-9a-f]{64}$/);
    for (const role of ['clinician', 'staff'] as const) {
      expect((await page(team.cookies[role])).status, role).toBe(403);
      expect((await upload({ file: ownP12 }, team.cookies[role])).status, role).toBe(403);
    }
    expect((await page(team.cookies.outsider)).status).toBe(404);
    expect((await upload({ file: ownP12 }, team.cookies.outsider)).status).toBe(404);
    expect((await page()).data).toMatchObject({ active: 'generated' });
  });

  it.each([
    ['an empty upload', { file: new Uint8Array() }, 'certificate', 'Certificate file: choose'],
    [
      'a garbage file',
      { file: new TextEncoder().encode('%PDF-1.7 not a certificate') },
      'certificate',
      'Certificate file: this is not a PKCS#12',
    ],
    [
      'a wrong passphrase',
      { file: ownP12, passphrase: 'not it' },
      'passphrase',
      'Passphrase: the passphrase does not open this file.',
    ],
  ])('answers %s with a message naming the field, storing nothing', async (_name, fields, name, message) => {
    const outcome = await upload(fields);
    expect(outcome.status).toBe(400);
    const errors = (outcome.data as { fieldErrors: Record<string, string> }).fieldErrors;
    expect(errors[name]).toContain(message);
    expect((await page()).data).toMatchObject({ active: 'generated', own: null });
  });

  it('stores an uploaded certificate encrypted, seals PDFs with it, and goes back on request', async () => {
    const uploaded = await upload({ file: ownP12 });
    expect(uploaded.status).toBe(200);
    const loaded = (await page()).data as SealPage;
    expect(loaded.active).toBe('own');
    expect(loaded.own?.subject).toBe(`CN=${COMMON_NAME}, O=Test Practice`);
    expect(loaded.own?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(loaded.own?.sha256).not.toBe(loaded.generated.sha256);

    // At rest: ciphertext under the data key, not the file or the passphrase.
    const [row] = await context.db
      .select()
      .from(packetSettings)
      .where(eq(packetSettings.practiceId, practiceId));
    expect(row?.ownSealKeyId).toBe(context.dataKeys.primary.id);
    const stored = Buffer.from(row?.ownSealPkcs12 ?? []);
    expect(stored.length).toBeGreaterThan(0);
    expect(stored.includes(Buffer.from(COMMON_NAME))).toBe(false);
    expect(stored.includes(Buffer.from(PASSPHRASE))).toBe(false);
    expect(row?.ownSealCertificateSha256).toBe(loaded.own?.sha256);

    // A packet countersigned now is sealed with the practice's own certificate.
    const signed = await signedTestPacket(context, { practiceId, cookie: team.cookies.clinician });
    const countersigned = await run(() =>
      packetPage.action({
        request: formRequest(
          `/practices/${practiceId}/packets/${signed.packetId}`,
          {
            intent: 'countersign',
            agreeElectronic: 'yes',
            signerName: 'Dr Rafe Okonkwo',
            signatureMethod: 'typed',
            signatureImage: '',
          },
          { cookie: team.cookies.clinician },
        ),
        params: { practiceId, packetId: signed.packetId },
        context,
      }),
    );
    expect(countersigned.status).toBe(200);
    const pdf = await packetPdf.loader({
      request: getRequest(`/practices/${practiceId}/packets/${signed.packetId}/pdf`, {
        cookie: team.cookies.owner,
      }),
      params: { practiceId, packetId: signed.packetId },
      context,
    });
    const file = join(dir, 'own-sealed.pdf');
    writeFileSync(file, new Uint8Array(await pdf.arrayBuffer()));
    const report = execFileSync('pdfsig', [file], { encoding: 'utf8' });
    expect(report).toContain(`Signer Certificate Common Name: ${COMMON_NAME}`);
    expect(report).toContain('Signature is Valid.');
    expect(report).toContain('Total document signed');

    const reverted = await run(() =>
      seal.action({
        request: formRequest(
          `/practices/${practiceId}/packets/seal`,
          { intent: 'revert' },
          { cookie: team.cookies.owner },
        ),
        params: { practiceId },
        context,
      }),
    );
    expect(reverted.status).toBe(200);
    const after = (await page()).data as SealPage;
    expect(after).toMatchObject({ active: 'generated', own: null });
    expect(after.generated.sha256).toBe(loaded.generated.sha256);

    const entries = (
      (
        await run(() =>
          audit.loader({
            request: getRequest(`/practices/${practiceId}/audit`, { cookie: team.cookies.owner }),
            params: { practiceId },
            context,
          }),
        )
      ).data as { entries: Array<{ what: string }> }
    ).entries.map((entry) => entry.what);
    expect(entries[0]).toBe('went back to the generated sealing certificate');
    expect(entries[1]).toContain(`uploaded the sealing certificate “CN=${COMMON_NAME}`);
  }, 120_000);
});
