import { randomUUID } from 'node:crypto';
import { and, eq, isNotNull, isNull } from 'drizzle-orm';
import * as z from 'zod';
import type { Db } from '../../db/client.server';
import {
  packetDocuments,
  packetEvents,
  packetSignatures,
  patientPackets,
} from '../../db/packets-schema.server';
import { type DataKeyRing, encryptBytes, encryptText } from '../crypto.server';
import { field } from '../forms.server';
import { packetEventRow } from './packet-events.server';
import { encryptOptional, fieldContext } from './packet-fields.server';
import type { RequestOrigin } from './patient-link.server';
import type { PacketDocumentRow, PacketRow } from './packets.server';
import { drawnSignature } from './signing-form.server';

const CountersignSchema = z.object({
  agreeElectronic: z.literal('yes', { error: 'Tick the box to agree to sign electronically.' }),
  signerName: z
    .string()
    .trim()
    .min(1, 'Type your full name.')
    .max(120, 'Use at most 120 characters.'),
  signatureMethod: z.enum(['drawn', 'typed'], { error: 'Choose how to sign.' }),
  signatureImage: z.string().max(350_000, 'The drawn signature is too large.'),
  witnessName: z.string().trim().max(120, 'Use at most 120 characters.'),
});

/** A countersignature that passed every check. */
export interface CountersignForm {
  signerName: string;
  method: 'drawn' | 'typed';
  image: Uint8Array | null;
  /** A witness who signs with their typed name on the clinician's device, when the form has a witness line. */
  witnessName: string | null;
}

/** Parses the countersign form: e-sign agreement, name, drawn or typed signature, optional witness. */
export async function parseCountersignForm(
  formData: FormData,
): Promise<
  { ok: true; form: CountersignForm } | { ok: false; fieldErrors: Record<string, string> }
> {
  const parsed = CountersignSchema.safeParse({
    agreeElectronic: field(formData, 'agreeElectronic'),
    signerName: field(formData, 'signerName'),
    signatureMethod: field(formData, 'signatureMethod') || 'typed',
    signatureImage: field(formData, 'signatureImage'),
    witnessName: field(formData, 'witnessName'),
  });
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0])] ??= issue.message;
    return { ok: false, fieldErrors };
  }
  let image: Uint8Array | null = null;
  if (parsed.data.signatureMethod === 'drawn') {
    const drawn = await drawnSignature(parsed.data.signatureImage);
    if (!drawn.ok) return { ok: false, fieldErrors: { signatureImage: drawn.error } };
    image = drawn.png;
  }
  return {
    ok: true,
    form: {
      signerName: parsed.data.signerName,
      method: parsed.data.signatureMethod,
      image,
      witnessName: parsed.data.witnessName || null,
    },
  };
}

/**
 * The clinician countersigns a consent form the patient has signed (and a
 * witness signs with their typed name when named), in one transaction.
 * `not-ready` when the patient has not signed, `already` when countersigned.
 */
export async function countersignConsent(
  db: Db,
  ring: DataKeyRing,
  {
    packet,
    document,
    userId,
    form,
    origin,
  }: {
    packet: PacketRow;
    document: PacketDocumentRow;
    userId: string;
    form: CountersignForm;
    origin: RequestOrigin;
  },
): Promise<'countersigned' | 'not-ready' | 'already'> {
  if (!document.signedAt) return 'not-ready';
  const now = new Date();
  return db.transaction(async (tx) => {
    const claimed = await tx
      .update(packetDocuments)
      .set({ countersignedAt: now })
      .where(
        and(
          eq(packetDocuments.id, document.id),
          eq(packetDocuments.practiceId, packet.practiceId),
          isNotNull(packetDocuments.signedAt),
          isNull(packetDocuments.countersignedAt),
        ),
      )
      .returning({ id: packetDocuments.id });
    if (claimed.length === 0) return 'already' as const;
    const signature = (
      party: 'clinician' | 'witness',
      name: string,
      method: 'drawn' | 'typed',
      image: Uint8Array | null,
    ) => {
      const id = randomUUID();
      return {
        id,
        practiceId: packet.practiceId,
        packetId: packet.id,
        packetDocumentId: document.id,
        party,
        userId: party === 'clinician' ? userId : null,
        keyId: ring.primary.id,
        signerName: encryptText(ring, name, fieldContext.signerName(id)),
        method,
        image: image ? encryptBytes(ring, image, fieldContext.signatureImage(id)) : null,
        ipAddress: encryptOptional(ring, origin.ipAddress, fieldContext.signatureIp(id)),
        userAgent: encryptOptional(ring, origin.userAgent, fieldContext.signatureUserAgent(id)),
        documentSha256: document.contentSha256,
        electronicConsentAt: now,
        signedAt: now,
      };
    };
    await tx
      .insert(packetSignatures)
      .values([
        signature('clinician', form.signerName, form.method, form.image),
        ...(form.witnessName ? [signature('witness', form.witnessName, 'typed', null)] : []),
      ]);
    await tx.insert(packetEvents).values({
      ...packetEventRow(ring, {
        practiceId: packet.practiceId,
        packetId: packet.id,
        packetDocumentId: document.id,
        type: 'countersigned',
        actor: 'member',
        userId,
        ...origin,
      }),
      createdAt: now,
    });
    await tx
      .update(patientPackets)
      .set({ countersignedAt: now, updatedAt: now })
      .where(and(eq(patientPackets.id, packet.id), isNull(patientPackets.countersignedAt)));
    return 'countersigned' as const;
  });
}
