import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib';
import { P12Signer } from '@signpdf/signer-p12';
import { SignPdf } from '@signpdf/signpdf';
import { PDFDocument } from 'pdf-lib';
import { SEAL_PASSPHRASE } from './seal-key.server';

/** Least room for the PKCS#7 signature (certificate included), in bytes. */
const SIGNATURE_LENGTH = 8192;

/**
 * Seals a PDF with a PKCS#7 detached digital signature (adbe.pkcs7.detached)
 * over the whole file, made with the practice's key: any later change to a
 * byte outside the signature breaks it (pdfsig and PDF readers say so).
 */
export async function sealPdf(
  pdf: Uint8Array,
  {
    pkcs12,
    practiceName,
    reason,
    signingTime = new Date(),
  }: { pkcs12: Uint8Array; practiceName: string; reason: string; signingTime?: Date },
): Promise<Uint8Array> {
  const document = await PDFDocument.load(pdf);
  pdflibAddPlaceholder({
    pdfDoc: document,
    reason,
    contactInfo: '',
    name: `${practiceName} document seal`,
    location: practiceName,
    signingTime,
    // An uploaded PKCS#12 may carry a chain: the signature holds every certificate in it.
    signatureLength: Math.max(SIGNATURE_LENGTH, pkcs12.length + 4096),
    appName: 'Groundwork',
  });
  const withPlaceholder = Buffer.from(await document.save({ useObjectStreams: false }));
  const signer = new P12Signer(Buffer.from(pkcs12), { passphrase: SEAL_PASSPHRASE });
  const sealed = await new SignPdf().sign(withPlaceholder, signer, signingTime);
  return new Uint8Array(sealed);
}
