import type { Db } from '../../db/client.server';
import { type DataKeyRing, decryptBytes } from '../crypto.server';
import { consentRecordPdf } from './consent-record.server';
import { fieldContext } from './packet-fields.server';
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
