import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import forge from 'node-forge';
import { afterAll, describe, expect, it } from 'vitest';
import { SEAL_PASSPHRASE, generateSealIdentity } from './seal-key.server';
import { sealPdf } from './seal-pdf.server';

const dir = mkdtempSync(join(tmpdir(), 'groundwork-seal-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** pdfsig's report of a PDF's signatures, and whether it exited cleanly. */
function pdfsig(bytes: Uint8Array, name: string): { output: string; status: number } {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  try {
    return { output: execFileSync('pdfsig', [file], { encoding: 'utf8' }), status: 0 };
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string; status?: number };
    return { output: `${failed.stdout ?? ''}${failed.stderr ?? ''}`, status: failed.status ?? 1 };
  }
}

async function samplePdf() {
  const document = await PDFDocument.create();
  const font = await document.embedFont(StandardFonts.Helvetica);
  document.addPage().drawText('I agree to ketamine treatment.', { x: 50, y: 700, font, size: 14 });
  document.addPage().drawText('Signature certificate', { x: 50, y: 700, font, size: 14 });
  return document.save({ useObjectStreams: false });
}

const identity = generateSealIdentity('Seal Test Clinic');

describe('the practice seal', () => {
  it('is a self-signed certificate for document signing, in a PKCS#12 the signer can open', () => {
    const p12 = forge.pkcs12.pkcs12FromAsn1(
      forge.asn1.fromDer(Buffer.from(identity.pkcs12).toString('binary')),
      SEAL_PASSPHRASE,
    );
    const certBag = forge.pki.oids.certBag as string;
    const [bag] = p12.getBags({ bagType: certBag })[certBag] ?? [];
    const certificate = bag?.cert;
    expect(certificate?.subject.getField('CN')?.value).toBe('Seal Test Clinic document seal');
    expect(certificate?.issuer.getField('CN')?.value).toBe('Seal Test Clinic document seal');
    expect(certificate?.getExtension('keyUsage')).toMatchObject({
      digitalSignature: true,
      nonRepudiation: true,
    });
    expect(identity.certificateSha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('signs the whole PDF so that pdfsig verifies it, and one changed byte breaks it', async () => {
    const sealed = await sealPdf(await samplePdf(), {
      pkcs12: identity.pkcs12,
      practiceName: 'Seal Test Clinic',
      reason: 'Signed informed consent',
    });
    const good = pdfsig(sealed, 'sealed.pdf');
    expect(good.output).toContain('Signature Validation: Signature is Valid.');
    expect(good.output).toContain('Seal Test Clinic document seal');
    expect(good.output).toMatch(/Total document signed/);

    // Change one byte of the page content (outside the signature itself).
    const text = Buffer.from(sealed).toString('latin1');
    const at =
      text.indexOf('ketamine') >= 0 ? text.indexOf('ketamine') : text.indexOf('/Type /Page');
    expect(at).toBeGreaterThan(0);
    const tampered = Uint8Array.from(sealed);
    tampered[at + 2] = (tampered[at + 2] ?? 0) ^ 0x01;
    const bad = pdfsig(tampered, 'tampered.pdf');
    expect(bad.output).not.toContain('Signature is Valid.');
    expect(bad.output).toMatch(/Digest Mismatch|Signature is Invalid/);
  }, 60_000);
});
