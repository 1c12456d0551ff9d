import {
  applicableItems,
  fill,
  getChecklistTemplate,
  getDocument,
  listDocuments,
  placeholdersIn,
} from '@groundwork/content';
import { bench, describe } from 'vitest';

const consent = getDocument('informed-consent', { locale: 'en' });
const values = Object.fromEntries(
  placeholdersIn(consent).map((name) => [name, 'Main Street Clinic']),
);
const template = getChecklistTemplate();

describe('content at run time', () => {
  bench('getDocument: the guide (largest document)', () => {
    getDocument('psychedelic-basics-guide', { locale: 'en' });
  });
  bench('getDocument: consent, IV variant, Spanish', () => {
    getDocument('informed-consent', { locale: 'es', variant: { routes: ['iv'] } });
  });
  bench('listDocuments: every patient document', () => {
    listDocuments({ audience: 'patient' });
  });
  bench('fill: the English consent form', () => {
    fill(consent, values);
  });
  bench('applicableItems: the onboarding checklist', () => {
    applicableItems(template, { routes: ['iv', 'oral-sublingual'], telehealth: true, state: 'CA' });
  });
});
