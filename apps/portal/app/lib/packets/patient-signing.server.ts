import { randomUUID } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.server';
import {
  packetDocuments,
  packetEvents,
  packetSignatures,
  patientPackets,
} from '../../db/packets-schema.server';
import { type DataKeyRing, encryptBytes, encryptText } from '../crypto.server';
import { packetEventRow } from './packet-events.server';
import { encryptOptional, fieldContext } from './packet-fields.server';
import type { RequestOrigin } from './patient-link.server';
import type { PacketDocumentRow, PacketRow } from './packets.server';
import type { SigningForm } from './signing-form.server';

/** Records that the patient opened the link, a document, or a download (the access log). */
export async function recordPatientAccess(
  db: Db,
  ring: DataKeyRing,
  {
    packet,
    document,
    type,
    origin,
  }: {
    packet: PacketRow;
    document?: PacketDocumentRow;
    type: 'opened' | 'viewed' | 'downloaded';
    origin: RequestOrigin;
  },
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.insert(packetEvents).values(
      packetEventRow(ring, {
        practiceId: packet.practiceId,
        packetId: packet.id,
        packetDocumentId: document?.id,
        type,
        actor: 'patient',
        ...origin,
      }),
    );
    if (type === 'viewed' && document && !document.openedAt) {
      await tx
        .update(packetDocuments)
        .set({ openedAt: new Date() })
        .where(and(eq(packetDocuments.id, document.id), isNull(packetDocuments.openedAt)));
    }
  });
  if (type === 'viewed') await completeIfDone(db, packet.id);
}

/**
 * Marks the packet complete once every consent form is signed and every
 * handout opened: the link then stops working for signing (single use).
 */
async function completeIfDone(db: Db, packetId: string): Promise<void> {
  const documents = await db
    .select()
    .from(packetDocuments)
    .where(eq(packetDocuments.packetId, packetId));
  const done = documents.every((document) =>
    document.kind === 'consent' ? document.signedAt !== null : document.openedAt !== null,
  );
  if (!done) return;
  await db
    .update(patientPackets)
    .set({ completedAt: new Date(), updatedAt: new Date() })
    .where(and(eq(patientPackets.id, packetId), isNull(patientPackets.completedAt)));
}

/**
 * Stores the patient's initials and signature on a consent form, with the
 * moment they agreed to sign electronically, in one transaction; refuses a
 * second signature (`already-signed`). Events: initialled, electronic-consent, signed.
 */
export async function signConsent(
  db: Db,
  ring: DataKeyRing,
  {
    packet,
    document,
    form,
    origin,
    agreedAt,
  }: {
    packet: PacketRow;
    document: PacketDocumentRow;
    form: SigningForm;
    origin: RequestOrigin;
    agreedAt: Date;
  },
): Promise<'signed' | 'already-signed'> {
  const signatureId = randomUUID();
  const now = new Date();
  const result = await db.transaction(async (tx) => {
    const claimed = await tx
      .update(packetDocuments)
      .set({
        signedAt: now,
        keyId: document.keyId ?? ring.primary.id,
        initials: encryptText(
          ring,
          JSON.stringify(form.initials),
          fieldContext.initials(document.id),
        ),
      })
      .where(and(eq(packetDocuments.id, document.id), isNull(packetDocuments.signedAt)))
      .returning({ id: packetDocuments.id });
    if (claimed.length === 0) return 'already-signed' as const;
    await tx.insert(packetSignatures).values({
      id: signatureId,
      practiceId: packet.practiceId,
      packetId: packet.id,
      packetDocumentId: document.id,
      party: 'patient',
      keyId: ring.primary.id,
      signerName: encryptText(ring, form.signerName, fieldContext.signerName(signatureId)),
      method: form.method,
      image: form.image
        ? encryptBytes(ring, form.image, fieldContext.signatureImage(signatureId))
        : null,
      ipAddress: encryptOptional(ring, origin.ipAddress, fieldContext.signatureIp(signatureId)),
      userAgent: encryptOptional(
        ring,
        origin.userAgent,
        fieldContext.signatureUserAgent(signatureId),
      ),
      documentSha256: document.contentSha256,
      electronicConsentAt: agreedAt,
      signedAt: now,
    });
    const event = (type: 'initialled' | 'electronic-consent' | 'signed') => ({
      ...packetEventRow(ring, {
        practiceId: packet.practiceId,
        packetId: packet.id,
        packetDocumentId: document.id,
        type,
        actor: 'patient',
        ...origin,
      }),
      createdAt: type === 'signed' ? now : agreedAt,
    });
    await tx
      .insert(packetEvents)
      .values([event('initialled'), event('electronic-consent'), event('signed')]);
    return 'signed' as const;
  });
  if (result === 'signed') await completeIfDone(db, packet.id);
  return result;
}
