import * as z from 'zod';
import { field, parseForm } from '../forms.server';

const SignoffSchema = z.object({
  signerName: z
    .string()
    .trim()
    .min(1, 'Enter your name as it should print on the documents.')
    .max(120, 'Keep the name to 120 characters.'),
  signerCredentials: z
    .string()
    .trim()
    .min(1, 'Enter your credentials, for example MD or DO, PMHNP-BC.')
    .max(80, 'Keep the credentials to 80 characters.'),
  version: z.string().min(1, 'The form lost the document version. Reload the page.'),
  confirm: z.literal('yes', {
    error: 'Tick the box to confirm that you reviewed this version for the practice.',
  }),
});

/** Parses the sign-off form: name and credentials as typed, the version read, the confirmation. */
export function parseSignoff(formData: FormData) {
  return parseForm(SignoffSchema, formData, {
    signerName: field(formData, 'signerName'),
    signerCredentials: field(formData, 'signerCredentials'),
    version: field(formData, 'version'),
    confirm: field(formData, 'confirm'),
  });
}
