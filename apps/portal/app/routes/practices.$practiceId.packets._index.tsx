import type {
  ActionFunctionArgs,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from '@remix-run/node';
import { data } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import * as z from 'zod';
import { FieldError } from '../components/fields';
import { requirePracticeAccess } from '../lib/auth/practice-access.server';
import { maySeePatientDetails } from '../lib/auth/patient-details-right';
import { hasRole } from '../lib/auth/roles';
import type { PracticeRouteHandle } from '../lib/auth/roles';
import { field, parseForm } from '../lib/forms.server';
import { STATUS_LABELS } from '../lib/packets/packet-status';
import { retentionDaysFor, setRetentionDays } from '../lib/packets/packet-settings.server';
import { RETENTION_LIMITS } from '../lib/packets/retention-limits';
import { packetView } from '../lib/packets/packet-views.server';
import { listPackets } from '../lib/packets/packets.server';
import packetsStylesheet from '../styles/packets.css?url';

/** Who may use this route (checked by practice-isolation.test.ts). */
export const handle: PracticeRouteHandle = { access: { loader: 'staff', action: 'owner' } };

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: packetsStylesheet }];

export const meta: MetaFunction = () => [{ title: 'Patient packets — Groundwork' }];

const RetentionSchema = z.object({
  retentionDays: z.coerce
    .number({ error: 'Enter a number of days.' })
    .int('Enter a whole number of days.')
    .min(RETENTION_LIMITS.min, `Keep packets at least ${RETENTION_LIMITS.min} day.`)
    .max(RETENTION_LIMITS.max, `Keep packets at most ${RETENTION_LIMITS.max} days (ten years).`),
});

/**
 * The practice's packets. Whoever may see patient details (clinicians, owners,
 * staff given the right) sees who each is for; other staff see status only.
 */
export async function loader(args: LoaderFunctionArgs) {
  const access = await requirePracticeAccess(args);
  const { practiceId, role } = access;
  const { db, dataKeys } = args.context;
  const withPatient = maySeePatientDetails(access);
  const packets = await listPackets(db, { practiceId });
  return data(
    {
      practiceId,
      canSend: hasRole(role, 'clinician'),
      withPatient,
      isOwner: hasRole(role, 'owner'),
      retentionDays: await retentionDaysFor(db, practiceId),
      packets: packets.map((packet) => packetView(dataKeys, packet, { withPatient })),
    },
    { headers: { 'Cache-Control': 'no-store' } },
  );
}

/** Sets the practice's retention period (owners). */
export async function action(args: ActionFunctionArgs) {
  const { practiceId } = await requirePracticeAccess(args, { minRole: 'owner' });
  const formData = await args.request.formData();
  const parsed = parseForm(RetentionSchema, formData, {
    retentionDays: field(formData, 'retentionDays'),
  });
  if (!parsed.ok) return data({ ...parsed, ok: false as const }, { status: 400 });
  await setRetentionDays(args.context.db, {
    practiceId,
    retentionDays: parsed.data.retentionDays,
  });
  return { ok: true as const, retentionDays: parsed.data.retentionDays };
}

export default function Packets() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const state = result && !result.ok ? result : undefined;
  const base = `/practices/${data.practiceId}/packets`;
  return (
    <>
      <h1>Patient packets</h1>
      <p className="hint">
        Handouts and the consent form sent to one patient to read and sign.
        {data.withPatient
          ? ''
          : ' You see each packet’s progress; patient details are for clinicians, owners and staff an owner gave the right.'}
      </p>
      {data.canSend ? (
        <p>
          <Link className="button" to={`${base}/new`}>
            New packet
          </Link>
        </p>
      ) : null}
      {data.packets.length === 0 ? (
        <p>No packets yet.</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Sent (UTC)</th>
                {data.withPatient ? <th scope="col">Patient</th> : null}
                <th scope="col">Documents</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {data.packets.map((packet) => (
                <tr key={packet.id}>
                  <td>
                    <Link to={`${base}/${packet.id}`}>
                      {packet.createdAt.replace('T', ' ').slice(0, 16)}
                    </Link>
                  </td>
                  {data.withPatient ? <td>{packet.patient?.name ?? '—'}</td> : null}
                  <td>{packet.documents.map((document) => document.title).join('; ')}</td>
                  <td>{STATUS_LABELS[packet.status]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {data.isOwner ? (
        <section aria-labelledby="seal-heading">
          <h2 id="seal-heading">Document seal</h2>
          <p>
            Signed PDFs are sealed with a digital signature.{' '}
            <Link to={`${base}/seal`}>See the sealing certificate or upload your own</Link>.
          </p>
        </section>
      ) : null}
      <section aria-labelledby="retention-heading">
        <h2 id="retention-heading">Retention</h2>
        <p>
          A packet’s personal data (name, e-mail, date of birth, signatures, the signed PDF, IP
          addresses) is deleted {data.retentionDays} days after it was sent. File the signed PDF in
          your medical record before then.
        </p>
        {data.isOwner ? (
          <Form method="post" className="inline-form">
            <div className="field">
              <label htmlFor="field-retentionDays">Keep personal data for (days)</label>
              <input
                id="field-retentionDays"
                name="retentionDays"
                type="number"
                inputMode="numeric"
                min={RETENTION_LIMITS.min}
                max={RETENTION_LIMITS.max}
                defaultValue={data.retentionDays}
                required
                aria-invalid={state?.fieldErrors.retentionDays ? true : undefined}
                aria-describedby={
                  state?.fieldErrors.retentionDays ? 'field-retentionDays-error' : undefined
                }
              />
              <FieldError state={state} name="retentionDays" />
            </div>
            <button type="submit">Save retention</button>
            {result?.ok ? (
              <output className="notice">Saved: {result.retentionDays} days.</output>
            ) : null}
          </Form>
        ) : null}
      </section>
    </>
  );
}
