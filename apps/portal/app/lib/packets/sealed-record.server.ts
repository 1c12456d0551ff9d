import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.server';
import { packetEvents, patientPackets } from '../../db/packets-schema.server';
import { type DataKeyRing, decryptBytes, encryptBytes, sha256Hex } from '../crypto.server';
import { consentRecordPdf } from './consent-record.server';
import { packetEventRow } from './packet-events.server';
import { fieldContext } from './packet-fields.server';
import { practiceSealIdentity } from './seal-key.server';
import { sealPdf } from './seal-pdf.server';
import type { PacketDocumentRow, PacketRow } from './packets.server';

/**
 * The PDF of a signed consent form: the sealed file once there is one, else
 * the signed form as it stands (before the practice countersigns).
 */
export async function consentPacketPdf(
  db: Db,
  ring: DataKeyRing,
  input: { practice: { id: string; name: string }; packet: PacketRow; document: PacketDocumentRow },
): Promise<Uint8Array> {
  if (input.packet.sealedPdf) {
    return decryptBytes(ring, input.packet.sealedPdf, fieldContext.sealedPdf(input.packet.id));
  }
  return consentRecordPdf(db, ring, input);
}

/**
 * Makes the packet's one sealed PDF once it is countersigned: the signed
 * consent with its certificate (every event up to the countersignature),
 * digitally signed with the practice's key, stored encrypted with its
 * SHA-256, and a `sealed` event. Returns the sealed bytes.
 */
export async function sealPacket(
  db: Db,
  ring: DataKeyRing,
  input: { practice: { id: string; name: string }; packet: PacketRow; document: PacketDocumentRow },
): Promise<Uint8Array> {
  const unsealed = await consentRecordPdf(db, ring, input);
  const identity = await practiceSealIdentity(db, ring, input.practice);
  const sealed = await sealPdf(unsealed, {
    pkcs12: identity.pkcs12,
    practiceName: input.practice.name,
    reason: 'Signed informed consent and signature certificate',
  });
  const now = new Date();
  await db.transaction(async (tx) => {
    await tx
      .update(patientPackets)
      .set({
        sealedPdf: encryptBytes(ring, sealed, fieldContext.sealedPdf(input.packet.id)),
        sealedSha256: sha256Hex(sealed),
        sealedAt: now,
        updatedAt: now,
      })
      .where(
        and(
          eq(patientPackets.id, input.packet.id),
          eq(patientPackets.practiceId, input.practice.id),
        ),
      );
    await tx.insert(packetEvents).values({
      ...packetEventRow(ring, {
        practiceId: input.practice.id,
        packetId: input.packet.id,
        packetDocumentId: input.document.id,
        type: 'sealed',
        actor: 'system',
      }),
      createdAt: now,
    });
  });
  return sealed;
}
