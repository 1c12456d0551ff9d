import type {
  ActionFunctionArgs,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { PacketLinkPanel } from '../components/packet-link-panel';
import { requirePracticeAccess } from '../lib/auth/practice-access.server';
import { maySeePatientDetails } from '../lib/auth/patient-details-right';
import { hasRole } from '../lib/auth/roles';
import type { PracticeRouteHandle } from '../lib/auth/roles';
import { useState } from 'react';
import { SignaturePad } from '../components/signature-pad';
import { field } from '../lib/forms.server';
import { keepPacketPatient } from '../lib/measures/patients.server';
import { mayUsePatientRecords } from '../lib/measures/record-access.server';
import { countersignConsent, parseCountersignForm } from '../lib/packets/countersign.server';
import { requestOrigin } from '../lib/packets/patient-access.server';
import { recordPacketEvent } from '../lib/packets/packet-events.server';
import { listMembers } from '../lib/practices/practices.server';
import { deliverPacket, packetLink, packetQrSvg } from '../lib/packets/deliver-packet.server';
import { decryptPatient } from '../lib/packets/packet-fields.server';
import { DOCUMENT_STATUS_LABELS, STATUS_LABELS } from '../lib/packets/packet-status';
import { packetEventViews, packetView } from '../lib/packets/packet-views.server';
import {
  findPacket,
  issuePacketLink,
  listPacketEvents,
  revokePacket,
} from '../lib/packets/packets.server';
import { UuidParamSchema } from '../lib/packets/route-params';
import { sealPacket } from '../lib/packets/sealed-record.server';
import packetsStylesheet from '../styles/packets.css?url';

/** Who may use this route (checked by practice-isolation.test.ts). */
export const handle: PracticeRouteHandle = { access: { loader: 'staff', action: 'clinician' } };

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: packetsStylesheet }];

export const meta: MetaFunction = () => [{ title: 'Patient packet — Groundwork' }];

const EVENT_LABELS: Record<string, string> = {
  created: 'Created',
  sent: 'E-mailed to the patient',
  resent: 'New link made',
  opened: 'Link opened',
  'birth-date-refused': 'Wrong date of birth entered',
  locked: 'Locked after too many wrong dates of birth',
  'birth-date-confirmed': 'Date of birth confirmed',
  viewed: 'Viewed',
  initialled: 'Sections initialled',
  'electronic-consent': 'Agreed to sign electronically',
  signed: 'Signed',
  downloaded: 'Downloaded',
  countersigned: 'Countersigned',
  sealed: 'Sealed PDF made',
  revoked: 'Revoked',
  purged: 'Personal data deleted (retention)',
};

function notFound(): never {
  throw new Response('Packet not found', { status: 404 });
}

/**
 * One packet: status per document and the access log; patient details for
 * whoever may see them (clinicians, owners, staff given the right), actions
 * for clinicians and owners.
 */
export async function loader(args: LoaderFunctionArgs) {
  const access = await requirePracticeAccess(args);
  const { practiceId, role, user } = access;
  const packetId = UuidParamSchema.safeParse(args.params.packetId);
  if (!packetId.success) notFound();
  const { db, dataKeys } = args.context;
  const found = await findPacket(db, { practiceId, packetId: packetId.data });
  if (!found) notFound();
  const withPatient = maySeePatientDetails(access);
  const canAct = hasRole(role, 'clinician');
  // Who looked at a patient's details is part of the access log.
  if (withPatient && !found.packet.purgedAt) {
    await recordPacketEvent(db, dataKeys, {
      practiceId,
      packetId: packetId.data,
      type: 'viewed',
      actor: 'member',
      userId: user.id,
      ...requestOrigin(args.request, args.context),
    });
  }
  const members = new Map(
    (await listMembers(db, practiceId)).map((member) => [member.userId, member.name]),
  );
  const events = packetEventViews(
    dataKeys,
    await listPacketEvents(db, { practiceId, packetId: packetId.data }),
    { withPatient },
  ).map((event) => ({
    ...event,
    label: EVENT_LABELS[event.type] ?? event.type,
    who:
      event.actor === 'patient'
        ? 'Patient'
        : event.actor === 'system'
          ? 'Server'
          : (members.get(event.userId ?? '') ?? 'Former member'),
  }));
  return data(
    {
      practiceId,
      canAct,
      withPatient,
      userName: user.name,
      countersign: (() => {
        const consent = found.documents.find((document) => document.kind === 'consent');
        return consent?.signedAt && !consent.countersignedAt && !found.packet.purgedAt
          ? { ready: true as const }
          : { ready: false as const };
      })(),
      pdfUrl: found.documents.some((document) => document.kind === 'consent' && document.signedAt)
        ? `/practices/${practiceId}/packets/${packetId.data}/pdf`
        : null,
      packet: packetView(dataKeys, found, { withPatient }),
      patientRecordUrl:
        mayUsePatientRecords(access) && found.packet.patientId
          ? `/practices/${practiceId}/patients/${found.packet.patientId}`
          : null,
      canKeepRecord:
        canAct && mayUsePatientRecords(access) && !found.packet.patientId && !found.packet.purgedAt,
      events,
    },
    { headers: { 'Cache-Control': 'no-store' } },
  );
}

/** Resend the link, make a link for here-now / a QR code, or revoke (clinicians and owners). */
export async function action(args: ActionFunctionArgs) {
  const access = await requirePracticeAccess(args, { minRole: 'clinician' });
  const { practice, practiceId, user } = access;
  const packetId = UuidParamSchema.safeParse(args.params.packetId);
  if (!packetId.success) notFound();
  const { db, dataKeys, mail } = args.context;
  const found = await findPacket(db, { practiceId, packetId: packetId.data });
  if (!found) notFound();
  const formData = await args.request.formData();
  const intent = field(formData, 'intent');

  if (intent === 'resend' || intent === 'new-link') {
    const issued = await issuePacketLink(db, dataKeys, {
      practiceId,
      packetId: packetId.data,
      userId: user.id,
    });
    if (!issued) {
      return data(
        { ok: false as const, intent, formError: 'This packet is finished, revoked or deleted.' },
        { status: 409 },
      );
    }
    const link = packetLink(new URL(args.request.url).origin, issued.token);
    const patient = decryptPatient(dataKeys, found.packet);
    const delivered =
      intent === 'resend' && patient
        ? await deliverPacket({
            db,
            dataKeys,
            mail,
            practice,
            packetId: packetId.data,
            userId: user.id,
            email: patient.email,
            locale: found.packet.locale,
            link,
            expiresAt: issued.expiresAt,
          })
        : false;
    return data(
      {
        ok: true as const,
        intent,
        delivered,
        link,
        qrSvg: await packetQrSvg(link),
        expiresAt: issued.expiresAt.toISOString().slice(0, 10),
      },
      { headers: { 'Cache-Control': 'no-store' } },
    );
  }

  if (intent === 'countersign') {
    const consent = found.documents.find((document) => document.kind === 'consent');
    if (!consent) {
      return data(
        { ok: false as const, intent, formError: 'This packet has no consent form.' },
        { status: 409 },
      );
    }
    const parsed = await parseCountersignForm(formData);
    if (!parsed.ok) {
      return data(
        {
          ok: false as const,
          intent,
          formError: 'Please correct the fields marked below.',
          fieldErrors: parsed.fieldErrors,
        },
        { status: 400 },
      );
    }
    const outcome = await countersignConsent(db, dataKeys, {
      packet: found.packet,
      document: consent,
      userId: user.id,
      form: parsed.form,
      origin: requestOrigin(args.request, args.context),
    });
    if (outcome !== 'countersigned') {
      return data(
        {
          ok: false as const,
          intent,
          formError:
            outcome === 'not-ready'
              ? 'The patient has not signed yet.'
              : 'This consent form is already countersigned.',
        },
        { status: 409 },
      );
    }
    const countersigned = await findPacket(db, { practiceId, packetId: packetId.data });
    const signedConsent = countersigned?.documents.find((document) => document.kind === 'consent');
    if (countersigned && signedConsent) {
      await sealPacket(db, dataKeys, {
        practice,
        packet: countersigned.packet,
        document: signedConsent,
      });
    }
    return { ok: true as const, intent };
  }

  if (intent === 'keep-patient') {
    if (!mayUsePatientRecords(access)) {
      throw new Response('You do not have permission to keep patient records.', { status: 403 });
    }
    const patientId = await keepPacketPatient(db, dataKeys, {
      practiceId,
      packetId: packetId.data,
      userId: user.id,
    });
    if (!patientId) {
      return data(
        {
          ok: false as const,
          intent,
          formError: 'This packet already has a patient record, or its personal data was deleted.',
        },
        { status: 409 },
      );
    }
    return redirect(`/practices/${practiceId}/patients/${patientId}`);
  }

  if (intent === 'revoke') {
    const revoked = await revokePacket(db, dataKeys, {
      practiceId,
      packetId: packetId.data,
      userId: user.id,
    });
    if (!revoked) {
      return data(
        { ok: false as const, intent, formError: 'This packet is finished, revoked or deleted.' },
        { status: 409 },
      );
    }
    return { ok: true as const, intent };
  }

  return data({ ok: false as const, intent, formError: 'Unknown action.' }, { status: 400 });
}

export default function PacketPage() {
  const {
    packet,
    events,
    canAct,
    withPatient,
    countersign,
    userName,
    pdfUrl,
    patientRecordUrl,
    canKeepRecord,
  } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [signerName, setSignerName] = useState(userName);
  const countersignErrors: Record<string, string> =
    result && !result.ok && 'fieldErrors' in result
      ? (result.fieldErrors as Record<string, string>)
      : {};
  const open = ['sent', 'opened', 'locked', 'expired'].includes(packet.status);
  return (
    <>
      <h1>Patient packet</h1>
      {result && !result.ok ? (
        <p className="form-error" role="alert">
          {result.formError}
        </p>
      ) : null}
      {result?.ok && result.intent === 'countersign' ? (
        <output className="notice">Countersigned.</output>
      ) : null}
      {result?.ok && result.intent === 'revoke' ? (
        <output className="notice">The link was revoked; it no longer opens the packet.</output>
      ) : null}
      {result?.ok && 'link' in result ? (
        <>
          {result.intent === 'resend' ? (
            <output className="notice">
              {result.delivered
                ? 'A new link was e-mailed to the patient. The old link no longer works.'
                : 'A new link was made but the e-mail could not be sent. Give the patient the link below.'}
            </output>
          ) : (
            <output className="notice">A new link was made. The old link no longer works.</output>
          )}
          <PacketLinkPanel link={result.link} qrSvg={result.qrSvg} expiresAt={result.expiresAt} />
        </>
      ) : null}
      <dl className="document-facts">
        {packet.patient ? (
          <>
            <dt>Patient</dt>
            <dd>{packet.patient.name}</dd>
            <dt>E-mail</dt>
            <dd>{packet.patient.email}</dd>
            <dt>Date of birth</dt>
            <dd>{packet.patient.birthDate}</dd>
          </>
        ) : null}
        <dt>Status</dt>
        <dd>{STATUS_LABELS[packet.status]}</dd>
        <dt>Language</dt>
        <dd>{packet.locale === 'es' ? 'Spanish' : 'English'}</dd>
        <dt>Sent (UTC)</dt>
        <dd>{packet.createdAt.replace('T', ' ').slice(0, 16)}</dd>
        <dt>Link works until</dt>
        <dd>{packet.linkExpiresAt ? packet.linkExpiresAt.slice(0, 10) : '—'}</dd>
        <dt>Personal data deleted on</dt>
        <dd>{packet.retainUntil.slice(0, 10)}</dd>
      </dl>
      {patientRecordUrl ? (
        <p>
          <Link to={patientRecordUrl}>Open the patient record</Link> (scores over time)
        </p>
      ) : canKeepRecord ? (
        <Form method="post" className="inline-form">
          <input type="hidden" name="intent" value="keep-patient" />
          <button type="submit" className="secondary">
            Keep as patient record
          </button>
          <span className="hint">
            Saves the patient’s name and date of birth as a record for PHQ-9, GAD-7 and PCL-5
            scores.
          </span>
        </Form>
      ) : null}
      <h2>Documents</h2>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">Document</th>
              <th scope="col">Version</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {packet.documents.map((document) => (
              <tr key={document.id}>
                <td>
                  {document.title}
                  {document.routes.length > 0 ? ` (${document.routes.join(', ')})` : ''}
                </td>
                <td>{document.version}</td>
                <td>{DOCUMENT_STATUS_LABELS[document.status]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {canAct && open ? (
        <div className="packet-actions">
          <Form method="post">
            <input type="hidden" name="intent" value="resend" />
            <button type="submit">Resend e-mail with a new link</button>
          </Form>
          <Form method="post">
            <input type="hidden" name="intent" value="new-link" />
            <button type="submit" className="secondary">
              New link for signing here now or a QR code
            </button>
          </Form>
          <Form method="post">
            <input type="hidden" name="intent" value="revoke" />
            <button type="submit" className="secondary">
              Revoke the link
            </button>
          </Form>
        </div>
      ) : null}
      {canAct && pdfUrl ? (
        <p>
          <a className="button secondary" href={pdfUrl} download>
            Download the signed consent (PDF)
          </a>
        </p>
      ) : null}
      {canAct && countersign.ready ? (
        <section aria-labelledby="countersign-heading">
          <h2 id="countersign-heading">Countersign the consent form</h2>
          <p className="hint">
            The patient has signed. Your signature goes on the clinician line; a witness present can
            sign the witness line with their typed name.
          </p>
          <Form method="post" className="stack" autoComplete="off" noValidate>
            <input type="hidden" name="intent" value="countersign" />
            <div>
              <label>
                <input
                  type="checkbox"
                  name="agreeElectronic"
                  value="yes"
                  required
                  aria-invalid={countersignErrors.agreeElectronic ? true : undefined}
                  aria-describedby={
                    countersignErrors.agreeElectronic ? 'countersign-agree-error' : undefined
                  }
                />{' '}
                I agree to sign electronically
              </label>
              {countersignErrors.agreeElectronic ? (
                <p id="countersign-agree-error" className="field-error">
                  {countersignErrors.agreeElectronic}
                </p>
              ) : null}
            </div>
            <div className="field">
              <label htmlFor="countersign-name">Your full name</label>
              <input
                id="countersign-name"
                name="signerName"
                type="text"
                required
                maxLength={120}
                value={signerName}
                onChange={(event) => setSignerName(event.target.value)}
                aria-invalid={countersignErrors.signerName ? true : undefined}
              />
            </div>
            <SignaturePad
              text={{
                methodLegend: 'How would you like to sign?',
                methodDrawn: 'Draw my signature',
                methodTyped: 'Use my typed name as my signature',
                drawLabel: 'Draw your signature',
                drawHint: 'Use your finger, a stylus or the mouse.',
                clear: 'Clear',
                typedPreview: 'Your signature',
              }}
              name={signerName}
              error={countersignErrors.signatureImage}
            />
            <div className="field">
              <label htmlFor="witness-name">Witness’s full name (optional)</label>
              <span className="hint" id="witness-hint">
                Only when a witness watched the patient sign; their typed name is their signature.
              </span>
              <input
                id="witness-name"
                name="witnessName"
                type="text"
                maxLength={120}
                aria-describedby="witness-hint"
              />
            </div>
            <div>
              <button type="submit">Countersign</button>
            </div>
          </Form>
        </section>
      ) : null}
      <h2>Access log</h2>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">When (UTC)</th>
              <th scope="col">What</th>
              <th scope="col">Who</th>
              {withPatient ? <th scope="col">From</th> : null}
            </tr>
          </thead>
          <tbody>
            {events.map((event) => (
              <tr key={event.id}>
                <td>{event.at.replace('T', ' ').slice(0, 19)}</td>
                <td>
                  {event.label}
                  {event.packetDocumentId
                    ? ` — ${packet.documents.find((document) => document.id === event.packetDocumentId)?.title ?? ''}`
                    : ''}
                </td>
                <td>{event.who}</td>
                {withPatient ? (
                  <td>
                    {event.ipAddress ?? ''}
                    {event.userAgent ? <span className="hint"> {event.userAgent}</span> : null}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
