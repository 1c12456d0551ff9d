import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AppLoadContext } from '@remix-run/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memberships } from '../db/schema.server';
import type { Database } from '../db/client.server';
import { hasRole } from '../lib/auth/roles';
import type { MemberRole, PracticeRouteHandle } from '../lib/auth/roles';
import { createTestContext, createTestDatabase } from '../test/db';
import {
  createSignedInUser,
  createTestPractice,
  formRequest,
  getRequest,
  run,
} from '../test/requests';

/**
 * Tenant isolation, route by route. The route list is read from the route
 * files, so every new route under /practices/:practiceId is covered without
 * touching this test. Each must declare `handle.access`.
 */

type Handler = (args: {
  request: Request;
  params: Record<string, string>;
  context: AppLoadContext;
}) => unknown;

interface PracticeRouteModule {
  loader?: Handler;
  action?: Handler;
  handle?: PracticeRouteHandle;
}

const routesDir = dirname(fileURLToPath(import.meta.url));

/** Every route module under /practices/:practiceId: flat files and route folders. */
function practiceRouteFiles(): Array<{ id: string; file: string }> {
  const found: Array<{ id: string; file: string }> = [];
  for (const entry of readdirSync(routesDir)) {
    if (!entry.startsWith('practices.$practiceId')) continue;
    const full = join(routesDir, entry);
    if (statSync(full).isDirectory()) {
      const route = ['route.tsx', 'route.ts'].map((name) => join(full, name)).find(existsSync);
      if (route) found.push({ id: entry, file: route });
    } else if (/\.tsx?$/.test(entry) && !/\.test\.tsx?$/.test(entry)) {
      found.push({ id: basename(entry).replace(/\.tsx?$/, ''), file: full });
    }
  }
  return found.sort((a, b) => a.id.localeCompare(b.id));
}

/** The URL path and params for a route id, with practiceId filled and other params random. */
function pathFor(routeId: string, practiceId: string) {
  const params: Record<string, string> = {};
  const segments = routeId
    .split('.')
    .filter((segment) => !segment.startsWith('_') && !segment.endsWith('_index'))
    .map((segment) => {
      if (segment === '$practiceId') {
        params.practiceId = practiceId;
        return practiceId;
      }
      if (segment.startsWith('$')) {
        const value = randomUUID();
        params[segment.slice(1)] = value;
        return value;
      }
      return segment.replace(/^\[|\]$/g, '');
    });
  return { path: `/${segments.join('/')}`, params, extraParams: Object.keys(params).length > 1 };
}

const routeModules = await Promise.all(
  practiceRouteFiles().map(async ({ id, file }) => ({
    id,
    route: (await import(/* @vite-ignore */ file)) as PracticeRouteModule,
  })),
);
const PRACTICE_NAME = 'Isolation Test Clinic 7f3a';

let database: Database;
let context: AppLoadContext;
let practiceId: string;
const cookies = {} as Record<'owner' | 'clinician' | 'staff' | 'outsider', string>;

beforeAll(async () => {
  database = await createTestDatabase();
  context = createTestContext(database);
  const owner = await createSignedInUser(context, { name: 'Owner' });
  const practice = await createTestPractice(context, owner.user.id, { name: PRACTICE_NAME });
  practiceId = practice.id;
  cookies.owner = owner.cookie;
  for (const role of ['clinician', 'staff'] as const) {
    const member = await createSignedInUser(context, { name: role });
    await context.db.insert(memberships).values({ practiceId, userId: member.user.id, role });
    cookies[role] = member.cookie;
  }
  const outsider = await createSignedInUser(context, { name: 'Outsider' });
  await createTestPractice(context, outsider.user.id, { name: 'Some Other Practice' });
  cookies.outsider = outsider.cookie;
}, 120_000);

afterAll(async () => {
  await database?.close();
});

describe('the practice route list', () => {
  it('finds the practice routes (so the checks below are not vacuous)', () => {
    const ids = routeModules.map((route) => route.id);
    expect(ids).toContain('practices.$practiceId');
    expect(ids).toContain('practices.$practiceId.members');
    expect(ids).toContain('practices.$practiceId.settings');
    expect(ids).toContain('practices.$practiceId.screening');
    expect(ids).toContain('practices.$practiceId.rules');
    // Branded documents (brand kit, handout studio, consent generator, activity).
    expect(ids).toEqual(
      expect.arrayContaining([
        'practices.$practiceId.brand',
        'practices.$practiceId.handouts',
        'practices.$practiceId.consent',
        'practices.$practiceId.documents.activity',
        'practices.$practiceId.documents.brand-stylesheet',
        'practices.$practiceId.documents.consent',
        'practices.$practiceId.documents.handout',
        'practices.$practiceId.documents.handout-preview',
        'practices.$practiceId.documents.logo.$logoId',
      ]),
    );
    // Patient packets (list, new, one packet).
    expect(ids).toEqual(
      expect.arrayContaining([
        'practices.$practiceId.packets._index',
        'practices.$practiceId.packets.new',
        'practices.$practiceId.packets.$packetId',
        'practices.$practiceId.packets.$packetId.pdf',
      ]),
    );
    // Patient records (measurement-based care).
    expect(ids).toEqual(
      expect.arrayContaining([
        'practices.$practiceId.patients._index',
        'practices.$practiceId.patients.$patientId',
        'practices.$practiceId.patients.$patientId.export[.]csv',
        'practices.$practiceId.patients.$patientId.export[.]fhir[.]json',
      ]),
    );
  });
});

describe.each(routeModules)('$id', ({ id, route }) => {
  function request(kind: 'loader' | 'action', cookie?: string) {
    const { path } = pathFor(id, practiceId);
    return kind === 'loader' ? getRequest(path, { cookie }) : formRequest(path, {}, { cookie });
  }

  async function call(kind: 'loader' | 'action', cookie?: string) {
    const handler = route[kind];
    if (!handler) throw new Error(`${id} has no ${kind}`);
    const { params } = pathFor(id, practiceId);
    return run(() => handler({ request: request(kind, cookie), params, context }));
  }

  it('declares handle.access for its loader and action', () => {
    expect(route.handle?.access, `${id} must export handle.access`).toBeDefined();
    if (route.loader) expect(route.handle?.access.loader).toBeDefined();
    if (route.action) expect(route.handle?.access.action).toBeDefined();
  });

  const kinds = (['loader', 'action'] as const).filter((kind) => route[kind]);
  for (const kind of kinds) {
    it(`${kind}: signed-out visitors are sent to log in`, async () => {
      const outcome = await call(kind);
      expect(outcome.status).toBe(302);
      expect(outcome.headers.get('Location')).toMatch(/^\/login\?redirectTo=/);
      expect(outcome.body).not.toContain(PRACTICE_NAME);
    });

    it(`${kind}: members of another practice get 404 and learn nothing`, async () => {
      const outcome = await call(kind, cookies.outsider);
      expect(outcome.status).toBe(404);
      expect(outcome.body).not.toContain(PRACTICE_NAME);
      expect(outcome.body).not.toContain(practiceId);
    });

    it(`${kind}: roles below the declared minimum get 403, roles at or above it get in`, async () => {
      const minRole = route.handle?.access[kind] as MemberRole;
      for (const role of ['staff', 'clinician', 'owner'] as const) {
        const outcome = await call(kind, cookies[role]);
        if (hasRole(role, minRole)) {
          expect(outcome.status, `${role} should pass the access check`).not.toBe(403);
          if (!pathFor(id, practiceId).extraParams) expect(outcome.status).not.toBe(404);
        } else {
          expect(outcome.status, `${role} should be refused`).toBe(403);
          expect(outcome.body).not.toContain(PRACTICE_NAME);
        }
      }
      // PDF routes render a whole document per role: allow for a busy machine.
    }, 60_000);
  }
});
