import { type Locale, type Ruleset, type ScreeningResult, explain } from '@groundwork/eligibility';

/** A citation shown for a reference id (resolved on the server from @groundwork/content). */
export interface CitationEntry {
  citation: string;
  url?: string;
}

/** The result with every finding's references carrying their citation and link. */
export function withCitations(
  result: ScreeningResult,
  citations: Readonly<Record<string, CitationEntry>>,
): ScreeningResult {
  return {
    ...result,
    findings: result.findings.map((finding) => ({
      ...finding,
      references: finding.references.map((reference) => {
        const known = citations[reference.id];
        return {
          ...reference,
          citation: reference.citation ?? known?.citation,
          url: reference.url ?? known?.url,
        };
      }),
    })),
  };
}

/** The practice's brand as the summary prints it (from the brand kit, loaded with the page). */
export interface SummaryBrand {
  practiceName: string;
  /** The brand's primary colour, `#RRGGBB`. */
  primaryColour: string;
  /** Address, phone, emergency phone, website: printed in this order under the name. */
  contact: string[];
  /** The practice's stored logo (the brand kit keeps PNG or JPEG only). */
  logo?: { bytes: Uint8Array; mimeType: string } | undefined;
}

const words = {
  en: {
    title: 'Screening summary',
    generated: 'Generated',
    ruleset: 'Ruleset',
    version: (revision: number) =>
      revision === 0 ? 'default rules, not customised' : `practice rules version ${revision}`,
    noIdentity:
      'This summary holds no patient name or identifier. Add it to the patient record only through your practice’s record system.',
    reviewer: 'Reviewed by (licensed clinician): ______________________   Date: ____________',
  },
  es: {
    title: 'Resumen de la evaluación',
    generated: 'Generado',
    ruleset: 'Conjunto de reglas',
    version: (revision: number) =>
      revision === 0
        ? 'reglas predeterminadas, sin cambios'
        : `versión ${revision} de las reglas de la práctica`,
    noIdentity:
      'Este resumen no contiene el nombre ni ningún identificador del paciente. Añádalo a la historia clínica solo a través del sistema de registros de su práctica.',
    reviewer:
      'Revisado por (profesional clínico con licencia): ______________________   Fecha: ____________',
  },
} as const;

/**
 * The downloadable summary: the practice's letterhead, heading facts (the
 * ruleset and its version said once), the package's plain-language
 * explanation (with citations) and a reviewer line.
 */
export function screeningSummary(input: {
  result: ScreeningResult;
  ruleset: Ruleset;
  locale: Locale;
  citations: Readonly<Record<string, CitationEntry>>;
  revision: number;
  brand: SummaryBrand;
  generatedAt: Date;
}): { title: string; lines: string[]; brand: SummaryBrand } {
  const text = words[input.locale];
  const { id, version } = input.result.ruleset;
  const explained = explain(
    withCitations(input.result, input.citations),
    input.locale,
    input.ruleset,
  )
    .split('\n')
    // explain() names the ruleset too; the heading below says it once, with the practice version.
    .filter((line) => !line.endsWith(`: ${id} ${version}`));
  return {
    title: text.title,
    brand: input.brand,
    lines: [
      `${text.generated}: ${input.generatedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`,
      `${text.ruleset}: ${id} ${version} (${text.version(input.revision)})`,
      '',
      ...explained,
      '',
      text.noIdentity,
      '',
      text.reviewer,
    ],
  };
}
