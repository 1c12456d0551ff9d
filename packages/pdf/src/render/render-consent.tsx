import { ROUTES, type Route, selectVariant } from '@groundwork/content';
import * as z from 'zod';
import { type BrandKitInput, fieldIssues, parseBrandKit } from '../brand/brand-kit.js';
import { ConsentDocument } from '../components/consent-document.js';
import { type DocumentInput, documentKey, resolveDocument } from './document-input.js';
import { fillDocument } from './fill-document.js';
import { RenderOptionsError } from '../errors.js';
import {
  parseCommonOptions,
  parseReviewLine,
  type RenderOptions,
  type ReviewLineOption,
} from './render-options.js';
import { bytesToStream, renderCached, runRender } from './render-pdf.js';

/** What {@link renderConsent} takes. */
export interface ConsentRenderOptions extends RenderOptions, ReviewLineOption {
  /** An informed-consent document from `@groundwork/content`, or its id (looked up in `locale`). */
  document: DocumentInput;
  /** The practice's brand kit. */
  brandKit: BrandKitInput;
  /** Routes the practice offers; only shared sections and these routes' sections are printed. Default: every route. */
  routes?: readonly Route[];
  /** Patient's name to print (never cached, never logged). */
  patientName?: string;
  /** Date to print on the form and date lines, such as `2026-11-21`. */
  date?: string;
  /** Clinician's name for `{{clinician.name}}`. */
  clinicianName?: string;
  /** Add fillable form fields for initials, names and dates. Default: true, or false when `pdfa` is set (PDF/A forbids unrendered form fields). */
  fillable?: boolean;
}

const ConsentFieldsSchema = z.object({
  routes: z
    .array(z.enum(ROUTES, { error: `must be one of ${ROUTES.join(', ')}` }))
    .min(1)
    .optional(),
  patientName: z.string().max(200).optional(),
  date: z.string().max(40).optional(),
  clinicianName: z.string().max(200).optional(),
  fillable: z.boolean().optional(),
});

/**
 * Renders an informed-consent form for the routes a practice offers, with
 * the practice's branding, initials boxes beside each acknowledgement,
 * signature blocks and (by default) fillable fields. A pre-filled patient
 * name or date is printed; such renders skip the cache so patient details are
 * never kept in memory.
 */
export async function renderConsent({
  document,
  brandKit,
  ...options
}: ConsentRenderOptions): Promise<Uint8Array> {
  const common = parseCommonOptions(options, 'renderConsent');
  const reviewLine = parseReviewLine(options, 'renderConsent');
  const parsedFields = ConsentFieldsSchema.safeParse(options);
  if (!parsedFields.success) {
    throw new RenderOptionsError('options for renderConsent', fieldIssues(parsedFields.error), {
      cause: parsedFields.error,
    });
  }
  const fields = parsedFields.data;
  const hasPatientData = Boolean(
    fields.patientName?.trim() || fields.date?.trim() || fields.clinicianName?.trim(),
  );
  const fillable = fields.fillable ?? !common.pdfa;
  const routes = fields.routes ?? ROUTES;
  const result = await renderCached({
    cache: options.cache,
    // Patient details are never kept in memory, so such renders skip the cache.
    keyParts: hasPatientData
      ? null
      : [
          'consent',
          documentKey(document, common.locale),
          [...routes].sort(),
          brandKit,
          common,
          fillable,
          reviewLine ?? null,
        ],
    produce: async () => {
      const resolved = resolveDocument(document, { locale: common.locale, kind: 'consent' });
      const variant = selectVariant(resolved, routes);
      const kit = parseBrandKit(brandKit);
      const filled = fillDocument({
        document: variant,
        brandKit: kit,
        extra: {
          ...(fields.patientName?.trim() ? { 'patient.name': fields.patientName } : {}),
          ...(fields.date?.trim() ? { date: fields.date } : {}),
          ...(fields.clinicianName?.trim() ? { 'clinician.name': fields.clinicianName } : {}),
        },
      });
      return runRender({
        what: `consent "${resolved.id}" (${resolved.locale}, routes ${variant.variant?.routes.join(', ')})`,
        tagged: common.tagged,
        brandKit: kit,
        locale: resolved.locale,
        paper: common.paper,
        extraWarnings: filled.warnings,
        privateText: hasPatientData,
        build: ({ theme, prepare }) => (
          <ConsentDocument
            document={prepare(filled.document)}
            theme={theme}
            pdfa={common.pdfa}
            reviewLine={reviewLine === undefined ? undefined : prepare(reviewLine)}
            fields={{
              fillable,
              ...(fields.patientName?.trim() ? { patientName: prepare(fields.patientName) } : {}),
              ...(fields.date?.trim() ? { date: prepare(fields.date) } : {}),
            }}
          />
        ),
      });
    },
  });
  options.onWarnings?.(result.warnings);
  return result.bytes;
}

/** {@link renderConsent} as a web ReadableStream, for server responses. */
export async function renderConsentStream(
  options: ConsentRenderOptions,
): Promise<ReadableStream<Uint8Array>> {
  return bytesToStream(await renderConsent(options));
}
