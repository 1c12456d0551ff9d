/** Everything the patient's pages say, in English and Spanish. */
export const PATIENT_TEXT = {
  en: {
    title: 'Your documents',
    from: (practice: string) => `From ${practice}`,
    here: 'Signing in the clinic. A member of staff can help; hand the device back when you are done.',
    refusals: {
      unknown:
        'This link does not work. It may have been replaced by a newer one: use the latest e-mail, or ask the practice.',
      expired: 'This link has expired. Ask the practice to send you a new one.',
      revoked:
        'The practice has withdrawn this link. Contact them if you still need the documents.',
      locked:
        'This link is locked after too many wrong dates of birth. Ask the practice to send you a new one.',
      completed:
        'You have already signed these documents, so this link no longer opens them. Ask the practice for a copy.',
      deleted: 'These documents are no longer kept here. Ask the practice for a copy.',
    },
    birthDate: {
      heading: 'Confirm it is you',
      intro: 'Enter your date of birth to open the documents.',
      label: 'Date of birth',
      hint: 'For example 1980-04-23 (year, month, day).',
      submit: 'Continue',
      wrong: (remaining: number) =>
        `That date of birth does not match. ${remaining} ${remaining === 1 ? 'try' : 'tries'} left before the link locks.`,
      invalid: 'Enter the date like 1980-04-23.',
    },
    list: {
      heading: 'Read and sign',
      intro: 'Read each document. The consent form asks you to initial each section and sign.',
      read: 'Read',
      sign: 'Read, initial and sign',
      status: { todo: 'To do', opened: 'Read', signed: 'Signed' },
      done: 'Thank you: you have read and signed everything.',
      download: 'Download what you signed (PDF)',
      next: 'Next',
    },
    document: {
      back: 'Back to your documents',
      readDone: 'I have read this',
      initialsHeading: 'Your initials',
      initialsLabel: (section: string) => `Initials for “${section}”`,
      step1: 'Step 1: read and initial each section',
      step2: 'Step 2: agree to sign electronically',
      esignText: [
        'You can sign this form on paper instead: ask the practice. You may withdraw this agreement before you sign.',
        'Your electronic signature has the same effect as a handwritten one. You can download a copy of what you sign, and ask the practice for a paper copy at any time.',
        'You need a device with a web browser to sign and to open the PDF copy.',
      ],
      esignLabel: 'I agree to sign electronically',
      step3: 'Step 3: sign',
      nameLabel: 'Your full name',
      drawLabel: 'Draw your signature',
      drawHint: 'Use your finger, a stylus or the mouse. Or choose to type your signature instead.',
      clear: 'Clear',
      methodLegend: 'How would you like to sign?',
      methodDrawn: 'Draw my signature',
      methodTyped: 'Use my typed name as my signature',
      typedPreview: 'Your signature',
      submit: 'Sign',
      signedAlready: 'You have signed this form.',
      changed:
        'This document has changed since the practice sent it. Ask them to send it again before you sign.',
      errorSummary: 'Please correct the fields marked below.',
    },
  },
  es: {
    title: 'Sus documentos',
    from: (practice: string) => `De ${practice}`,
    here: 'Firma en la clínica. El personal puede ayudarle; devuelva el dispositivo cuando termine.',
    refusals: {
      unknown:
        'Este enlace no funciona. Puede que lo hayan reemplazado por uno más nuevo: use el correo más reciente o pregunte en la clínica.',
      expired: 'Este enlace ya venció. Pida a la clínica que le envíe uno nuevo.',
      revoked:
        'La clínica retiró este enlace. Comuníquese con ellos si aún necesita los documentos.',
      locked:
        'Este enlace está bloqueado por demasiadas fechas de nacimiento incorrectas. Pida a la clínica uno nuevo.',
      completed:
        'Ya firmó estos documentos, así que este enlace ya no los abre. Pida una copia a la clínica.',
      deleted: 'Estos documentos ya no se guardan aquí. Pida una copia a la clínica.',
    },
    birthDate: {
      heading: 'Confirme que es usted',
      intro: 'Escriba su fecha de nacimiento para abrir los documentos.',
      label: 'Fecha de nacimiento',
      hint: 'Por ejemplo 1980-04-23 (año, mes, día).',
      submit: 'Continuar',
      wrong: (remaining: number) =>
        `La fecha de nacimiento no coincide. Le ${remaining === 1 ? 'queda 1 intento' : `quedan ${remaining} intentos`} antes de que el enlace se bloquee.`,
      invalid: 'Escriba la fecha así: 1980-04-23.',
    },
    list: {
      heading: 'Leer y firmar',
      intro:
        'Lea cada documento. El formulario de consentimiento le pide sus iniciales en cada sección y su firma.',
      read: 'Leer',
      sign: 'Leer, poner iniciales y firmar',
      status: { todo: 'Pendiente', opened: 'Leído', signed: 'Firmado' },
      done: 'Gracias: ya leyó y firmó todo.',
      download: 'Descargar lo que firmó (PDF)',
      next: 'Siguiente',
    },
    document: {
      back: 'Volver a sus documentos',
      readDone: 'Ya lo leí',
      initialsHeading: 'Sus iniciales',
      initialsLabel: (section: string) => `Iniciales para «${section}»`,
      step1: 'Paso 1: lea cada sección y ponga sus iniciales',
      step2: 'Paso 2: acepte firmar electrónicamente',
      esignText: [
        'Puede firmar este formulario en papel: pídalo en la clínica. Puede retirar este acuerdo antes de firmar.',
        'Su firma electrónica tiene el mismo efecto que una firma a mano. Puede descargar una copia de lo que firme y pedir una copia en papel en cualquier momento.',
        'Necesita un dispositivo con navegador web para firmar y para abrir la copia en PDF.',
      ],
      esignLabel: 'Acepto firmar electrónicamente',
      step3: 'Paso 3: firme',
      nameLabel: 'Su nombre completo',
      drawLabel: 'Dibuje su firma',
      drawHint: 'Use el dedo, un lápiz táctil o el ratón. O elija escribir su firma.',
      clear: 'Borrar',
      methodLegend: '¿Cómo quiere firmar?',
      methodDrawn: 'Dibujar mi firma',
      methodTyped: 'Usar mi nombre escrito como firma',
      typedPreview: 'Su firma',
      submit: 'Firmar',
      signedAlready: 'Ya firmó este formulario.',
      changed:
        'Este documento cambió desde que la clínica lo envió. Pídales que lo envíen de nuevo antes de firmar.',
      errorSummary: 'Corrija los campos marcados abajo.',
    },
  },
} as const;

/** The patient pages' text in a packet's language (English when unknown). */
export function patientText(locale: string) {
  return locale === 'es' ? PATIENT_TEXT.es : PATIENT_TEXT.en;
}
