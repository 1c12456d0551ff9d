import type {
  ActionFunctionArgs,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from '@remix-run/node';
import { data } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { FieldError, FormError } from '../components/fields';
import { requirePracticeAccess } from '../lib/auth/practice-access.server';
import type { PracticeRouteHandle } from '../lib/auth/roles';
import { SEAL_CERTIFICATE_MAX_BYTES } from '../lib/documents/upload-limits';
import { field, readForm } from '../lib/forms.server';
import {
  type SealCertificateInfo,
  readOwnSealCertificate,
  sealCertificateOf,
} from '../lib/packets/own-seal-certificate.server';
import {
  clearOwnSealIdentity,
  generatedSealIdentity,
  ownSealIdentity,
  setOwnSealIdentity,
} from '../lib/packets/seal-key.server';
import { recordPracticeEvent } from '../lib/practices/audit.server';
import packetsStylesheet from '../styles/packets.css?url';

/** Who may use this route (checked by practice-isolation.test.ts). */
export const handle: PracticeRouteHandle = { access: { loader: 'owner', action: 'owner' } };

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: packetsStylesheet }];

export const meta: MetaFunction = () => [{ title: 'Document seal — Groundwork' }];

/** A certificate as the page shows it (dates as ISO strings). */
function certificateView(info: SealCertificateInfo) {
  return {
    subject: info.subject,
    issuer: info.issuer,
    notBefore: info.notBefore.toISOString(),
    notAfter: info.notAfter.toISOString(),
    sha256: info.sha256,
    selfSigned: info.selfSigned,
  };
}

/** The certificate that seals the practice's PDFs (owners): the uploaded one or the generated one. */
export async function loader(args: LoaderFunctionArgs) {
  const { practice, practiceId } = await requirePracticeAccess(args, { minRole: 'owner' });
  const { db, dataKeys } = args.context;
  const own = await ownSealIdentity(db, dataKeys, practiceId);
  const generated = await generatedSealIdentity(db, dataKeys, practice);
  return data(
    {
      practiceId,
      active: own ? ('own' as const) : ('generated' as const),
      own: own ? certificateView(sealCertificateOf(own.pkcs12)) : null,
      generated: certificateView(sealCertificateOf(generated.pkcs12)),
      maxKilobytes: SEAL_CERTIFICATE_MAX_BYTES / 1024,
    },
    { headers: { 'Cache-Control': 'no-store' } },
  );
}

/** Upload the practice's own PKCS#12, or go back to the generated certificate (owners). */
export async function action(args: ActionFunctionArgs) {
  const { practiceId, user } = await requirePracticeAccess(args, { minRole: 'owner' });
  const { db, dataKeys } = args.context;
  const formData = await readForm(args.request);
  const intent = field(formData, 'intent');

  if (intent === 'upload') {
    const upload = formData.get('certificate');
    const file =
      upload && typeof upload !== 'string' ? new Uint8Array(await upload.arrayBuffer()) : null;
    const read = readOwnSealCertificate({ file, passphrase: field(formData, 'passphrase') });
    if (!read.ok) {
      return data(
        { ok: false as const, intent, fieldErrors: read.fieldErrors as Record<string, string> },
        { status: 400 },
      );
    }
    const { identity } = read;
    await setOwnSealIdentity(db, dataKeys, { practiceId, identity });
    await recordPracticeEvent(db, {
      practiceId,
      actor: user,
      action: 'seal-certificate-uploaded',
      details: { certificate: { subject: identity.info.subject, sha256: identity.info.sha256 } },
    });
    return { ok: true as const, intent };
  }

  if (intent === 'revert') {
    if (await clearOwnSealIdentity(db, practiceId)) {
      await recordPracticeEvent(db, {
        practiceId,
        actor: user,
        action: 'seal-certificate-reverted',
      });
    }
    return { ok: true as const, intent };
  }

  return data({ ok: false as const, intent, formError: 'Unknown action.' }, { status: 400 });
}

function Certificate({
  certificate,
  heading,
  id,
}: {
  certificate: ReturnType<typeof certificateView>;
  heading: string;
  id: string;
}) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{heading}</h2>
      <dl className="document-facts certificate-facts">
        <dt>Subject</dt>
        <dd>{certificate.subject}</dd>
        <dt>Issuer</dt>
        <dd>
          {certificate.selfSigned ? `${certificate.issuer} (self-signed)` : certificate.issuer}
        </dd>
        <dt>Valid from (UTC)</dt>
        <dd>{certificate.notBefore.replace('T', ' ').slice(0, 16)}</dd>
        <dt>Valid until (UTC)</dt>
        <dd>{certificate.notAfter.replace('T', ' ').slice(0, 16)}</dd>
        <dt>SHA-256 fingerprint</dt>
        <dd className="fingerprint">{certificate.sha256.match(/../g)?.join(':')}</dd>
      </dl>
    </section>
  );
}

export default function SealSettings() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const state = result && !result.ok ? result : undefined;
  const certificateError = state && 'fieldErrors' in state ? state.fieldErrors.certificate : '';
  const passphraseError = state && 'fieldErrors' in state ? state.fieldErrors.passphrase : '';
  return (
    <>
      <h1>Document seal</h1>
      <p>
        <Link to={`/practices/${loaded.practiceId}/packets`}>Patient packets</Link>
      </p>
      <p>
        Every signed consent PDF is sealed with a digital signature. The seal proves the file has
        not changed since the portal made it.{' '}
        {loaded.active === 'own'
          ? 'PDFs are sealed with your practice’s own certificate.'
          : 'PDFs are sealed with a key and self-signed certificate the portal generated for your practice; PDF readers say its issuer is unknown.'}
      </p>
      {result?.ok && result.intent === 'upload' ? (
        <output className="notice">Your certificate is uploaded. New seals use it.</output>
      ) : null}
      {result?.ok && result.intent === 'revert' ? (
        <output className="notice">New seals use the generated certificate again.</output>
      ) : null}
      <FormError state={state} />
      {loaded.own ? (
        <>
          <Certificate
            certificate={loaded.own}
            heading="Active: your practice’s certificate"
            id="own-heading"
          />
          <Form method="post">
            <input type="hidden" name="intent" value="revert" />
            <button type="submit" className="secondary">
              Go back to the generated certificate
            </button>
          </Form>
        </>
      ) : null}
      <Certificate
        certificate={loaded.generated}
        heading={
          loaded.own ? 'Generated certificate (not in use)' : 'Active: generated certificate'
        }
        id="generated-heading"
      />
      <section aria-labelledby="upload-heading">
        <h2 id="upload-heading">
          {loaded.own ? 'Upload another certificate' : 'Upload your own certificate'}
        </h2>
        <p className="hint">
          A PKCS#12 file (.p12 or .pfx, up to {loaded.maxKilobytes} KB) with one RSA private key of
          at least 2048 bits and its certificate, valid today, for example from a certificate
          authority. The passphrase opens the file once and is not stored; the key is stored
          encrypted like patient data.
        </p>
        <Form method="post" encType="multipart/form-data" className="stack" noValidate>
          <input type="hidden" name="intent" value="upload" />
          <div className="field">
            <label htmlFor="field-certificate">Certificate file</label>
            <input
              id="field-certificate"
              name="certificate"
              type="file"
              accept=".p12,.pfx,application/x-pkcs12"
              required
              aria-invalid={certificateError ? true : undefined}
              aria-describedby={certificateError ? 'field-certificate-error' : undefined}
            />
            <FieldError state={state} name="certificate" />
          </div>
          <div className="field">
            <label htmlFor="field-passphrase">Passphrase</label>
            <input
              id="field-passphrase"
              name="passphrase"
              type="password"
              autoComplete="off"
              aria-invalid={passphraseError ? true : undefined}
              aria-describedby={passphraseError ? 'field-passphrase-error' : undefined}
            />
            <FieldError state={state} name="passphrase" />
          </div>
          <div>
            <button type="submit">Upload certificate</button>
          </div>
        </Form>
      </section>
    </>
  );
}
