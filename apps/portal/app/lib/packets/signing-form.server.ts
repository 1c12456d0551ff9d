import type { Document } from '@groundwork/content';
import sharp from 'sharp';
import * as z from 'zod';
import { field } from '../forms.server';

/** Longest drawn signature accepted, as a data URL (about 250 KB of PNG). */
const MAX_SIGNATURE_DATA_URL = 350_000;

/** The acknowledgement blocks of a consent form: one initials box each, in order. */
export function acknowledgementIds(document: Document): string[] {
  return document.sections.flatMap((section) =>
    section.blocks.filter((block) => block.type === 'acknowledgement').map((block) => block.id),
  );
}

const InitialsSchema = z
  .string()
  .trim()
  .min(1, 'Type your initials.')
  .max(6, 'Use at most 6 characters.')
  .regex(/^[\p{L}\p{M}.\- ]+$/u, 'Use letters only.');

/** The consent signing form, before the drawn signature is checked. */
export const SigningFormSchema = z.object({
  contentSha256: z.string().regex(/^[0-9a-f]{64}$/, 'The form is incomplete. Reload the page.'),
  initials: z.record(z.string(), InitialsSchema),
  agreeElectronic: z.literal('yes', {
    error: 'Tick the box to agree to sign electronically, or ask the practice for paper.',
  }),
  signerName: z
    .string()
    .trim()
    .min(1, 'Type your full name.')
    .max(120, 'Use at most 120 characters.'),
  signatureMethod: z.enum(['drawn', 'typed'], { error: 'Choose how to sign.' }),
  signatureImage: z.string().max(MAX_SIGNATURE_DATA_URL, 'The drawn signature is too large.'),
});

/** A signing form that passed every check, the drawn signature as a clean PNG. */
export interface SigningForm {
  contentSha256: string;
  initials: Record<string, string>;
  signerName: string;
  method: 'drawn' | 'typed';
  image: Uint8Array | null;
}

/**
 * Parses a consent signing form for `document`: initials for exactly its
 * acknowledgements, the agreement to sign electronically, the typed name and
 * either a drawn signature (a real, non-empty PNG, re-encoded without
 * metadata) or the typed name as signature. Errors are keyed by field.
 */
export async function parseSigningForm(
  formData: FormData,
  document: Document,
): Promise<{ ok: true; form: SigningForm } | { ok: false; fieldErrors: Record<string, string> }> {
  const ids = acknowledgementIds(document);
  const initials: Record<string, string> = {};
  for (const id of ids) initials[id] = field(formData, `initials.${id}`);
  const parsed = SigningFormSchema.safeParse({
    contentSha256: field(formData, 'contentSha256'),
    initials,
    agreeElectronic: field(formData, 'agreeElectronic'),
    signerName: field(formData, 'signerName'),
    signatureMethod: field(formData, 'signatureMethod') || 'typed',
    signatureImage: field(formData, 'signatureImage'),
  });
  const fieldErrors: Record<string, string> = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const [first, second] = issue.path;
      const key = first === 'initials' ? `initials.${String(second)}` : String(first ?? 'form');
      fieldErrors[key] ??= issue.message;
    }
  }
  // Initials for blocks this form does not have mean the form was changed.
  const unknown = [...formData.keys()].filter(
    (key) => key.startsWith('initials.') && !ids.includes(key.slice('initials.'.length)),
  );
  if (unknown.length > 0)
    fieldErrors.form = 'The form does not match this document. Reload the page.';
  if (!parsed.success || Object.keys(fieldErrors).length > 0) return { ok: false, fieldErrors };
  let image: Uint8Array | null = null;
  if (parsed.data.signatureMethod === 'drawn') {
    const drawn = await drawnSignature(parsed.data.signatureImage);
    if (!drawn.ok) return { ok: false, fieldErrors: { signatureImage: drawn.error } };
    image = drawn.png;
  }
  return {
    ok: true,
    form: {
      contentSha256: parsed.data.contentSha256,
      initials: parsed.data.initials,
      signerName: parsed.data.signerName,
      method: parsed.data.signatureMethod,
      image,
    },
  };
}

/** A drawn signature from a `data:image/png;base64,` URL: decoded, checked for ink, re-encoded. */
export async function drawnSignature(
  dataUrl: string,
): Promise<{ ok: true; png: Uint8Array } | { ok: false; error: string }> {
  const prefix = 'data:image/png;base64,';
  if (!dataUrl.startsWith(prefix)) {
    return { ok: false, error: 'Draw your signature in the box, or choose to type it instead.' };
  }
  try {
    const bytes = Buffer.from(dataUrl.slice(prefix.length), 'base64');
    const image = sharp(bytes, { limitInputPixels: 4000 * 2000 });
    const meta = await image.metadata();
    if (
      meta.format !== 'png' ||
      !meta.width ||
      !meta.height ||
      meta.width > 4000 ||
      meta.height > 2000
    ) {
      return { ok: false, error: 'The drawn signature could not be read. Draw it again.' };
    }
    const stats = await image.stats();
    const alpha = stats.channels[3];
    const inked = stats.isOpaque
      ? stats.channels.slice(0, 3).some((channel) => channel.min < 160)
      : Boolean(alpha && alpha.max > 0);
    if (!inked) return { ok: false, error: 'The signature box is empty. Draw your signature.' };
    const png = await sharp(bytes)
      .resize({ width: 1200, height: 400, fit: 'inside', withoutEnlargement: true })
      .png()
      .toBuffer();
    return { ok: true, png: new Uint8Array(png) };
  } catch {
    return { ok: false, error: 'The drawn signature could not be read. Draw it again.' };
  }
}
