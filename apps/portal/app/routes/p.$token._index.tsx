import type {
  ActionFunctionArgs,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { PatientFrame } from '../components/patient-frame';
import { documentMeta } from '../lib/documents/catalogue.server';
import { field } from '../lib/forms.server';
import { BirthDateSchema } from '../lib/packets/packet-form.server';
import { PATIENT_HEADERS, requestOrigin } from '../lib/packets/patient-access.server';
import { patientBrand } from '../lib/packets/patient-brand.server';
import {
  confirmBirthDate,
  findPatientLink,
  linkRefusal,
  patientSession,
  startPatientSession,
} from '../lib/packets/patient-link.server';
import { recordPatientAccess } from '../lib/packets/patient-signing.server';
import { patientText } from '../lib/packets/patient-text';
import packetsStylesheet from '../styles/packets.css?url';

/** The patient's pages have no portal navigation (see root.tsx). */
export const handle = { bare: true };

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: packetsStylesheet }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data && 'locale' in data && data.locale === 'es' ? 'Sus documentos' : 'Your documents' },
  { name: 'robots', content: 'noindex, nofollow' },
  { name: 'referrer', content: 'no-referrer' },
];

/**
 * A patient's link: why it does not open, the date-of-birth check, or (once
 * confirmed) the documents with where the patient is in each.
 */
export async function loader(args: LoaderFunctionArgs) {
  const { db, dataKeys, sessionSecrets } = args.context;
  const token = args.params.token ?? '';
  const found = await findPatientLink(db, token);
  if (!found.ok) {
    return data(
      {
        state: 'refused' as const,
        reason: found.reason,
        locale: found.locale,
        token,
        header: null,
      },
      { status: 404, headers: PATIENT_HEADERS },
    );
  }
  const { packet, documents, practice } = found.link;
  const { header } = await patientBrand(db, practice);
  const session = await patientSession(args.request, sessionSecrets, packet);
  const refusal = linkRefusal(packet);
  const here = new URL(args.request.url).searchParams.get('here') === '1';
  if (refusal && !(refusal === 'completed' && session)) {
    return data(
      { state: 'refused' as const, reason: refusal, locale: packet.locale, token, header },
      { status: 410, headers: PATIENT_HEADERS },
    );
  }
  if (!session) {
    await recordPatientAccess(db, dataKeys, {
      packet,
      type: 'opened',
      origin: requestOrigin(args.request, args.context),
    });
    return data(
      { state: 'birth-date' as const, locale: packet.locale, token, header, here },
      { headers: PATIENT_HEADERS },
    );
  }
  return data(
    {
      state: 'documents' as const,
      locale: packet.locale,
      token,
      header,
      here: session.here,
      completed: refusal === 'completed',
      documents: documents.map((document) => ({
        position: document.position,
        kind: document.kind,
        openedAt: document.openedAt?.toISOString() ?? null,
        signedAt: document.signedAt?.toISOString() ?? null,
      })),
      titles: documents.map((document) => documentTitle(document.documentId, document.locale)),
      canDownload: documents.some((document) => document.kind === 'consent' && document.signedAt),
    },
    { headers: PATIENT_HEADERS },
  );
}

function documentTitle(documentId: string, locale: string): string {
  try {
    return documentMeta(documentId, locale as 'en').title;
  } catch {
    return documentId;
  }
}

/** The date-of-birth check: a match starts the patient's session; misses count towards the lock. */
export async function action(args: ActionFunctionArgs) {
  const { db, dataKeys, sessionSecrets } = args.context;
  const token = args.params.token ?? '';
  const found = await findPatientLink(db, token);
  if (!found.ok) throw redirect(`/p/${token}`, { headers: PATIENT_HEADERS });
  const { packet } = found.link;
  if (linkRefusal(packet)) throw redirect(`/p/${token}`, { headers: PATIENT_HEADERS });
  const text = patientText(packet.locale);
  const formData = await args.request.formData();
  const typed = BirthDateSchema.safeParse(field(formData, 'birthDate'));
  if (!typed.success) {
    return data({ error: text.birthDate.invalid }, { status: 400, headers: PATIENT_HEADERS });
  }
  const checked = await confirmBirthDate(db, dataKeys, {
    packet,
    birthDate: typed.data,
    origin: requestOrigin(args.request, args.context),
  });
  if (checked.outcome === 'wrong') {
    return data(
      { error: text.birthDate.wrong(checked.remaining) },
      { status: 400, headers: PATIENT_HEADERS },
    );
  }
  if (checked.outcome === 'locked') throw redirect(`/p/${token}`, { headers: PATIENT_HEADERS });
  const cookie = await startPatientSession(args.request, sessionSecrets, {
    packetId: packet.id,
    tokenHash: packet.tokenHash ?? '',
    here: field(formData, 'here') === '1',
  });
  return redirect(`/p/${token}`, { headers: { ...PATIENT_HEADERS, 'Set-Cookie': cookie } });
}

export default function PatientLinkPage() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const text = patientText(data.locale);
  if (data.state === 'refused') {
    const body = (
      <>
        <h1>{text.title}</h1>
        <p className="form-error" role="alert">
          {text.refusals[data.reason]}
        </p>
      </>
    );
    return data.header ? (
      <PatientFrame header={data.header} locale={data.locale}>
        {body}
      </PatientFrame>
    ) : (
      <div className="patient-page" lang={data.locale}>
        {body}
      </div>
    );
  }
  if (data.state === 'birth-date') {
    const error = result && 'error' in result ? result.error : undefined;
    return (
      <PatientFrame
        header={data.header}
        locale={data.locale}
        notice={data.here ? text.here : undefined}
      >
        <h1>{text.birthDate.heading}</h1>
        <p>{text.birthDate.intro}</p>
        <Form method="post" className="stack" autoComplete="off">
          <input type="hidden" name="here" value={data.here ? '1' : '0'} />
          <div className="field">
            <label htmlFor="birth-date">{text.birthDate.label}</label>
            <span id="birth-date-hint" className="hint">
              {text.birthDate.hint}
            </span>
            <input
              id="birth-date"
              name="birthDate"
              type="date"
              required
              autoComplete="bday"
              aria-describedby={error ? 'birth-date-hint birth-date-error' : 'birth-date-hint'}
              aria-invalid={error ? true : undefined}
            />
            {error ? (
              <p id="birth-date-error" className="field-error" role="alert">
                {error}
              </p>
            ) : null}
          </div>
          <div>
            <button type="submit">{text.birthDate.submit}</button>
          </div>
        </Form>
      </PatientFrame>
    );
  }
  const base = `/p/${data.token}`;
  return (
    <PatientFrame
      header={data.header}
      locale={data.locale}
      notice={data.here ? text.here : undefined}
    >
      <h1>{text.list.heading}</h1>
      {data.completed ? <p className="notice">{text.list.done}</p> : <p>{text.list.intro}</p>}
      <ol className="patient-documents">
        {data.documents.map((document, index) => {
          const status = document.signedAt
            ? text.list.status.signed
            : document.openedAt && document.kind === 'handout'
              ? text.list.status.opened
              : text.list.status.todo;
          return (
            <li key={document.position}>
              <p>
                <strong>{data.titles[index]}</strong> — {status}
              </p>
              <Link className="button secondary" to={`${base}/documents/${document.position}`}>
                {document.kind === 'consent' && !document.signedAt
                  ? text.list.sign
                  : text.list.read}
                <span className="visually-hidden">: {data.titles[index]}</span>
              </Link>
            </li>
          );
        })}
      </ol>
      {data.canDownload ? (
        <p>
          <a className="button" href={`${base}/download`} download>
            {text.list.download}
          </a>
        </p>
      ) : null}
    </PatientFrame>
  );
}
