import {
  MaxPartSizeExceededError,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
} from '@remix-run/node';
import { BrandKitSchema, checkTextColour } from '@groundwork/pdf/brand';
import type { StoredBrandKit } from '../../db/schema.server';
import { echoValues, type FormFailure } from '../forms.server';
import { brandFormValues, brandKitInputFromForm, fieldForIssuePath } from './brand-form';
import type { LogoChange } from './brand-kit.server';
import { LogoError, processLogo } from './logo.server';
import { BRAND_FORM_MAX_BYTES, LOGO_MAX_BYTES } from './upload-limits';

/** A brand-kit form that passed validation, ready for `saveBrandKit`. */
export interface ParsedBrandForm {
  settings: StoredBrandKit;
  logo: LogoChange;
}

function failure(formData: FormData | undefined, fieldErrors: Record<string, string>): FormFailure {
  return { fieldErrors, values: formData ? echoValues(formData) : {} };
}

/**
 * Reads and validates a brand-kit form post: the logo is size-limited while
 * streaming, checked and re-encoded (logo.server), and everything is then
 * validated by @groundwork/pdf's full brand-kit schema plus its WCAG AA
 * contrast check for both colours.
 */
export async function parseBrandForm(
  request: Request,
  practiceName: string,
): Promise<{ ok: true; data: ParsedBrandForm } | ({ ok: false; status: number } & FormFailure)> {
  const declaredLength = Number(request.headers.get('Content-Length') ?? '0');
  if (declaredLength > BRAND_FORM_MAX_BYTES) {
    return {
      ok: false,
      status: 413,
      ...failure(undefined, {
        logo: `The upload is too large; the logo may be at most ${LOGO_MAX_BYTES / (1024 * 1024)} MB.`,
      }),
    };
  }

  let formData: FormData;
  const multipart = (request.headers.get('Content-Type') ?? '').startsWith('multipart/form-data');
  try {
    // Without a file input (or without JavaScript-free file support) the form
    // arrives urlencoded; its size was bounded by the Content-Length check.
    formData = multipart
      ? await unstable_parseMultipartFormData(
          request,
          unstable_createMemoryUploadHandler({ maxPartSize: LOGO_MAX_BYTES }),
        )
      : await request.formData();
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) {
      return {
        ok: false,
        status: 413,
        ...failure(undefined, {
          logo: `The logo is larger than the ${LOGO_MAX_BYTES / (1024 * 1024)} MB limit.`,
        }),
      };
    }
    return {
      ok: false,
      status: 400,
      ...failure(undefined, { form: 'The form could not be read; please try again.' }),
    };
  }

  const fieldErrors: Record<string, string> = {};
  let logo: LogoChange = { kind: 'keep' };
  const upload = formData.get('logo');
  if (formData.get('removeLogo') === 'on') {
    logo = { kind: 'remove' };
  } else if (upload instanceof Blob && upload.size > 0) {
    try {
      logo = {
        kind: 'replace',
        logo: await processLogo(new Uint8Array(await upload.arrayBuffer())),
      };
    } catch (error) {
      if (!(error instanceof LogoError)) throw error;
      fieldErrors.logo = error.message;
    }
  }

  const values = brandFormValues(formData);
  const input = brandKitInputFromForm(values, practiceName);
  const parsed = BrandKitSchema.safeParse(
    logo.kind === 'replace' ? { ...input, logo: logo.logo.bytes } : input,
  );
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = fieldForIssuePath(issue.path);
      fieldErrors[field] ??= issue.message;
    }
  } else {
    // Strict contrast, as BrandKitStrictSchema does, checked only once the
    // colours are known to be valid hex (the owner can fix it right away).
    for (const [key, field, label] of [
      ['primary', 'primaryColor', 'primary colour'],
      ['accent', 'accentColor', 'accent colour'],
    ] as const) {
      const check = checkTextColour(parsed.data.colours[key], label);
      if (!check.passes && check.message) fieldErrors[field] ??= check.message;
    }
  }
  if (!parsed.success || Object.keys(fieldErrors).length > 0) {
    return { ok: false, status: 400, ...failure(formData, fieldErrors) };
  }
  const kit = parsed.data;
  return {
    ok: true,
    data: {
      settings: {
        colours: kit.colours,
        typeface: kit.typeface,
        practice: {
          address: kit.practice.address,
          phone: kit.practice.phone,
          emergencyPhone: kit.practice.emergencyPhone,
          website: kit.practice.website,
        },
        footerNote: kit.footerNote,
      },
      logo,
    },
  };
}
