import { data } from '@remix-run/node';
import type * as z from 'zod';

/** A form that failed validation: one message per field, and what the user typed (minus passwords). */
export interface FormFailure {
  fieldErrors: Record<string, string>;
  values: Record<string, string | string[]>;
  formError?: string;
}

const NEVER_ECHOED = /password|token/i;

/** The submitted values worth echoing back into the form (never passwords or tokens). */
export function echoValues(formData: FormData): Record<string, string | string[]> {
  const values: Record<string, string | string[]> = {};
  for (const key of new Set(formData.keys())) {
    if (NEVER_ECHOED.test(key)) continue;
    const all = formData.getAll(key).filter((value): value is string => typeof value === 'string');
    values[key] = all.length === 1 ? (all[0] ?? '') : all;
  }
  return values;
}

/**
 * Parses a form post with a zod schema: typed data, or errors keyed by field
 * name (the first message per field) plus the echoed values.
 */
export function parseForm<Schema extends z.ZodType>(
  schema: Schema,
  formData: FormData,
  input: Record<string, unknown>,
): { ok: true; data: z.infer<Schema> } | ({ ok: false } & FormFailure) {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, data: result.data };
  const fieldErrors: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? 'form');
    fieldErrors[field] ??= issue.message;
  }
  return { ok: false, fieldErrors, values: echoValues(formData) };
}

/** Reads a single text field from a form (absent → empty string). */
export function field(formData: FormData, name: string): string {
  const value = formData.get(name);
  return typeof value === 'string' ? value : '';
}

/**
 * Reads a form post. A body the browser could not have sent (a broken
 * multipart body, say) is the client's mistake: a 400 with a message, not a
 * 500. Use it instead of `request.formData()` in every action.
 */
export async function readForm(request: Request): Promise<FormData> {
  try {
    return await request.formData();
  } catch (cause) {
    // Cut off by the body limit or the client went away: nobody reads this answer.
    if (request.signal.aborted) throw cause;
    throw data('Bad request: the form could not be read. Reload the page and try again.', {
      status: 400,
    });
  }
}
