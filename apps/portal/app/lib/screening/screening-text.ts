import type { Decision, Locale, Severity } from '@groundwork/eligibility';

/** The screening page's own words in each locale (prompts come from the ruleset). */
export const SCREENING_TEXT = {
  en: {
    title: 'Screen a patient',
    language: 'Language of the questions',
    intro:
      'Answers stay in this browser: screening runs on this page, nothing about the patient is sent to the server or saved. Closing or reloading the page clears them.',
    noScript:
      'Without JavaScript, every question is shown and the form is screened on the server when you press the button; the server keeps nothing. Questions that depend on an earlier answer say when to answer them; leave the others blank.',
    rulesetUsed: 'Rules used',
    practiceVersion: (revision: number) =>
      revision === 0 ? 'default, not customised' : `practice version ${revision}`,
    clinicianOnly: 'Clinician',
    required: 'required',
    yes: 'Yes',
    no: 'No',
    clear: 'Clear',
    systolic: 'Systolic (mmHg)',
    diastolic: 'Diastolic (mmHg)',
    item: 'Item',
    officialForm: (name: string) =>
      `Item labels are short summaries. Give the patient the official ${name} form and enter each answer here.`,
    score: (total: number, band: string) => `Score ${total}${band ? ` (${band})` : ''}`,
    submit: 'Screen',
    reset: 'Clear all answers',
    result: 'Screening result',
    disclaimer:
      'Decision support for a clinician, not a verdict for the patient: a licensed clinician reviews the answers and decides.',
    decision: 'Suggested outcome',
    decisions: {
      eligible: 'Eligible for clinician consideration: no rule raised a concern',
      incomplete: 'Incomplete: required answers are missing',
      'needs-review': 'Needs clinician review before going ahead',
      defer: 'Defer: not today',
      ineligible: 'Ineligible under these rules: a contraindication was found',
    } satisfies Record<Decision, string>,
    urgent: 'Urgent: act today on the findings marked urgent.',
    findings: 'Findings',
    noFindings: 'No rule fired.',
    severities: {
      exclude: 'Exclude',
      defer: 'Defer',
      review: 'Review',
      info: 'Note',
    } satisfies Record<Severity, string>,
    urgentMark: 'Urgent',
    rule: 'Rule',
    sources: 'Sources',
    missing: 'Required questions not answered yet',
    errors: 'Answers that could not be used',
    problems: 'Answers to check',
    warnings: 'Answers not used',
    warningsHint:
      'These answers were given to questions that the answer to an earlier question skips, so the rules did not read them. Check both answers: if the skipped answer is right, correct the earlier one and screen again.',
    answered: 'answered',
    hiddenBy: 'Skipped because of the answer to',
    scores: 'Scores',
    downloads: 'Download',
    downloadPdf: 'PDF summary',
    downloadFhir: 'FHIR QuestionnaireResponse (JSON)',
    downloadsNote:
      'Files are made in this browser; nothing is uploaded. Store them only where your practice keeps clinical records.',
    noJsDownloads: 'Downloads need JavaScript; without it, print this page.',
    saveHeading: 'Save to a patient record',
    saveIntro:
      'Only if you choose to: this sends the answers of this screening to the server, which screens them again with the practice’s rules and saves what you tick, encrypted, to the record you pick. Nothing is saved otherwise.',
    saveWhat: 'What to save',
    saveOutcome:
      'The screening outcome: suggested decision and each finding with why and its sources (not the answers)',
    saveScores: (names: string) => `The scores and item answers of the ${names}`,
    savePatient: 'Patient record',
    saveTakenOn: 'Screened on',
    saveButton: 'Save to this record',
    saveSaving: 'Saving…',
    saveNoRecords: 'There are no patient records yet.',
    saveCreateRecord: 'Create a patient record',
  },
  es: {
    title: 'Evaluar a un paciente',
    language: 'Idioma de las preguntas',
    intro:
      'Las respuestas se quedan en este navegador: la evaluación se hace en esta página y nada sobre el paciente se envía al servidor ni se guarda. Al cerrar o recargar la página se borran.',
    noScript:
      'Sin JavaScript se muestran todas las preguntas y el formulario se evalúa en el servidor al pulsar el botón; el servidor no guarda nada. Las preguntas que dependen de una respuesta anterior indican cuándo responderlas; deje las demás en blanco.',
    rulesetUsed: 'Reglas usadas',
    practiceVersion: (revision: number) =>
      revision === 0 ? 'predeterminadas, sin cambios' : `versión ${revision} de la práctica`,
    clinicianOnly: 'Profesional clínico',
    required: 'obligatoria',
    yes: 'Sí',
    no: 'No',
    clear: 'Borrar',
    systolic: 'Sistólica (mmHg)',
    diastolic: 'Diastólica (mmHg)',
    item: 'Ítem',
    officialForm: (name: string) =>
      `Las etiquetas de los ítems son resúmenes breves. Entregue al paciente el formulario oficial del ${name} y anote aquí cada respuesta.`,
    score: (total: number, band: string) => `Puntuación ${total}${band ? ` (${band})` : ''}`,
    submit: 'Evaluar',
    reset: 'Borrar todas las respuestas',
    result: 'Resultado de la evaluación',
    disclaimer:
      'Apoyo a la decisión para un profesional clínico, no un veredicto para el paciente: un profesional clínico con licencia revisa las respuestas y decide.',
    decision: 'Resultado sugerido',
    decisions: {
      eligible: 'Apto para valoración clínica: ninguna regla señaló un problema',
      incomplete: 'Incompleto: faltan respuestas obligatorias',
      'needs-review': 'Requiere revisión clínica antes de continuar',
      defer: 'Posponer: hoy no',
      ineligible: 'No apto según estas reglas: se encontró una contraindicación',
    } satisfies Record<Decision, string>,
    urgent: 'Urgente: actúe hoy sobre los hallazgos marcados como urgentes.',
    findings: 'Hallazgos',
    noFindings: 'Ninguna regla se activó.',
    severities: {
      exclude: 'Exclusión',
      defer: 'Posponer',
      review: 'Revisión',
      info: 'Nota',
    } satisfies Record<Severity, string>,
    urgentMark: 'Urgente',
    rule: 'Regla',
    sources: 'Fuentes',
    missing: 'Preguntas obligatorias sin responder',
    errors: 'Respuestas que no se pudieron usar',
    problems: 'Respuestas que revisar',
    warnings: 'Respuestas no utilizadas',
    warningsHint:
      'Estas respuestas se dieron a preguntas que se omiten por la respuesta a una pregunta anterior, así que las reglas no las leyeron. Revise ambas respuestas: si la respuesta omitida es correcta, corrija la anterior y vuelva a evaluar.',
    answered: 'respuesta',
    hiddenBy: 'Se omitió por la respuesta a',
    scores: 'Puntuaciones',
    downloads: 'Descargar',
    downloadPdf: 'Resumen en PDF',
    downloadFhir: 'FHIR QuestionnaireResponse (JSON)',
    downloadsNote:
      'Los archivos se crean en este navegador; no se sube nada. Guárdelos solo donde su práctica guarda la historia clínica.',
    noJsDownloads: 'Las descargas necesitan JavaScript; sin él, imprima esta página.',
    saveHeading: 'Guardar en la ficha de un paciente',
    saveIntro:
      'Solo si usted lo elige: esto envía al servidor las respuestas de esta evaluación; el servidor las evalúa de nuevo con las reglas de la práctica y guarda, cifrado, lo que usted marque en la ficha que elija. De lo contrario no se guarda nada.',
    saveWhat: 'Qué guardar',
    saveOutcome:
      'El resultado de la evaluación: resultado sugerido y cada hallazgo con su motivo y sus fuentes (no las respuestas)',
    saveScores: (names: string) => `Las puntuaciones y respuestas por ítem del ${names}`,
    savePatient: 'Ficha del paciente',
    saveTakenOn: 'Fecha de la evaluación',
    saveButton: 'Guardar en esta ficha',
    saveSaving: 'Guardando…',
    saveNoRecords: 'Todavía no hay fichas de pacientes.',
    saveCreateRecord: 'Crear la ficha de un paciente',
  },
} as const;

/** The screening page's words in one locale. */
export type ScreeningText = (typeof SCREENING_TEXT)[Locale];

/** A locale from a query-string value (`en` unless `es`). */
export function localeFrom(value: string | null | undefined): Locale {
  return value === 'es' ? 'es' : 'en';
}
