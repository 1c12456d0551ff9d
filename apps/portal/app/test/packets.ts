import type { AppLoadContext } from '@remix-run/node';
import { eq } from 'drizzle-orm';
import { packetDocuments } from '../db/packets-schema.server';
import { packetDocumentContent } from '../lib/packets/packet-documents.server';
import { acknowledgementIds } from '../lib/packets/signing-form.server';
import * as patientDocument from '../routes/p.$token.documents.$position';
import * as patientLanding from '../routes/p.$token._index';
import { action as newPacket } from '../routes/practices.$practiceId.packets.new';
import { outboxMailsTo } from './outbox';
import { cookieFrom, formRequest, run } from './requests';

let counter = 0;

/** A patient unique to each call, so tests sharing a database never see each other's. */
export function testPatient(overrides: Record<string, string> = {}) {
  counter += 1;
  const tag = `${Date.now().toString(36)}${counter}`;
  return {
    patientName: `Ottoline Brackenbury ${tag}`,
    patientEmail: `ottoline.${tag}@example.org`,
    patientBirthDate: '1984-02-29',
    ...overrides,
  };
}

/** Sends a packet through the new-packet action as `cookie`; returns its id, link and token. */
export async function sendTestPacket(
  context: AppLoadContext,
  {
    practiceId,
    cookie,
    fields = {},
  }: { practiceId: string; cookie: string; fields?: Record<string, string | string[]> },
) {
  const patient = testPatient();
  const outcome = await run(() =>
    newPacket({
      request: formRequest(
        `/practices/${practiceId}/packets/new`,
        {
          ...patient,
          locale: 'en',
          handouts: ['preparing-for-your-session'],
          consent: 'yes',
          routes: ['iv'],
          ...fields,
        },
        { cookie },
      ),
      params: { practiceId },
      context,
    }),
  );
  if (outcome.status !== 200) throw new Error(`Sending a packet failed: ${outcome.body}`);
  const result = outcome.data as { packetId: string; link: string };
  const token = result.link.split('/p/')[1] ?? '';
  return { ...result, token, patient };
}

/** The outbox e-mails sent to an address (see outboxMailsTo). */
export const mailsTo = outboxMailsTo;

/**
 * A consent-only packet the patient has opened, confirmed and signed (typed
 * signature, initials "OB") through the patient routes.
 */
export async function signedTestPacket(
  context: AppLoadContext,
  { practiceId, cookie }: { practiceId: string; cookie: string },
) {
  const sent = await sendTestPacket(context, {
    practiceId,
    cookie,
    fields: { handouts: [] as unknown as string },
  });
  const confirmed = await run(() =>
    patientLanding.action({
      request: formRequest(`/p/${sent.token}`, { birthDate: sent.patient.patientBirthDate }),
      params: { token: sent.token },
      context,
    }),
  );
  const patientCookie = cookieFrom(confirmed.headers.get('Set-Cookie'));
  const [consent] = await context.db
    .select()
    .from(packetDocuments)
    .where(eq(packetDocuments.packetId, sent.packetId));
  if (!consent) throw new Error('The test packet has no consent form');
  const fields: Record<string, string> = {
    contentSha256: consent.contentSha256,
    agreeElectronic: 'yes',
    signerName: sent.patient.patientName,
    signatureMethod: 'typed',
    signatureImage: '',
  };
  for (const id of acknowledgementIds(packetDocumentContent(consent)))
    fields[`initials.${id}`] = 'OB';
  const signed = await run(() =>
    patientDocument.action({
      request: formRequest(`/p/${sent.token}/documents/0`, fields, { cookie: patientCookie }),
      params: { token: sent.token, position: '0' },
      context,
    }),
  );
  if (signed.status !== 302) throw new Error(`Signing the test packet failed: ${signed.body}`);
  return { ...sent, patientCookie };
}
