import { randomBytes } from 'node:crypto';
import type { AppLoadContext } from '@remix-run/node';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.server';
import {
  packetDocuments,
  packetEvents,
  packetSettings,
  packetSignatures,
  patientPackets,
} from '../../db/packets-schema.server';
import { createTestContext, createTestDatabase, TEST_DATA_KEYS } from '../../test/db';
import { createSignedInUser, createTestPractice } from '../../test/requests';
import { findInEveryTable } from '../../test/scan-database';
import { ciphertextKeyId, dataKeyRing, encryptText } from '../crypto.server';
import { reencryptPacketData } from './key-rotation.server';
import { recordPacketEvent } from './packet-events.server';
import { decryptPatient, fieldContext } from './packet-fields.server';
import { retentionDaysFor, setRetentionDays } from './packet-settings.server';
import { createPacket } from './packets.server';
import { testCertificate, testPkcs12, testRsaKey } from '../../test/certificates';
import { readOwnSealCertificate } from './own-seal-certificate.server';
import { ownSealIdentity, practiceSealIdentity, setOwnSealIdentity } from './seal-key.server';
import { purgeExpiredPackets, startRetentionSweep } from './retention.server';

let database: Database;
let context: AppLoadContext;

beforeAll(async () => {
  database = await createTestDatabase();
  context = createTestContext(database);
});
afterAll(() => database?.close());

const DAY = 24 * 60 * 60 * 1000;

async function newPacket(
  options: { name?: string; retentionDays?: number; now?: Date; keys?: typeof TEST_DATA_KEYS } = {},
) {
  const { user } = await createSignedInUser(context);
  const practice = await createTestPractice(context, user.id);
  const name = options.name ?? `Patient ${randomBytes(4).toString('hex')}`;
  const { packetId, token } = await createPacket(context.db, options.keys ?? TEST_DATA_KEYS, {
    practiceId: practice.id,
    createdBy: user.id,
    locale: 'en',
    patient: { name, email: `${name.replace(/\W/g, '')}@example.org`, birthDate: '1970-03-14' },
    documents: [
      {
        kind: 'consent',
        documentId: 'ketamine-informed-consent',
        documentVersion: '1.0.0',
        locale: 'en',
        routes: ['iv'],
        contentSha256: 'a'.repeat(64),
      },
    ],
    retentionDays: options.retentionDays ?? 30,
    ...(options.now ? { now: options.now } : {}),
  });
  return { practice, user, packetId, token, name };
}

async function packetRow(packetId: string) {
  const [row] = await context.db
    .select()
    .from(patientPackets)
    .where(eq(patientPackets.id, packetId));
  if (!row) throw new Error('packet not found');
  return row;
}

describe('stored packets', () => {
  it('keep the patient only as ciphertext under the data key, and the link only as a hash', async () => {
    const { packetId, token, name } = await newPacket({ name: 'Wilhelmina Quarrington-Oduya' });
    for (const needle of ['Quarrington', 'WilhelminaQuarringtonOduya', '1970-03-14', token]) {
      expect(await findInEveryTable(context.db, needle), needle).toEqual([]);
    }
    const row = await packetRow(packetId);
    expect(row.keyId).toBe(TEST_DATA_KEYS.primary.id);
    expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(decryptPatient(TEST_DATA_KEYS, row)).toEqual({
      name,
      email: 'WilhelminaQuarringtonOduya@example.org',
      birthDate: '1970-03-14',
    });
  });

  it('cannot be read with another key', async () => {
    const { packetId } = await newPacket();
    const otherKeys = dataKeyRing([randomBytes(32)]);
    await expect(packetRow(packetId).then((row) => decryptPatient(otherKeys, row))).rejects.toThrow(
      /not configured/,
    );
  });
});

describe('retention', () => {
  it('defaults to 365 days and can be changed, moving the end of packets not yet purged', async () => {
    const now = new Date('2026-01-01T00:00:00Z');
    const { practice, packetId } = await newPacket({ retentionDays: 30, now });
    expect(await retentionDaysFor(context.db, practice.id)).toBe(365);
    await setRetentionDays(context.db, { practiceId: practice.id, retentionDays: 7 });
    expect(await retentionDaysFor(context.db, practice.id)).toBe(7);
    expect((await packetRow(packetId)).retainUntil.toISOString()).toBe('2026-01-08T00:00:00.000Z');
    await expect(
      setRetentionDays(context.db, { practiceId: practice.id, retentionDays: 0 }),
    ).rejects.toThrow(/retentionDays must be a whole number from 1 to 3650, got 0/);
  });

  it('deletes expired packets’ personal data and keeps what was done, without IPs', async () => {
    const sent = new Date(Date.now() - 40 * DAY);
    const expired = await newPacket({ retentionDays: 30, now: sent });
    const kept = await newPacket({ retentionDays: 90, now: sent });
    const [document] = await context.db
      .select()
      .from(packetDocuments)
      .where(eq(packetDocuments.packetId, expired.packetId));
    if (!document) throw new Error('no document');
    await context.db.insert(packetSignatures).values({
      id: '00000000-0000-4000-8000-000000000001',
      practiceId: expired.practice.id,
      packetId: expired.packetId,
      packetDocumentId: document.id,
      party: 'patient',
      keyId: TEST_DATA_KEYS.primary.id,
      signerName: encryptText(TEST_DATA_KEYS, expired.name, fieldContext.signerName('x')),
      method: 'typed',
      documentSha256: document.contentSha256,
      electronicConsentAt: sent,
    });
    await recordPacketEvent(context.db, TEST_DATA_KEYS, {
      practiceId: expired.practice.id,
      packetId: expired.packetId,
      type: 'opened',
      actor: 'patient',
      ipAddress: '198.51.100.23',
      userAgent: 'Test Browser',
    });

    expect(await purgeExpiredPackets(context.db, TEST_DATA_KEYS)).toBeGreaterThanOrEqual(1);

    const purged = await packetRow(expired.packetId);
    expect(purged.purgedAt).not.toBeNull();
    expect([
      purged.patientName,
      purged.patientEmail,
      purged.patientBirthDate,
      purged.tokenHash,
    ]).toEqual([null, null, null, null]);
    expect(decryptPatient(TEST_DATA_KEYS, purged)).toBeNull();
    expect(
      await context.db
        .select()
        .from(packetSignatures)
        .where(eq(packetSignatures.packetId, expired.packetId)),
    ).toEqual([]);
    const events = await context.db
      .select()
      .from(packetEvents)
      .where(eq(packetEvents.packetId, expired.packetId));
    expect(events.map((event) => event.type).sort()).toEqual(['created', 'opened', 'purged']);
    expect(events.every((event) => event.ipAddress === null && event.userAgent === null)).toBe(
      true,
    );
    expect(
      await context.db
        .select()
        .from(packetDocuments)
        .where(eq(packetDocuments.packetId, expired.packetId)),
    ).toHaveLength(1);

    // Not yet expired: untouched. Running again purges nothing more.
    expect((await packetRow(kept.packetId)).patientName).not.toBeNull();
    expect(await purgeExpiredPackets(context.db, TEST_DATA_KEYS)).toBe(0);
  });

  it('runs at start from the server sweep, which logs counts only', async () => {
    const expired = await newPacket({
      name: 'Sweepable Person',
      retentionDays: 1,
      now: new Date(Date.now() - 2 * DAY),
    });
    const lines: unknown[] = [];
    const logger = {
      info: (...args: unknown[]) => lines.push(args),
      error: (...args: unknown[]) => lines.push(args),
    };
    const sweep = startRetentionSweep({ db: context.db, dataKeys: TEST_DATA_KEYS, logger });
    await sweep.runOnce();
    await sweep.stop();
    expect((await packetRow(expired.packetId)).purgedAt).not.toBeNull();
    expect(JSON.stringify(lines)).toContain('purged');
    expect(JSON.stringify(lines)).not.toContain('Sweepable');
    expect(JSON.stringify(lines)).not.toContain(expired.packetId);
  });
});

describe('key rotation', () => {
  it('re-encrypts data made under an old key with the new primary key', async () => {
    const oldKeys = dataKeyRing([randomBytes(32)]);
    const { packetId, practice, name } = await newPacket({ keys: oldKeys });
    await recordPacketEvent(context.db, oldKeys, {
      practiceId: practice.id,
      packetId,
      type: 'opened',
      actor: 'patient',
      ipAddress: '198.51.100.9',
    });
    // Other tests' rows use a key this ring lacks: they are counted and left alone.
    const rotated = dataKeyRing([randomBytes(32), oldKeys.primary.key]);
    const first = await reencryptPacketData(context.db, rotated);
    expect(first.reencrypted).toBe(2);
    expect(first.unreadable).toBeGreaterThan(0);

    const row = await packetRow(packetId);
    expect(row.keyId).toBe(rotated.primary.id);
    expect(ciphertextKeyId(row.patientName as Uint8Array)).toBe(rotated.primary.id);
    // Readable with the new key alone: the old key can go.
    const newOnly = dataKeyRing([rotated.primary.key]);
    expect(decryptPatient(newOnly, row)?.name).toBe(name);
    const events = await context.db
      .select()
      .from(packetEvents)
      .where(eq(packetEvents.packetId, packetId));
    const opened = events.find((event) => event.type === 'opened');
    expect(opened?.keyId).toBe(rotated.primary.id);
    expect(await reencryptPacketData(context.db, rotated)).toEqual({
      reencrypted: 0,
      unreadable: first.unreadable,
    });
  });
});

describe('key rotation of the sealing keys', () => {
  it('re-encrypts the generated and the uploaded sealing key with the new primary key', async () => {
    const oldKeys = dataKeyRing([randomBytes(32)]);
    const { practice } = await newPacket({ keys: oldKeys });
    const generated = await practiceSealIdentity(context.db, oldKeys, practice);
    const key = testRsaKey();
    const read = readOwnSealCertificate({
      file: testPkcs12({
        keys: [key],
        certificates: [testCertificate({ key, commonName: 'Rotation Seal' })],
        passphrase: 'rotate me',
      }),
      passphrase: 'rotate me',
    });
    if (!read.ok) throw new Error(JSON.stringify(read.fieldErrors));
    await setOwnSealIdentity(context.db, oldKeys, {
      practiceId: practice.id,
      identity: read.identity,
    });
    const rotated = dataKeyRing([randomBytes(32), oldKeys.primary.key]);
    await reencryptPacketData(context.db, rotated);
    const [row] = await context.db
      .select()
      .from(packetSettings)
      .where(eq(packetSettings.practiceId, practice.id));
    expect(row?.sealKeyId).toBe(rotated.primary.id);
    expect(row?.ownSealKeyId).toBe(rotated.primary.id);
    expect(ciphertextKeyId(row?.sealPkcs12 as Uint8Array)).toBe(rotated.primary.id);
    expect(ciphertextKeyId(row?.ownSealPkcs12 as Uint8Array)).toBe(rotated.primary.id);
    // Readable with the new key alone, and unchanged.
    const newOnly = dataKeyRing([rotated.primary.key]);
    const own = await ownSealIdentity(context.db, newOnly, practice.id);
    expect(Buffer.from(own?.pkcs12 ?? []).equals(Buffer.from(read.identity.pkcs12))).toBe(true);
    const active = await practiceSealIdentity(context.db, newOnly, practice);
    expect(active.source).toBe('own');
    expect(active.certificateSha256).toBe(read.identity.certificateSha256);
    expect(active.certificateSha256).not.toBe(generated.certificateSha256);
  });
});

describe('the practice sealing key', () => {
  it('is generated once per practice, stored encrypted, and reused', async () => {
    const { practice } = await newPacket();
    const first = await practiceSealIdentity(context.db, TEST_DATA_KEYS, practice);
    const second = await practiceSealIdentity(context.db, TEST_DATA_KEYS, practice);
    expect(second.certificateSha256).toBe(first.certificateSha256);
    expect(Buffer.from(second.pkcs12).equals(Buffer.from(first.pkcs12))).toBe(true);
    const [row] = await context.db
      .select()
      .from(packetSettings)
      .where(eq(packetSettings.practiceId, practice.id));
    expect(row?.sealKeyId).toBe(TEST_DATA_KEYS.primary.id);
    expect(
      Buffer.from(row?.sealPkcs12 ?? []).includes(Buffer.from(first.pkcs12).subarray(0, 64)),
    ).toBe(false);
    const other = await newPacket();
    const elsewhere = await practiceSealIdentity(context.db, TEST_DATA_KEYS, other.practice);
    expect(elsewhere.certificateSha256).not.toBe(first.certificateSha256);
  });
});
