import type { Locale, Route } from '@groundwork/content';
import { renderHandout } from '@groundwork/pdf';
import type { BrandKitInput } from '@groundwork/pdf/brand';
import { createCanvas } from '@napi-rs/canvas';
import {
  PDFDict,
  PDFDocument,
  type PDFFont,
  PDFName,
  type PDFPage,
  StandardFonts,
  rgb,
} from 'pdf-lib';
import { sha256Hex } from '../crypto.server';
import { renderPdf } from '../documents/pdf-renderer.server';
import { type CertificateInput, certificateDocument } from './signature-certificate';

/** A box on a page, in PDF points from the bottom left. */
interface Box {
  page: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** One signature to draw in place. */
export interface PlacedSignature {
  party: 'patient' | 'clinician' | 'witness';
  name: string;
  method: 'drawn' | 'typed';
  /** The drawn signature (PNG); null for a typed one. */
  image: Uint8Array | null;
  signedAt: Date;
}

/** What the signed consent PDF is made from. */
export interface SignedConsentInput {
  brandKit: BrandKitInput;
  locale: Locale;
  routes: Route[];
  patientName: string;
  initials: Record<string, string>;
  signatures: PlacedSignature[];
  certificate: Omit<CertificateInput, 'signedFormSha256'>;
}

/** Where each form field of a consent PDF sits. */
async function fieldBoxes(doc: PDFDocument): Promise<Map<string, Box>> {
  const pages = doc.getPages();
  const boxes = new Map<string, Box>();
  for (const field of doc.getForm().getFields()) {
    const [widget] = field.acroField.getWidgets();
    if (!widget) continue;
    const page = pages.findIndex((candidate) =>
      (candidate.node.Annots()?.asArray() ?? []).some(
        (ref) => doc.context.lookup(ref) === widget.dict,
      ),
    );
    if (page < 0) continue;
    boxes.set(field.getName(), { page, ...widget.getRectangle() });
  }
  return boxes;
}

/**
 * Draws text in a box: with a standard PDF font when it can encode every
 * character (the text stays searchable), else as an image rendered with the
 * system's fonts (names in scripts Helvetica lacks).
 */
async function drawText(
  doc: PDFDocument,
  page: PDFPage,
  value: string,
  box: Box,
  { font, size }: { font: PDFFont; size: number },
): Promise<void> {
  let encodable = true;
  try {
    font.encodeText(value);
  } catch {
    encodable = false;
  }
  if (encodable) {
    const fitted = Math.min(size, (box.width - 4) / Math.max(font.widthOfTextAtSize(value, 1), 1));
    page.drawText(value, {
      x: box.x + 2,
      y: box.y + Math.max(2, (box.height - fitted) / 2),
      size: fitted,
      font,
      color: rgb(0.05, 0.1, 0.3),
    });
    return;
  }
  const scale = 4;
  const canvas = createCanvas(Math.ceil(box.width * scale), Math.ceil(box.height * scale));
  const context = canvas.getContext('2d');
  context.fillStyle = '#0d1a4d';
  context.textBaseline = 'middle';
  let pixels = size * scale;
  context.font = `${pixels}px sans-serif`;
  const measured = context.measureText(value).width;
  if (measured > canvas.width - 8) {
    pixels = (pixels * (canvas.width - 8)) / measured;
    context.font = `${pixels}px sans-serif`;
  }
  context.fillText(value, 4, canvas.height / 2);
  const image = await doc.embedPng(canvas.toBuffer('image/png'));
  page.drawImage(image, { x: box.x, y: box.y, width: box.width, height: box.height });
}

/** Removes every form field and its widget, so nothing in the signed form can be filled in later. */
function removeFormFields(doc: PDFDocument): void {
  const widget = PDFName.of('Widget');
  for (const page of doc.getPages()) {
    const annots = page.node.Annots();
    if (!annots) continue;
    const kept = annots
      .asArray()
      .filter((ref) => doc.context.lookup(ref, PDFDict).get(PDFName.of('Subtype')) !== widget);
    page.node.set(PDFName.of('Annots'), doc.context.obj(kept));
  }
  doc.catalog.delete(PDFName.of('AcroForm'));
}

/** The signature line of a party: left of its date field, as wide as the printed-name line. */
function signatureBox(boxes: Map<string, Box>, party: string): Box | undefined {
  const date = [...boxes.entries()].find(([name]) => name.startsWith(`${party}-date-`))?.[1];
  const left = [...boxes.entries()].find(([name]) => /-name-/.test(name))?.[1];
  if (!date || !left) return undefined;
  return {
    page: date.page,
    x: left.x,
    y: date.y,
    width: date.x - 14 - left.x,
    height: date.height + 6,
  };
}

/**
 * The signed consent form: @groundwork/pdf's consent (patient name printed,
 * fillable boxes kept to find where things go), the initials, dates, names
 * and signatures drawn in place, every form field removed, and the signature
 * certificate appended. Not yet digitally sealed.
 */
export async function signedConsentPdf(input: SignedConsentInput): Promise<Uint8Array> {
  const rendered = await renderPdf({
    kind: 'consent',
    locale: input.locale,
    paper: 'LETTER',
    brandKit: input.brandKit,
    routes: input.routes,
    patientName: input.patientName,
  });
  const doc = await PDFDocument.load(rendered);
  const pages = doc.getPages();
  const boxes = await fieldBoxes(doc);
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const script = await doc.embedFont(StandardFonts.HelveticaOblique);
  const at = (box: Box) => pages[box.page] as PDFPage;

  for (const [blockId, value] of Object.entries(input.initials)) {
    const box = boxes.get(`initials-${blockId}`);
    if (box) await drawText(doc, at(box), value, box, { font: script, size: 13 });
  }
  const patient = input.signatures.find((signature) => signature.party === 'patient');
  const formDate = boxes.get('form-date');
  if (patient && formDate) {
    await drawText(doc, at(formDate), patient.signedAt.toISOString().slice(0, 10), formDate, {
      font: regular,
      size: 10.5,
    });
  }
  for (const signature of input.signatures) {
    const day = signature.signedAt.toISOString().slice(0, 10);
    for (const [name, box] of boxes) {
      if (name.startsWith(`${signature.party}-date-`)) {
        await drawText(doc, at(box), day, box, { font: regular, size: 10.5 });
      }
      if (signature.party !== 'patient' && name.startsWith(`${signature.party}-name-`)) {
        await drawText(doc, at(box), signature.name, box, { font: regular, size: 10.5 });
      }
    }
    const line = signatureBox(boxes, signature.party);
    if (!line) continue;
    if (signature.image) {
      const image = await doc.embedPng(signature.image);
      const scale = Math.min(line.width / image.width, (line.height + 10) / image.height);
      at(line).drawImage(image, {
        x: line.x + 2,
        y: line.y,
        width: image.width * scale,
        height: image.height * scale,
      });
    } else {
      await drawText(doc, at(line), signature.name, line, { font: script, size: 16 });
    }
  }
  removeFormFields(doc);
  const signedForm = await doc.save({ useObjectStreams: false });

  const certificate = await renderHandout({
    document: certificateDocument({
      ...input.certificate,
      signedFormSha256: sha256Hex(signedForm),
    }),
    brandKit: input.brandKit,
    locale: 'en',
    paper: 'LETTER',
  });
  const whole = await PDFDocument.load(signedForm);
  const certificatePdf = await PDFDocument.load(certificate);
  for (const page of await whole.copyPages(certificatePdf, certificatePdf.getPageIndices())) {
    whole.addPage(page);
  }
  return whole.save({ useObjectStreams: false });
}
