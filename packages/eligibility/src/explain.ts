import type { Decision } from './decision.js';
import { INSTRUMENTS } from './instruments/index.js';
import type { Ruleset } from './ruleset.js';
import type { ScreeningResult } from './screen.js';
import type { Locale } from './text.js';

const words = {
  en: {
    disclaimer:
      'Decision support only: this summary does not decide treatment. A licensed clinician reviews the answers and makes the decision.',
    ruleset: 'Ruleset',
    suggests: 'Screening result',
    decisions: {
      eligible: 'no rule raised a concern (eligible for clinician consideration)',
      incomplete: 'incomplete: required answers are missing',
      'needs-review': 'needs clinician review before going ahead',
      defer: 'defer: not today',
      ineligible: 'a contraindication was found (ineligible under this ruleset)',
    } satisfies Record<Decision, string>,
    urgent: 'URGENT: act today on the findings marked urgent.',
    findings: 'Findings',
    none: 'No rule fired.',
    severity: { exclude: 'exclude', defer: 'defer', review: 'review', info: 'note' },
    urgentMark: 'URGENT',
    sources: 'sources',
    missing: 'Required questions not yet answered',
    warnings: 'Answers not used (check them)',
    errors: 'Answers that could not be used (fix them and screen again)',
    invalid: 'incomplete: some answers are not valid, so no decision was made',
    scores: 'Scores',
    citations: 'Sources',
  },
  es: {
    disclaimer:
      'Solo apoyo a la decisión: este resumen no decide el tratamiento. Un profesional clínico con licencia revisa las respuestas y toma la decisión.',
    ruleset: 'Conjunto de reglas',
    suggests: 'Resultado de la evaluación',
    decisions: {
      eligible: 'ninguna regla señaló un problema (apto para valoración clínica)',
      incomplete: 'incompleto: faltan respuestas obligatorias',
      'needs-review': 'requiere revisión clínica antes de continuar',
      defer: 'posponer: hoy no',
      ineligible: 'se encontró una contraindicación (no apto según estas reglas)',
    } satisfies Record<Decision, string>,
    urgent: 'URGENTE: actúe hoy sobre los hallazgos marcados como urgentes.',
    findings: 'Hallazgos',
    none: 'Ninguna regla se activó.',
    severity: { exclude: 'exclusión', defer: 'posponer', review: 'revisión', info: 'nota' },
    urgentMark: 'URGENTE',
    sources: 'fuentes',
    missing: 'Preguntas obligatorias sin responder',
    warnings: 'Respuestas no utilizadas (revíselas)',
    errors: 'Respuestas que no se pudieron usar (corríjalas y vuelva a evaluar)',
    invalid: 'incompleto: algunas respuestas no son válidas, así que no se tomó ninguna decisión',
    scores: 'Puntuaciones',
    citations: 'Fuentes',
  },
} as const;

/**
 * A plain-language summary of a screening result for a clinician, in English
 * or Spanish, stating that it is decision support. Pass the ruleset to show
 * question prompts instead of ids for missing answers.
 */
export function explain(result: ScreeningResult, locale: Locale = 'en', ruleset?: Ruleset): string {
  const text = words[locale] ?? words.en;
  const language: Locale = words[locale] ? locale : 'en';
  const lines = [
    text.disclaimer,
    `${text.ruleset}: ${result.ruleset.id} ${result.ruleset.version}`,
    `${text.suggests}: ${result.errors.length > 0 ? text.invalid : text.decisions[result.decision]}.`,
  ];
  if (result.urgent) lines.push(text.urgent);
  if (result.errors.length > 0) {
    lines.push(`${text.errors}:`);
    for (const error of result.errors)
      lines.push(`- ${error.question ?? '(answers)'}: ${error.message}`);
    return lines.join('\n');
  }
  const ordered = [...result.findings].sort((a, b) => Number(b.urgent) - Number(a.urgent));
  lines.push(`${text.findings}:`);
  if (ordered.length === 0) lines.push(`- ${text.none}`);
  for (const finding of ordered) {
    const mark = finding.urgent ? `${text.urgentMark} ` : '';
    const sources = finding.references.map((reference) => reference.id);
    lines.push(
      `- ${mark}[${text.severity[finding.severity]}] ${finding.message[language]} (${finding.ruleId}; ${text.sources}: ${sources.join('; ')})`,
    );
  }
  if (result.missing.length > 0) {
    const prompt = (id: string) =>
      ruleset?.questions.find((question) => question.id === id)?.prompt[language] ?? id;
    lines.push(`${text.missing}:`);
    for (const id of result.missing) lines.push(`- ${prompt(id)}`);
  }
  if (result.warnings.length > 0) {
    lines.push(`${text.warnings}:`);
    for (const warning of result.warnings) lines.push(`- ${warning.message[language]}`);
  }
  const scores = Object.entries(result.scores);
  if (scores.length > 0) {
    lines.push(`${text.scores}:`);
    for (const [, score] of scores) {
      const definition = INSTRUMENTS[score.instrument];
      const band = definition.bands.find((candidate) => candidate.id === score.band);
      lines.push(
        `- ${definition.name}: ${score.total}${band ? ` (${band.label[language]})` : ''}${score.flags.length > 0 ? ` [${score.flags.join(', ')}]` : ''}`,
      );
    }
  }
  const cited = new Map<string, string>();
  for (const finding of ordered) {
    for (const reference of finding.references) {
      const where = reference.doi ? `https://doi.org/${reference.doi}` : reference.url;
      cited.set(reference.id, `${reference.citation ?? reference.id}${where ? ` ${where}` : ''}`);
    }
  }
  if (cited.size > 0) {
    lines.push(`${text.citations}:`);
    for (const [id, citation] of cited) lines.push(`- [${id}] ${citation}`);
  }
  return lines.join('\n');
}
