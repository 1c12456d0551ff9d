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

const words = {
  en: {
    title: 'Screening summary',
    practice: 'Practice',
    generated: 'Generated',
    version: (revision: number) =>
      revision === 0 ? 'default rules, not customised' : `practice rules version ${revision}`,
    noIdentity:
      'This summary holds no patient name or identifier. Add it to the patient record only through your practice’s record system.',
    reviewer: 'Reviewed by (licensed clinician): ______________________   Date: ____________',
  },
  es: {
    title: 'Resumen de la evaluación',
    practice: 'Práctica',
    generated: 'Generado',
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
 * The lines of the downloadable summary: heading facts, the package's
 * plain-language explanation (with citations) and a reviewer line.
 */
export function screeningSummary(input: {
  result: ScreeningResult;
  ruleset: Ruleset;
  locale: Locale;
  citations: Readonly<Record<string, CitationEntry>>;
  revision: number;
  practiceName: string;
  generatedAt: Date;
}): { title: string; lines: string[] } {
  const text = words[input.locale];
  const explained = explain(
    withCitations(input.result, input.citations),
    input.locale,
    input.ruleset,
  );
  return {
    title: text.title,
    lines: [
      `${text.practice}: ${input.practiceName}`,
      `${text.generated}: ${input.generatedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`,
      `${input.ruleset.id} ${input.ruleset.version} (${text.version(input.revision)})`,
      '',
      ...explained.split('\n'),
      '',
      text.noIdentity,
      '',
      text.reviewer,
    ],
  };
}
