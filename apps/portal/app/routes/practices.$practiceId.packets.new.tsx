import { getDocument, routesIn } from '@groundwork/content';
import type {
  ActionFunctionArgs,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from '@remix-run/node';
import { data } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { FieldError, FormError, TextField, typed } from '../components/fields';
import { PacketLinkPanel } from '../components/packet-link-panel';
import { requirePracticeAccess } from '../lib/auth/practice-access.server';
import type { PracticeRouteHandle } from '../lib/auth/roles';
import { handoutCatalogue } from '../lib/documents/catalogue.server';
import { CONSENT_DOCUMENT_ID } from '../lib/documents/pdf-renderer.server';
import { deliverPacket, packetLink, packetQrSvg } from '../lib/packets/deliver-packet.server';
import { packetDocumentsFor } from '../lib/packets/packet-documents.server';
import { parsePacketForm } from '../lib/packets/packet-form.server';
import { retentionDaysFor } from '../lib/packets/packet-settings.server';
import { createPacket, LINK_LIFETIME_DAYS } from '../lib/packets/packets.server';
import { echoValues, field } from '../lib/forms.server';
import {
  findPatient,
  keepPacketPatient,
  linkPacketToPatient,
  listPatients,
} from '../lib/measures/patients.server';
import { mayUsePatientRecords } from '../lib/measures/record-access.server';
import { UuidParamSchema } from '../lib/packets/route-params';
import { PRACTICE_ROUTES } from '../lib/practices/practice-options';
import packetsStylesheet from '../styles/packets.css?url';

/** Who may use this route (checked by practice-isolation.test.ts). */
export const handle: PracticeRouteHandle = { access: { loader: 'clinician', action: 'clinician' } };

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: packetsStylesheet }];

export const meta: MetaFunction = () => [{ title: 'New patient packet — Groundwork' }];

/** The new-packet form: handouts, consent routes and language, and the patient. */
export async function loader(args: LoaderFunctionArgs) {
  const access = await requirePracticeAccess(args, { minRole: 'clinician' });
  const { practice, practiceId } = access;
  const consent = getDocument(CONSENT_DOCUMENT_ID, { locale: 'en' });
  const available = new Set<string>(routesIn(consent));
  return {
    practiceId,
    handouts: handoutCatalogue().map((choice) => ({
      id: choice.id,
      title: choice.titles.en ?? choice.id,
      spanish: Boolean(choice.titles.es),
    })),
    consentVersion: consent.version,
    routes: PRACTICE_ROUTES.filter((route) => available.has(route.id)).map((route) => ({
      ...route,
      offered: practice.routes.includes(route.id),
    })),
    linkDays: LINK_LIFETIME_DAYS,
    patientRecords: mayUsePatientRecords(access)
      ? (await listPatients(args.context.db, args.context.dataKeys, { practiceId })).map(
          (patient) => ({ id: patient.id, label: `${patient.name} (${patient.birthDate})` }),
        )
      : null,
  };
}

/** Creates the packet, e-mails the patient their link and shows it once (for here-now or a QR code). */
export async function action(args: ActionFunctionArgs) {
  const access = await requirePracticeAccess(args, { minRole: 'clinician' });
  const { practice, practiceId, user } = access;
  const { db, dataKeys, mail } = args.context;
  const formData = await args.request.formData();
  const parsed = parsePacketForm(formData);
  if (!parsed.ok) return data({ ...parsed, ok: false as const }, { status: 400 });
  const form = parsed.data;
  // Optional: keep the patient as a record, or file the packet under an existing one.
  const patientRecord = field(formData, 'patientRecord');
  const existingRecord = UuidParamSchema.safeParse(patientRecord);
  if (patientRecord !== '' && !mayUsePatientRecords(access)) {
    throw new Response('You do not have permission to keep patient records.', { status: 403 });
  }
  if (
    patientRecord !== '' &&
    patientRecord !== 'new' &&
    (!existingRecord.success ||
      !(await findPatient(db, dataKeys, { practiceId, patientId: existingRecord.data })))
  ) {
    return data(
      {
        ok: false as const,
        fieldErrors: { patientRecord: 'Choose a patient record from the list.' } as Record<
          string,
          string
        >,
        values: echoValues(formData),
      },
      { status: 400 },
    );
  }
  const { packetId, token } = await createPacket(db, dataKeys, {
    practiceId,
    createdBy: user.id,
    locale: form.locale,
    patient: { name: form.patientName, email: form.patientEmail, birthDate: form.patientBirthDate },
    documents: packetDocumentsFor({
      locale: form.locale,
      handoutIds: form.handouts,
      consentRoutes: form.consent === 'yes' ? form.routes : null,
    }),
    retentionDays: await retentionDaysFor(db, practiceId),
  });
  if (patientRecord === 'new') {
    await keepPacketPatient(db, dataKeys, { practiceId, packetId, userId: user.id });
  } else if (existingRecord.success) {
    await linkPacketToPatient(db, { practiceId, packetId, patientId: existingRecord.data });
  }
  const link = packetLink(new URL(args.request.url).origin, token);
  const expiresAt = new Date(Date.now() + LINK_LIFETIME_DAYS * 24 * 60 * 60 * 1000);
  const delivered = await deliverPacket({
    db,
    dataKeys,
    mail,
    practice,
    packetId,
    userId: user.id,
    email: form.patientEmail,
    locale: form.locale,
    link,
    expiresAt,
  });
  return data(
    {
      ok: true as const,
      packetId,
      link,
      qrSvg: await packetQrSvg(link),
      delivered,
      expiresAt: expiresAt.toISOString().slice(0, 10),
    },
    { headers: { 'Cache-Control': 'no-store' } },
  );
}

export default function NewPacket() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const state = result && !result.ok ? result : undefined;
  if (result?.ok) {
    return (
      <>
        <h1>Packet sent</h1>
        {result.delivered ? (
          <output className="notice">The patient was e-mailed their link.</output>
        ) : (
          <p className="form-error" role="alert">
            The e-mail could not be sent. Give the patient the link or the QR code below, or resend
            it from the packet page.
          </p>
        )}
        <PacketLinkPanel link={result.link} qrSvg={result.qrSvg} expiresAt={result.expiresAt} />
        <p>
          <Link to={`/practices/${data.practiceId}/packets/${result.packetId}`}>
            Open the packet page
          </Link>{' '}
          · <Link to={`/practices/${data.practiceId}/packets/new`}>Send another packet</Link>
        </p>
      </>
    );
  }
  const checkedHandouts = new Set(
    ([] as string[]).concat(state?.values?.handouts ?? []).filter(Boolean),
  );
  const checkedRoutes = state?.values?.routes;
  const anyOffered = data.routes.some((route) => route.offered);
  return (
    <>
      <h1>New patient packet</h1>
      <p className="hint">
        The patient gets an e-mail with a link that works for {data.linkDays} days. They confirm
        their date of birth, read each document in their language, and initial and sign the consent
        form. Their details are stored encrypted and deleted after the practice’s retention period.
      </p>
      <Form method="post" className="stack" autoComplete="off" noValidate>
        <FormError state={state} />
        <fieldset>
          <legend>Patient</legend>
          <TextField name="patientName" label="Full name" state={state} autoComplete="off" />
          <TextField
            name="patientEmail"
            label="E-mail address"
            type="email"
            state={state}
            autoComplete="off"
          />
          <div className="field">
            <label htmlFor="field-patientBirthDate">Date of birth</label>
            <span id="field-patientBirthDate-hint" className="hint">
              The patient confirms it before seeing anything.
            </span>
            <input
              id="field-patientBirthDate"
              name="patientBirthDate"
              type="date"
              required
              defaultValue={typed(state, 'patientBirthDate')}
              aria-describedby={`field-patientBirthDate-hint${state?.fieldErrors?.patientBirthDate ? ' field-patientBirthDate-error' : ''}`}
              aria-invalid={state?.fieldErrors?.patientBirthDate ? true : undefined}
            />
            <FieldError state={state} name="patientBirthDate" />
          </div>
          <div className="field">
            <label htmlFor="field-locale">Language</label>
            <select id="field-locale" name="locale" defaultValue={typed(state, 'locale') ?? 'en'}>
              <option value="en">English</option>
              <option value="es">Español (Spanish)</option>
            </select>
            <FieldError state={state} name="locale" />
          </div>
        </fieldset>
        {data.patientRecords ? (
          <div className="field">
            <label htmlFor="field-patientRecord">Patient record (optional)</label>
            <span id="field-patientRecord-hint" className="hint">
              Keep the patient’s name and date of birth as a record for PHQ-9, GAD-7 and PCL-5
              scores, or file this packet under a record you already keep.
            </span>
            <select
              id="field-patientRecord"
              name="patientRecord"
              defaultValue={typed(state, 'patientRecord') ?? ''}
              aria-describedby={`field-patientRecord-hint${state?.fieldErrors?.patientRecord ? ' field-patientRecord-error' : ''}`}
              aria-invalid={state?.fieldErrors?.patientRecord ? true : undefined}
            >
              <option value="">No patient record</option>
              <option value="new">Keep as a new patient record</option>
              {data.patientRecords.map((record) => (
                <option key={record.id} value={record.id}>
                  {record.label}
                </option>
              ))}
            </select>
            <FieldError state={state} name="patientRecord" />
          </div>
        ) : null}
        <fieldset
          aria-describedby={state?.fieldErrors?.handouts ? 'field-handouts-error' : undefined}
        >
          <legend>Handouts to read</legend>
          {data.handouts.map((handout) => (
            <div key={handout.id}>
              <label>
                <input
                  type="checkbox"
                  name="handouts"
                  value={handout.id}
                  defaultChecked={checkedHandouts.has(handout.id)}
                />{' '}
                {handout.title}
                {handout.spanish ? '' : ' (English only)'}
              </label>
            </div>
          ))}
          <FieldError state={state} name="handouts" />
        </fieldset>
        <fieldset aria-describedby={state?.fieldErrors?.routes ? 'field-routes-error' : undefined}>
          <legend>Consent form (version {data.consentVersion})</legend>
          <div>
            <label>
              <input
                type="checkbox"
                name="consent"
                value="yes"
                defaultChecked={state ? typed(state, 'consent') === 'yes' : true}
              />{' '}
              Include the informed-consent form to initial and sign
            </label>
          </div>
          <p className="hint">Routes of administration it covers:</p>
          {data.routes.map((route) => (
            <div key={route.id}>
              <label>
                <input
                  type="checkbox"
                  name="routes"
                  value={route.id}
                  defaultChecked={
                    checkedRoutes !== undefined
                      ? ([] as string[]).concat(checkedRoutes).includes(route.id)
                      : anyOffered
                        ? route.offered
                        : true
                  }
                />{' '}
                {route.label}
              </label>
            </div>
          ))}
          <FieldError state={state} name="routes" />
        </fieldset>
        <div>
          <button type="submit">Send packet</button>
        </div>
      </Form>
    </>
  );
}
