import type { AppLoadContext } from '@remix-run/node';
import { memberships } from '../db/schema.server';
import type { MemberRole } from '../lib/auth/roles';
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
