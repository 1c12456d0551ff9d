import type { AppLoadContext } from '@remix-run/node';
import { afterAll, beforeAll } from 'vitest';
import type { Database } from '../db/client.server';
import { memberships } from '../db/schema.server';
import type { MemberRole } from '../lib/auth/roles';
import { createTestContext, createTestDatabase } from './db';
import { createSignedInUser, createTestPractice } from './requests';

/** A practice with a signed-in owner, clinician and staff member, and an outsider with their own practice. */
export async function createPracticeTeam(context: AppLoadContext, name: string) {
  const owner = await createSignedInUser(context, { name: `${name} owner` });
  const practice = await createTestPractice(context, owner.user.id, { name });
  const cookies: Record<MemberRole | 'outsider', string> = {
    owner: owner.cookie,
    clinician: '',
    staff: '',
    outsider: '',
  };
  const userIds: Record<MemberRole, string> = { owner: owner.user.id, clinician: '', staff: '' };
  for (const role of ['clinician', 'staff'] as const) {
    const member = await createSignedInUser(context, { name: `${name} ${role}` });
    await context.db
      .insert(memberships)
      .values({ practiceId: practice.id, userId: member.user.id, role });
    cookies[role] = member.cookie;
    userIds[role] = member.user.id;
  }
  const outsider = await createSignedInUser(context, { name: `${name} outsider` });
  await createTestPractice(context, outsider.user.id, { name: `Not ${name}` });
  cookies.outsider = outsider.cookie;
  return { practice, cookies, userIds };
}

/** What {@link createPracticeTeam} returns. */
export type PracticeTeam = Awaited<ReturnType<typeof createPracticeTeam>>;

/** The shared setup of a route test file: its database, a load context and a practice team. */
export interface PracticeTeamFixture {
  database: Database;
  context: AppLoadContext;
  team: PracticeTeam;
  practiceId: string;
}

/**
 * Registers the usual setup of a route test file: before all tests a fresh
 * database, a load context and a practice team named `name`, handed to
 * `assign` (so the file keeps its own `let context` and friends); after all
 * tests the database is closed.
 */
export function withPracticeTeam(
  name: string,
  assign: (fixture: PracticeTeamFixture) => void,
): void {
  let database: Database | undefined;
  beforeAll(async () => {
    database = await createTestDatabase();
    const context = createTestContext(database);
    const team = await createPracticeTeam(context, name);
    assign({ database, context, team, practiceId: team.practice.id });
  });
  afterAll(() => database?.close());
}
