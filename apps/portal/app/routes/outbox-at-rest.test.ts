import { randomBytes } from 'node:crypto';
import type { AppLoadContext } from '@remix-run/node';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { patientPackets } from '../db/packets-schema.server';
import { outboxEmails } from '../db/schema.server';
import { ciphertextKeyId, dataKeyRing } from '../lib/crypto.server';
import { readOutboxEmails } from '../lib/outbox.server';
import { reencryptPacketData } from '../lib/packets/key-rotation.server';
import { purgeExpiredPackets } from '../lib/packets/retention.server';
import { outboxMailsTo } from '../test/outbox';
import { sendTestPacket } from '../test/packets';
import { formRequest, getRequest, run } from '../test/requests';
import { findPlaintextAnywhere, publicTables } from '../test/scan-database';
import { type PracticeTeam, withPracticeTeam } from '../test/team';
import * as outbox from './dev.outbox';
import * as members from './practices.$practiceId.members';
import * as packetPage from './practices.$practiceId.packets.$packetId';

/**
 * The development outbox keeps e-mails encrypted (the recipient can be a
 * patient), still shows them on /dev/outbox, and loses a packet's e-mails
 * with the packet's personal data.
 */

let context: AppLoadContext;
let team: PracticeTeam;
let practiceId: string;

withPracticeTeam('Outbox Clinic', (fixture) => {
  ({ context, team, practiceId } = fixture);
});

function packetAction(packetId: string, intent: string) {
  return run(() =>
    packetPage.action({
      request: formRequest(
        `/practices/${practiceId}/packets/${packetId}`,
        { intent },
        { cookie: team.cookies.clinician },
      ),
      params: { practiceId, packetId },
      context,
    }),
  );
}

async function invite(email: string) {
  const outcome = await run(() =>
    members.action({
      request: formRequest(
        `/practices/${practiceId}/members`,
        { intent: 'invite', email, role: 'staff' },
        { cookie: team.cookies.owner },
      ),
      params: { practiceId },
      context,
    }),
  );
  expect(outcome.status).toBe(200);
}

describe('the development outbox at rest', () => {
  it('holds no patient name, e-mail or date of birth in any column of any table', async () => {
    const sent = await sendTestPacket(context, { practiceId, cookie: team.cookies.clinician });
    expect((await packetAction(sent.packetId, 'resend')).status).toBe(200);
    await invite(`new.staff.${randomBytes(3).toString('hex')}@example.org`);

    // The e-mails were written: two to the patient (sent, resent), one invitation.
    const toPatient = await outboxMailsTo(context, sent.patient.patientEmail);
    expect(toPatient).toHaveLength(2);
    expect(toPatient.every((mail) => mail.packetId === sent.packetId)).toBe(true);

    expect((await publicTables(context.db)).length).toBeGreaterThan(20);
    const { patientName, patientEmail, patientBirthDate } = sent.patient;
    for (const needle of [patientName, patientEmail, patientBirthDate, sent.token]) {
      expect(await findPlaintextAnywhere(context.db, needle), needle).toEqual([]);
    }
    // The scan does see plaintext where there is some (it is not vacuous).
    expect(await findPlaintextAnywhere(context.db, 'Outbox Clinic')).not.toEqual([]);
  });

  it('still shows every e-mail decrypted on /dev/outbox, links included', async () => {
    const sent = await sendTestPacket(context, { practiceId, cookie: team.cookies.clinician });
    const outcome = await run(() =>
      outbox.loader({ request: getRequest('/dev/outbox'), params: {}, context }),
    );
    const { emails } = outcome.data as {
      emails: Array<{ to: string; subject: string; text: string }>;
    };
    const mail = emails.find((email) => email.to === sent.patient.patientEmail);
    expect(mail?.subject).toBe('Outbox Clinic: documents to read and sign');
    expect(mail?.text).toContain(sent.link);
  });

  it('deletes a packet’s e-mails when it is revoked or its retention ends, and keeps the others', async () => {
    const revoked = await sendTestPacket(context, { practiceId, cookie: team.cookies.clinician });
    const expired = await sendTestPacket(context, { practiceId, cookie: team.cookies.clinician });
    const kept = await sendTestPacket(context, { practiceId, cookie: team.cookies.clinician });
    const staffAddress = `kept.invite.${randomBytes(3).toString('hex')}@example.org`;
    await invite(staffAddress);

    expect((await packetAction(revoked.packetId, 'revoke')).status).toBe(200);
    expect(await outboxMailsTo(context, revoked.patient.patientEmail)).toEqual([]);

    await context.db
      .update(patientPackets)
      .set({ retainUntil: new Date(Date.now() - 60_000) })
      .where(eq(patientPackets.id, expired.packetId));
    expect(await outboxMailsTo(context, expired.patient.patientEmail)).toHaveLength(1);
    expect(await purgeExpiredPackets(context.db, context.dataKeys)).toBeGreaterThanOrEqual(1);
    expect(await outboxMailsTo(context, expired.patient.patientEmail)).toEqual([]);
    expect(
      await context.db
        .select()
        .from(outboxEmails)
        .where(eq(outboxEmails.packetId, expired.packetId)),
    ).toEqual([]);

    expect(await outboxMailsTo(context, kept.patient.patientEmail)).toHaveLength(1);
    expect(await outboxMailsTo(context, staffAddress)).toHaveLength(1);
  });

  it('is re-encrypted by key rotation', async () => {
    const sent = await sendTestPacket(context, { practiceId, cookie: team.cookies.clinician });
    const rotated = dataKeyRing([randomBytes(32), context.dataKeys.primary.key]);
    await reencryptPacketData(context.db, rotated);
    const rows = await context.db.select().from(outboxEmails);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.keyId).toBe(rotated.primary.id);
      expect(ciphertextKeyId(row.to)).toBe(rotated.primary.id);
      expect(ciphertextKeyId(row.text)).toBe(rotated.primary.id);
    }
    const newOnly = dataKeyRing([rotated.primary.key]);
    const emails = await readOutboxEmails(context.db, newOnly);
    expect(emails.some((email) => email.to === sent.patient.patientEmail)).toBe(true);
  });
});
