import type { AppLoadContext } from '@remix-run/node';
import { eq } from 'drizzle-orm';
import { outboxEmails } from '../db/schema.server';
import { action as newPacket } from '../routes/practices.$practiceId.packets.new';
import { formRequest, run } from './requests';

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

/** The outbox e-mails sent to an address. */
export async function mailsTo(context: AppLoadContext, address: string) {
  return context.db.select().from(outboxEmails).where(eq(outboxEmails.to, address));
}
