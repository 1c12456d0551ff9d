import { type Locale, type Ruleset, questionsFor, screen } from '@groundwork/eligibility';
import {
  type ActionFunctionArgs,
  type HeadersFunction,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
  data,
} from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { type FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import { ScreeningQuestion } from '../components/screening-questions';
import { ScreeningResultPanel } from '../components/screening-result';
import { toFhirQuestionnaireResponse } from '../lib/screening/fhir-response';
import { requirePracticeAccess } from '../lib/auth/practice-access.server';
import { citationsFor, requirePracticeRuleset } from '../lib/rules/practice-ruleset.server';
import type { PracticeRouteHandle } from '../lib/auth/roles';
import {
  type ScreeningFormValues,
  answersFromForm,
  formValuesFrom,
} from '../lib/screening/screening-form';
import { screeningSummary } from '../lib/screening/screening-summary';
import { SCREENING_TEXT, localeFrom } from '../lib/screening/screening-text';
import screeningStyles from '../styles/screening.css?url';
import { readForm } from '../lib/forms.server';
import { currentRenderBrand } from '../lib/documents/brand-kit.server';
import { listPatients } from '../lib/measures/patients.server';
import { mayUsePatientRecords } from '../lib/measures/record-access.server';
import { SaveToPatientRecord } from '../components/save-to-patient-record';

/**
 * Screening. Clinicians and owners only: staff do not need a patient's
 * health answers to do their job (minimum necessary), so they get 403.
 * With JavaScript, screening runs in the browser and nothing is posted;
 * without it, the form posts to the stateless action below.
 */
export const handle: PracticeRouteHandle = { access: { loader: 'clinician', action: 'clinician' } };

export const meta: MetaFunction = () => [{ title: 'Screen a patient — Groundwork' }];

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: screeningStyles }];

/** Nothing on this page (the posted answers above all) may be cached by the browser or a proxy. */
export const headers: HeadersFunction = () => ({ 'Cache-Control': 'no-store' });

/** The practice's current ruleset (and citations) for screening in the browser. */
export async function loader(args: LoaderFunctionArgs) {
  const access = await requirePracticeAccess(args, { minRole: 'clinician' });
  const { practice, practiceId } = access;
  const current = await requirePracticeRuleset(args.context.db, practiceId);
  const brand = await currentRenderBrand(args.context.db, practice);
  const contact = brand.settings.practice;
  return {
    practiceId,
    // For the explicit "Save to a patient record" form; null for those who may not.
    patientRecords: mayUsePatientRecords(access)
      ? (await listPatients(args.context.db, args.context.dataKeys, { practiceId })).map(
          (patient) => ({ id: patient.id, label: `${patient.name} (${patient.birthDate})` }),
        )
      : null,
    practiceName: practice.name,
    // What the summary PDF's letterhead prints; the logo is fetched only when a PDF is made.
    brand: {
      primaryColour: brand.settings.colours.primary,
      contact: [contact.address, contact.phone, contact.emergencyPhone, contact.website].filter(
        (entry): entry is string => Boolean(entry),
      ),
      logoUrl: brand.logoId ? `/practices/${practiceId}/documents/logo/${brand.logoId}` : null,
    },
    ruleset: current.ruleset,
    revision: current.revision,
    citations: citationsFor(current.ruleset),
    locale: localeFrom(new URL(args.request.url).searchParams.get('lang')),
  };
}

/**
 * The no-JavaScript path: screen the posted form and render the result in
 * the response. Stateless by design: no database write, no log line with
 * any value, `Cache-Control: no-store`.
 */
export async function action(args: ActionFunctionArgs) {
  const { practiceId } = await requirePracticeAccess(args, { minRole: 'clinician' });
  const current = await requirePracticeRuleset(args.context.db, practiceId);
  const formData = await readForm(args.request);
  const locale = localeFrom(
    typeof formData.get('lang') === 'string' ? String(formData.get('lang')) : null,
  );
  const values = formValuesFrom(formData);
  const { answers, problems } = answersFromForm(current.ruleset, values, locale);
  return data(
    { values, locale, problems, result: screen(answers, current.ruleset) },
    { headers: { 'Cache-Control': 'no-store' } },
  );
}

function download(bytes: BlobPart, type: string, filename: string) {
  const url = URL.createObjectURL(new Blob([bytes], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The practice's logo for the summary's letterhead; without it the PDF is still made. */
async function fetchLogo(url: string | null) {
  if (!url) return undefined;
  try {
    const response = await fetch(url, { credentials: 'same-origin' });
    if (!response.ok) return undefined;
    return {
      bytes: new Uint8Array(await response.arrayBuffer()),
      mimeType: response.headers.get('Content-Type') ?? 'image/png',
    };
  } catch {
    return undefined;
  }
}

function fileStamp(date: Date): string {
  return date.toISOString().slice(0, 16).replace(/[-:T]/g, '');
}

export default function Screening() {
  const loaderData = useLoaderData<typeof loader>();
  const posted = useActionData<typeof action>();
  // The loader's ruleset was validated on the server; JSON keeps its shape.
  const ruleset = loaderData.ruleset as Ruleset;
  const [hydrated, setHydrated] = useState(false);
  const [values, setValues] = useState<ScreeningFormValues>(posted?.values ?? {});
  const [locale, setLocale] = useState<Locale>(posted?.locale ?? loaderData.locale);
  const [submitted, setSubmitted] = useState(Boolean(posted));
  const resultHeading = useRef<HTMLHeadingElement>(null);
  const text = SCREENING_TEXT[locale];

  useEffect(() => setHydrated(true), []);

  const { answers, problems } = useMemo(
    () => answersFromForm(ruleset, values, locale),
    [ruleset, values, locale],
  );
  const shown = useMemo(
    () => (hydrated ? questionsFor(ruleset, answers) : ruleset.questions),
    [hydrated, ruleset, answers],
  );
  const shownProblems = Object.fromEntries(
    Object.entries(problems).filter(([id]) => shown.some((question) => question.id === id)),
  );
  // Before hydration, show what the server screened (no-JS post); after, screen here.
  const result = useMemo(() => {
    if (!submitted) return null;
    if (!hydrated) return posted?.result ?? null;
    return screen(answers, ruleset);
  }, [submitted, hydrated, posted, ruleset, answers]);

  const setField = (name: string, value: string | string[] | undefined) =>
    setValues((previous) => {
      const next = { ...previous };
      if (value === undefined) delete next[name];
      else next[name] = value;
      return next;
    });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    // With JavaScript the answers never leave the browser: no request at all.
    event.preventDefault();
    setSubmitted(true);
    requestAnimationFrame(() => resultHeading.current?.focus());
  };

  const downloads =
    hydrated && result ? (
      <div className="downloads">
        <h3>{text.downloads}</h3>
        <p className="hint">{text.downloadsNote}</p>
        <button
          type="button"
          className="secondary"
          onClick={async () => {
            const { buildSummaryPdf } = await import('../lib/screening/screening-pdf.client');
            const now = new Date();
            const summary = screeningSummary({
              result,
              ruleset,
              locale,
              citations: loaderData.citations,
              revision: loaderData.revision,
              brand: {
                practiceName: loaderData.practiceName,
                primaryColour: loaderData.brand.primaryColour,
                contact: loaderData.brand.contact,
                logo: await fetchLogo(loaderData.brand.logoUrl),
              },
              generatedAt: now,
            });
            download(
              new Uint8Array(await buildSummaryPdf(summary)),
              'application/pdf',
              `screening-${fileStamp(now)}.pdf`,
            );
          }}
        >
          {text.downloadPdf}
        </button>{' '}
        <button
          type="button"
          className="secondary"
          onClick={() => {
            const now = new Date();
            const response = toFhirQuestionnaireResponse({
              ruleset,
              answers,
              locale,
              complete: result.missing.length === 0,
              authored: now,
            });
            download(
              JSON.stringify(response, null, 2),
              'application/fhir+json',
              `screening-${fileStamp(now)}.fhir.json`,
            );
          }}
        >
          {text.downloadFhir}
        </button>
      </div>
    ) : (
      <p className="hint">{text.noJsDownloads}</p>
    );

  return (
    <div className="screening" lang={locale}>
      <h1>{text.title}</h1>
      <p>{text.intro}</p>
      {/* Shown until the page is interactive: true to its word with or without JavaScript. */}
      {hydrated ? null : <p className="callout">{text.noScript}</p>}
      <nav aria-label={text.language} className="language-switch">
        <span>{text.language}: </span>
        {(['en', 'es'] as const).map((code) => (
          <a
            key={code}
            href={`?lang=${code}`}
            lang={code}
            aria-current={code === locale ? 'true' : undefined}
            onClick={(event) => {
              event.preventDefault();
              setLocale(code);
            }}
          >
            {code === 'en' ? 'English' : 'Español'}
          </a>
        ))}
      </nav>
      <p className="hint" data-testid="ruleset-version">
        {text.rulesetUsed}: {ruleset.id} {ruleset.version} (
        {text.practiceVersion(loaderData.revision)})
      </p>
      <div className="screening-layout">
        <form
          method="post"
          autoComplete="off"
          onSubmit={onSubmit}
          className="screening-form"
          noValidate
        >
          <input type="hidden" name="lang" value={locale} />
          {shown.map((question) => (
            <ScreeningQuestion
              key={question.id}
              question={question}
              ruleset={ruleset}
              locale={locale}
              values={values}
              onChange={hydrated ? setField : undefined}
              problem={problems[question.id]}
              hydrated={hydrated}
            />
          ))}
          <p>
            <button type="submit">{text.submit}</button>{' '}
            {hydrated ? (
              <button
                type="button"
                className="secondary"
                onClick={() => {
                  setValues({});
                  setSubmitted(false);
                }}
              >
                {text.reset}
              </button>
            ) : null}
          </p>
        </form>
        {result ? (
          <ScreeningResultPanel
            result={result}
            ruleset={ruleset}
            revision={loaderData.revision}
            locale={locale}
            citations={loaderData.citations}
            problems={shownProblems}
            headingRef={resultHeading}
            downloads={downloads}
          />
        ) : null}
      </div>
      {result && loaderData.patientRecords ? (
        <SaveToPatientRecord
          practiceId={loaderData.practiceId}
          records={loaderData.patientRecords}
          ruleset={ruleset}
          answers={answers}
          values={values}
          locale={locale}
          text={text}
        />
      ) : null}
    </div>
  );
}
