import { field, parseForm } from '../forms.server';
import type { PracticeProfile } from './practices.server';
import { PracticeProfileSchema } from '../schemas';

/** Parses the practice profile form into a profile, or field errors. */
export function parsePracticeProfile(formData: FormData) {
  const parsed = parseForm(PracticeProfileSchema, formData, {
    name: field(formData, 'name'),
    state: field(formData, 'state'),
    routes: formData.getAll('routes').filter((value) => typeof value === 'string'),
    telehealth: field(formData, 'telehealth'),
  });
  if (!parsed.ok) return parsed;
  const profile: PracticeProfile = {
    name: parsed.data.name,
    state: parsed.data.state,
    routes: parsed.data.routes,
    telehealth: parsed.data.telehealth === 'yes',
  };
  return { ok: true as const, profile };
}
