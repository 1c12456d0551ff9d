import { generateKeyPairSync, randomBytes } from 'node:crypto';
import forge from 'node-forge';

/** An RSA key pair as node-forge objects, made by node:crypto (fast, native). */
export function testRsaKey(bits = 2048): forge.pki.rsa.PrivateKey {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: bits });
  return forge.pki.privateKeyFromPem(
    privateKey.export({ type: 'pkcs1', format: 'pem' }).toString(),
  ) as forge.pki.rsa.PrivateKey;
}

/** A certificate for `key`, signed by `issuerKey` (self-signed without it). */
export function testCertificate({
  key,
  commonName,
  issuer,
  notBefore = new Date(Date.now() - 86_400_000),
  notAfter = new Date(Date.now() + 365 * 86_400_000),
}: {
  key: forge.pki.rsa.PrivateKey;
  commonName: string;
  issuer?: { key: forge.pki.rsa.PrivateKey; commonName: string };
  notBefore?: Date;
  notAfter?: Date;
}): forge.pki.Certificate {
  const certificate = forge.pki.createCertificate();
  certificate.publicKey = forge.pki.setRsaPublicKey(key.n, key.e);
  certificate.serialNumber = `01${randomBytes(8).toString('hex')}`;
  certificate.validity.notBefore = notBefore;
  certificate.validity.notAfter = notAfter;
  certificate.setSubject([
    { name: 'commonName', value: commonName },
    { name: 'organizationName', value: 'Test Practice' },
  ]);
  certificate.setIssuer([
    { name: 'commonName', value: issuer?.commonName ?? commonName },
    { name: 'organizationName', value: 'Test Practice' },
  ]);
  certificate.sign(issuer?.key ?? key, forge.md.sha256.create());
  return certificate;
}

/**
 * A PKCS#12 file as a practice would upload it: `keys` and `certificates`
 * under `passphrase` (3DES, the most common export), DER bytes. With two
 * keys the second one's safe is spliced in (node-forge writes one key per
 * file), without a MAC.
 */
export function testPkcs12({
  keys,
  certificates,
  passphrase,
}: {
  keys: forge.pki.rsa.PrivateKey[];
  certificates: forge.pki.Certificate[];
  passphrase: string;
}): Uint8Array {
  const [first, second] = keys;
  const useMac = second === undefined;
  const pfx = forge.pkcs12.toPkcs12Asn1(first ?? null, certificates, passphrase, {
    algorithm: '3des',
    friendlyName: 'Practice seal',
    useMac,
  });
  if (second) {
    const own = testCertificate({ key: second, commonName: 'Second key' });
    const other = forge.pkcs12.toPkcs12Asn1(second, [own], passphrase, {
      algorithm: '3des',
      useMac: false,
    });
    const target = authenticatedSafe(pfx);
    const source = authenticatedSafe(other);
    (target.safe.value as forge.asn1.Asn1[]).push(...(source.safe.value as forge.asn1.Asn1[]));
    target.octets.value = forge.asn1.toDer(target.safe).getBytes();
  }
  return Buffer.from(forge.asn1.toDer(pfx).getBytes(), 'binary');
}

/** The AuthenticatedSafe of a PFX: its OCTET STRING and the parsed sequence of ContentInfos. */
function authenticatedSafe(pfx: forge.asn1.Asn1) {
  const contentInfo = (pfx.value as forge.asn1.Asn1[])[1] as forge.asn1.Asn1;
  const explicit = (contentInfo.value as forge.asn1.Asn1[])[1] as forge.asn1.Asn1;
  const octets = (explicit.value as forge.asn1.Asn1[])[0] as forge.asn1.Asn1;
  return { octets, safe: forge.asn1.fromDer(octets.value as string) };
}
