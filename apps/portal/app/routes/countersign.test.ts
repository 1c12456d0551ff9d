import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppLoadContext } from '@remix-run/node';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { packetEvents, packetSignatures, patientPackets } from '../db/packets-schema.server';
import { sha256Hex } from '../lib/crypto.server';
import { pdfText } from '../lib/documents/page-image.server';
import { sendTestPacket, signedTestPacket } from '../test/packets';
import { formRequest, getRequest, run } from '../test/requests';
import { findInEveryTable } from '../test/scan-database';
import { type PracticeTeam, createPracticeTeam, withPracticeTeam } from '../test/team';
import * as packetPage from './practices.$practiceId.packets.$packetId';
import * as packetPdf from './practices.$practiceId.packets.$packetId.pdf';

let context: AppLoadContext;
let team: PracticeTeam;
let practiceId: string;

withPracticeTeam('Countersign Clinic', (fixture) => {
  ({ context, team, practiceId } = fixture);
});

async function sealedRow(packetId: string) {
  const [row] = await context.db
    .select()
    .from(patientPackets)
    .where(eq(patientPackets.id, packetId));
  if (!row) throw new Error('no packet');
  return row;
}

function countersign(
  packetId: string,
  fields: Record<string, string>,
  cookie = team.cookies.clinician,
) {
  return run(() =>
    packetPage.action({
      request: formRequest(
        `/practices/${practiceId}/packets/${packetId}`,
        { intent: 'countersign', ...fields },
        { cookie },
      ),
      params: { practiceId, packetId },
      context,
    }),
  );
}

const VALID = {
  agreeElectronic: 'yes',
  signerName: 'Dr Imogen Vasquez-Thorne',
  signatureMethod: 'typed',
  signatureImage: '',
};

describe('countersigning', () => {
  it('is offered once the patient has signed, and puts clinician and witness on the form', async () => {
    const signed = await signedTestPacket(context, { practiceId, cookie: team.cookies.clinician });
    const page = await run(() =>
      packetPage.loader({
        request: getRequest(`/practices/${practiceId}/packets/${signed.packetId}`, {
          cookie: team.cookies.clinician,
        }),
        params: { practiceId, packetId: signed.packetId },
        context,
      }),
    );
    expect(page.data).toMatchObject({ countersign: { ready: true } });
    const outcome = await countersign(signed.packetId, {
      ...VALID,
      witnessName: 'Wendell Ashcombe',
    });
    expect(outcome.data).toEqual({ ok: true, intent: 'countersign' });
    const signatures = await context.db
      .select()
      .from(packetSignatures)
      .where(eq(packetSignatures.packetId, signed.packetId));
    expect(signatures.map((signature) => signature.party).sort()).toEqual([
      'clinician',
      'patient',
      'witness',
    ]);
    expect(signatures.find((signature) => signature.party === 'clinician')?.userId).toBe(
      team.userIds.clinician,
    );
    const [row] = await context.db
      .select()
      .from(patientPackets)
      .where(eq(patientPackets.id, signed.packetId));
    expect(row?.countersignedAt).not.toBeNull();
    const events = await context.db
      .select()
      .from(packetEvents)
      .where(eq(packetEvents.packetId, signed.packetId));
    expect(events.map((event) => event.type)).toContain('countersigned');

    const pdf = await packetPdf.loader({
      request: getRequest(`/practices/${practiceId}/packets/${signed.packetId}/pdf`, {
        cookie: team.cookies.owner,
      }),
      params: { practiceId, packetId: signed.packetId },
      context,
    });
    const bytes = new Uint8Array(await pdf.arrayBuffer());
    expect(pdf.headers.get('Content-Disposition')).toContain('sealed-consent');
    const { text } = await pdfText(bytes);
    expect(text).toContain('Dr Imogen Vasquez-Thorne');
    expect(text).toContain('countersigned');
    expect(text).toContain('Signature certificate');
    expect((await sealedRow(signed.packetId)).sealedAt).not.toBeNull();
    expect((await sealedRow(signed.packetId)).sealedSha256).toBe(sha256Hex(bytes));
    const file = join(mkdtempSync(join(tmpdir(), 'groundwork-sealed-')), 'sealed.pdf');
    writeFileSync(file, bytes);
    const report = execFileSync('pdfsig', [file], { encoding: 'utf8' });
    expect(report).toContain('Signature is Valid.');
    expect(report).toContain('Countersign Clinic document seal');
    expect(report).toContain('Total document signed');
    // The sealed file is stored encrypted: its text is nowhere in the database.
    expect(await findInEveryTable(context.db, 'Vasquez-Thorne')).toEqual([]);
    expect(text).toContain('Wendell Ashcombe');
    expect(text).toContain(signed.patient.patientName);

    // Once only.
    expect((await countersign(signed.packetId, VALID)).status).toBe(409);
  }, 60_000);

  it('is refused before the patient signs, and without the e-sign agreement or a name', async () => {
    const sent = await sendTestPacket(context, { practiceId, cookie: team.cookies.clinician });
    expect((await countersign(sent.packetId, VALID)).status).toBe(409);
    const signed = await signedTestPacket(context, { practiceId, cookie: team.cookies.clinician });
    const refused = await countersign(signed.packetId, {
      ...VALID,
      agreeElectronic: '',
      signerName: '',
    });
    expect(refused.status).toBe(400);
    expect(
      Object.keys((refused.data as { fieldErrors: Record<string, string> }).fieldErrors).sort(),
    ).toEqual(['agreeElectronic', 'signerName']);
    const drawnEmpty = await countersign(signed.packetId, { ...VALID, signatureMethod: 'drawn' });
    expect(drawnEmpty.status).toBe(400);
  });

  it('is for clinicians and owners, within their practice only', async () => {
    const signed = await signedTestPacket(context, { practiceId, cookie: team.cookies.clinician });
    expect((await countersign(signed.packetId, VALID, team.cookies.staff)).status).toBe(403);
    const other = await createPracticeTeam(context, 'Other Countersign Clinic');
    const outcome = await run(() =>
      packetPage.action({
        request: formRequest(
          `/practices/${other.practice.id}/packets/${signed.packetId}`,
          { intent: 'countersign', ...VALID },
          { cookie: other.cookies.owner },
        ),
        params: { practiceId: other.practice.id, packetId: signed.packetId },
        context,
      }),
    );
    expect(outcome.status).toBe(404);
    const pdf = await run(() =>
      packetPdf.loader({
        request: getRequest(`/practices/${other.practice.id}/packets/${signed.packetId}/pdf`, {
          cookie: other.cookies.owner,
        }),
        params: { practiceId: other.practice.id, packetId: signed.packetId },
        context,
      }),
    );
    expect(pdf.status).toBe(404);
    const [row] = await context.db
      .select()
      .from(patientPackets)
      .where(eq(patientPackets.id, signed.packetId));
    expect(row?.countersignedAt).toBeNull();
  });
});
