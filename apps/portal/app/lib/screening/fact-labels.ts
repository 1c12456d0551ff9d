import {
  INSTRUMENTS,
  type InstrumentDefinition,
  type Locale,
  type Ruleset,
} from '@groundwork/eligibility';
import { SCREENING_TEXT } from './screening-text';

const WORDS = {
  en: {
    systolic: 'systolic',
    diastolic: 'diastolic',
    total: 'total',
    item: 'item',
    flags: 'flags',
    none: 'none',
  },
  es: {
    systolic: 'sistólica',
    diastolic: 'diastólica',
    total: 'total',
    item: 'ítem',
    flags: 'indicadores',
    none: 'ninguno',
  },
} as const;

/** One fact behind a finding, worded for the clinician: the question's prompt and the answer's label. */
export interface FactLine {
  label: string;
  value: string;
}

/**
 * Words a finding's facts (keys such as `bloodPressureToday.systolic`,
 * `phq9.total`, `phq9.item9`) with the ruleset's own question prompts and
 * option labels, so a clinician never sees a field name.
 */
export function factLines(
  facts: Readonly<Record<string, unknown>>,
  ruleset: Ruleset,
  locale: Locale,
): FactLine[] {
  const words = WORDS[locale];
  return Object.entries(facts).map(([key, value]) => {
    const [id = key, part] = key.split('.', 2);
    const question = ruleset.questions.find((candidate) => candidate.id === id);
    const instrument = (INSTRUMENTS as Readonly<Record<string, InstrumentDefinition | undefined>>)[
      id
    ];
    const name = question?.prompt[locale] ?? instrument?.name ?? id;
    let label = name;
    if (part === 'systolic' || part === 'diastolic') label = `${name} (${words[part]})`;
    else if (part === 'total' || part === 'flags')
      label = `${instrument?.name ?? name} ${words[part]}`;
    else if (part?.startsWith('item')) {
      label = `${instrument?.name ?? name} ${words.item} ${part.slice('item'.length)}`;
    } else if (part) label = `${name} (${part})`;
    const options = question && 'options' in question ? question.options : [];
    const word = (item: unknown): string => {
      if (item === true) return SCREENING_TEXT[locale].yes;
      if (item === false) return SCREENING_TEXT[locale].no;
      const option = options.find((candidate) => candidate.code === item);
      return option ? option.label[locale] : String(item);
    };
    let text: string;
    if (Array.isArray(value)) text = value.length === 0 ? words.none : value.map(word).join(', ');
    else if (value && typeof value === 'object') {
      text = Object.entries(value)
        .map(
          ([field, item]) =>
            `${field in words ? words[field as keyof typeof words] : field} ${word(item)}`,
        )
        .join(', ');
    } else text = word(value);
    return { label, value: text };
  });
}
