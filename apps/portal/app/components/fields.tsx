import type { ReactNode } from 'react';

/** Validation feedback for a form: errors beside each field and the values typed. */
export interface FormState {
  fieldErrors?: Record<string, string>;
  values?: Record<string, string | string[]>;
  formError?: string;
}

/** The value the user typed into `name` last time, to refill the form after an error. */
export function typed(state: FormState | undefined, name: string): string | undefined {
  const value = state?.values?.[name];
  return typeof value === 'string' ? value : undefined;
}

/** A labelled text input with its hint and error tied to it by aria-describedby. */
export function TextField({
  name,
  label,
  type = 'text',
  state,
  defaultValue,
  hint,
  autoComplete,
  required = true,
}: {
  name: string;
  label: string;
  type?: 'text' | 'email' | 'password' | 'url';
  state?: FormState;
  defaultValue?: string;
  hint?: ReactNode;
  autoComplete?: string;
  required?: boolean;
}) {
  const id = `field-${name}`;
  const error = state?.fieldErrors?.[name];
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null]
    .filter(Boolean)
    .join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <span id={`${id}-hint`} className="hint">
          {hint}
        </span>
      ) : null}
      <input
        id={id}
        name={name}
        type={type}
        required={required}
        autoComplete={autoComplete}
        defaultValue={type === 'password' ? undefined : (typed(state, name) ?? defaultValue)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
      />
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** A form-level error (for example "wrong e-mail or password"), announced to screen readers. */
export function FormError({ state }: { state?: FormState }) {
  if (!state?.formError) return null;
  return (
    <p className="form-error" role="alert">
      {state.formError}
    </p>
  );
}

/** An error beside a fieldset or select. */
export function FieldError({ state, name }: { state?: FormState; name: string }) {
  const error = state?.fieldErrors?.[name];
  if (!error) return null;
  return (
    <p id={`field-${name}-error`} className="field-error">
      {error}
    </p>
  );
}

/** One option of a {@link ChoiceGroup}. */
export interface Choice {
  id: string;
  label: ReactNode;
  checked: boolean;
}

/** A fieldset of checkboxes (several answers) or radio buttons (one answer) named `name`. */
export function ChoiceGroup({
  legend,
  name,
  type,
  choices,
}: {
  legend: ReactNode;
  name: string;
  type: 'checkbox' | 'radio';
  choices: readonly Choice[];
}) {
  return (
    <fieldset>
      <legend>{legend}</legend>
      {choices.map((choice) => (
        <div key={choice.id}>
          <label>
            <input type={type} name={name} value={choice.id} defaultChecked={choice.checked} />{' '}
            {choice.label}
          </label>
        </div>
      ))}
    </fieldset>
  );
}
