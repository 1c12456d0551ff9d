import type { Mail } from '../mail.server';

/**
 * The e-mail that brings a patient their packet, in their language. It
 * names the practice and carries the link, nothing about the patient: an
 * e-mail can be read by others on the way and in a shared inbox.
 */
export function packetMail({
  to,
  practiceName,
  link,
  expiresAt,
  locale,
}: {
  to: string;
  practiceName: string;
  link: string;
  expiresAt: Date;
  locale: string;
}): Mail {
  const day = expiresAt.toISOString().slice(0, 10);
  if (locale === 'es') {
    return {
      to,
      subject: `${practiceName}: documentos para leer y firmar`,
      text: [
        `${practiceName} le envió documentos para leer antes de su tratamiento, y un formulario de consentimiento para firmar si está de acuerdo.`,
        '',
        `Ábralos aquí (el enlace funciona hasta el ${day}):`,
        link,
        '',
        'Le pediremos su fecha de nacimiento para confirmar que es usted.',
        'Si no esperaba este mensaje, no abra el enlace y llame a la clínica.',
      ].join('\n'),
    };
  }
  return {
    to,
    subject: `${practiceName}: documents to read and sign`,
    text: [
      `${practiceName} sent you documents to read before your treatment, and a consent form to sign if you agree.`,
      '',
      `Open them here (the link works until ${day}):`,
      link,
      '',
      'We will ask for your date of birth to make sure it is you.',
      'If you did not expect this e-mail, do not open the link and call the practice.',
    ].join('\n'),
  };
}
