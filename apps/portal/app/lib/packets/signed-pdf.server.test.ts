import { GROUNDWORK_BRAND_KIT } from '@groundwork/pdf';
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { formFieldCount, pdfText } from '../documents/page-image.server';
import { signedConsentPdf } from './signed-pdf.server';

const signedAt = new Date('2026-11-21T15:04:05Z');

async function inkPng() {
  return new Uint8Array(
    await sharp({
      create: { width: 600, height: 200, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } },
    })
      .composite([
        {
          input: Buffer.from(
            '<svg xmlns="http://www.w3.org/2000/svg" width="600" height="200"><path d="M20 150 C 120 20, 220 180, 580 40" stroke="#000" stroke-width="8" fill="none"/></svg>',
          ),
        },
      ])
      .png()
      .toBuffer(),
  );
}

describe('the signed consent PDF', () => {
  it('prints the patient, draws initials, dates and signatures in place, keeps no fields and appends the certificate', async () => {
    const pdf = await signedConsentPdf({
      brandKit: GROUNDWORK_BRAND_KIT,
      locale: 'en',
      routes: ['iv'],
      patientName: 'Marguerite Okonkwo-Lindqvist',
      initials: { 'about-this-form.3': 'MOL', 'risks.7': 'MOL', 'privacy.3': 'ŁŻ' },
      signatures: [
        {
          party: 'patient',
          name: 'Marguerite Okonkwo-Lindqvist',
          method: 'drawn',
          image: await inkPng(),
          signedAt,
        },
        {
          party: 'clinician',
          name: 'Dr Aurelio Pemberton',
          method: 'typed',
          image: null,
          signedAt: new Date('2026-11-22T09:00:00Z'),
        },
      ],
      certificate: {
        practiceName: 'Certificate Clinic',
        packetId: '00000000-0000-4000-8000-00000000abcd',
        document: {
          id: 'informed-consent',
          version: '1.0.0',
          title: 'Informed consent',
          locale: 'en',
          routes: ['iv'],
        },
        contentSha256: 'c'.repeat(64),
        signers: [
          {
            party: 'patient',
            name: 'Marguerite Okonkwo-Lindqvist',
            method: 'drawn',
            electronicConsentAt: signedAt,
            signedAt,
            ipAddress: '198.51.100.77',
            userAgent: 'Mozilla/5.0 (iPhone) Test',
          },
        ],
        events: [{ at: signedAt, type: 'signed', who: 'Patient', ipAddress: '198.51.100.77' }],
      },
    });
    const { text, pages } = await pdfText(pdf);
    expect(text).toContain('Marguerite Okonkwo-Lindqvist');
    expect(text).toContain('MOL');
    expect(text).toContain('2026-11-21');
    expect(text).toContain('Dr Aurelio Pemberton');
    expect(text).toContain('2026-11-22');
    expect(text).toContain('Signature certificate');
    expect(text).toContain('198.51.100.77');
    expect(text).toContain('c'.repeat(64));
    expect(text).toContain('Mozilla/5.0 (iPhone) Test');
    expect(await formFieldCount(pdf)).toBe(0);
    const loaded = await PDFDocument.load(pdf);
    expect(loaded.getPageCount()).toBe(pages);
    expect(pages).toBeGreaterThan(7);
  }, 60_000);
});
