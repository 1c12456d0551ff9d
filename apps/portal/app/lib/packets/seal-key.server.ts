import { createHash, generateKeyPairSync, randomBytes } from 'node:crypto';
import { and, eq, isNotNull } from 'drizzle-orm';
import forge from 'node-forge';
import type { Db } from '../../db/client.server';
import { packetSettings } from '../../db/packets-schema.server';
import { type DataKeyRing, decryptBytes, encryptBytes } from '../crypto.server';
import { fieldContext } from './packet-fields.server';

/**
 * The PKCS#12 passphrase. The PKCS#12 itself is stored AES-256-GCM
 * encrypted under the data key, which is what protects it; the passphrase
 * only satisfies the format.
 */
export const SEAL_PASSPHRASE = 'groundwork-seal';

/** How long a generated sealing certificate is valid. */
const CERTIFICATE_YEARS = 10;

/** A practice's sealing identity: PKCS#12 (key and certificate) and the certificate's fingerprint. */
export interface SealIdentity {
  pkcs12: Uint8Array;
  certificateSha256: string;
}

/**
 * A self-signed certificate and 2048-bit RSA key for one practice, as
 * PKCS#12. The key is made by node:crypto (fast, native); node-forge builds
 * the certificate and the container.
 */
export function generateSealIdentity(practiceName: string, now = new Date()): SealIdentity {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const key = forge.pki.privateKeyFromPem(
    privateKey.export({ type: 'pkcs1', format: 'pem' }).toString(),
  );
  const publicKey = forge.pki.setRsaPublicKey(
    (key as forge.pki.rsa.PrivateKey).n,
    (key as forge.pki.rsa.PrivateKey).e,
  );
  const certificate = forge.pki.createCertificate();
  certificate.publicKey = publicKey;
  certificate.serialNumber = `01${randomBytes(15).toString('hex')}`;
  certificate.validity.notBefore = new Date(now.getTime() - 60_000);
  certificate.validity.notAfter = new Date(now);
  certificate.validity.notAfter.setFullYear(now.getFullYear() + CERTIFICATE_YEARS);
  const subject = [
    { name: 'commonName', value: `${practiceName.slice(0, 40)} document seal` },
    { name: 'organizationName', value: practiceName.slice(0, 64) },
    { shortName: 'OU', value: 'Groundwork patient packets' },
  ];
  certificate.setSubject(subject);
  certificate.setIssuer(subject);
  certificate.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', critical: true, digitalSignature: true, nonRepudiation: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  certificate.sign(key as forge.pki.rsa.PrivateKey, forge.md.sha256.create());
  const der = forge.asn1.toDer(forge.pki.certificateToAsn1(certificate)).getBytes();
  const pkcs12 = forge.asn1
    .toDer(
      forge.pkcs12.toPkcs12Asn1(key as forge.pki.rsa.PrivateKey, [certificate], SEAL_PASSPHRASE, {
        algorithm: 'aes256',
        friendlyName: 'Groundwork document seal',
      }),
    )
    .getBytes();
  return {
    pkcs12: Buffer.from(pkcs12, 'binary'),
    certificateSha256: createHash('sha256').update(Buffer.from(der, 'binary')).digest('hex'),
  };
}

/**
 * The identity that seals the practice's PDFs: its own uploaded certificate
 * when it has one, else the generated one.
 */
export async function practiceSealIdentity(
  db: Db,
  ring: DataKeyRing,
  practice: { id: string; name: string },
): Promise<SealIdentity & { source: 'own' | 'generated' }> {
  const own = await ownSealIdentity(db, ring, practice.id);
  if (own) return { ...own, source: 'own' };
  return { ...(await generatedSealIdentity(db, ring, practice)), source: 'generated' };
}

/** The practice's uploaded sealing identity, or null when it uses the generated one. */
export async function ownSealIdentity(
  db: Db,
  ring: DataKeyRing,
  practiceId: string,
): Promise<SealIdentity | null> {
  const [row] = await db
    .select({
      pkcs12: packetSettings.ownSealPkcs12,
      certificateSha256: packetSettings.ownSealCertificateSha256,
    })
    .from(packetSettings)
    .where(eq(packetSettings.practiceId, practiceId));
  return row?.pkcs12 && row.certificateSha256
    ? {
        pkcs12: decryptBytes(ring, row.pkcs12, fieldContext.ownSealPkcs12(practiceId)),
        certificateSha256: row.certificateSha256,
      }
    : null;
}

/** Stores (encrypted) a practice's own checked certificate; PDFs sealed from now on use it. */
export async function setOwnSealIdentity(
  db: Db,
  ring: DataKeyRing,
  { practiceId, identity }: { practiceId: string; identity: SealIdentity },
): Promise<void> {
  const values = {
    ownSealKeyId: ring.primary.id,
    ownSealPkcs12: encryptBytes(ring, identity.pkcs12, fieldContext.ownSealPkcs12(practiceId)),
    ownSealCertificateSha256: identity.certificateSha256,
    ownSealUploadedAt: new Date(),
    updatedAt: new Date(),
  };
  await db
    .insert(packetSettings)
    .values({ practiceId, ...values })
    .onConflictDoUpdate({ target: packetSettings.practiceId, set: values });
}

/** Deletes a practice's own certificate, going back to the generated one; false if it had none. */
export async function clearOwnSealIdentity(db: Db, practiceId: string): Promise<boolean> {
  const cleared = await db
    .update(packetSettings)
    .set({
      ownSealKeyId: null,
      ownSealPkcs12: null,
      ownSealCertificateSha256: null,
      ownSealUploadedAt: null,
      updatedAt: new Date(),
    })
    .where(and(eq(packetSettings.practiceId, practiceId), isNotNull(packetSettings.ownSealPkcs12)))
    .returning({ practiceId: packetSettings.practiceId });
  return cleared.length > 0;
}

/**
 * The practice's generated key and self-signed certificate, generated and
 * stored (encrypted) on first use. Two requests racing both generate, one is
 * kept and both use it.
 */
export async function generatedSealIdentity(
  db: Db,
  ring: DataKeyRing,
  practice: { id: string; name: string },
): Promise<SealIdentity> {
  const read = async () => {
    const [row] = await db
      .select()
      .from(packetSettings)
      .where(eq(packetSettings.practiceId, practice.id));
    return row?.sealPkcs12 && row.sealCertificateSha256
      ? {
          pkcs12: decryptBytes(ring, row.sealPkcs12, fieldContext.sealPkcs12(practice.id)),
          certificateSha256: row.sealCertificateSha256,
        }
      : null;
  };
  const existing = await read();
  if (existing) return existing;
  const identity = generateSealIdentity(practice.name);
  const values = {
    sealKeyId: ring.primary.id,
    sealPkcs12: encryptBytes(ring, identity.pkcs12, fieldContext.sealPkcs12(practice.id)),
    sealCertificateSha256: identity.certificateSha256,
  };
  await db
    .insert(packetSettings)
    .values({ practiceId: practice.id, ...values })
    .onConflictDoNothing();
  const [row] = await db
    .select()
    .from(packetSettings)
    .where(eq(packetSettings.practiceId, practice.id));
  if (row && !row.sealPkcs12) {
    await db.update(packetSettings).set(values).where(eq(packetSettings.practiceId, practice.id));
  }
  const stored = await read();
  if (!stored) throw new Error('The practice’s sealing key was not stored');
  return stored;
}
