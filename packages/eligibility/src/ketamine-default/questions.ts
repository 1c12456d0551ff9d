import type { RulesetInput } from '../ruleset.js';
import type { LocalizedText } from '../text.js';

type QuestionInput = RulesetInput['questions'][number];

function yesNo(
  id: string,
  prompt: LocalizedText,
  extra: Partial<Omit<Extract<QuestionInput, { type: 'boolean' }>, 'type'>> = {},
): QuestionInput {
  return { id, type: 'boolean', prompt, required: true, ...extra };
}

const yesNoUnsure = [
  { code: 'yes', label: { en: 'Yes', es: 'Sí' } },
  { code: 'no', label: { en: 'No', es: 'No' } },
  { code: 'unsure', label: { en: 'Not sure', es: 'No estoy seguro/a' } },
];

/** Questions of the `ketamine-default` ruleset, in the order they are asked. */
export const KETAMINE_DEFAULT_QUESTIONS: QuestionInput[] = [
  {
    id: 'age',
    type: 'number',
    prompt: { en: 'How old are you?', es: '¿Cuántos años tiene?' },
    unit: 'a',
    unitLabel: { en: 'years', es: 'años' },
    min: 0,
    max: 120,
    integer: true,
    required: true,
  },
  {
    id: 'sexAssignedAtBirth',
    type: 'choice',
    prompt: { en: 'What sex were you assigned at birth?', es: '¿Qué sexo se le asignó al nacer?' },
    help: {
      en: 'We ask only to know whether pregnancy questions apply to you.',
      es: 'Lo preguntamos solo para saber si las preguntas sobre embarazo le corresponden.',
    },
    options: [
      { code: 'female', label: { en: 'Female', es: 'Femenino' } },
      { code: 'male', label: { en: 'Male', es: 'Masculino' } },
      { code: 'intersex', label: { en: 'Intersex', es: 'Intersexual' } },
      { code: 'prefer-not-to-say', label: { en: 'Prefer not to say', es: 'Prefiero no decirlo' } },
    ],
    required: true,
  },
  {
    id: 'pregnant',
    type: 'choice',
    prompt: { en: 'Are you pregnant, or could you be?', es: '¿Está embarazada o podría estarlo?' },
    options: yesNoUnsure,
    required: true,
    enableWhen: {
      in: [{ answer: 'sexAssignedAtBirth' }, ['female', 'intersex', 'prefer-not-to-say']],
    },
  },
  yesNo(
    'breastfeeding',
    { en: 'Are you breastfeeding or chestfeeding?', es: '¿Está amamantando?' },
    {
      enableWhen: {
        in: [{ answer: 'sexAssignedAtBirth' }, ['female', 'intersex', 'prefer-not-to-say']],
      },
    },
  ),
  yesNo(
    'psychoticDisorder',
    {
      en: 'Have you been diagnosed with schizophrenia or another psychotic disorder, or do you currently hear, see or believe things that others say are not real?',
      es: '¿Le han diagnosticado esquizofrenia u otro trastorno psicótico, o actualmente oye, ve o cree cosas que otras personas dicen que no son reales?',
    },
    {
      help: {
        en: 'Answer yes for a diagnosis such as schizophrenia, schizoaffective disorder or delusional disorder, or for symptoms like these now. A past episode that has ended, with no such diagnosis, belongs in the next question.',
        es: 'Responda sí si tiene un diagnóstico como esquizofrenia, trastorno esquizoafectivo o trastorno delirante, o si tiene ahora síntomas como estos. Un episodio pasado que ya terminó, sin ese diagnóstico, va en la pregunta siguiente.',
      },
    },
  ),
  yesNo(
    'pastPsychoticEpisode',
    {
      en: 'Apart from any diagnosis in the question above, have you ever had an episode of psychosis (losing touch with reality) that has since ended, for example after using drugs, during a mood episode or after giving birth?',
      es: 'Aparte de cualquier diagnóstico de la pregunta anterior, ¿alguna vez ha tenido un episodio de psicosis (perder el contacto con la realidad) que ya terminó, por ejemplo tras consumir drogas, durante un episodio del estado de ánimo o después de un parto?',
    },
    {
      help: {
        en: 'Answer yes for a past episode that has ended, even if you have no psychotic disorder diagnosis. If you have symptoms now or a psychotic disorder diagnosis, answer yes to the question above.',
        es: 'Responda sí si tuvo un episodio que ya terminó, aunque no tenga un diagnóstico de trastorno psicótico. Si tiene síntomas ahora o un diagnóstico de trastorno psicótico, responda sí a la pregunta anterior.',
      },
    },
  ),
  yesNo('bipolarDisorder', {
    en: 'Have you been diagnosed with bipolar disorder?',
    es: '¿Le han diagnosticado trastorno bipolar?',
  }),
  yesNo(
    'bipolarRecentMania',
    {
      en: 'Have you had a manic or hypomanic episode in the past 12 months?',
      es: '¿Ha tenido un episodio maníaco o hipomaníaco en los últimos 12 meses?',
    },
    { enableWhen: { equals: [{ answer: 'bipolarDisorder' }, true] } },
  ),
  yesNo('hypertension', {
    en: 'Have you been told you have high blood pressure?',
    es: '¿Le han dicho que tiene la presión arterial alta?',
  }),
  {
    id: 'hypertensionControlled',
    type: 'choice',
    prompt: {
      en: 'Is your blood pressure well controlled at the moment (with or without medicine)?',
      es: '¿Su presión arterial está bien controlada en este momento (con o sin medicamentos)?',
    },
    options: yesNoUnsure,
    required: true,
    enableWhen: { equals: [{ answer: 'hypertension' }, true] },
  },
  {
    id: 'bloodPressureToday',
    type: 'bloodPressure',
    audience: 'clinician',
    prompt: {
      en: "Today's seated blood pressure before dosing",
      es: 'Presión arterial de hoy, sentado/a, antes de la dosis',
    },
    help: {
      en: 'Measured by staff on the day of a session.',
      es: 'La mide el personal el día de la sesión.',
    },
  },
  {
    id: 'restingSpo2',
    type: 'number',
    audience: 'clinician',
    prompt: {
      en: "Today's resting oxygen saturation (SpO2) by pulse oximeter, on room air, before dosing",
      es: 'Saturación de oxígeno (SpO2) en reposo de hoy, con pulsioxímetro y respirando aire ambiente, antes de la dosis',
    },
    help: {
      en: 'Measured by staff on the day of a session.',
      es: 'La mide el personal el día de la sesión.',
    },
    unit: '%',
    unitLabel: { en: '%', es: '%' },
    min: 50,
    max: 100,
    integer: true,
  },
  {
    id: 'vascularConditions',
    type: 'multi',
    prompt: {
      en: 'Have you ever had any of these? Select all that apply.',
      es: '¿Ha tenido alguna vez alguna de estas afecciones? Marque todas las que correspondan.',
    },
    options: [
      {
        code: 'aneurysm',
        label: {
          en: 'An aneurysm (a bulging blood vessel) in the brain, chest, abdomen or elsewhere',
          es: 'Un aneurisma (un vaso sanguíneo dilatado) en el cerebro, el tórax, el abdomen u otro lugar',
        },
      },
      {
        code: 'avm',
        label: {
          en: 'An arteriovenous malformation (AVM)',
          es: 'Una malformación arteriovenosa (MAV)',
        },
      },
      {
        code: 'intracerebral-haemorrhage',
        label: { en: 'Bleeding in the brain', es: 'Un sangrado en el cerebro' },
      },
      { code: 'none', label: { en: 'None of these', es: 'Ninguna de estas' }, exclusive: true },
    ],
    required: true,
  },
  yesNo('raisedIntracranialPressure', {
    en: 'Have you been told you have raised pressure inside your skull, for example from a brain tumor, a blocked shunt or fluid build-up?',
    es: '¿Le han dicho que tiene la presión dentro del cráneo elevada, por ejemplo por un tumor cerebral, una válvula (derivación) obstruida o acumulación de líquido?',
  }),
  yesNo('recentHeadInjury', {
    en: 'In the past 3 months, have you had a head injury, such as a concussion or a blow to the head that needed medical care?',
    es: 'En los últimos 3 meses, ¿ha tenido una lesión en la cabeza, como una conmoción cerebral o un golpe en la cabeza que necesitó atención médica?',
  }),
  yesNo('heartDisease', {
    en: 'Do you have heart disease, such as heart failure, angina, a heart rhythm problem or a heart valve problem?',
    es: '¿Tiene una enfermedad del corazón, como insuficiencia cardíaca, angina, un problema del ritmo cardíaco o de las válvulas?',
  }),
  yesNo('cardiacEventOrStroke', {
    en: 'Have you ever had a heart attack or a stroke?',
    es: '¿Alguna vez ha tenido un infarto o un derrame cerebral (ictus)?',
  }),
  {
    id: 'cardiacEventMonthsAgo',
    type: 'number',
    prompt: {
      en: 'About how many months ago was the most recent one?',
      es: '¿Hace aproximadamente cuántos meses fue el más reciente?',
    },
    unit: 'mo',
    unitLabel: { en: 'months', es: 'meses' },
    min: 0,
    max: 1440,
    integer: true,
    required: true,
    enableWhen: { equals: [{ answer: 'cardiacEventOrStroke' }, true] },
  },
  {
    id: 'breathingConditions',
    type: 'multi',
    prompt: {
      en: 'Do you have any of these breathing problems? Select all that apply.',
      es: '¿Tiene alguno de estos problemas respiratorios? Marque todos los que correspondan.',
    },
    options: [
      {
        code: 'lung-disease',
        label: {
          en: 'A long-term lung disease, such as COPD or emphysema, or you use oxygen at home',
          es: 'Una enfermedad pulmonar de larga duración, como EPOC o enfisema, o usa oxígeno en casa',
        },
      },
      {
        code: 'sleep-apnea',
        label: {
          en: 'Sleep apnea (breathing stops during sleep), diagnosed or suspected, with or without a CPAP machine',
          es: 'Apnea del sueño (la respiración se detiene al dormir), diagnosticada o sospechada, con o sin máquina CPAP',
        },
      },
      { code: 'none', label: { en: 'None of these', es: 'Ninguno de estos' }, exclusive: true },
    ],
    required: true,
  },
  yesNo('seizureDisorder', {
    en: 'Do you have epilepsy, or have you ever had a seizure?',
    es: '¿Tiene epilepsia o alguna vez ha tenido una convulsión?',
  }),
  yesNo('glaucoma', {
    en: 'Have you been told you have glaucoma or high pressure in your eyes?',
    es: '¿Le han dicho que tiene glaucoma o la presión de los ojos alta?',
  }),
  yesNo('hyperthyroidism', {
    en: 'Do you have an overactive thyroid (hyperthyroidism) that is not fully treated?',
    es: '¿Tiene la tiroides hiperactiva (hipertiroidismo) sin tratamiento completo?',
  }),
  yesNo('liverDisease', {
    en: 'Do you have liver disease, such as hepatitis or cirrhosis?',
    es: '¿Tiene una enfermedad del hígado, como hepatitis o cirrosis?',
  }),
  yesNo('kidneyDisease', {
    en: 'Do you have kidney disease?',
    es: '¿Tiene una enfermedad de los riñones?',
  }),
  yesNo('bladderProblems', {
    en: 'Do you have, or have you had, bladder or urinary problems, such as pain, urgency or blood in the urine?',
    es: '¿Tiene o ha tenido problemas de vejiga o urinarios, como dolor, urgencia o sangre en la orina?',
  }),
  yesNo(
    'ketamineCystitis',
    {
      en: 'Has a clinician ever said your bladder problems were caused by ketamine?',
      es: '¿Algún profesional de salud le ha dicho que sus problemas de vejiga fueron causados por la ketamina?',
    },
    { enableWhen: { equals: [{ answer: 'bladderProblems' }, true] } },
  ),
  yesNo('substanceUseDisorder', {
    en: 'Have you ever had a problem with alcohol or drug use (a substance use disorder)?',
    es: '¿Alguna vez ha tenido un problema con el consumo de alcohol o drogas (un trastorno por consumo de sustancias)?',
  }),
  {
    id: 'substanceUseMonthsAbstinent',
    type: 'number',
    prompt: {
      en: 'How many months has it been since you last used the substance in a problematic way? Enter 0 if you still do.',
      es: '¿Cuántos meses han pasado desde la última vez que consumió la sustancia de forma problemática? Escriba 0 si todavía lo hace.',
    },
    unit: 'mo',
    unitLabel: { en: 'months', es: 'meses' },
    min: 0,
    max: 1440,
    integer: true,
    required: true,
    enableWhen: { equals: [{ answer: 'substanceUseDisorder' }, true] },
  },
  yesNo('ketamineMisuse', {
    en: 'Have you ever used ketamine without a prescription, or more than prescribed?',
    es: '¿Alguna vez ha usado ketamina sin receta o en mayor cantidad de la recetada?',
  }),
  {
    id: 'interactingMedicines',
    type: 'multi',
    prompt: {
      en: 'Do you take any of these medicines? Select all that apply.',
      es: '¿Toma alguno de estos medicamentos? Marque todos los que correspondan.',
    },
    help: {
      en: 'Do not stop any medicine on your own; your clinician will advise you.',
      es: 'No deje ningún medicamento por su cuenta; su profesional de salud le indicará qué hacer.',
    },
    options: [
      {
        code: 'maoi',
        label: {
          en: 'An MAOI antidepressant (for example phenelzine, tranylcypromine, selegiline)',
          es: 'Un antidepresivo IMAO (por ejemplo fenelzina, tranilcipromina, selegilina)',
        },
      },
      {
        code: 'benzodiazepine-or-sedative',
        label: {
          en: 'A benzodiazepine or other sedative or sleeping medicine (for example lorazepam, alprazolam, zolpidem)',
          es: 'Una benzodiacepina u otro sedante o medicamento para dormir (por ejemplo lorazepam, alprazolam, zolpidem)',
        },
      },
      { code: 'lamotrigine', label: { en: 'Lamotrigine', es: 'Lamotrigina' } },
      {
        code: 'stimulant',
        label: {
          en: 'A stimulant (for example for ADHD: methylphenidate, amphetamine)',
          es: 'Un estimulante (por ejemplo para el TDAH: metilfenidato, anfetamina)',
        },
      },
      {
        code: 'opioid',
        label: {
          en: 'An opioid pain medicine or opioid treatment (for example oxycodone, methadone, buprenorphine)',
          es: 'Un analgésico opioide o tratamiento con opioides (por ejemplo oxicodona, metadona, buprenorfina)',
        },
      },
      { code: 'none', label: { en: 'None of these', es: 'Ninguno de estos' }, exclusive: true },
    ],
    required: true,
  },
  yesNo('ketamineHypersensitivity', {
    en: 'Have you ever had an allergic or severe reaction to ketamine or esketamine?',
    es: '¿Alguna vez ha tenido una reacción alérgica o grave a la ketamina o a la esketamina?',
  }),
  {
    id: 'phq9',
    type: 'instrument',
    instrument: 'phq9',
    prompt: {
      en: 'PHQ-9: over the last 2 weeks, how often have you been bothered by these problems?',
      es: 'PHQ-9: durante las últimas 2 semanas, ¿con qué frecuencia le han molestado estos problemas?',
    },
    required: true,
  },
  {
    id: 'gad7',
    type: 'instrument',
    instrument: 'gad7',
    prompt: {
      en: 'GAD-7: over the last 2 weeks, how often have you been bothered by these problems?',
      es: 'GAD-7: durante las últimas 2 semanas, ¿con qué frecuencia le han molestado estos problemas?',
    },
  },
  {
    id: 'pcl5',
    type: 'instrument',
    instrument: 'pcl5',
    cutPoint: 33,
    prompt: {
      en: 'PCL-5: in the past month, how much were you bothered by these problems after a very stressful experience?',
      es: 'PCL-5: en el último mes, ¿cuánto le molestaron estos problemas después de una experiencia muy estresante?',
    },
  },
  {
    id: 'suicideRiskLevel',
    type: 'choice',
    audience: 'clinician',
    prompt: {
      en: 'Clinician-assessed suicide risk level today',
      es: 'Nivel de riesgo de suicidio evaluado hoy por el profesional clínico',
    },
    help: {
      en: 'Recorded by a clinician after a structured suicide risk assessment.',
      es: 'Lo registra un profesional clínico tras una evaluación estructurada del riesgo de suicidio.',
    },
    options: [
      { code: 'low', label: { en: 'Low', es: 'Bajo' } },
      { code: 'moderate', label: { en: 'Moderate', es: 'Moderado' } },
      { code: 'high', label: { en: 'High', es: 'Alto' } },
    ],
  },
  {
    id: 'intoxicatedToday',
    type: 'boolean',
    audience: 'clinician',
    prompt: {
      en: 'Does the patient appear intoxicated today, or report using alcohol or other drugs today?',
      es: '¿El paciente parece intoxicado hoy, o dice haber consumido alcohol u otras drogas hoy?',
    },
    help: {
      en: 'Checked by a clinician on the day of a session.',
      es: 'Lo comprueba un profesional clínico el día de la sesión.',
    },
  },
  {
    id: 'capacityToConsent',
    type: 'choice',
    audience: 'clinician',
    prompt: {
      en: 'Clinician-assessed capacity to consent to this treatment today',
      es: 'Capacidad para consentir este tratamiento hoy, evaluada por el profesional clínico',
    },
    help: {
      en: 'Can the patient understand the information, appreciate how it applies to them, reason about the options and state a choice?',
      es: '¿Puede el paciente entender la información, apreciar cómo le afecta, razonar sobre las opciones y expresar una decisión?',
    },
    options: [
      { code: 'yes', label: { en: 'Has capacity', es: 'Tiene capacidad' } },
      { code: 'no', label: { en: 'Lacks capacity', es: 'No tiene capacidad' } },
      {
        code: 'unsure',
        label: {
          en: 'Not sure: needs fuller assessment',
          es: 'No está claro: necesita una evaluación más completa',
        },
      },
    ],
  },
  {
    id: 'adequateTrials',
    type: 'number',
    prompt: {
      en: 'During your current episode of depression, how many different antidepressant medicines have you taken at a full dose for at least 6 weeks?',
      es: 'Durante su episodio actual de depresión, ¿cuántos medicamentos antidepresivos distintos ha tomado a dosis completa durante al menos 6 semanas?',
    },
    help: {
      en: 'Count each antidepressant medicine once. Do not count talking therapy or other treatments. Enter 0 if none.',
      es: 'Cuente cada medicamento antidepresivo una sola vez. No cuente la psicoterapia ni otros tratamientos. Escriba 0 si ninguno.',
    },
    unitLabel: { en: 'medicines', es: 'medicamentos' },
    min: 0,
    max: 50,
    integer: true,
    required: true,
  },
];
