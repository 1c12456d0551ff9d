import type { AppLoadContext } from '@remix-run/node';
import { createPractice } from '../lib/practices/practices.server';
import type { Practice, PracticeProfile } from '../lib/practices/practices.server';
import { startSession } from '../lib/auth/session.server';
import { createUser } from '../lib/auth/users.server';

/** The origin test requests pretend to come from. */
export const TEST_ORIGIN = 'http://portal.test';

/** A GET request, optionally with a session cookie. */
export function getRequest(path: string, { cookie }: { cookie?: string } = {}): Request {
  return new Request(new URL(path, TEST_ORIGIN), {
    headers: cookie ? { Cookie: cookie } : {},
  });
}

/** A form POST like a browser sends it (same-origin), optionally signed in. */
export function formRequest(
  path: string,
  fields: Record<string, string | string[]> = {},
  { cookie }: { cookie?: string } = {},
): Request {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) {
    for (const item of Array.isArray(value) ? value : [value]) body.append(name, item);
  }
  const headers: Record<string, string> = {
    'Content-Type': 'application/x-www-form-urlencoded',
    Origin: TEST_ORIGIN,
  };
  if (cookie) headers.Cookie = cookie;
  return new Request(new URL(path, TEST_ORIGIN), { method: 'POST', headers, body });
}

/** The `name=value` part of a Set-Cookie header, ready to send back as a Cookie header. */
export function cookieFrom(setCookie: string | null): string {
  if (!setCookie) throw new Error('Expected a Set-Cookie header, got none');
  return setCookie.split(';')[0] ?? '';
}

/** Status, headers and body of whatever a loader/action returned or threw. */
export interface Outcome {
  status: number;
  headers: Headers;
  /** Response text, or the JSON of `data()` payloads and plain objects. */
  body: string;
  /** The payload of a `data()` result or plain object return. */
  data: unknown;
}

function isDataWithInit(value: unknown): value is { data: unknown; init: ResponseInit | null } {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { type?: unknown }).type === 'DataWithResponseInit'
  );
}

async function toOutcome(value: unknown): Promise<Outcome> {
  if (value instanceof Response) {
    const body = await value.text();
    return { status: value.status, headers: value.headers, body, data: body };
  }
  if (isDataWithInit(value)) {
    return {
      status: value.init?.status ?? 200,
      headers: new Headers(value.init?.headers),
      body: JSON.stringify(value.data) ?? '',
      data: value.data,
    };
  }
  return { status: 200, headers: new Headers(), body: JSON.stringify(value) ?? '', data: value };
}

/**
 * Runs a loader or action and reports what came back, whether it returned or
 * threw a Response/`data()` (Remix treats both the same). Real errors rethrow.
 */
export async function run(call: () => unknown): Promise<Outcome> {
  try {
    return await toOutcome(await call());
  } catch (thrown) {
    if (thrown instanceof Response || isDataWithInit(thrown)) return toOutcome(thrown);
    throw thrown;
  }
}

let counter = 0;

/** Creates a user directly and signs them in; returns the user and their session cookie. */
export async function createSignedInUser(
  context: AppLoadContext,
  { name = 'Test User', email }: { name?: string; email?: string } = {},
) {
  counter += 1;
  const address = email ?? `user${counter}-${Date.now()}@example.org`;
  const user = await createUser(context.db, {
    name,
    email: address,
    password: 'correct horse battery staple',
  });
  if (!user) throw new Error(`Could not create test user ${address}`);
  const setCookie = await startSession({ request: getRequest('/'), context }, user.id);
  return { user, cookie: cookieFrom(setCookie) };
}

/** A default practice profile for tests. */
export const TEST_PROFILE: PracticeProfile = {
  name: 'Riverside Mental Health',
  state: 'OR',
  routes: ['iv', 'intranasal-esketamine'],
  telehealth: true,
};

/** Creates a practice owned by `ownerId`. */
export async function createTestPractice(
  context: AppLoadContext,
  ownerId: string,
  profile: Partial<PracticeProfile> = {},
): Promise<Practice> {
  return createPractice(context.db, { ownerId, profile: { ...TEST_PROFILE, ...profile } });
}
