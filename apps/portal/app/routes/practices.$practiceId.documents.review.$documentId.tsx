import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { FormError, TextField } from '../components/fields';
import { requirePracticeAccess } from '../lib/auth/practice-access.server';
import type { PracticeRouteHandle } from '../lib/auth/roles';
import { readForm } from '../lib/forms.server';
import { reviewerLine, signoffStatus } from '../lib/signoffs/reviewer-line';
import { parseSignoff } from '../lib/signoffs/signoff-form.server';
import {
  currentSignoffs,
  lineInput,
  medicalDirectorOf,
  signOffDocument,
  signableDocument,
  signoffHistory,
} from '../lib/signoffs/signoffs.server';

/**
 * Who may use this route (checked by practice-isolation.test.ts). Every member
 * sees where a document stands; only the named medical director (an owner or
 * clinician) may sign it off, which the action checks on top of the role.
 */
export const handle: PracticeRouteHandle = { access: { loader: 'staff', action: 'clinician' } };

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Review: ${data?.document.title ?? 'document'} — Groundwork` },
];

function notFound(): never {
  throw new Response('Not found', { status: 404 });
}

/** Where one document stands with the practice's medical director, and the sign-off form for them. */
export async function loader(args: LoaderFunctionArgs) {
  const { practice, practiceId, user } = await requirePracticeAccess(args);
  const document = signableDocument(args.params.documentId ?? '') ?? notFound();
  const director = await medicalDirectorOf(args.context.db, practiceId);
  const signoff = (await currentSignoffs(args.context.db, practiceId)).get(document.id) ?? null;
  const history = await signoffHistory(args.context.db, practiceId, document.id);
  const base = `/practices/${practiceId}`;
  return {
    practiceName: practice.name,
    document,
    status: signoffStatus(document.version, signoff),
    line: reviewerLine(lineInput(practice, document), signoff),
    director: director?.name ?? null,
    isDirector: director?.userId === user.id,
    suggestedName: user.name,
    history: history.map((entry) => ({
      id: entry.id,
      version: entry.documentVersion,
      signedAs: `${entry.signerName}, ${entry.signerCredentials}`,
      signedOn: entry.signedAt.toISOString().slice(0, 10),
    })),
    documentUrl:
      document.kind === 'form'
        ? `${base}/forms`
        : document.kind === 'consent'
          ? `${base}/consent`
          : `${base}/handouts?document=${encodeURIComponent(document.id)}`,
  };
}

/** Signs the document's current version off as the practice's medical director. */
export async function action(args: ActionFunctionArgs) {
  const { practiceId, user } = await requirePracticeAccess(args, {
    minRole: 'clinician',
  });
  const document = signableDocument(args.params.documentId ?? '') ?? notFound();
  const director = await medicalDirectorOf(args.context.db, practiceId);
  if (!director || director.userId !== user.id) {
    throw data(
      director
        ? `Only the practice's medical director (${director.name}) can sign documents off.`
        : 'The practice has not named a medical director yet: an owner names one in practice settings.',
      { status: 403 },
    );
  }
  const parsed = parseSignoff(await readForm(args.request));
  if (!parsed.ok) return data(parsed, { status: 400 });
  if (parsed.data.version !== document.version) {
    return data(
      {
        ok: false as const,
        fieldErrors: {} as Record<string, string>,
        values: {} as Record<string, string>,
        formError: `This document is now version ${document.version}, not the version ${parsed.data.version} you reviewed. Read the new version, then sign it off.`,
      },
      { status: 409 },
    );
  }
  await signOffDocument(args.context.db, {
    practiceId,
    document,
    actor: { id: user.id, name: user.name },
    signerName: parsed.data.signerName,
    signerCredentials: parsed.data.signerCredentials,
  });
  return { ok: true as const };
}

const STATUS_TEXT = {
  'signed-off': 'Signed off for this version',
  outdated: 'Sign-off needs renewing: it was for an earlier version',
  'not-signed-off': 'Not yet signed off',
} as const;

/** The document's review page: its reviewer line, the sign-off history and (for the medical director) the form. */
export default function DocumentReview() {
  const page = useLoaderData<typeof loader>();
  const state = useActionData<typeof action>();
  const failed = state && !state.ok ? state : undefined;
  return (
    <>
      <h1>Review: {page.document.title}</h1>
      <p className="lead">
        Version {page.document.version}. {STATUS_TEXT[page.status]}.
      </p>
      {state?.ok ? (
        <output className="notice">Signed off. Documents now print this line.</output>
      ) : null}
      <section aria-labelledby="reviewer-line-heading" className="card">
        <h2 id="reviewer-line-heading">What the document says about its review</h2>
        <p data-testid="reviewer-line">{page.line}</p>
        <p>
          <Link to={page.documentUrl}>Open the document</Link>
        </p>
      </section>
      {page.isDirector ? (
        <section aria-labelledby="sign-off-heading">
          <h2 id="sign-off-heading">Sign off version {page.document.version}</h2>
          <p>
            As {page.practiceName}’s medical director, confirm that you have read this version and
            that it fits your practice’s protocols. Your name and credentials print on the document
            as you type them here. A new content version will need a new sign-off.
          </p>
          <FormError state={failed} />
          <Form method="post" className="stack" noValidate>
            <input type="hidden" name="version" value={page.document.version} />
            <TextField
              name="signerName"
              label="Your name as it should print"
              state={failed}
              defaultValue={page.suggestedName}
              autoComplete="name"
            />
            <TextField
              name="signerCredentials"
              label="Credentials"
              hint="For example MD, or DO, PMHNP-BC."
              state={failed}
            />
            <div className="field">
              <label className="choice">
                <input
                  type="checkbox"
                  name="confirm"
                  value="yes"
                  aria-describedby={
                    failed?.fieldErrors?.confirm ? 'field-confirm-error' : undefined
                  }
                />{' '}
                I have reviewed version {page.document.version} of “{page.document.title}” for{' '}
                {page.practiceName}.
              </label>
              {failed?.fieldErrors?.confirm ? (
                <p id="field-confirm-error" className="field-error">
                  {failed.fieldErrors.confirm}
                </p>
              ) : null}
            </div>
            <div>
              <button type="submit">Sign off version {page.document.version}</button>
            </div>
          </Form>
        </section>
      ) : (
        <p className="callout">
          {page.director
            ? `Only ${page.director}, the practice's medical director, can sign this document off.`
            : 'The practice has not named a medical director yet. An owner names one in practice settings.'}
        </p>
      )}
      <section aria-labelledby="history-heading">
        <h2 id="history-heading">Sign-offs</h2>
        {page.history.length === 0 ? (
          <p>None yet.</p>
        ) : (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">Version</th>
                  <th scope="col">Signed off by</th>
                  <th scope="col">On</th>
                </tr>
              </thead>
              <tbody>
                {page.history.map((entry) => (
                  <tr key={entry.id}>
                    <td>{entry.version}</td>
                    <td>{entry.signedAs}</td>
                    <td>
                      <time dateTime={entry.signedOn}>{entry.signedOn}</time>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
