import { TYPEFACES, checkTextColour, isHexColour } from '@groundwork/pdf/brand';
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from '@remix-run/node';
import { data } from '@remix-run/node';
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { useState } from 'react';
import { FieldError, FormError, type FormState, TextField, typed } from '../components/fields';
import { parseBrandForm } from '../lib/documents/brand-form.server';
import {
  getCurrentBrandKit,
  DEFAULT_SETTINGS,
  saveBrandKit,
} from '../lib/documents/brand-kit.server';
import { requirePracticeAccess } from '../lib/auth/practice-access.server';
import type { PracticeRouteHandle } from '../lib/auth/roles';
import documentsStylesheet from '../styles/documents.css?url';

/** Who may use this route (checked by practice-isolation.test.ts). */
export const handle: PracticeRouteHandle = { access: { loader: 'owner', action: 'owner' } };

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: documentsStylesheet }];

/** The brand-kit form with the current version's values, for owners. */
export async function loader(args: LoaderFunctionArgs) {
  const { practice, practiceId } = await requirePracticeAccess(args, { minRole: 'owner' });
  const current = await getCurrentBrandKit(args.context.db, practiceId);
  const settings = current?.settings ?? DEFAULT_SETTINGS;
  return {
    practiceName: practice.name,
    version: current?.version ?? null,
    savedAt: current?.createdAt.toISOString() ?? null,
    logoUrl: current?.logoId ? `/practices/${practiceId}/documents/logo/${current.logoId}` : null,
    values: {
      primaryColor: settings.colours.primary,
      accentColor: settings.colours.accent,
      typeface: settings.typeface,
      address: settings.practice.address ?? '',
      phone: settings.practice.phone ?? '',
      emergencyPhone: settings.practice.emergencyPhone ?? '',
      website: settings.practice.website ?? '',
      footerNote: settings.footerNote ?? '',
    },
  };
}

/** Validates the whole brand kit and saves it as a new version, in one transaction (owners). */
export async function action(args: ActionFunctionArgs) {
  const { practice, practiceId, user } = await requirePracticeAccess(args, { minRole: 'owner' });
  const parsed = await parseBrandForm(args.request, practice.name);
  if (!parsed.ok) {
    const { status, ...state } = parsed;
    return data(state, { status });
  }
  const saved = await saveBrandKit(args.context.db, {
    practiceId,
    userId: user.id,
    settings: parsed.data.settings,
    logo: parsed.data.logo,
  });
  return { ok: true as const, version: saved.version };
}

function ContrastCheck({
  colour,
  label,
  onUse,
}: {
  colour: string;
  label: string;
  onUse: (colour: string) => void;
}) {
  if (!isHexColour(colour)) return null;
  const check = checkTextColour(colour, label);
  return check.passes ? (
    <span className="contrast-message contrast-ok">
      Contrast {check.ratio.toFixed(2)}:1 on white — passes WCAG AA for text.
    </span>
  ) : (
    <span className="contrast-message contrast-fail">
      <span>{check.message}</span>
      <button
        type="button"
        className="secondary button-small"
        onClick={() => onUse(check.textColour)}
      >
        Use {check.textColour}
      </button>
    </span>
  );
}

function ColourField({
  name,
  label,
  value,
  onChange,
  state,
}: {
  name: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  state: FormState | undefined;
}) {
  const id = `field-${name}`;
  const error = state?.fieldErrors?.[name];
  return (
    <div className="field colour-field">
      <label htmlFor={id}>{label}</label>
      <div className="swatch-row">
        <input
          id={id}
          name={name}
          type="color"
          value={value.toLowerCase()}
          onChange={(event) => onChange(event.target.value.toUpperCase())}
          aria-describedby={`${id}-contrast${error ? ` ${id}-error` : ''}`}
          aria-invalid={error ? true : undefined}
        />
        <code>{value.toUpperCase()}</code>
      </div>
      <output id={`${id}-contrast`} aria-live="polite" className="contrast-output">
        <ContrastCheck colour={value} label={label.toLowerCase()} onUse={onChange} />
      </output>
      <FieldError state={state} name={name} />
    </div>
  );
}

export default function BrandKitPage() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const state: FormState | undefined = result && !('version' in result) ? result : undefined;
  const [primary, setPrimary] = useState(
    typed(state, 'primaryColor') ?? loaded.values.primaryColor,
  );
  const [accent, setAccent] = useState(typed(state, 'accentColor') ?? loaded.values.accentColor);
  const typeface = typed(state, 'typeface') ?? loaded.values.typeface;
  const saving = navigation.state === 'submitting';
  return (
    <>
      <h1>Brand kit</h1>
      <p className="hint">
        {loaded.version
          ? `Version ${loaded.version}, saved ${new Date(loaded.savedAt ?? '').toLocaleString('en-US', { timeZone: 'UTC' })} UTC. Every save makes a new version; documents record the version they were made with.`
          : 'No brand kit saved yet: handouts use the Groundwork defaults until you save one.'}
      </p>
      {result && 'version' in result ? (
        <output className="notice">Saved as version {result.version}.</output>
      ) : null}
      <FormError state={state} />
      <Form method="post" encType="multipart/form-data" className="stack brand-form" noValidate>
        <fieldset>
          <legend>Logo</legend>
          {loaded.logoUrl ? (
            <p>
              <img
                src={loaded.logoUrl}
                alt={`Current logo of ${loaded.practiceName}`}
                className="logo-current"
                height={60}
              />
            </p>
          ) : null}
          <div className="field">
            <label htmlFor="field-logo">Upload a logo (PNG or JPEG, up to 2 MB)</label>
            <input
              id="field-logo"
              name="logo"
              type="file"
              accept="image/png,image/jpeg"
              aria-invalid={state?.fieldErrors?.logo ? true : undefined}
              aria-describedby={state?.fieldErrors?.logo ? 'field-logo-error' : undefined}
            />
            <FieldError state={state} name="logo" />
          </div>
          {loaded.logoUrl ? (
            <div className="field">
              <label>
                <input type="checkbox" name="removeLogo" /> Remove the logo
              </label>
            </div>
          ) : null}
        </fieldset>
        <fieldset>
          <legend>Colours and typeface</legend>
          <div className="brand-grid">
            <ColourField
              name="primaryColor"
              label="Primary colour"
              value={primary}
              onChange={setPrimary}
              state={state}
            />
            <ColourField
              name="accentColor"
              label="Accent colour"
              value={accent}
              onChange={setAccent}
              state={state}
            />
            <div className="field typeface-field">
              <label htmlFor="field-typeface">Typeface</label>
              <select
                id="field-typeface"
                name="typeface"
                defaultValue={typeface}
                aria-describedby="field-typeface-hint"
              >
                {TYPEFACES.map((face) => (
                  <option key={face.id} value={face.id}>
                    {face.name}
                  </option>
                ))}
              </select>
              <ul id="field-typeface-hint" className="hint typeface-list">
                {TYPEFACES.map((face) => (
                  <li key={face.id}>
                    <strong>{face.name}</strong>: {face.description}
                  </li>
                ))}
              </ul>
              <FieldError state={state} name="typeface" />
            </div>
          </div>
        </fieldset>
        <fieldset>
          <legend>Contact details printed on documents</legend>
          <TextField
            name="address"
            label="Address"
            state={state}
            defaultValue={loaded.values.address}
            required={false}
            autoComplete="street-address"
          />
          <TextField
            name="phone"
            label="Phone"
            state={state}
            defaultValue={loaded.values.phone}
            required={false}
            autoComplete="tel"
          />
          <TextField
            name="emergencyPhone"
            label="Emergency phone"
            hint="Printed on handouts that tell patients when to call."
            state={state}
            defaultValue={loaded.values.emergencyPhone}
            required={false}
          />
          <TextField
            name="website"
            label="Website"
            type="url"
            hint="Starts with https://"
            state={state}
            defaultValue={loaded.values.website}
            required={false}
            autoComplete="url"
          />
          <TextField
            name="footerNote"
            label="Footer note"
            state={state}
            defaultValue={loaded.values.footerNote}
            required={false}
          />
          <FieldError state={state} name="practiceName" />
        </fieldset>
        <div>
          <button type="submit" disabled={saving}>
            {saving ? 'Saving…' : 'Save brand kit'}
          </button>
        </div>
      </Form>
    </>
  );
}
