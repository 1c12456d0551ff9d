import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smtpTransport } from './mail.server';

/** A real SMTP round trip: nodemailer speaks to an in-process smtp-server. */

interface Received {
  from: string;
  to: string[];
  data: string;
  user: string | undefined;
}

const received: Received[] = [];
let server: SMTPServer;
let port: number;

beforeAll(async () => {
  server = new SMTPServer({
    authOptional: false,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    onAuth(auth, _session, callback) {
      if (auth.username === 'portal' && auth.password === 's3cret') {
        callback(null, { user: auth.username });
      } else {
        callback(new Error('Invalid username or password'));
      }
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((address) => address.address),
          data: Buffer.concat(chunks).toString('utf8'),
          user: session.user as string | undefined,
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  port = (server.server.address() as AddressInfo).port;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('SMTP transport', () => {
  it('delivers a mail with the sender from SMTP_URL, signed in with its credentials', async () => {
    const mail = smtpTransport(
      `smtp://portal:s3cret@127.0.0.1:${port}?from=Riverside%20Clinic%20%3Cclinic%40example.org%3E`,
    );
    await mail.send({
      to: 'patient@example.org',
      subject: 'Documents to read and sign',
      text: 'Open https://portal.test/p/abc to read them.',
    });
    const [message] = received;
    expect(message?.from).toBe('clinic@example.org');
    expect(message?.to).toEqual(['patient@example.org']);
    expect(message?.user).toBe('portal');
    expect(message?.data).toContain('Subject: Documents to read and sign');
    expect(message?.data).toContain('From: Riverside Clinic <clinic@example.org>');
    expect(message?.data).toContain('https://portal.test/p/abc');
  });

  it('fails with the server named and the recipient left out when delivery is refused', async () => {
    const mail = smtpTransport(`smtp://portal:wrong@127.0.0.1:${port}`);
    const sending = mail.send({ to: 'someone.private@example.org', subject: 's', text: 't' });
    await expect(sending).rejects.toThrow(`Sending e-mail through 127.0.0.1:${port} failed`);
    await sending.catch((error: Error) => expect(error.message).not.toContain('someone.private'));
  });

  it('refuses a URL that is not SMTP, saying what it expects', () => {
    expect(() => smtpTransport('https://mail.example.org')).toThrow(
      /must start with smtp:\/\/ or smtps:\/\/, got https:\/\//,
    );
    expect(() => smtpTransport('not a url')).toThrow(/SMTP_URL must be a URL/);
  });
});
