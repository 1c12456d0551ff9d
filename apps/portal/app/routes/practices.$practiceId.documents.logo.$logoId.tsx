import type { LoaderFunctionArgs } from '@remix-run/node';
import * as z from 'zod';
import { getLogo } from '../lib/documents/brand-kit.server';
import { cachedFileResponse } from '../lib/documents/responses.server';
import { requirePracticeAccess } from '../lib/auth/practice-access.server';
import type { PracticeRouteHandle } from '../lib/auth/roles';

/** Who may use this route (checked by practice-isolation.test.ts). */
export const handle: PracticeRouteHandle = { access: { loader: 'staff' } };

/** A practice's stored (re-encoded) logo, for the brand-kit page and the preview. */
export async function loader(args: LoaderFunctionArgs) {
  const { practiceId } = await requirePracticeAccess(args);
  const logoId = z.uuid().safeParse(args.params.logoId);
  const logo = logoId.success
    ? await getLogo(args.context.db, { practiceId, logoId: logoId.data })
    : null;
  if (!logo) throw new Response('Not found', { status: 404 });
  return cachedFileResponse(args.request, {
    bytes: logo.bytes,
    etag: `"sha256-${logo.sha256}"`,
    contentType: logo.mimeType,
  });
}
