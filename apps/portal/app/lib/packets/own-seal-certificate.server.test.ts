import fc from 'fast-check';
import forge from 'node-forge';
import { describe, expect, it } from 'vitest';
import { testCertificate, testPkcs12, testRsaKey } from '../../test/certificates';
import { readOwnSealCertificate, sealCertificateOf } from './own-seal-certificate.server';
import { SEAL_PASSPHRASE } from './seal-key.server';

const PASSPHRASE = 'correct horse battery staple';
const DAY = 86_400_000;
const key = testRsaKey();
const otherKey = testRsaKey();
const certificate = testCertificate({ key, commonName: 'Riverside Seal 2026' });
const good = testPkcs12({ keys: [key], certificates: [certificate], passphrase: PASSPHRASE });

describe('reading a practice’s own PKCS#12', () => {
  it('accepts a valid file, re-packs it under the portal’s passphrase and describes it', () => {
    const read = readOwnSealCertificate({ file: good, passphrase: PASSPHRASE });
    if (!read.ok) throw new Error(JSON.stringify(read.fieldErrors));
    expect(read.identity.info.subject).toBe('CN=Riverside Seal 2026, O=Test Practice');
    expect(read.identity.info.selfSigned).toBe(true);
    expect(read.identity.certificateSha256).toMatch(/^[0-9a-f]{64}$/);
    // The stored copy opens with the portal's passphrase, not the practice's.
    expect(sealCertificateOf(read.identity.pkcs12).sha256).toBe(read.identity.certificateSha256);
    expect(() =>
      forge.pkcs12.pkcs12FromAsn1(
        forge.asn1.fromDer(Buffer.from(read.identity.pkcs12).toString('binary')),
        PASSPHRASE,
      ),
    ).toThrow();
    expect(SEAL_PASSPHRASE).not.toBe(PASSPHRASE);
  });

  it('keeps a CA-issued certificate’s chain and picks the certificate of the key', () => {
    const caKey = testRsaKey();
    const ca = testCertificate({ key: caKey, commonName: 'Test Root CA' });
    const issued = testCertificate({
      key,
      commonName: 'Riverside Issued Seal',
      issuer: { key: caKey, commonName: 'Test Root CA' },
    });
    const file = testPkcs12({ keys: [key], certificates: [ca, issued], passphrase: PASSPHRASE });
    const read = readOwnSealCertificate({ file, passphrase: PASSPHRASE });
    if (!read.ok) throw new Error(JSON.stringify(read.fieldErrors));
    expect(read.identity.info.subject).toContain('CN=Riverside Issued Seal');
    expect(read.identity.info.issuer).toContain('CN=Test Root CA');
    expect(read.identity.info.selfSigned).toBe(false);
    expect(sealCertificateOf(read.identity.pkcs12).subject).toContain('Riverside Issued Seal');
  });

  const now = Date.now();
  type Case = [string, () => Uint8Array | null, string, 'certificate' | 'passphrase', string];
  it.each<Case>([
    ['no file', () => null, PASSPHRASE, 'certificate', 'Certificate file: choose a .p12'],
    [
      'an empty file',
      () => new Uint8Array(),
      PASSPHRASE,
      'certificate',
      'Certificate file: choose',
    ],
    [
      'a garbage file',
      () => new TextEncoder().encode('this is not a certificate at all'),
      PASSPHRASE,
      'certificate',
      'Certificate file: this is not a PKCS#12',
    ],
    [
      'a file over 100 KB',
      () => new Uint8Array(101 * 1024).fill(0x30),
      PASSPHRASE,
      'certificate',
      'Certificate file: the file is 101 KB; a certificate file is at most 100 KB.',
    ],
    [
      'a wrong passphrase',
      () => good,
      'wrong',
      'passphrase',
      'Passphrase: the passphrase does not',
    ],
    ['no passphrase', () => good, '', 'passphrase', 'Passphrase: this file needs its passphrase.'],
    [
      'an overlong passphrase',
      () => good,
      'x'.repeat(1025),
      'passphrase',
      'Passphrase: at most 1024 characters.',
    ],
    [
      'two private keys',
      () =>
        testPkcs12({ keys: [key, otherKey], certificates: [certificate], passphrase: PASSPHRASE }),
      PASSPHRASE,
      'certificate',
      'Certificate file: the file holds 2 private keys; it must hold exactly one.',
    ],
    [
      'no private key',
      () => testPkcs12({ keys: [], certificates: [certificate], passphrase: PASSPHRASE }),
      PASSPHRASE,
      'certificate',
      'Certificate file: the file holds 0 private keys; it must hold exactly one.',
    ],
    [
      'a certificate of another key',
      () => testPkcs12({ keys: [otherKey], certificates: [certificate], passphrase: PASSPHRASE }),
      PASSPHRASE,
      'certificate',
      'Certificate file: no certificate in the file matches its private key.',
    ],
    [
      'a 1024-bit key',
      () => {
        const weak = testRsaKey(1024);
        return testPkcs12({
          keys: [weak],
          certificates: [testCertificate({ key: weak, commonName: 'Weak' })],
          passphrase: PASSPHRASE,
        });
      },
      PASSPHRASE,
      'certificate',
      'Certificate file: the RSA key is 1024 bits; at least 2048 are needed.',
    ],
    [
      'an expired certificate',
      () =>
        testPkcs12({
          keys: [key],
          certificates: [
            testCertificate({
              key,
              commonName: 'Old',
              notBefore: new Date(now - 400 * DAY),
              notAfter: new Date('2025-01-31T00:00:00Z'),
            }),
          ],
          passphrase: PASSPHRASE,
        }),
      PASSPHRASE,
      'certificate',
      'Certificate file: the certificate expired on 2025-01-31.',
    ],
    [
      'a certificate not yet valid',
      () =>
        testPkcs12({
          keys: [key],
          certificates: [
            testCertificate({
              key,
              commonName: 'Future',
              notBefore: new Date('2099-05-01T00:00:00Z'),
              notAfter: new Date('2100-01-01T00:00:00Z'),
            }),
          ],
          passphrase: PASSPHRASE,
        }),
      PASSPHRASE,
      'certificate',
      'Certificate file: the certificate is not valid until 2099-05-01.',
    ],
  ])('refuses %s, naming the field', (_name, file, passphrase, fieldName, message) => {
    const read = readOwnSealCertificate({ file: file(), passphrase });
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(Object.keys(read.fieldErrors)).toEqual([fieldName]);
    expect(read.fieldErrors[fieldName]).toContain(message);
  });

  it('never throws on arbitrary bytes or a damaged file', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 0, maxLength: 2048 }),
        fc.string({ maxLength: 40 }),
        (bytes, passphrase) => {
          const read = readOwnSealCertificate({ file: bytes, passphrase });
          expect(read.ok).toBe(false);
        },
      ),
      { numRuns: 200 },
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: good.length - 1 }),
        fc.integer({ min: 1, max: 255 }),
        (at, flip) => {
          const damaged = Uint8Array.from(good);
          damaged[at] = (damaged[at] ?? 0) ^ flip;
          const read = readOwnSealCertificate({ file: damaged, passphrase: PASSPHRASE });
          if (!read.ok) {
            const [message] = Object.values(read.fieldErrors);
            expect(message).toMatch(/^(Certificate file|Passphrase): /);
          }
        },
      ),
      { numRuns: 100 },
    );
  });
});
