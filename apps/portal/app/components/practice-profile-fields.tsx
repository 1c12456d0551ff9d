import { PRACTICE_ROUTES, US_STATES } from '../lib/practices/practice-options';
import { FieldError, TextField, typed } from './fields';
import type { FormState } from './fields';

/** A practice profile as the form shows it. */
export interface ProfileDefaults {
  name: string;
  state: string;
  routes: string[];
  telehealth: boolean;
}

function typedList(state: FormState | undefined, name: string): string[] | undefined {
  const value = state?.values?.[name];
  if (value === undefined) return state?.values ? [] : undefined;
  return Array.isArray(value) ? value : [value];
}

/** The fields of the practice profile form (create and edit share them). */
export function PracticeProfileFields({
  state,
  defaults,
}: {
  state?: FormState;
  defaults?: ProfileDefaults;
}) {
  const routes = typedList(state, 'routes') ?? defaults?.routes ?? [];
  const telehealth =
    typed(state, 'telehealth') ?? (defaults ? (defaults.telehealth ? 'yes' : 'no') : undefined);
  const stateError = state?.fieldErrors?.state;
  return (
    <>
      <TextField
        name="name"
        label="Practice name"
        autoComplete="organization"
        state={state}
        defaultValue={defaults?.name}
      />
      <div className="field">
        <label htmlFor="field-state">US state</label>
        <select
          id="field-state"
          name="state"
          required
          defaultValue={typed(state, 'state') ?? defaults?.state ?? ''}
          aria-invalid={stateError ? true : undefined}
          aria-describedby={stateError ? 'field-state-error' : undefined}
        >
          <option value="">Choose a state</option>
          {US_STATES.map(([code, name]) => (
            <option key={code} value={code}>
              {name}
            </option>
          ))}
        </select>
        <FieldError state={state} name="state" />
      </div>
      <fieldset aria-describedby={state?.fieldErrors?.routes ? 'field-routes-error' : undefined}>
        <legend>Routes of administration offered</legend>
        {PRACTICE_ROUTES.map((route) => (
          <label key={route.id} className="choice">
            <input
              type="checkbox"
              name="routes"
              value={route.id}
              defaultChecked={routes.includes(route.id)}
            />
            {route.label}
          </label>
        ))}
        <FieldError state={state} name="routes" />
      </fieldset>
      <fieldset
        aria-describedby={state?.fieldErrors?.telehealth ? 'field-telehealth-error' : undefined}
      >
        <legend>Does the practice offer telehealth visits?</legend>
        <label className="choice">
          <input type="radio" name="telehealth" value="yes" defaultChecked={telehealth === 'yes'} />
          Yes
        </label>
        <label className="choice">
          <input type="radio" name="telehealth" value="no" defaultChecked={telehealth === 'no'} />
          No
        </label>
        <FieldError state={state} name="telehealth" />
      </fieldset>
    </>
  );
}
