import type { Db } from '../../db/client.server';
import type { MailTransport } from '../mail.server';
import { createUser, normaliseEmail } from './users.server';

/**
 * Signs someone up without telling the visitor whether the address already
 * had an account: a new address gets its account and a welcome e-mail; a
 * known one keeps its account unchanged and gets an e-mail saying someone
 * tried. The password is hashed either way, so both take as long. Only the
 * owner of the address learns which it was.
 */
export async function signUp(
  { db, mail }: { db: Db; mail: MailTransport },
  { input, origin }: { input: { name: string; email: string; password: string }; origin: string },
): Promise<void> {
  const created = await createUser(db, input);
  const to = normaliseEmail(input.email);
  if (created) {
    await mail.send({
      to,
      subject: 'Welcome to Groundwork',
      text: [
        `Your Groundwork account for ${to} is ready. Log in at ${origin}/login`,
        '',
        'If you did not create this account, you can ignore this e-mail.',
      ].join('\n'),
    });
    return;
  }
  await mail.send({
    to,
    subject: 'Someone tried to create a Groundwork account with your address',
    text: [
      'Someone, perhaps you, tried to create a new Groundwork account with this e-mail address.',
      'You already have an account, so nothing was created or changed.',
      '',
      `Log in at ${origin}/login`,
      `Forgot your password? Choose a new one at ${origin}/forgot-password`,
      '',
      'If it was not you, you can ignore this e-mail.',
    ].join('\n'),
  });
}
