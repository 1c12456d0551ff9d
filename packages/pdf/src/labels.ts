/** Interface words printed around the content (not the content itself). */
export interface Labels {
  pageOf: (page: number, total: number) => string;
  contents: string;
  version: string;
  reviewed: string;
  reviewer: string;
  references: string;
  accessed: string;
  initials: string;
  /** Label under an initials box initialled by someone other than the patient. */
  initialledBy: Record<string, string>;
  signature: string;
  printedName: string;
  date: string;
  parties: Record<string, string>;
  generated: string;
  template: string;
  progress: string;
  overall: string;
  statusHeader: string;
  status: Record<'to-do' | 'in-progress' | 'done' | 'not-applicable', string>;
  assignee: string;
  due: string;
  reason: string;
  item: string;
  unassigned: string;
  phone: string;
  emergency: string;
  website: string;
  checklistReport: string;
  variant: string;
}

const en: Labels = {
  pageOf: (page, total) => `Page ${page} of ${total}`,
  contents: 'Contents',
  version: 'Version',
  reviewed: 'Last clinically reviewed',
  reviewer: 'Reviewer',
  references: 'References',
  accessed: 'accessed',
  initials: 'Initials',
  initialledBy: { clinician: 'Clinician initials', interpreter: 'Interpreter initials' },
  signature: 'Signature',
  printedName: 'Printed name',
  date: 'Date',
  parties: {
    patient: 'Patient',
    interpreter: 'Interpreter',
    clinician: 'Clinician',
    witness: 'Witness',
    guardian: 'Guardian',
  },
  generated: 'Generated',
  template: 'Checklist template',
  progress: 'Progress',
  overall: 'Overall',
  statusHeader: 'Status',
  status: {
    'to-do': 'To do',
    'in-progress': 'In progress',
    done: 'Done',
    'not-applicable': 'Not applicable',
  },
  assignee: 'Assignee',
  due: 'Due',
  reason: 'Reason',
  item: 'Item',
  unassigned: 'Unassigned',
  phone: 'Phone',
  emergency: 'Urgent',
  website: 'Web',
  checklistReport: 'Onboarding checklist report',
  variant: 'Routes covered',
};

const es: Labels = {
  pageOf: (page, total) => `Página ${page} de ${total}`,
  contents: 'Contenido',
  version: 'Versión',
  reviewed: 'Última revisión clínica',
  reviewer: 'Revisión',
  references: 'Referencias',
  accessed: 'consultado',
  initials: 'Iniciales',
  initialledBy: {
    clinician: 'Iniciales del profesional clínico',
    interpreter: 'Iniciales del intérprete',
  },
  signature: 'Firma',
  printedName: 'Nombre en letra de molde',
  date: 'Fecha',
  parties: {
    patient: 'Paciente',
    interpreter: 'Intérprete',
    clinician: 'Profesional clínico',
    witness: 'Testigo',
    guardian: 'Tutor',
  },
  generated: 'Generado',
  template: 'Plantilla de la lista',
  progress: 'Progreso',
  overall: 'Total',
  statusHeader: 'Estado',
  status: {
    'to-do': 'Pendiente',
    'in-progress': 'En curso',
    done: 'Hecho',
    'not-applicable': 'No aplica',
  },
  assignee: 'Responsable',
  due: 'Fecha límite',
  reason: 'Motivo',
  item: 'Tarea',
  unassigned: 'Sin asignar',
  phone: 'Teléfono',
  emergency: 'Urgencias',
  website: 'Web',
  checklistReport: 'Informe de la lista de incorporación',
  variant: 'Vías incluidas',
};

/** Interface labels for a locale; anything not Spanish gets English. */
export function labelsFor(locale: string): Labels {
  return locale.toLowerCase().startsWith('es') ? es : en;
}
