import { createHash } from 'node:crypto';
import forge from 'node-forge';
import { SEAL_CERTIFICATE_MAX_BYTES } from '../documents/upload-limits';
import { SEAL_PASSPHRASE } from './seal-key.server';

/** Smallest RSA key accepted for sealing, in bits. */
export const MIN_SEAL_KEY_BITS = 2048;

/** Longest passphrase accepted (characters). */
const MAX_PASSPHRASE_LENGTH = 1024;

/** What a sealing certificate says about itself, as the settings page shows it. */
export interface SealCertificateInfo {
  subject: string;
  issuer: string;
  notBefore: Date;
  notAfter: Date;
  /** SHA-256 of the certificate (DER), hex. */
  sha256: string;
  selfSigned: boolean;
}

/** A practice's own certificate, checked and re-packed for the sealer. */
export interface OwnSealIdentity {
  /** PKCS#12 with the key, the certificate first and its chain, under SEAL_PASSPHRASE. */
  pkcs12: Uint8Array;
  certificateSha256: string;
  info: SealCertificateInfo;
}

/** The uploaded certificate, or the errors naming the field that is wrong. */
export type OwnSealResult =
  | { ok: true; identity: OwnSealIdentity }
  | { ok: false; fieldErrors: { certificate?: string; passphrase?: string } };

const certificateError = (message: string): OwnSealResult => ({
  ok: false,
  fieldErrors: { certificate: `Certificate file: ${message}` },
});
const passphraseError = (message: string): OwnSealResult => ({
  ok: false,
  fieldErrors: { passphrase: `Passphrase: ${message}` },
});

function day(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** A distinguished name as one line, CN first (`CN=…, O=…, C=…`). */
function distinguishedName(name: forge.pki.Certificate['subject']): string {
  const attributes = [...name.attributes].sort((a, b) =>
    a.shortName === 'CN' ? -1 : b.shortName === 'CN' ? 1 : 0,
  );
  return attributes
    .map(
      (attribute) =>
        `${attribute.shortName ?? attribute.name ?? attribute.type}=${attribute.value}`,
    )
    .join(', ');
}

/** The subject, issuer, validity and fingerprint of a certificate. */
export function certificateInfo(certificate: forge.pki.Certificate): SealCertificateInfo {
  const der = forge.asn1.toDer(forge.pki.certificateToAsn1(certificate)).getBytes();
  return {
    subject: distinguishedName(certificate.subject),
    issuer: distinguishedName(certificate.issuer),
    notBefore: certificate.validity.notBefore,
    notAfter: certificate.validity.notAfter,
    sha256: createHash('sha256').update(Buffer.from(der, 'binary')).digest('hex'),
    selfSigned: certificate.subject.hash === certificate.issuer.hash,
  };
}

/** The certificate that goes with the private key of a PKCS#12 the portal stored. */
export function sealCertificateOf(pkcs12: Uint8Array): SealCertificateInfo {
  const p12 = forge.pkcs12.pkcs12FromAsn1(
    forge.asn1.fromDer(Buffer.from(pkcs12).toString('binary')),
    SEAL_PASSPHRASE,
  );
  const keys = privateKeysOf(p12);
  const certificates = certificatesOf(p12);
  const certificate = keys[0] ? matchingCertificate(keys[0], certificates) : certificates[0];
  if (!certificate) throw new Error('The stored sealing PKCS#12 holds no certificate');
  return certificateInfo(certificate);
}

function privateKeysOf(p12: forge.pkcs12.Pkcs12Pfx): Array<forge.pki.rsa.PrivateKey | null> {
  const keys: Array<forge.pki.rsa.PrivateKey | null> = [];
  for (const bagType of [forge.pki.oids.pkcs8ShroudedKeyBag, forge.pki.oids.keyBag] as string[]) {
    for (const bag of p12.getBags({ bagType })[bagType] ?? []) {
      keys.push((bag.key as forge.pki.rsa.PrivateKey | undefined) ?? null);
    }
  }
  return keys;
}

function certificatesOf(p12: forge.pkcs12.Pkcs12Pfx): forge.pki.Certificate[] {
  const bagType = forge.pki.oids.certBag as string;
  return (p12.getBags({ bagType })[bagType] ?? [])
    .map((bag) => bag.cert)
    .filter((cert): cert is forge.pki.Certificate => Boolean(cert));
}

function matchingCertificate(
  key: forge.pki.rsa.PrivateKey | null,
  certificates: forge.pki.Certificate[],
): forge.pki.Certificate | undefined {
  if (!key) return undefined;
  return certificates.find((certificate) => {
    const publicKey = certificate.publicKey as forge.pki.rsa.PublicKey;
    return publicKey.n?.compareTo(key.n) === 0 && publicKey.e?.compareTo(key.e) === 0;
  });
}

/**
 * Checks a PKCS#12 (.p12, .pfx) a practice uploads to seal its PDFs with:
 * readable, opened by the passphrase, exactly one RSA private key of at
 * least 2048 bits, a certificate for that key that is valid now. Every
 * problem is returned as a message naming the field; nothing throws. The key
 * and certificates are re-packed under the portal's own passphrase, so the
 * practice's passphrase is never stored.
 */
export function readOwnSealCertificate(
  { file, passphrase }: { file: Uint8Array | null; passphrase: string },
  now = new Date(),
): OwnSealResult {
  if (!file || file.length === 0) {
    return certificateError('choose a .p12 or .pfx file (the one chosen is empty).');
  }
  if (file.length > SEAL_CERTIFICATE_MAX_BYTES) {
    return certificateError(
      `the file is ${Math.ceil(file.length / 1024)} KB; a certificate file is at most ${SEAL_CERTIFICATE_MAX_BYTES / 1024} KB.`,
    );
  }
  if (passphrase.length > MAX_PASSPHRASE_LENGTH) {
    return passphraseError(`at most ${MAX_PASSPHRASE_LENGTH} characters.`);
  }
  let asn1: forge.asn1.Asn1;
  try {
    asn1 = forge.asn1.fromDer(Buffer.from(file).toString('binary'));
  } catch {
    return certificateError('this is not a PKCS#12 (.p12 or .pfx) file.');
  }
  let p12: forge.pkcs12.Pkcs12Pfx;
  try {
    p12 = forge.pkcs12.pkcs12FromAsn1(asn1, false, passphrase);
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause);
    if (/password|mac could not be verified|decrypt/i.test(message)) {
      return passphraseError(
        passphrase === ''
          ? 'this file needs its passphrase.'
          : 'the passphrase does not open this file.',
      );
    }
    if (/OID is not RSA|public key/i.test(message)) {
      return certificateError('only RSA keys and certificates are supported.');
    }
    // A file without a MAC opened with the wrong passphrase decrypts to garbage.
    return certificateError(
      'this is not a PKCS#12 (.p12 or .pfx) file the portal can read, or its passphrase is wrong.',
    );
  }
  let keys: Array<forge.pki.rsa.PrivateKey | null>;
  let certificates: forge.pki.Certificate[];
  try {
    keys = privateKeysOf(p12);
    certificates = certificatesOf(p12);
  } catch {
    return certificateError('its keys or certificates could not be read.');
  }
  if (keys.length !== 1) {
    return certificateError(
      `the file holds ${keys.length} private keys; it must hold exactly one.`,
    );
  }
  const [key] = keys;
  if (!key?.n || !key.e) return certificateError('the private key is not an RSA key.');
  if (certificates.length === 0) return certificateError('the file holds no certificate.');
  const certificate = matchingCertificate(key, certificates);
  if (!certificate) {
    return certificateError('no certificate in the file matches its private key.');
  }
  const bits = key.n.bitLength();
  if (bits < MIN_SEAL_KEY_BITS) {
    return certificateError(
      `the RSA key is ${bits} bits; at least ${MIN_SEAL_KEY_BITS} are needed.`,
    );
  }
  const { notBefore, notAfter } = certificate.validity;
  if (now < notBefore) {
    return certificateError(`the certificate is not valid until ${day(notBefore)}.`);
  }
  if (now > notAfter) return certificateError(`the certificate expired on ${day(notAfter)}.`);
  const chain = certificates.filter((other) => other !== certificate);
  let pkcs12: Uint8Array;
  try {
    pkcs12 = Buffer.from(
      forge.asn1
        .toDer(
          forge.pkcs12.toPkcs12Asn1(key, [certificate, ...chain], SEAL_PASSPHRASE, {
            algorithm: 'aes256',
            friendlyName: 'Practice document seal',
          }),
        )
        .getBytes(),
      'binary',
    );
  } catch {
    return certificateError('its key and certificate could not be stored.');
  }
  const info = certificateInfo(certificate);
  return { ok: true, identity: { pkcs12, certificateSha256: info.sha256, info } };
}
