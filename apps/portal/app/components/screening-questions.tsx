import {
  INSTRUMENTS,
  type Locale,
  type Question,
  type Ruleset,
  scoreInstrument,
} from '@groundwork/eligibility';
import {
  type ScreeningFormValues,
  describeSkipLogic,
  fieldName,
  questionAnchor,
} from '../lib/screening/screening-form';
import { SCREENING_TEXT } from '../lib/screening/screening-text';

/** What every question input needs: the values so far and how to change them. */
export interface QuestionProps {
  question: Question;
  ruleset: Ruleset;
  locale: Locale;
  values: ScreeningFormValues;
  /** Set (or clear with `undefined`) one field; absent before hydration. */
  onChange?: (name: string, value: string | string[] | undefined) => void;
  /** Input problem to show beside the question (e.g. a half-filled instrument). */
  problem?: string;
  /** Whether the page runs with JavaScript (skip logic live, no skip-logic hints). */
  hydrated: boolean;
}

function fieldValue(values: ScreeningFormValues, name: string): string {
  const value = values[name];
  return Array.isArray(value) ? (value[0] ?? '') : (value ?? '');
}

function listOf(values: ScreeningFormValues, name: string): string[] {
  const value = values[name];
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

function RadioGroup({
  name,
  idBase,
  options,
  values,
  onChange,
  clearLabel,
}: {
  name: string;
  idBase: string;
  options: { value: string; label: string }[];
  values: ScreeningFormValues;
  onChange?: QuestionProps['onChange'];
  clearLabel: string;
}) {
  const current = fieldValue(values, name);
  return (
    <div className="screening-options">
      {options.map((option) => {
        const id = `${idBase}-${option.value}`;
        return (
          <label key={option.value} className="choice" htmlFor={id}>
            <input
              id={id}
              type="radio"
              name={name}
              value={option.value}
              checked={current === option.value}
              onChange={() => onChange?.(name, option.value)}
            />
            {option.label}
          </label>
        );
      })}
      {onChange && current !== '' ? (
        <button type="button" className="link-button" onClick={() => onChange(name, undefined)}>
          {clearLabel}
        </button>
      ) : null}
    </div>
  );
}

function InstrumentItems(
  props: QuestionProps & { question: Extract<Question, { type: 'instrument' }> },
) {
  const { question, locale, values, onChange } = props;
  const text = SCREENING_TEXT[locale];
  const definition = INSTRUMENTS[question.instrument];
  const items = Array.from({ length: definition.itemCount }, (_, index) =>
    fieldValue(values, fieldName(question.id, index + 1)),
  );
  const scored = items.every((item) => item !== '')
    ? scoreInstrument(question.instrument, items.map(Number))
    : null;
  const band =
    scored?.ok === true
      ? definition.bands.find((candidate) => candidate.id === scored.value.band)?.label[locale]
      : undefined;
  return (
    <>
      <p className="instrument-note">{text.officialForm(definition.name)}</p>
      <ol className="instrument-items">
        {definition.itemLabels.map((label, index) => {
          const name = fieldName(question.id, index + 1);
          const idBase = `${questionAnchor(question.id)}-item${index + 1}`;
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: items are fixed by the instrument
            <li key={index}>
              <fieldset className="instrument-item">
                <legend>
                  <span className="visually-hidden">
                    {definition.name} {text.item} {index + 1}:{' '}
                  </span>
                  {label[locale]}
                </legend>
                <RadioGroup
                  name={name}
                  idBase={idBase}
                  options={definition.responseOptions.map((option, score) => ({
                    value: String(score),
                    label: `${score} · ${option[locale]}`,
                  }))}
                  values={values}
                  onChange={onChange}
                  clearLabel={text.clear}
                />
              </fieldset>
            </li>
          );
        })}
      </ol>
      <p className="instrument-score" aria-live="polite" data-testid={`score-${question.id}`}>
        {scored?.ok === true
          ? `${definition.name}: ${text.score(scored.value.total, band ?? '')}`
          : `${definition.name}: ${items.filter((item) => item !== '').length} / ${definition.itemCount}`}
      </p>
    </>
  );
}

function QuestionInput(props: QuestionProps) {
  const { question, locale, values, onChange } = props;
  const text = SCREENING_TEXT[locale];
  const name = fieldName(question.id);
  const anchor = questionAnchor(question.id);
  switch (question.type) {
    case 'boolean':
      return (
        <RadioGroup
          name={name}
          idBase={anchor}
          options={[
            { value: 'yes', label: text.yes },
            { value: 'no', label: text.no },
          ]}
          values={values}
          onChange={onChange}
          clearLabel={text.clear}
        />
      );
    case 'choice':
      return (
        <RadioGroup
          name={name}
          idBase={anchor}
          options={question.options.map((option) => ({
            value: option.code,
            label: option.label[locale],
          }))}
          values={values}
          onChange={onChange}
          clearLabel={text.clear}
        />
      );
    case 'multi': {
      const selected = listOf(values, name);
      const exclusive = new Set(question.options.filter((o) => o.exclusive).map((o) => o.code));
      const toggle = (code: string, checked: boolean) => {
        if (!onChange) return;
        let next = checked ? [...selected, code] : selected.filter((entry) => entry !== code);
        // Picking "none of these" clears the rest, and the other way round.
        if (checked) {
          next = exclusive.has(code) ? [code] : next.filter((entry) => !exclusive.has(entry));
        }
        onChange(name, next.length > 0 ? next : undefined);
      };
      return (
        <div className="screening-options">
          {question.options.map((option) => {
            const id = `${anchor}-${option.code}`;
            return (
              <label key={option.code} className="choice" htmlFor={id}>
                <input
                  id={id}
                  type="checkbox"
                  name={name}
                  value={option.code}
                  checked={selected.includes(option.code)}
                  onChange={(event) => toggle(option.code, event.currentTarget.checked)}
                />
                {option.label[locale]}
              </label>
            );
          })}
        </div>
      );
    }
    case 'number':
    case 'date':
      return (
        <div className="field field--short">
          <label htmlFor={`${anchor}-input`} className="visually-hidden">
            {question.prompt[locale]}
          </label>
          <input
            id={`${anchor}-input`}
            type={question.type === 'date' ? 'date' : 'text'}
            inputMode={question.type === 'number' ? 'decimal' : undefined}
            name={name}
            value={fieldValue(values, name)}
            onChange={(event) => onChange?.(name, event.currentTarget.value || undefined)}
            aria-describedby={props.problem ? `${anchor}-problem` : undefined}
            aria-invalid={props.problem ? true : undefined}
          />
          {question.type === 'number' && question.unitLabel ? (
            <span className="hint"> {question.unitLabel[locale]}</span>
          ) : null}
        </div>
      );
    case 'bloodPressure':
      return (
        <div className="blood-pressure">
          {(['systolic', 'diastolic'] as const).map((part) => {
            const partName = fieldName(question.id, part);
            return (
              <div className="field field--short" key={part}>
                <label htmlFor={`${anchor}-${part}`}>
                  {/* Each box read alone still names the question: "Patient's blood pressure today … — Systolic (mmHg)". */}
                  <span className="visually-hidden">{question.prompt[locale]} — </span>
                  {text[part]}
                </label>
                <input
                  id={`${anchor}-${part}`}
                  type="text"
                  inputMode="numeric"
                  name={partName}
                  value={fieldValue(values, partName)}
                  onChange={(event) => onChange?.(partName, event.currentTarget.value || undefined)}
                  aria-invalid={props.problem ? true : undefined}
                />
              </div>
            );
          })}
        </div>
      );
    case 'instrument':
      return <InstrumentItems {...props} question={question} />;
  }
}

/** One question of the screening form: prompt, help, skip-logic note (no JS), input, problem. */
export function ScreeningQuestion(props: QuestionProps) {
  const { question, ruleset, locale, hydrated, problem } = props;
  const text = SCREENING_TEXT[locale];
  const anchor = questionAnchor(question.id);
  const skipLogic = hydrated ? null : describeSkipLogic(question, ruleset, locale);
  return (
    <fieldset id={anchor} className="screening-question" tabIndex={-1}>
      <legend>
        {question.prompt[locale]}
        {question.required ? <span className="tag">{text.required}</span> : null}
        {question.audience === 'clinician' ? (
          <span className="tag tag--clinician">{text.clinicianOnly}</span>
        ) : null}
      </legend>
      {question.help ? <p className="hint">{question.help[locale]}</p> : null}
      {skipLogic ? <p className="hint skip-logic">{skipLogic}</p> : null}
      <QuestionInput {...props} />
      {problem ? (
        <p id={`${anchor}-problem`} className="field-error">
          {problem}
        </p>
      ) : null}
    </fieldset>
  );
}
