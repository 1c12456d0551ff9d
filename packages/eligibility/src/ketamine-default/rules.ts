import type { RuleInput } from '../rule.js';

const v1 = '1.0.0';
/** Rules added or changed in ketamine-default 1.1.0. */
const v1_1 = '1.1.0';

/** Rules of the `ketamine-default` ruleset, each citing its sources. */
export const KETAMINE_DEFAULT_RULES: RuleInput[] = [
  {
    id: 'age-minimum',
    version: v1,
    severity: 'exclude',
    condition: { lessThan: [{ answer: 'age' }, { param: 'minimumAge' }] },
    parameters: { minimumAge: 18 },
    parameterRanges: { minimumAge: { min: 18, max: 30, integer: true, unit: 'years' } },
    message: {
      en: 'Younger than {minimumAge}: this protocol is for adults; ketamine and esketamine for depression are studied and labelled in adults.',
      es: 'Menor de {minimumAge} años: este protocolo es para adultos; la ketamina y la esketamina para la depresión se han estudiado y aprobado en adultos.',
    },
    references: ['spravato-label', 'sanacora-2017'],
  },
  {
    id: 'older-adult',
    version: v1_1,
    severity: 'review',
    condition: { greaterThanOrEqual: [{ answer: 'age' }, { param: 'reviewFrom' }] },
    parameters: { reviewFrom: 65 },
    parameterRanges: { reviewFrom: { min: 50, max: 65, integer: true, unit: 'years' } },
    message: {
      en: 'Aged {reviewFrom} or over: esketamine reaches higher blood levels in people aged 65 and over (label, use in older adults), and some esketamine labels start this age group on a lower dose; a clinician reviews the dose, blood pressure and monitoring plan.',
      es: '{reviewFrom} años o más: la esketamina alcanza niveles más altos en sangre en personas de 65 años o más (ficha técnica, uso en personas mayores), y algunas fichas técnicas de la esketamina empiezan con una dosis menor en este grupo de edad; un profesional clínico revisa la dosis, la presión arterial y el plan de vigilancia.',
    },
    references: ['spravato-label'],
  },
  {
    id: 'pregnancy',
    version: v1,
    severity: 'exclude',
    condition: { equals: [{ answer: 'pregnant' }, 'yes'] },
    message: {
      en: 'Reports being pregnant: ketamine and esketamine are not recommended in pregnancy (possible harm to the developing baby).',
      es: 'Indica estar embarazada: no se recomienda la ketamina ni la esketamina durante el embarazo (posible daño al bebé en desarrollo).',
    },
    references: ['spravato-label', 'ketalar-label', 'askp3-standards'],
  },
  {
    id: 'pregnancy-possible',
    version: v1,
    severity: 'review',
    condition: { equals: [{ answer: 'pregnant' }, 'unsure'] },
    message: {
      en: 'Not sure whether pregnant: confirm pregnancy status (for example with a test) before treatment.',
      es: 'No sabe si está embarazada: confirme el estado de embarazo (por ejemplo con una prueba) antes del tratamiento.',
    },
    references: ['spravato-label', 'askp3-standards'],
  },
  {
    id: 'breastfeeding',
    version: v1,
    severity: 'exclude',
    condition: { equals: [{ answer: 'breastfeeding' }, true] },
    message: {
      en: 'Breastfeeding: the esketamine label advises against breastfeeding during treatment; discuss alternatives.',
      es: 'Amamanta: la ficha técnica de la esketamina desaconseja amamantar durante el tratamiento; hable de alternativas.',
    },
    references: ['spravato-label', 'askp3-standards'],
  },
  {
    id: 'psychotic-disorder',
    version: v1,
    severity: 'exclude',
    condition: { equals: [{ answer: 'psychoticDisorder' }, true] },
    message: {
      en: 'Psychotic disorder or current psychotic symptoms: ketamine can worsen psychosis.',
      es: 'Trastorno psicótico o síntomas psicóticos actuales: la ketamina puede empeorar la psicosis.',
    },
    references: ['sanacora-2017', 'spravato-label', 'askp3-standards'],
  },
  {
    id: 'past-psychotic-episode',
    version: v1,
    severity: 'review',
    condition: { equals: [{ answer: 'pastPsychoticEpisode' }, true] },
    message: {
      en: 'Past episode of psychosis: a clinician weighs the risk of a recurrence before treatment.',
      es: 'Episodio previo de psicosis: un profesional clínico valora el riesgo de recaída antes del tratamiento.',
    },
    references: ['sanacora-2017', 'askp3-standards'],
  },
  {
    id: 'bipolar-disorder',
    version: v1,
    severity: 'review',
    condition: { equals: [{ answer: 'bipolarDisorder' }, true] },
    message: {
      en: 'Bipolar disorder: ketamine may trigger mania or hypomania; a clinician reviews mood stability and treatment.',
      es: 'Trastorno bipolar: la ketamina puede desencadenar manía o hipomanía; un profesional clínico revisa la estabilidad del ánimo y el tratamiento.',
    },
    references: ['sanacora-2017', 'askp3-standards'],
  },
  {
    id: 'bipolar-recent-mania',
    version: v1,
    severity: 'exclude',
    condition: { equals: [{ answer: 'bipolarRecentMania' }, true] },
    message: {
      en: 'Manic or hypomanic episode in the past 12 months: many programmes exclude bipolar disorder with recent mania (practice policy; adjustable).',
      es: 'Episodio maníaco o hipomaníaco en los últimos 12 meses: muchos programas excluyen el trastorno bipolar con manía reciente (política de la práctica; ajustable).',
    },
    references: ['sanacora-2017', 'askp3-standards'],
  },
  {
    id: 'bp-above-threshold',
    version: v1,
    severity: 'defer',
    condition: {
      any: [
        {
          greaterThan: [
            { answer: 'bloodPressureToday', field: 'systolic' },
            { param: 'systolicMax' },
          ],
        },
        {
          greaterThan: [
            { answer: 'bloodPressureToday', field: 'diastolic' },
            { param: 'diastolicMax' },
          ],
        },
      ],
    },
    parameters: { systolicMax: 140, diastolicMax: 90 },
    parameterRanges: {
      systolicMax: { min: 100, max: 180, integer: true, unit: 'mmHg' },
      diastolicMax: { min: 60, max: 110, integer: true, unit: 'mmHg' },
    },
    message: {
      en: "Today's blood pressure is above {systolicMax}/{diastolicMax} mmHg: consider delaying today's session; ketamine raises blood pressure, with a peak about 40 minutes after dosing.",
      es: 'La presión arterial de hoy supera {systolicMax}/{diastolicMax} mmHg: considere posponer la sesión de hoy; la ketamina eleva la presión arterial, con un pico unos 40 minutos después de la dosis.',
    },
    references: ['spravato-label', 'spravato-hcp-dosing'],
  },
  {
    id: 'hypertension-uncontrolled',
    version: v1,
    severity: 'review',
    condition: { in: [{ answer: 'hypertensionControlled' }, ['no', 'unsure']] },
    message: {
      en: 'High blood pressure that may not be controlled: a clinician reviews blood pressure control before treatment.',
      es: 'Presión arterial alta posiblemente no controlada: un profesional clínico revisa el control de la presión antes del tratamiento.',
    },
    references: ['spravato-label', 'ketalar-label', 'asa-ketamine-statement'],
  },
  {
    id: 'vascular-aneurysm-avm-haemorrhage',
    version: v1,
    severity: 'exclude',
    condition: {
      in: [{ answer: 'vascularConditions' }, ['aneurysm', 'avm', 'intracerebral-haemorrhage']],
    },
    message: {
      en: 'Aneurysm, arteriovenous malformation or bleeding in the brain: a rise in blood pressure could be dangerous; these are contraindications on the esketamine label.',
      es: 'Aneurisma, malformación arteriovenosa o sangrado cerebral: una subida de la presión arterial podría ser peligrosa; son contraindicaciones en la ficha técnica de la esketamina.',
    },
    references: ['spravato-label'],
  },
  {
    id: 'raised-intracranial-pressure',
    version: v1_1,
    severity: 'review',
    condition: { equals: [{ answer: 'raisedIntracranialPressure' }, true] },
    message: {
      en: 'Raised pressure inside the skull: ketamine can raise it further (a warning on the ketamine label), and a rise in blood pressure adds to the danger; a clinician reviews with the treating neurology team before any dose.',
      es: 'Presión dentro del cráneo elevada: la ketamina puede elevarla más (una advertencia de la ficha técnica de la ketamina), y una subida de la presión arterial aumenta el peligro; un profesional clínico lo revisa con el equipo de neurología tratante antes de cualquier dosis.',
    },
    references: ['ketalar-label', 'spravato-label'],
  },
  {
    id: 'recent-head-injury',
    version: v1_1,
    severity: 'review',
    condition: { equals: [{ answer: 'recentHeadInjury' }, true] },
    message: {
      en: 'Head injury in the past 3 months: pressure inside the skull may be raised, and ketamine can raise it further; a clinician checks recovery and any lasting symptoms before treatment.',
      es: 'Lesión en la cabeza en los últimos 3 meses: la presión dentro del cráneo puede estar elevada y la ketamina puede elevarla más; un profesional clínico comprueba la recuperación y cualquier síntoma persistente antes del tratamiento.',
    },
    references: ['ketalar-label'],
  },
  {
    id: 'heart-disease',
    version: v1,
    severity: 'review',
    condition: { equals: [{ answer: 'heartDisease' }, true] },
    message: {
      en: 'Heart disease: ketamine raises heart rate and blood pressure; a clinician reviews cardiac risk (and may seek a cardiology opinion).',
      es: 'Enfermedad cardíaca: la ketamina eleva la frecuencia cardíaca y la presión arterial; un profesional clínico revisa el riesgo cardíaco (y puede pedir opinión a cardiología).',
    },
    references: ['ketalar-label', 'spravato-label', 'parikh-2021'],
  },
  {
    id: 'cardiac-event-or-stroke',
    version: v1,
    severity: 'review',
    condition: { equals: [{ answer: 'cardiacEventOrStroke' }, true] },
    message: {
      en: 'Past heart attack or stroke: a clinician reviews cardiovascular risk before treatment.',
      es: 'Infarto o ictus previo: un profesional clínico revisa el riesgo cardiovascular antes del tratamiento.',
    },
    references: ['spravato-label', 'ketalar-label'],
  },
  {
    id: 'cardiac-event-recent',
    version: v1,
    severity: 'defer',
    condition: {
      lessThan: [{ answer: 'cardiacEventMonthsAgo' }, { param: 'minimumMonthsSinceEvent' }],
    },
    parameters: { minimumMonthsSinceEvent: 6 },
    parameterRanges: {
      minimumMonthsSinceEvent: { min: 1, max: 60, integer: true, unit: 'months' },
    },
    message: {
      en: 'Heart attack or stroke less than {minimumMonthsSinceEvent} months ago: defer treatment and seek a cardiovascular assessment; the esketamine label asks prescribers to weigh cardiovascular and cerebrovascular risk first (the interval is a practice policy; adjustable).',
      es: 'Infarto o ictus hace menos de {minimumMonthsSinceEvent} meses: posponga el tratamiento y solicite una valoración cardiovascular; la ficha técnica de la esketamina pide valorar antes el riesgo cardiovascular y cerebrovascular (el intervalo es una política de la práctica; ajustable).',
    },
    references: ['spravato-label', 'sanacora-2017'],
  },
  {
    id: 'respiratory-disease-or-sleep-apnea',
    version: v1_1,
    severity: 'review',
    condition: { in: [{ answer: 'breathingConditions' }, ['lung-disease', 'sleep-apnea']] },
    message: {
      en: 'Long-term lung disease or sleep apnea: ketamine and esketamine can slow breathing (respiratory depression is a boxed warning on the esketamine label), more so with other sedating medicines; a clinician reviews breathing risk and continuous pulse oximetry during the session.',
      es: 'Enfermedad pulmonar de larga duración o apnea del sueño: la ketamina y la esketamina pueden hacer más lenta la respiración (la depresión respiratoria es una advertencia destacada de la ficha técnica de la esketamina), más aún con otros medicamentos sedantes; un profesional clínico revisa el riesgo respiratorio y la pulsioximetría continua durante la sesión.',
    },
    references: ['spravato-label', 'ketalar-label'],
  },
  {
    id: 'resting-spo2-low',
    version: v1_1,
    severity: 'review',
    condition: { lessThan: [{ answer: 'restingSpo2' }, { param: 'minimumRestingSpo2' }] },
    parameters: { minimumRestingSpo2: 94 },
    parameterRanges: { minimumRestingSpo2: { min: 90, max: 98, integer: true, unit: '%' } },
    message: {
      en: "Today's resting oxygen saturation is below {minimumRestingSpo2}%: ketamine and esketamine can slow breathing; a clinician rechecks the reading and assesses breathing before dosing (the threshold is a practice setting; adjustable).",
      es: 'La saturación de oxígeno en reposo de hoy es inferior al {minimumRestingSpo2} %: la ketamina y la esketamina pueden hacer más lenta la respiración; un profesional clínico repite la medición y evalúa la respiración antes de la dosis (el umbral es un ajuste de la práctica; ajustable).',
    },
    references: ['spravato-label', 'ketalar-label'],
  },
  {
    id: 'seizure-disorder',
    version: v1_1,
    severity: 'review',
    condition: { equals: [{ answer: 'seizureDisorder' }, true] },
    message: {
      en: 'Epilepsy or past seizures: ketamine can cause muscle jerks that look like a seizure, and some medicines taken with it lower the seizure threshold; a clinician reviews seizure control and medicines, and the session plan for a seizure.',
      es: 'Epilepsia o convulsiones previas: la ketamina puede causar sacudidas musculares que parecen una convulsión, y algunos medicamentos tomados con ella reducen el umbral convulsivo; un profesional clínico revisa el control de las convulsiones, los medicamentos y el plan de la sesión ante una convulsión.',
    },
    references: ['ketalar-label'],
  },
  {
    id: 'glaucoma-or-raised-eye-pressure',
    version: v1_1,
    severity: 'review',
    condition: { equals: [{ answer: 'glaucoma' }, true] },
    message: {
      en: 'Glaucoma or high eye pressure: ketamine can raise the pressure inside the eye; a clinician reviews eye-pressure control, if needed with the eye specialist.',
      es: 'Glaucoma o presión ocular alta: la ketamina puede elevar la presión dentro del ojo; un profesional clínico revisa el control de la presión ocular, si hace falta con el oftalmólogo.',
    },
    references: ['ketalar-label'],
  },
  {
    id: 'hyperthyroidism',
    version: v1,
    severity: 'review',
    condition: { equals: [{ answer: 'hyperthyroidism' }, true] },
    message: {
      en: 'Untreated or partly treated overactive thyroid: raises cardiovascular risk with ketamine; a clinician reviews thyroid control.',
      es: 'Hipertiroidismo sin tratamiento completo: aumenta el riesgo cardiovascular con la ketamina; un profesional clínico revisa el control tiroideo.',
    },
    references: ['ketalar-label', 'sanacora-2017'],
  },
  {
    id: 'liver-disease',
    version: v1,
    severity: 'review',
    condition: { equals: [{ answer: 'liverDisease' }, true] },
    message: {
      en: 'Liver disease: frequent or long-term ketamine use has been linked to liver injury; a clinician reviews liver function.',
      es: 'Enfermedad hepática: el uso frecuente o prolongado de ketamina se ha asociado a daño hepático; un profesional clínico revisa la función hepática.',
    },
    references: ['ketalar-label', 'spravato-label'],
  },
  {
    id: 'kidney-or-bladder-history',
    version: v1,
    severity: 'review',
    condition: {
      any: [
        { equals: [{ answer: 'kidneyDisease' }, true] },
        { equals: [{ answer: 'bladderProblems' }, true] },
      ],
    },
    message: {
      en: 'Kidney disease or bladder symptoms: ketamine can inflame the bladder and urinary tract with frequent use; a clinician reviews urinary symptoms first.',
      es: 'Enfermedad renal o síntomas de vejiga: la ketamina puede inflamar la vejiga y las vías urinarias con el uso frecuente; un profesional clínico revisa primero los síntomas urinarios.',
    },
    references: ['ketalar-label', 'spravato-label'],
  },
  {
    id: 'ketamine-cystitis',
    version: v1,
    severity: 'exclude',
    condition: { equals: [{ answer: 'ketamineCystitis' }, true] },
    message: {
      en: 'Bladder problems attributed to ketamine (ketamine-related cystitis): further exposure may cause lasting urinary tract damage.',
      es: 'Problemas de vejiga atribuidos a la ketamina (cistitis por ketamina): una nueva exposición puede causar daño urinario duradero.',
    },
    references: ['ketalar-label', 'spravato-label'],
  },
  {
    id: 'substance-use-history',
    version: v1,
    severity: 'review',
    condition: { equals: [{ answer: 'substanceUseDisorder' }, true] },
    message: {
      en: 'History of a substance use disorder: ketamine can be misused; a clinician reviews the history and relapse risk.',
      es: 'Antecedentes de trastorno por consumo de sustancias: la ketamina puede usarse de forma indebida; un profesional clínico revisa los antecedentes y el riesgo de recaída.',
    },
    references: ['spravato-label', 'sanacora-2017', 'asa-ketamine-statement'],
  },
  {
    id: 'substance-use-recent',
    version: v1,
    severity: 'exclude',
    condition: {
      lessThan: [{ answer: 'substanceUseMonthsAbstinent' }, { param: 'minimumMonthsAbstinent' }],
    },
    parameters: { minimumMonthsAbstinent: 12 },
    parameterRanges: {
      minimumMonthsAbstinent: { min: 1, max: 60, integer: true, unit: 'months' },
    },
    message: {
      en: 'Problematic substance use within the past {minimumMonthsAbstinent} months: active substance use disorder is a common exclusion (practice policy; adjustable).',
      es: 'Consumo problemático de sustancias en los últimos {minimumMonthsAbstinent} meses: el trastorno activo por consumo de sustancias es una exclusión habitual (política de la práctica; ajustable).',
    },
    references: ['askp3-standards', 'sanacora-2017'],
  },
  {
    id: 'ketamine-misuse',
    version: v1,
    severity: 'exclude',
    condition: { equals: [{ answer: 'ketamineMisuse' }, true] },
    message: {
      en: 'Past misuse of ketamine: ketamine can be misused and can cause dependence, and both labels warn about abuse and misuse; prior misuse is a common exclusion.',
      es: 'Uso indebido previo de ketamina: la ketamina puede usarse de forma indebida y causar dependencia, y ambas fichas técnicas advierten sobre el abuso y el uso indebido; el uso indebido previo es un motivo de exclusión habitual.',
    },
    references: ['spravato-label', 'ketalar-label', 'asa-ketamine-statement'],
  },
  {
    id: 'medicine-maoi',
    version: v1,
    severity: 'review',
    condition: { in: [{ answer: 'interactingMedicines' }, ['maoi']] },
    message: {
      en: 'Takes an MAOI: can add to the rise in blood pressure; closer blood pressure monitoring is advised.',
      es: 'Toma un IMAO: puede sumarse al aumento de la presión arterial; se aconseja vigilar más de cerca la presión arterial.',
    },
    references: ['spravato-label', 'spravato-rems'],
  },
  {
    id: 'medicine-benzodiazepine-or-sedative',
    version: v1,
    severity: 'review',
    condition: { in: [{ answer: 'interactingMedicines' }, ['benzodiazepine-or-sedative']] },
    message: {
      en: 'Takes a benzodiazepine or other sedative: adds to sedation and may blunt the antidepressant effect; a clinician reviews timing and dose (do not stop abruptly).',
      es: 'Toma una benzodiacepina u otro sedante: aumenta la sedación y puede reducir el efecto antidepresivo; un profesional clínico revisa el horario y la dosis (no suspender de golpe).',
    },
    references: ['spravato-label', 'parikh-2021', 'askp3-standards'],
  },
  {
    id: 'medicine-lamotrigine',
    version: v1,
    severity: 'review',
    condition: { in: [{ answer: 'interactingMedicines' }, ['lamotrigine']] },
    message: {
      en: 'Takes lamotrigine: may blunt the effect of ketamine; a clinician reviews the regimen.',
      es: 'Toma lamotrigina: puede reducir el efecto de la ketamina; un profesional clínico revisa el tratamiento.',
    },
    references: ['parikh-2021', 'askp3-standards'],
  },
  {
    id: 'medicine-stimulant',
    version: v1,
    severity: 'review',
    condition: { in: [{ answer: 'interactingMedicines' }, ['stimulant']] },
    message: {
      en: 'Takes a stimulant: can add to the rise in blood pressure and heart rate; closer monitoring is advised.',
      es: 'Toma un estimulante: puede sumarse al aumento de la presión arterial y la frecuencia cardíaca; se aconseja una vigilancia más estrecha.',
    },
    references: ['spravato-label', 'spravato-rems'],
  },
  {
    id: 'medicine-opioid',
    version: v1,
    severity: 'review',
    condition: { in: [{ answer: 'interactingMedicines' }, ['opioid']] },
    message: {
      en: 'Takes an opioid: adds to sedation and breathing depression; a clinician reviews dose and monitoring.',
      es: 'Toma un opioide: aumenta la sedación y la depresión respiratoria; un profesional clínico revisa la dosis y la vigilancia.',
    },
    references: ['spravato-label', 'asa-ketamine-statement'],
  },
  {
    id: 'ketamine-hypersensitivity',
    version: v1,
    severity: 'exclude',
    condition: { equals: [{ answer: 'ketamineHypersensitivity' }, true] },
    message: {
      en: 'Past allergic or severe reaction to ketamine or esketamine: a contraindication on both labels.',
      es: 'Reacción alérgica o grave previa a la ketamina o la esketamina: es una contraindicación en ambas fichas técnicas.',
    },
    references: ['ketalar-label', 'spravato-label'],
  },
  {
    id: 'phq9-item9-positive',
    version: v1,
    severity: 'review',
    urgent: true,
    condition: { greaterThan: [{ item: 'phq9', number: 9 }, 0] },
    message: {
      en: 'PHQ-9 item 9 is above 0 (thoughts of death or self-harm): a clinician assesses suicide risk today, before any treatment decision.',
      es: 'El ítem 9 del PHQ-9 es mayor que 0 (pensamientos de muerte o de hacerse daño): un profesional clínico evalúa hoy el riesgo de suicidio, antes de decidir el tratamiento.',
    },
    references: ['kroenke-2001-phq9', 'columbia-cssrs'],
  },
  {
    id: 'suicide-risk-high',
    version: v1,
    severity: 'defer',
    urgent: true,
    condition: { equals: [{ answer: 'suicideRiskLevel' }, 'high'] },
    message: {
      en: 'Clinician-assessed suicide risk is high: urgent safety evaluation and planning come first; do not dose today.',
      es: 'El riesgo de suicidio evaluado por el profesional clínico es alto: primero una evaluación y un plan de seguridad urgentes; no administrar dosis hoy.',
    },
    references: ['columbia-cssrs', 'sanacora-2017'],
  },
  {
    id: 'suicide-risk-moderate',
    version: v1,
    severity: 'review',
    condition: { equals: [{ answer: 'suicideRiskLevel' }, 'moderate'] },
    message: {
      en: 'Clinician-assessed suicide risk is moderate: a safety plan and closer follow-up are part of the treatment decision.',
      es: 'El riesgo de suicidio evaluado por el profesional clínico es moderado: un plan de seguridad y un seguimiento más cercano forman parte de la decisión de tratamiento.',
    },
    references: ['columbia-cssrs', 'sanacora-2017'],
  },
  {
    id: 'intoxication-today',
    version: v1_1,
    severity: 'defer',
    condition: { equals: [{ answer: 'intoxicatedToday' }, true] },
    message: {
      en: 'Intoxicated today, or reports using alcohol or drugs today: alcohol and other sedating drugs add to sedation and slowed breathing, and consent and monitoring are unreliable; do not dose today.',
      es: 'Intoxicado hoy, o dice haber consumido alcohol o drogas hoy: el alcohol y otras drogas sedantes aumentan la sedación y la depresión respiratoria, y el consentimiento y la vigilancia no son fiables; no administrar dosis hoy.',
    },
    references: ['spravato-label', 'ketalar-label'],
  },
  {
    id: 'capacity-lacking',
    version: v1_1,
    severity: 'defer',
    condition: { equals: [{ answer: 'capacityToConsent' }, 'no'] },
    message: {
      en: 'Lacks capacity to consent today: valid consent needs capacity, so do not treat on this consent; capacity can change, so reassess later, and where it stays absent a substitute decision-maker is needed.',
      es: 'No tiene capacidad para consentir hoy: un consentimiento válido requiere capacidad, así que no trate con este consentimiento; la capacidad puede cambiar, así que vuelva a evaluarla más adelante, y si sigue sin ella se necesita una persona que decida en su nombre.',
    },
    references: ['appelbaum-2007-capacity'],
  },
  {
    id: 'capacity-uncertain',
    version: v1_1,
    severity: 'review',
    condition: { equals: [{ answer: 'capacityToConsent' }, 'unsure'] },
    message: {
      en: 'Capacity to consent is not clear: a clinician assesses understanding, appreciation, reasoning and choice before consent is taken.',
      es: 'La capacidad para consentir no está clara: un profesional clínico evalúa la comprensión, la apreciación, el razonamiento y la elección antes de tomar el consentimiento.',
    },
    references: ['appelbaum-2007-capacity'],
  },
  {
    id: 'treatment-resistance-policy',
    version: v1_1,
    severity: 'review',
    condition: { lessThan: [{ answer: 'adequateTrials' }, { param: 'minimumAdequateTrials' }] },
    parameters: { minimumAdequateTrials: 2 },
    parameterRanges: {
      minimumAdequateTrials: { min: 1, max: 10, integer: true, unit: 'trials' },
    },
    message: {
      en: 'Fewer than {minimumAdequateTrials} adequate antidepressant trials in the current episode: treatment-resistant depression is usually defined as no adequate response to at least two antidepressants of adequate dose and duration (talking therapy is not counted); applying this to other conditions is a practice policy.',
      es: 'Menos de {minimumAdequateTrials} tratamientos antidepresivos adecuados en el episodio actual: la depresión resistente al tratamiento suele definirse como la falta de respuesta adecuada a al menos dos antidepresivos a dosis y duración adecuadas (la psicoterapia no cuenta); aplicarlo a otras afecciones es una política de la práctica.',
    },
    references: ['sanacora-2017', 'spravato-label'],
  },
  {
    id: 'gad7-severe-anxiety',
    version: v1,
    severity: 'info',
    condition: { greaterThanOrEqual: [{ score: 'gad7' }, { param: 'severeFrom' }] },
    parameters: { severeFrom: 15 },
    parameterRanges: { severeFrom: { min: 5, max: 21, integer: true, unit: 'points' } },
    message: {
      en: 'GAD-7 total is {severeFrom} or more (severe anxiety range): worth noting in treatment planning.',
      es: 'El total del GAD-7 es {severeFrom} o más (rango de ansiedad grave): conviene tenerlo en cuenta al planificar el tratamiento.',
    },
    references: ['spitzer-2006-gad7'],
  },
  {
    id: 'pcl5-provisional-ptsd',
    version: v1,
    severity: 'info',
    condition: { flag: ['pcl5', 'provisionalPtsd'] },
    message: {
      en: 'PCL-5 total is at or above the cut-point for provisional PTSD: a diagnostic assessment can confirm it.',
      es: 'El total del PCL-5 alcanza el punto de corte de TEPT provisional: una evaluación diagnóstica puede confirmarlo.',
    },
    references: ['va-pcl5'],
  },
];
