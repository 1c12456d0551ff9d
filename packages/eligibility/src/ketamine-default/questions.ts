import type { RulesetInput } from '../ruleset.js';
import type { LocalizedText } from '../text.js';

type QuestionInput = RulesetInput['questions'][number];

function yesNo(
  id: string,
  prompt: LocalizedText,
  help: LocalizedText,
  extra: Partial<Omit<Extract<QuestionInput, { type: 'boolean' }>, 'type'>> = {},
): QuestionInput {
  return { id, type: 'boolean', prompt, help, required: true, ...extra };
}

const ASK_OR_RECORD = {
  en: 'Ask the patient, and check the referral letter and the problem list in the record.',
  es: 'Pregunte al paciente y revise la carta de derivación y la lista de problemas de la historia clínica.',
};

const yesNoUnsure = [
  { code: 'yes', label: { en: 'Yes', es: 'Sí' } },
  { code: 'no', label: { en: 'No', es: 'No' } },
  { code: 'unsure', label: { en: 'Not sure', es: 'No estoy seguro/a' } },
];

/**
 * Questions of the `ketamine-default` ruleset, in the order they are asked.
 * Each is put to the clinician who fills in the screening, about the patient,
 * with help on where to find the answer.
 */
export const KETAMINE_DEFAULT_QUESTIONS: QuestionInput[] = [
  {
    id: 'age',
    type: 'number',
    prompt: {
      en: 'How old is the patient, in whole years?',
      es: '¿Qué edad tiene el paciente, en años cumplidos?',
    },
    help: {
      en: 'From the date of birth in the record or on the patient’s ID.',
      es: 'Según la fecha de nacimiento de la historia clínica o del documento de identidad del paciente.',
    },
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
    prompt: {
      en: 'What sex was the patient assigned at birth?',
      es: '¿Qué sexo se le asignó al paciente al nacer?',
    },
    help: {
      en: 'From the registration details, or ask the patient. Used only to decide whether the pregnancy questions apply.',
      es: 'Según los datos de registro, o pregunte al paciente. Solo sirve para saber si corresponden las preguntas sobre embarazo.',
    },
    options: [
      { code: 'female', label: { en: 'Female', es: 'Femenino' } },
      { code: 'male', label: { en: 'Male', es: 'Masculino' } },
      { code: 'intersex', label: { en: 'Intersex', es: 'Intersexual' } },
      {
        code: 'prefer-not-to-say',
        label: { en: 'The patient prefers not to say', es: 'El paciente prefiere no decirlo' },
      },
    ],
    required: true,
  },
  {
    id: 'pregnant',
    type: 'choice',
    prompt: {
      en: 'Is the patient pregnant, or could the patient be pregnant?',
      es: '¿Está embarazada la paciente, o podría estarlo?',
    },
    help: {
      en: 'Ask the patient (last menstrual period, contraception); use a pregnancy test result if your protocol calls for one. Answer “Not sure” when pregnancy cannot be ruled out.',
      es: 'Pregunte a la paciente (última menstruación, anticoncepción); use el resultado de una prueba de embarazo si su protocolo la pide. Responda «No estoy seguro/a» si no se puede descartar el embarazo.',
    },
    options: yesNoUnsure,
    required: true,
    enableWhen: {
      in: [{ answer: 'sexAssignedAtBirth' }, ['female', 'intersex', 'prefer-not-to-say']],
    },
  },
  yesNo(
    'breastfeeding',
    {
      en: 'Is the patient breastfeeding or chestfeeding?',
      es: '¿Está amamantando el paciente?',
    },
    { en: 'Ask the patient.', es: 'Pregunte al paciente.' },
    {
      enableWhen: {
        in: [{ answer: 'sexAssignedAtBirth' }, ['female', 'intersex', 'prefer-not-to-say']],
      },
    },
  ),
  yesNo(
    'psychoticDisorder',
    {
      en: 'Does the patient have schizophrenia or another psychotic disorder, or psychotic symptoms now (hallucinations, delusions)?',
      es: '¿Tiene el paciente esquizofrenia u otro trastorno psicótico, o síntomas psicóticos ahora (alucinaciones, delirios)?',
    },
    {
      en: 'Check the diagnoses in the record and the referral, and ask about current symptoms. Answer yes for a diagnosis such as schizophrenia, schizoaffective disorder or delusional disorder, or for psychotic symptoms now. A past episode that has ended, with no such diagnosis, belongs in the next question.',
      es: 'Revise los diagnósticos de la historia clínica y la derivación, y pregunte por síntomas actuales. Responda sí ante un diagnóstico como esquizofrenia, trastorno esquizoafectivo o trastorno delirante, o ante síntomas psicóticos ahora. Un episodio pasado que ya terminó, sin ese diagnóstico, va en la pregunta siguiente.',
    },
  ),
  yesNo(
    'pastPsychoticEpisode',
    {
      en: 'Apart from any diagnosis in the question above, has the patient ever had an episode of psychosis that has since ended, for example after drug use, during a mood episode or after giving birth?',
      es: 'Aparte de cualquier diagnóstico de la pregunta anterior, ¿ha tenido el paciente alguna vez un episodio psicótico que ya terminó, por ejemplo tras consumir drogas, durante un episodio del estado de ánimo o después de un parto?',
    },
    {
      en: 'Ask the patient and check past admissions and discharge letters. Answer yes for a past episode that has ended, without a psychotic disorder diagnosis. With symptoms now or such a diagnosis, answer yes to the question above instead.',
      es: 'Pregunte al paciente y revise ingresos e informes de alta anteriores. Responda sí ante un episodio pasado que ya terminó, sin diagnóstico de trastorno psicótico. Con síntomas ahora o ese diagnóstico, responda sí a la pregunta anterior.',
    },
  ),
  yesNo(
    'bipolarDisorder',
    {
      en: 'Has the patient been diagnosed with bipolar disorder?',
      es: '¿Se le ha diagnosticado trastorno bipolar al paciente?',
    },
    ASK_OR_RECORD,
  ),
  yesNo(
    'bipolarRecentMania',
    {
      en: 'Has the patient had a manic or hypomanic episode in the past 12 months?',
      es: '¿Ha tenido el paciente un episodio maníaco o hipomaníaco en los últimos 12 meses?',
    },
    {
      en: 'Ask the patient (and, with consent, someone close to them); check notes from the treating psychiatrist.',
      es: 'Pregunte al paciente (y, con su consentimiento, a alguien cercano); revise las notas del psiquiatra tratante.',
    },
    { enableWhen: { equals: [{ answer: 'bipolarDisorder' }, true] } },
  ),
  yesNo(
    'hypertension',
    {
      en: 'Has the patient been diagnosed with high blood pressure (hypertension)?',
      es: '¿Se le ha diagnosticado presión arterial alta (hipertensión) al paciente?',
    },
    {
      en: 'Check the problem list and the medication list (antihypertensives), and ask the patient.',
      es: 'Revise la lista de problemas y la de medicamentos (antihipertensivos), y pregunte al paciente.',
    },
  ),
  {
    id: 'hypertensionControlled',
    type: 'choice',
    prompt: {
      en: 'Is the patient’s blood pressure well controlled at the moment, with or without medicine?',
      es: '¿Está bien controlada en este momento la presión arterial del paciente, con o sin medicamentos?',
    },
    help: {
      en: 'Look at recent readings in the record or the patient’s home log, and ask who manages it.',
      es: 'Mire las lecturas recientes de la historia clínica o del registro en casa del paciente, y pregunte quién la controla.',
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
      en: 'Patient’s blood pressure today, seated, before dosing',
      es: 'Presión arterial del paciente hoy, sentado, antes de la dosis',
    },
    help: {
      en: 'Measure it in the treatment room on the day of the session, after the patient has rested seated for 5 minutes; leave it blank before the visit.',
      es: 'Mídala en la sala de tratamiento el día de la sesión, tras 5 minutos de reposo sentado; déjela en blanco antes de la visita.',
    },
  },
  {
    id: 'restingSpo2',
    type: 'number',
    audience: 'clinician',
    prompt: {
      en: 'Patient’s resting oxygen saturation (SpO2) today, on room air, before dosing',
      es: 'Saturación de oxígeno (SpO2) del paciente hoy, en reposo y con aire ambiente, antes de la dosis',
    },
    help: {
      en: 'Read it from the pulse oximeter in the treatment room on the day of the session; leave it blank before the visit.',
      es: 'Léala en el pulsioxímetro de la sala de tratamiento el día de la sesión; déjela en blanco antes de la visita.',
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
      en: 'Has the patient ever had any of these? Select all that apply.',
      es: '¿Ha tenido el paciente alguna vez alguna de estas afecciones? Marque todas las que correspondan.',
    },
    help: {
      en: 'Check the problem list and any imaging reports, and ask the patient.',
      es: 'Revise la lista de problemas y los informes de imagen, y pregunte al paciente.',
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
  yesNo(
    'raisedIntracranialPressure',
    {
      en: 'Does the patient have raised intracranial pressure, for example from a brain tumor, a blocked shunt or hydrocephalus?',
      es: '¿Tiene el paciente la presión intracraneal elevada, por ejemplo por un tumor cerebral, una derivación obstruida o hidrocefalia?',
    },
    {
      en: 'Check neurology letters and imaging reports, and ask about shunts and brain tumors.',
      es: 'Revise los informes de neurología y de imagen, y pregunte por derivaciones y tumores cerebrales.',
    },
  ),
  yesNo(
    'recentHeadInjury',
    {
      en: 'In the past 3 months, has the patient had a head injury, such as a concussion or a blow to the head that needed medical care?',
      es: 'En los últimos 3 meses, ¿ha tenido el paciente una lesión en la cabeza, como una conmoción cerebral o un golpe que necesitó atención médica?',
    },
    {
      en: 'Ask the patient; check emergency department notes from the past 3 months.',
      es: 'Pregunte al paciente; revise los informes de urgencias de los últimos 3 meses.',
    },
  ),
  yesNo(
    'heartDisease',
    {
      en: 'Does the patient have heart disease, such as heart failure, angina, an arrhythmia or valve disease?',
      es: '¿Tiene el paciente una enfermedad del corazón, como insuficiencia cardíaca, angina, una arritmia o una valvulopatía?',
    },
    {
      en: 'Check the problem list, cardiology letters and any ECG, and ask the patient.',
      es: 'Revise la lista de problemas, los informes de cardiología y cualquier ECG, y pregunte al paciente.',
    },
  ),
  yesNo(
    'cardiacEventOrStroke',
    {
      en: 'Has the patient ever had a heart attack or a stroke?',
      es: '¿Ha tenido el paciente alguna vez un infarto o un ictus (derrame cerebral)?',
    },
    ASK_OR_RECORD,
  ),
  {
    id: 'cardiacEventMonthsAgo',
    type: 'number',
    prompt: {
      en: 'About how many months ago was the patient’s most recent heart attack or stroke?',
      es: '¿Hace aproximadamente cuántos meses fue el infarto o ictus más reciente del paciente?',
    },
    help: {
      en: 'From the discharge letter or the problem list; round to whole months.',
      es: 'Según el informe de alta o la lista de problemas; redondee a meses enteros.',
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
      en: 'Does the patient have any of these breathing problems? Select all that apply.',
      es: '¿Tiene el paciente alguno de estos problemas respiratorios? Marque todos los que correspondan.',
    },
    help: {
      en: 'Check the problem list, sleep study results and home oxygen or CPAP use, and ask the patient about snoring and pauses in breathing.',
      es: 'Revise la lista de problemas, los estudios del sueño y el uso de oxígeno o CPAP en casa, y pregunte al paciente por ronquidos y pausas al respirar.',
    },
    options: [
      {
        code: 'lung-disease',
        label: {
          en: 'A long-term lung disease, such as COPD or emphysema, or oxygen at home',
          es: 'Una enfermedad pulmonar de larga duración, como EPOC o enfisema, u oxígeno en casa',
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
  yesNo(
    'seizureDisorder',
    {
      en: 'Does the patient have epilepsy, or has the patient ever had a seizure?',
      es: '¿Tiene el paciente epilepsia, o ha tenido alguna vez una convulsión?',
    },
    ASK_OR_RECORD,
  ),
  yesNo(
    'glaucoma',
    {
      en: 'Does the patient have glaucoma or raised intraocular pressure?',
      es: '¿Tiene el paciente glaucoma o la presión intraocular elevada?',
    },
    {
      en: 'Check the problem list and eye drops on the medication list, and ask the patient.',
      es: 'Revise la lista de problemas y los colirios de la lista de medicamentos, y pregunte al paciente.',
    },
  ),
  yesNo(
    'hyperthyroidism',
    {
      en: 'Does the patient have hyperthyroidism that is not fully treated?',
      es: '¿Tiene el paciente hipertiroidismo sin tratamiento completo?',
    },
    {
      en: 'Check the problem list and recent thyroid tests (TSH), and ask the patient.',
      es: 'Revise la lista de problemas y las pruebas de tiroides recientes (TSH), y pregunte al paciente.',
    },
  ),
  yesNo(
    'liverDisease',
    {
      en: 'Does the patient have liver disease, such as hepatitis or cirrhosis?',
      es: '¿Tiene el paciente una enfermedad del hígado, como hepatitis o cirrosis?',
    },
    {
      en: 'Check the problem list and recent liver tests, and ask the patient.',
      es: 'Revise la lista de problemas y las pruebas hepáticas recientes, y pregunte al paciente.',
    },
  ),
  yesNo(
    'kidneyDisease',
    {
      en: 'Does the patient have kidney disease?',
      es: '¿Tiene el paciente una enfermedad de los riñones?',
    },
    {
      en: 'Check the problem list and recent kidney function tests, and ask the patient.',
      es: 'Revise la lista de problemas y las pruebas de función renal recientes, y pregunte al paciente.',
    },
  ),
  yesNo(
    'bladderProblems',
    {
      en: 'Does the patient have, or has the patient had, bladder or urinary problems, such as pain, urgency or blood in the urine?',
      es: '¿Tiene o ha tenido el paciente problemas de vejiga o urinarios, como dolor, urgencia o sangre en la orina?',
    },
    {
      en: 'Ask the patient; check urology letters and urine tests.',
      es: 'Pregunte al paciente; revise los informes de urología y los análisis de orina.',
    },
  ),
  yesNo(
    'ketamineCystitis',
    {
      en: 'Has a clinician ever attributed the patient’s bladder problems to ketamine (ketamine cystitis)?',
      es: '¿Algún profesional clínico ha atribuido alguna vez los problemas de vejiga del paciente a la ketamina (cistitis por ketamina)?',
    },
    {
      en: 'Check urology letters, and ask the patient what they were told.',
      es: 'Revise los informes de urología y pregunte al paciente qué le dijeron.',
    },
    { enableWhen: { equals: [{ answer: 'bladderProblems' }, true] } },
  ),
  yesNo(
    'substanceUseDisorder',
    {
      en: 'Has the patient ever had a substance use disorder (a problem with alcohol or drug use)?',
      es: '¿Ha tenido el paciente alguna vez un trastorno por consumo de sustancias (un problema con el alcohol o las drogas)?',
    },
    {
      en: 'Ask the patient; check the record, the referral and the state prescription-monitoring program.',
      es: 'Pregunte al paciente; revise la historia clínica, la derivación y el programa estatal de control de recetas.',
    },
  ),
  {
    id: 'substanceUseMonthsAbstinent',
    type: 'number',
    prompt: {
      en: 'How many months has it been since the patient last used the substance in a problematic way?',
      es: '¿Cuántos meses han pasado desde la última vez que el paciente consumió la sustancia de forma problemática?',
    },
    help: {
      en: 'Ask the patient and check treatment records; enter 0 if the problematic use continues.',
      es: 'Pregunte al paciente y revise los registros de tratamiento; escriba 0 si el consumo problemático continúa.',
    },
    unit: 'mo',
    unitLabel: { en: 'months', es: 'meses' },
    min: 0,
    max: 1440,
    integer: true,
    required: true,
    enableWhen: { equals: [{ answer: 'substanceUseDisorder' }, true] },
  },
  yesNo(
    'ketamineMisuse',
    {
      en: 'Has the patient ever used ketamine without a prescription, or more than prescribed?',
      es: '¿Ha usado el paciente alguna vez ketamina sin receta, o más de lo recetado?',
    },
    {
      en: 'Ask the patient directly and without judgement; check the state prescription-monitoring program.',
      es: 'Pregunte al paciente directamente y sin juzgar; revise el programa estatal de control de recetas.',
    },
  ),
  {
    id: 'interactingMedicines',
    type: 'multi',
    prompt: {
      en: 'Does the patient take any of these medicines? Select all that apply.',
      es: '¿Toma el paciente alguno de estos medicamentos? Marque todos los que correspondan.',
    },
    help: {
      en: 'Reconcile the medication list with the patient and the state prescription-monitoring program, including medicines taken only as needed.',
      es: 'Concilie la lista de medicamentos con el paciente y con el programa estatal de control de recetas, incluidos los que toma solo cuando los necesita.',
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
  yesNo(
    'ketamineHypersensitivity',
    {
      en: 'Has the patient ever had an allergic or severe reaction to ketamine or esketamine?',
      es: '¿Ha tenido el paciente alguna vez una reacción alérgica o grave a la ketamina o a la esketamina?',
    },
    {
      en: 'Check the allergy list and past anesthesia records, and ask the patient.',
      es: 'Revise la lista de alergias y los registros de anestesias anteriores, y pregunte al paciente.',
    },
  ),
  {
    id: 'phq9',
    type: 'instrument',
    instrument: 'phq9',
    prompt: {
      en: 'PHQ-9: over the last 2 weeks, how often has the patient been bothered by each of these problems?',
      es: 'PHQ-9: durante las últimas 2 semanas, ¿con qué frecuencia le ha molestado al paciente cada uno de estos problemas?',
    },
    help: {
      en: 'The patient fills in the official PHQ-9 (on paper or read to them word for word); enter the score the patient chose for each item.',
      es: 'El paciente rellena el PHQ-9 oficial (en papel o leído palabra por palabra); anote la puntuación que eligió el paciente en cada ítem.',
    },
    required: true,
  },
  {
    id: 'gad7',
    type: 'instrument',
    instrument: 'gad7',
    prompt: {
      en: 'GAD-7: over the last 2 weeks, how often has the patient been bothered by each of these problems?',
      es: 'GAD-7: durante las últimas 2 semanas, ¿con qué frecuencia le ha molestado al paciente cada uno de estos problemas?',
    },
    help: {
      en: 'The patient fills in the official GAD-7; enter the score the patient chose for each item.',
      es: 'El paciente rellena el GAD-7 oficial; anote la puntuación que eligió el paciente en cada ítem.',
    },
  },
  {
    id: 'pcl5',
    type: 'instrument',
    instrument: 'pcl5',
    cutPoint: 33,
    prompt: {
      en: 'PCL-5: in the past month, how much has the patient been bothered by each of these problems after a very stressful experience?',
      es: 'PCL-5: en el último mes, ¿cuánto le ha molestado al paciente cada uno de estos problemas después de una experiencia muy estresante?',
    },
    help: {
      en: 'The patient fills in the official PCL-5; enter the score the patient chose for each item.',
      es: 'El paciente rellena el PCL-5 oficial; anote la puntuación que eligió el paciente en cada ítem.',
    },
  },
  {
    id: 'suicideRiskLevel',
    type: 'choice',
    audience: 'clinician',
    prompt: {
      en: 'What is the patient’s suicide risk level today, as you assess it?',
      es: '¿Cuál es hoy el nivel de riesgo de suicidio del paciente, según su evaluación?',
    },
    help: {
      en: 'Your judgement after a structured suicide risk assessment today, such as the C-SSRS screener, with PHQ-9 item 9.',
      es: 'Su juicio tras una evaluación estructurada del riesgo de suicidio hoy, como el cribado C-SSRS, junto con el ítem 9 del PHQ-9.',
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
      en: 'Observe the patient and ask on the day of the session, before dosing (a breath alcohol or urine drug test if your protocol uses one).',
      es: 'Observe al paciente y pregúntele el día de la sesión, antes de la dosis (con alcoholímetro o análisis de drogas en orina si su protocolo los usa).',
    },
  },
  {
    id: 'capacityToConsent',
    type: 'choice',
    audience: 'clinician',
    prompt: {
      en: 'Does the patient have capacity to consent to this treatment today, as you assess it?',
      es: '¿Tiene hoy el paciente capacidad para consentir este tratamiento, según su evaluación?',
    },
    help: {
      en: 'Assess it in conversation today: can the patient understand the information, appreciate how it applies to them, reason about the options and state a choice?',
      es: 'Evalúela hoy en la conversación: ¿puede el paciente entender la información, apreciar cómo le afecta, razonar sobre las opciones y expresar una decisión?',
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
      en: 'In the patient’s current episode of depression, how many different antidepressant medicines has the patient taken at a full dose for at least 6 weeks?',
      es: 'En el episodio actual de depresión del paciente, ¿cuántos medicamentos antidepresivos distintos ha tomado el paciente a dosis completa durante al menos 6 semanas?',
    },
    help: {
      en: 'From the medication history, the referral and pharmacy records. Count each antidepressant once; do not count talking therapy or other treatments. Enter 0 if none.',
      es: 'Según el historial de medicamentos, la derivación y los registros de farmacia. Cuente cada antidepresivo una vez; no cuente la psicoterapia ni otros tratamientos. Escriba 0 si ninguno.',
    },
    unitLabel: { en: 'medicines', es: 'medicamentos' },
    min: 0,
    max: 50,
    integer: true,
    required: true,
  },
];
