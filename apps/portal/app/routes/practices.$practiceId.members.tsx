import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { FieldError, FormError, TextField, typed } from '../components/fields';
import { field, parseForm, readForm } from '../lib/forms.server';
import { INVITE_DAYS } from '../lib/auth/invite-policy';
import { createInvite, listPendingInvites, revokeInvite } from '../lib/auth/invites.server';
import { requirePracticeAccess } from '../lib/auth/practice-access.server';
import { changeMemberRole, listMembers, removeMember } from '../lib/practices/practices.server';
import { MEMBER_ROLES, ROLE_LABELS, hasRole } from '../lib/auth/roles';
import { setPatientDetailsRight } from '../lib/practices/patient-details-grant.server';
import {
  ChangeRoleSchema,
  InviteSchema,
  PatientDetailsRightSchema,
  UserIdSchema,
} from '../lib/schemas';
import type { PracticeRouteHandle } from '../lib/auth/roles';

/** Who may use this route (checked by practice-isolation.test.ts). */
export const handle: PracticeRouteHandle = { access: { loader: 'staff', action: 'owner' } };

/** Members of the practice; owners also see pending invites. */
export async function loader(args: LoaderFunctionArgs) {
  const { practiceId, role, user } = await requirePracticeAccess(args);
  const isOwner = hasRole(role, 'owner');
  return {
    members: await listMembers(args.context.db, practiceId),
    invites: isOwner
      ? (await listPendingInvites(args.context.db, practiceId)).map((invite) => ({
          ...invite,
          expiresAt: invite.expiresAt.toISOString().slice(0, 10),
        }))
      : [],
    isOwner,
    currentUserId: user.id,
  };
}

/**
 * Invite (owner), revoke an invite (owner), change a member's role (owner),
 * give or take away a staff member's right to see patient details (owner),
 * remove a member (owner) or leave (anyone).
 */
export async function action(args: ActionFunctionArgs) {
  const access = await requirePracticeAccess(args);
  const { db } = args.context;
  const formData = await readForm(args.request);
  const intent = field(formData, 'intent');

  if (intent === 'leave') {
    const result = await removeMember(db, {
      practiceId: access.practiceId,
      userId: access.user.id,
      actor: access.user,
    });
    // Cleared again after the commit, even if this request's client has gone.
    args.context.accessCache?.clear();
    if (result === 'last-owner') {
      return data(
        {
          intent,
          ok: false as const,
          formError: 'You are the only owner. Make another member an owner before you leave.',
        },
        { status: 400 },
      );
    }
    return redirect('/practices');
  }

  // Everything else is for owners only.
  await requirePracticeAccess(args, { minRole: 'owner' });

  if (intent === 'invite') {
    const parsed = parseForm(InviteSchema, formData, {
      email: field(formData, 'email'),
      role: field(formData, 'role'),
    });
    if (!parsed.ok) return data({ intent, ...parsed }, { status: 400 });
    const { token } = await createInvite(db, {
      practiceId: access.practiceId,
      email: parsed.data.email.toLowerCase(),
      role: parsed.data.role,
      invitedBy: access.user.id,
    });
    const link = `${new URL(args.request.url).origin}/invites/${token}`;
    await args.context.mail.send({
      to: parsed.data.email,
      subject: `You are invited to join ${access.practice.name} on Groundwork`,
      text: [
        `${access.user.name} invited you to join ${access.practice.name} on Groundwork as ${ROLE_LABELS[parsed.data.role].toLowerCase()}.`,
        '',
        `Accept the invitation within ${INVITE_DAYS} days: ${link}`,
        '',
        'If you did not expect this e-mail, you can ignore it.',
      ].join('\n'),
      // The link is the credential: never stored (only the invite's hash is).
      secrets: [token],
    });
    return {
      intent,
      ok: true as const,
      inviteLink: link,
      invitedEmail: parsed.data.email,
      // Say "we e-mailed" only when the mail really left the server.
      emailed: args.context.mail.delivers === true,
    };
  }

  if (intent === 'revoke-invite') {
    const inviteId = field(formData, 'inviteId');
    if (/^[0-9a-f-]{36}$/i.test(inviteId)) {
      await revokeInvite(db, { practiceId: access.practiceId, inviteId });
    }
    return { intent, ok: true as const };
  }

  if (intent === 'remove') {
    const parsed = parseForm(UserIdSchema, formData, { userId: field(formData, 'userId') });
    if (!parsed.ok) return data({ intent, ...parsed }, { status: 400 });
    const result = await removeMember(db, {
      practiceId: access.practiceId,
      userId: parsed.data.userId,
      actor: access.user,
    });
    // Cleared again after the commit, even if this request's client has gone.
    args.context.accessCache?.clear();
    if (result === 'last-owner') {
      return data(
        {
          intent,
          ok: false as const,
          formError: 'A practice needs at least one owner. The last owner cannot be removed.',
        },
        { status: 400 },
      );
    }
    if (result === 'removed' && parsed.data.userId === access.user.id)
      return redirect('/practices');
    return { intent, ok: true as const };
  }

  if (intent === 'change-role') {
    const parsed = parseForm(ChangeRoleSchema, formData, {
      userId: field(formData, 'userId'),
      role: field(formData, 'role'),
    });
    if (!parsed.ok) return data({ intent, ...parsed }, { status: 400 });
    const changed = await changeMemberRole(db, {
      practiceId: access.practiceId,
      userId: parsed.data.userId,
      role: parsed.data.role,
      actor: access.user,
    });
    // Cleared again after the commit, even if this request's client has gone.
    args.context.accessCache?.clear();
    if (changed.result === 'last-owner') {
      return data(
        {
          intent,
          ok: false as const,
          formError:
            'A practice needs at least one owner. Make another member an owner before changing this role.',
        },
        { status: 400 },
      );
    }
    if (changed.result === 'not-a-member') {
      return data(
        { intent, ok: false as const, formError: 'That person is not a member of this practice.' },
        { status: 404 },
      );
    }
    return {
      intent,
      ok: true as const,
      roleChanged:
        changed.result === 'changed'
          ? `${changed.name} is now ${ROLE_LABELS[parsed.data.role].toLowerCase()}.`
          : undefined,
    };
  }

  if (intent === 'patient-details') {
    const parsed = parseForm(PatientDetailsRightSchema, formData, {
      userId: field(formData, 'userId'),
      grant: field(formData, 'grant'),
    });
    if (!parsed.ok) return data({ intent, ...parsed }, { status: 400 });
    const changed = await setPatientDetailsRight(db, {
      practiceId: access.practiceId,
      userId: parsed.data.userId,
      grant: parsed.data.grant === 'yes',
      actor: access.user,
    });
    // Cleared again after the commit, even if this request's client has gone.
    args.context.accessCache?.clear();
    if (changed.result === 'not-a-member') {
      return data(
        { intent, ok: false as const, formError: 'That person is not a member of this practice.' },
        { status: 404 },
      );
    }
    if (changed.result === 'not-staff') {
      return data(
        {
          intent,
          ok: false as const,
          formError: 'Owners and clinicians see patient details by their role.',
        },
        { status: 400 },
      );
    }
    return {
      intent,
      ok: true as const,
      detailsChanged:
        parsed.data.grant === 'yes'
          ? `${changed.name} may see patient details.`
          : `${changed.name} no longer sees patient details.`,
    };
  }

  return data({ intent, ok: false as const, formError: 'Unknown action.' }, { status: 400 });
}

/** Members and invitations of a practice. */
export default function Members() {
  const { members, invites, isOwner, currentUserId } = useLoaderData<typeof loader>();
  const owners = members.filter((member) => member.role === 'owner');
  const soleOwner = owners.length === 1 && owners[0]?.userId === currentUserId;
  const result = useActionData<typeof action>();
  const inviteState = result?.intent === 'invite' && !result.ok ? result : undefined;
  const otherError =
    result && !result.ok && result.intent !== 'invite' && 'formError' in result
      ? result
      : undefined;
  return (
    <>
      <h1>Members</h1>
      <FormError state={otherError} />
      {result?.intent === 'change-role' && result.ok && result.roleChanged ? (
        <output className="notice">{result.roleChanged}</output>
      ) : null}
      {result?.intent === 'patient-details' && result.ok && result.detailsChanged ? (
        <output className="notice">{result.detailsChanged}</output>
      ) : null}
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">Practice members</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">E-mail</th>
              <th scope="col">Role</th>
              <th scope="col">Patient details</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {members.map((member) => (
              <tr key={member.userId}>
                <td>{member.name}</td>
                <td>{member.email}</td>
                <td>
                  {isOwner ? (
                    <Form method="post" className="inline-form">
                      <input type="hidden" name="intent" value="change-role" />
                      <input type="hidden" name="userId" value={member.userId} />
                      <label htmlFor={`role-${member.userId}`} className="visually-hidden">
                        Role of {member.name}
                      </label>
                      <select id={`role-${member.userId}`} name="role" defaultValue={member.role}>
                        {MEMBER_ROLES.map((role) => (
                          <option key={role} value={role}>
                            {ROLE_LABELS[role]}
                          </option>
                        ))}
                      </select>{' '}
                      <button type="submit" className="secondary">
                        Change role <span className="visually-hidden">of {member.name}</span>
                      </button>
                    </Form>
                  ) : (
                    ROLE_LABELS[member.role]
                  )}
                </td>
                <td>
                  {member.role !== 'staff' ? (
                    <span className="hint">Yes (by role)</span>
                  ) : isOwner ? (
                    <Form method="post" className="inline-form">
                      <input type="hidden" name="intent" value="patient-details" />
                      <input type="hidden" name="userId" value={member.userId} />
                      <input
                        type="hidden"
                        name="grant"
                        value={member.maySeePatientDetails ? 'no' : 'yes'}
                      />
                      {member.maySeePatientDetails ? 'Yes' : 'No'}{' '}
                      <button type="submit" className="secondary">
                        {member.maySeePatientDetails ? 'Take away' : 'Allow'}{' '}
                        <span className="visually-hidden">patient details for {member.name}</span>
                      </button>
                    </Form>
                  ) : member.maySeePatientDetails ? (
                    'Yes'
                  ) : (
                    'No'
                  )}
                </td>
                <td>
                  {member.userId === currentUserId && soleOwner ? (
                    <span className="hint">
                      You are the only owner: make another member an owner before you can leave.
                    </span>
                  ) : member.userId === currentUserId ? (
                    <Form method="post">
                      <input type="hidden" name="intent" value="leave" />
                      <button type="submit" className="danger">
                        Leave practice
                      </button>
                    </Form>
                  ) : isOwner ? (
                    <Form method="post">
                      <input type="hidden" name="intent" value="remove" />
                      <input type="hidden" name="userId" value={member.userId} />
                      <button type="submit" className="danger">
                        Remove <span className="visually-hidden">{member.name}</span>
                      </button>
                    </Form>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      {isOwner ? (
        <>
          <h2>Invite someone</h2>
          {result?.intent === 'invite' && result.ok ? (
            <section className="notice" aria-labelledby="invite-sent">
              <h3 id="invite-sent">{result.emailed ? 'Invitation sent' : 'Invitation ready'}</h3>
              {result.emailed ? (
                <p>
                  We e-mailed an invitation to {result.invitedEmail}. You can also copy this link
                  and send it yourself. It works once and expires in {INVITE_DAYS} days.
                </p>
              ) : (
                <p>
                  This server does not send e-mail (no SMTP_URL is set), so nothing was sent to{' '}
                  {result.invitedEmail}. Copy this link and send it yourself. It works once and
                  expires in {INVITE_DAYS} days.
                </p>
              )}
              <p className="copy-box">
                <label htmlFor="invite-link">Invitation link</label>
                <input id="invite-link" type="text" readOnly value={result.inviteLink} />
              </p>
            </section>
          ) : null}
          <Form method="post" className="stack" noValidate>
            <input type="hidden" name="intent" value="invite" />
            <TextField name="email" label="E-mail" type="email" state={inviteState} />
            <div className="field">
              <label htmlFor="field-role">Role</label>
              <select
                id="field-role"
                name="role"
                defaultValue={typed(inviteState, 'role') ?? 'clinician'}
              >
                {MEMBER_ROLES.map((role) => (
                  <option key={role} value={role}>
                    {ROLE_LABELS[role]}
                  </option>
                ))}
              </select>
              <FieldError state={inviteState} name="role" />
            </div>
            <div>
              <button type="submit">Send invitation</button>
            </div>
          </Form>

          <h2>Pending invitations</h2>
          {invites.length === 0 ? (
            <p>No pending invitations.</p>
          ) : (
            <ul>
              {invites.map((invite) => (
                <li key={invite.id}>
                  {invite.email} as {ROLE_LABELS[invite.role].toLowerCase()}, expires{' '}
                  {invite.expiresAt}{' '}
                  <Form method="post" className="inline-form">
                    <input type="hidden" name="intent" value="revoke-invite" />
                    <input type="hidden" name="inviteId" value={invite.id} />
                    <button type="submit" className="link-button">
                      Revoke <span className="visually-hidden">invitation for {invite.email}</span>
                    </button>
                  </Form>
                </li>
              ))}
            </ul>
          )}
        </>
      ) : null}
    </>
  );
}
