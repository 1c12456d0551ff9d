import type {
  ActionFunctionArgs,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { useState } from 'react';
import { ContentSections } from '../components/content-blocks';
import { PatientFrame } from '../components/patient-frame';
import { SignaturePad } from '../components/signature-pad';
import { field } from '../lib/forms.server';
import {
  PATIENT_HEADERS,
  requestOrigin,
  requirePatientAccess,
} from '../lib/packets/patient-access.server';
import { patientBrand } from '../lib/packets/patient-brand.server';
import { patientDocument } from '../lib/packets/patient-documents.server';
import { recordPatientAccess, signConsent } from '../lib/packets/patient-signing.server';
import { patientText } from '../lib/packets/patient-text';
import { parseSigningForm } from '../lib/packets/signing-form.server';
import packetsStylesheet from '../styles/packets.css?url';

/** The patient's pages have no portal navigation (see root.tsx). */
export const handle = { bare: true };

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: packetsStylesheet }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? data.content.title : 'Document' },
  { name: 'robots', content: 'noindex, nofollow' },
  { name: 'referrer', content: 'no-referrer' },
];

function documentAt<Row extends { position: number }>(
  documents: Row[],
  position: string | undefined,
) {
  const wanted = Number(position);
  return Number.isInteger(wanted)
    ? documents.find((document) => document.position === wanted)
    : undefined;
}

/** One document of the packet, in the patient's language and the practice's brand. Each view is logged. */
export async function loader(args: LoaderFunctionArgs) {
  const access = await requirePatientAccess(args);
  const { packet, documents, practice } = access.link;
  const row = documentAt(documents, args.params.position);
  if (!row) throw redirect(`/p/${access.token}`, { headers: PATIENT_HEADERS });
  const { db, dataKeys } = args.context;
  const { brand, header } = await patientBrand(db, practice);
  const { content, unchanged } = patientDocument(row, practice, brand);
  await recordPatientAccess(db, dataKeys, {
    packet,
    document: row,
    type: 'viewed',
    origin: requestOrigin(args.request, args.context),
  });
  const next = documents.find((candidate) => candidate.position > row.position);
  return data(
    {
      token: access.token,
      locale: packet.locale,
      header,
      here: access.session.here,
      kind: row.kind,
      signed: Boolean(row.signedAt),
      unchanged,
      contentSha256: row.contentSha256,
      content,
      brandStylesheet: `/p/${access.token}/brand.css`,
      nextPosition: next?.position ?? null,
      canSign: row.kind === 'consent' && !row.signedAt && unchanged && !access.completed,
    },
    { headers: PATIENT_HEADERS },
  );
}

/** Signs the consent form: initials for every section, the e-sign agreement, name and signature. */
export async function action(args: ActionFunctionArgs) {
  const access = await requirePatientAccess(args);
  const { packet, documents, practice } = access.link;
  const row = documentAt(documents, args.params.position);
  if (!row || row.kind !== 'consent')
    throw redirect(`/p/${access.token}`, { headers: PATIENT_HEADERS });
  const text = patientText(packet.locale).document;
  const { db, dataKeys } = args.context;
  const formData = await args.request.formData();
  if (row.signedAt || access.completed) {
    return data(
      { formError: text.signedAlready, fieldErrors: {} as Record<string, string> },
      { status: 409, headers: PATIENT_HEADERS },
    );
  }
  const { brand } = await patientBrand(db, practice);
  const { content, unchanged } = patientDocument(row, practice, brand);
  if (!unchanged || field(formData, 'contentSha256') !== row.contentSha256) {
    return data(
      { formError: text.changed, fieldErrors: {} as Record<string, string> },
      { status: 409, headers: PATIENT_HEADERS },
    );
  }
  const parsed = await parseSigningForm(formData, content);
  if (!parsed.ok) {
    return data(
      { formError: parsed.fieldErrors.form ?? text.errorSummary, fieldErrors: parsed.fieldErrors },
      { status: 400, headers: PATIENT_HEADERS },
    );
  }
  const outcome = await signConsent(db, dataKeys, {
    packet,
    document: row,
    form: parsed.form,
    origin: requestOrigin(args.request, args.context),
    agreedAt: new Date(),
  });
  if (outcome === 'already-signed') {
    return data(
      { formError: text.signedAlready, fieldErrors: {} as Record<string, string> },
      { status: 409, headers: PATIENT_HEADERS },
    );
  }
  return redirect(`/p/${access.token}`, { headers: PATIENT_HEADERS });
}

export default function PatientDocument() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const text = patientText(data.locale);
  const errors = result?.fieldErrors ?? {};
  const [signerName, setSignerName] = useState('');
  const base = `/p/${data.token}`;
  const sectionTitles = new Map(
    data.content.sections.flatMap((section) =>
      section.blocks
        .filter((block) => block.type === 'acknowledgement')
        .map((block) => [block.id, section.title ?? data.content.title] as const),
    ),
  );
  const initialsInput = (blockId: string) => {
    if (!data.canSign) return null;
    const id = `initials-${blockId.replace(/\./g, '-')}`;
    const error = errors[`initials.${blockId}`];
    return (
      <div className="initials-field">
        <label htmlFor={id}>{text.document.initialsLabel(sectionTitles.get(blockId) ?? '')}</label>
        <input
          id={id}
          name={`initials.${blockId}`}
          type="text"
          required
          maxLength={6}
          autoComplete="off"
          autoCapitalize="characters"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
        />
        {error ? (
          <p id={`${id}-error`} className="field-error">
            {error}
          </p>
        ) : null}
      </div>
    );
  };
  const body = (
    <ContentSections document={data.content} mode="screen" afterAcknowledgement={initialsInput} />
  );
  return (
    <PatientFrame
      header={data.header}
      locale={data.locale}
      notice={data.here ? text.here : undefined}
    >
      <link rel="stylesheet" href={data.brandStylesheet} />
      <p>
        <Link to={base}>{text.document.back}</Link>
      </p>
      <h1>{data.content.title}</h1>
      {result?.formError ? (
        <p className="form-error" role="alert">
          {result.formError}
        </p>
      ) : null}
      {data.kind === 'consent' && !data.unchanged ? (
        <p className="form-error" role="alert">
          {text.document.changed}
        </p>
      ) : null}
      {data.kind === 'consent' && data.signed ? (
        <p className="notice">{text.document.signedAlready}</p>
      ) : null}
      {data.canSign ? (
        <Form method="post" autoComplete="off" noValidate>
          <input type="hidden" name="contentSha256" value={data.contentSha256} />
          <h2>{text.document.step1}</h2>
          {body}
          <fieldset>
            <legend>{text.document.step2}</legend>
            {text.document.esignText.map((paragraph) => (
              <p key={paragraph}>{paragraph}</p>
            ))}
            <label>
              <input
                type="checkbox"
                name="agreeElectronic"
                value="yes"
                required
                aria-invalid={errors.agreeElectronic ? true : undefined}
                aria-describedby={errors.agreeElectronic ? 'agree-error' : undefined}
              />{' '}
              {text.document.esignLabel}
            </label>
            {errors.agreeElectronic ? (
              <p id="agree-error" className="field-error">
                {errors.agreeElectronic}
              </p>
            ) : null}
          </fieldset>
          <fieldset>
            <legend>{text.document.step3}</legend>
            <div className="field">
              <label htmlFor="signer-name">{text.document.nameLabel}</label>
              <input
                id="signer-name"
                name="signerName"
                type="text"
                required
                maxLength={120}
                autoComplete="name"
                value={signerName}
                onChange={(event) => setSignerName(event.target.value)}
                aria-invalid={errors.signerName ? true : undefined}
                aria-describedby={errors.signerName ? 'signer-name-error' : undefined}
              />
              {errors.signerName ? (
                <p id="signer-name-error" className="field-error">
                  {errors.signerName}
                </p>
              ) : null}
            </div>
            <SignaturePad text={text.document} name={signerName} error={errors.signatureImage} />
          </fieldset>
          <p>
            <button type="submit">{text.document.submit}</button>
          </p>
        </Form>
      ) : (
        <>
          {body}
          <p>
            {data.nextPosition !== null ? (
              <Link className="button" to={`${base}/documents/${data.nextPosition}`}>
                {text.list.next}
              </Link>
            ) : (
              <Link className="button" to={base}>
                {text.document.back}
              </Link>
            )}
          </p>
        </>
      )}
    </PatientFrame>
  );
}
