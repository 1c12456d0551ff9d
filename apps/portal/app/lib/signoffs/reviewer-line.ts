import type { Locale } from '@groundwork/content';

/** A medical director's sign-off as the reviewer line needs it. */
export interface SignoffSummary {
  documentVersion: string;
  signerName: string;
  signerCredentials: string;
  /** ISO date (`YYYY-MM-DD`, UTC) of the sign-off. */
  signedOn: string;
}

/** Where a document stands with the practice's medical director. */
export type SignoffStatus = 'signed-off' | 'outdated' | 'not-signed-off';

/** Whether the latest sign-off covers this version, an earlier one, or there is none. */
export function signoffStatus(
  version: string,
  signoff: SignoffSummary | null | undefined,
): SignoffStatus {
  if (!signoff) return 'not-signed-off';
  return signoff.documentVersion === version ? 'signed-off' : 'outdated';
}

const words = {
  en: {
    signedOff: (input: LineInput, signoff: SignoffSummary) =>
      `Reviewed for ${input.practiceName} by ${signoff.signerName}, ${signoff.signerCredentials}, medical director, on ${signoff.signedOn} (content reviewed by ${input.reviewer}, ${input.reviewedAt}).`,
    content: (input: LineInput) => `Content reviewed by ${input.reviewer}, ${input.reviewedAt}.`,
    notYet: (input: LineInput) => `Not yet reviewed by ${input.practiceName}’s medical director.`,
    outdated: (input: LineInput, signoff: SignoffSummary) =>
      `${input.practiceName}’s medical director signed off version ${signoff.documentVersion} on ${signoff.signedOn}; this version (${input.version}) needs a new sign-off.`,
  },
  es: {
    signedOff: (input: LineInput, signoff: SignoffSummary) =>
      `Revisado para ${input.practiceName} por ${signoff.signerName}, ${signoff.signerCredentials}, director/a médico/a, el ${signoff.signedOn} (contenido revisado por ${input.reviewer}, ${input.reviewedAt}).`,
    content: (input: LineInput) => `Contenido revisado por ${input.reviewer}, ${input.reviewedAt}.`,
    notYet: (input: LineInput) =>
      `Aún no revisado por la dirección médica de ${input.practiceName}.`,
    outdated: (input: LineInput, signoff: SignoffSummary) =>
      `La dirección médica de ${input.practiceName} aprobó la versión ${signoff.documentVersion} el ${signoff.signedOn}; esta versión (${input.version}) necesita una nueva aprobación.`,
  },
} as const;

/** What the reviewer line is composed from. */
export interface LineInput {
  practiceName: string;
  /** The document's content version, reviewer and review date (from @groundwork/content). */
  version: string;
  reviewer: string;
  reviewedAt: string;
  locale: Locale;
}

/**
 * The reviewer line every document the portal shows or prints carries: who
 * reviewed it for the practice once the medical director has signed this
 * version off, and until then plainly what review it had.
 */
export function reviewerLine(input: LineInput, signoff: SignoffSummary | null | undefined): string {
  const text = words[input.locale] ?? words.en;
  const status = signoffStatus(input.version, signoff);
  if (status === 'signed-off' && signoff) return text.signedOff(input, signoff);
  if (status === 'outdated' && signoff)
    return `${text.content(input)} ${text.outdated(input, signoff)}`;
  return `${text.content(input)} ${text.notYet(input)}`;
}
