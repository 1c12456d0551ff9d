import { and, asc, eq, gt, isNotNull, ne } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.server';
import {
  packetDocuments,
  packetEvents,
  packetSettings,
  packetSignatures,
  patientPackets,
} from '../../db/packets-schema.server';
import { measurements, patients, savedScreenings } from '../../db/measures-schema.server';
import { outboxEmails } from '../../db/schema.server';
import { type DataKeyRing, decryptBytes, encryptBytes } from '../crypto.server';
import { recordContext } from '../measures/record-fields.server';
import { outboxContext } from '../outbox.server';
import { fieldContext } from './packet-fields.server';

const BATCH = 100;

/** A table holding ciphertexts: its row id, key id and encrypted columns with their contexts. */
interface EncryptedTable {
  table: PgTable;
  id: PgColumn;
  keyId: PgColumn;
  /** The drizzle property of `keyId`, when it is not `keyId`. */
  keyIdProperty?: string;
  columns: Record<string, { column: PgColumn; context: (rowId: string) => string }>;
}

const ENCRYPTED_TABLES: EncryptedTable[] = [
  {
    table: patientPackets,
    id: patientPackets.id,
    keyId: patientPackets.keyId,
    columns: {
      patientName: { column: patientPackets.patientName, context: fieldContext.patientName },
      patientEmail: { column: patientPackets.patientEmail, context: fieldContext.patientEmail },
      patientBirthDate: {
        column: patientPackets.patientBirthDate,
        context: fieldContext.patientBirthDate,
      },
      sealedPdf: { column: patientPackets.sealedPdf, context: fieldContext.sealedPdf },
    },
  },
  {
    table: packetDocuments,
    id: packetDocuments.id,
    keyId: packetDocuments.keyId,
    columns: { initials: { column: packetDocuments.initials, context: fieldContext.initials } },
  },
  {
    table: packetSignatures,
    id: packetSignatures.id,
    keyId: packetSignatures.keyId,
    columns: {
      signerName: { column: packetSignatures.signerName, context: fieldContext.signerName },
      image: { column: packetSignatures.image, context: fieldContext.signatureImage },
      ipAddress: { column: packetSignatures.ipAddress, context: fieldContext.signatureIp },
      userAgent: { column: packetSignatures.userAgent, context: fieldContext.signatureUserAgent },
    },
  },
  {
    table: packetEvents,
    id: packetEvents.id,
    keyId: packetEvents.keyId,
    columns: {
      ipAddress: { column: packetEvents.ipAddress, context: fieldContext.eventIp },
      userAgent: { column: packetEvents.userAgent, context: fieldContext.eventUserAgent },
    },
  },
  {
    table: patients,
    id: patients.id,
    keyId: patients.keyId,
    columns: {
      name: { column: patients.name, context: recordContext.name },
      birthDate: { column: patients.birthDate, context: recordContext.birthDate },
      reference: { column: patients.reference, context: recordContext.reference },
    },
  },
  {
    table: measurements,
    id: measurements.id,
    keyId: measurements.keyId,
    columns: { items: { column: measurements.items, context: recordContext.items } },
  },
  {
    table: savedScreenings,
    id: savedScreenings.id,
    keyId: savedScreenings.keyId,
    columns: {
      outcome: { column: savedScreenings.outcome, context: recordContext.screeningOutcome },
    },
  },
  {
    table: outboxEmails,
    id: outboxEmails.id,
    keyId: outboxEmails.keyId,
    columns: {
      to: { column: outboxEmails.to, context: outboxContext.to },
      text: { column: outboxEmails.text, context: outboxContext.text },
    },
  },
  {
    table: packetSettings,
    id: packetSettings.practiceId,
    keyId: packetSettings.sealKeyId,
    keyIdProperty: 'sealKeyId',
    columns: {
      sealPkcs12: { column: packetSettings.sealPkcs12, context: fieldContext.sealPkcs12 },
    },
  },
  {
    table: packetSettings,
    id: packetSettings.practiceId,
    keyId: packetSettings.ownSealKeyId,
    keyIdProperty: 'ownSealKeyId',
    columns: {
      ownSealPkcs12: { column: packetSettings.ownSealPkcs12, context: fieldContext.ownSealPkcs12 },
    },
  },
];

/** What one re-encryption pass did. */
export interface ReencryptResult {
  /** Rows now under the primary key. */
  reencrypted: number;
  /** Rows under a key that is not configured (or altered): left as they are. */
  unreadable: number;
}

/**
 * Key rotation's second half: re-encrypts every value stored under a key
 * other than the primary one with the primary key (the retention sweep runs
 * it hourly). When `reencrypted` and `unreadable` are both 0, no value uses an
 * old key any more and it can be removed from GROUNDWORK_DATA_KEY.
 */
export async function reencryptPacketData(db: Db, ring: DataKeyRing): Promise<ReencryptResult> {
  const result: ReencryptResult = { reencrypted: 0, unreadable: 0 };
  for (const spec of ENCRYPTED_TABLES) {
    const selection = Object.fromEntries(
      Object.entries(spec.columns).map(([name, { column }]) => [name, column]),
    );
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows = (await db
        .select({ id: spec.id, keyId: spec.keyId, ...selection })
        .from(spec.table)
        .where(and(isNotNull(spec.keyId), ne(spec.keyId, ring.primary.id), gt(spec.id, after)))
        .orderBy(asc(spec.id))
        .limit(BATCH)) as Array<Record<string, unknown> & { id: string; keyId: string }>;
      for (const row of rows) {
        const values: Record<string, unknown> = {
          [spec.keyIdProperty ?? 'keyId']: ring.primary.id,
        };
        let held = 0;
        try {
          for (const [name, { context }] of Object.entries(spec.columns)) {
            const value = row[name];
            if (!(value instanceof Uint8Array)) continue;
            const plaintext = decryptBytes(ring, value, context(row.id));
            values[name] = encryptBytes(ring, plaintext, context(row.id));
            held += 1;
          }
        } catch {
          result.unreadable += 1;
          continue;
        }
        // Only if no one changed the row meanwhile (same key id as read).
        await db
          .update(spec.table)
          .set(values)
          .where(and(eq(spec.id, row.id), eq(spec.keyId, row.keyId)));
        // A purged row holds no ciphertext: it only changes its key id.
        if (held > 0) result.reencrypted += 1;
      }
      const last = rows.at(-1);
      if (!last || rows.length < BATCH) break;
      after = last.id;
    }
  }
  return result;
}
