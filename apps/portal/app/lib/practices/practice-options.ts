import { ROUTES, US_STATES as STATE_CODES } from '@groundwork/content';
import type { Route, StateCode } from '@groundwork/content';

const ROUTE_LABELS: Record<Route, string> = {
  iv: 'Intravenous (IV) ketamine',
  im: 'Intramuscular (IM) ketamine',
  'oral-sublingual': 'Oral or sublingual ketamine',
  'intranasal-esketamine': 'Intranasal esketamine (Spravato, REMS)',
};

/**
 * Routes of administration a practice can offer: the ROUTES ids of
 * @groundwork/content, so consent variants and checklist conditions match a
 * practice's profile.
 */
export const PRACTICE_ROUTES: ReadonlyArray<{ id: Route; label: string }> = ROUTES.map((id) => ({
  id,
  label: ROUTE_LABELS[id],
}));

const STATE_NAMES: Record<StateCode, string> = {
  AL: 'Alabama',
  AK: 'Alaska',
  AZ: 'Arizona',
  AR: 'Arkansas',
  CA: 'California',
  CO: 'Colorado',
  CT: 'Connecticut',
  DE: 'Delaware',
  DC: 'District of Columbia',
  FL: 'Florida',
  GA: 'Georgia',
  HI: 'Hawaii',
  ID: 'Idaho',
  IL: 'Illinois',
  IN: 'Indiana',
  IA: 'Iowa',
  KS: 'Kansas',
  KY: 'Kentucky',
  LA: 'Louisiana',
  ME: 'Maine',
  MD: 'Maryland',
  MA: 'Massachusetts',
  MI: 'Michigan',
  MN: 'Minnesota',
  MS: 'Mississippi',
  MO: 'Missouri',
  MT: 'Montana',
  NE: 'Nebraska',
  NV: 'Nevada',
  NH: 'New Hampshire',
  NJ: 'New Jersey',
  NM: 'New Mexico',
  NY: 'New York',
  NC: 'North Carolina',
  ND: 'North Dakota',
  OH: 'Ohio',
  OK: 'Oklahoma',
  OR: 'Oregon',
  PA: 'Pennsylvania',
  RI: 'Rhode Island',
  SC: 'South Carolina',
  SD: 'South Dakota',
  TN: 'Tennessee',
  TX: 'Texas',
  UT: 'Utah',
  VT: 'Vermont',
  VA: 'Virginia',
  WA: 'Washington',
  WV: 'West Virginia',
  WI: 'Wisconsin',
  WY: 'Wyoming',
  AS: 'American Samoa',
  GU: 'Guam',
  MP: 'Northern Mariana Islands',
  PR: 'Puerto Rico',
  VI: 'U.S. Virgin Islands',
};

/** US states, DC and territories (the codes of @groundwork/content), sorted by name. */
export const US_STATES: ReadonlyArray<readonly [code: StateCode, name: string]> = STATE_CODES.map(
  (code) => [code, STATE_NAMES[code]] as const,
).sort((a, b) => a[1].localeCompare(b[1]));
