import type { ChecklistTemplate } from '@groundwork/content';
import type { Db } from './db/client.server';
import type { AccessCache } from './lib/auth/access-cache.server';
import type { DataKeyRing } from './lib/crypto.server';
import type { SessionMembership } from './lib/auth/practice-access.server';
import type { MailTransport } from './lib/mail.server';

/**
 * What the server hands every loader and action (server.ts builds it per
 * request; route tests build it with `createTestContext`). Routes reach the
 * database only through `context.db`, never a module-level singleton, so a test
 * can give each file its own database.
 */
export interface PortalContext {
  db: Db;
  /** Secrets that sign the session cookie; the first signs, all verify (rotation). */
  sessionSecrets: string[];
  /** The client's IP address as Express resolved it (honours TRUST_PROXY). */
  clientIp: string;
  /** Per-request nonce for the Content-Security-Policy. */
  cspNonce: string;
  mail: MailTransport;
  /** Keys that encrypt patient data at rest (never stored in the database). */
  dataKeys: DataKeyRing;
  /** Whether /dev/outbox may list sent e-mails. */
  devOutboxEnabled: boolean;
  /** Sign-ups allowed per IP per hour (SIGNUP_LIMIT_PER_IP); default SIGNUP_LIMITS.perIp. */
  signupLimitPerIp?: number;
  /**
   * Per-process memory of access checks for GET/HEAD requests (the server
   * creates one and clears it on every mutating request). Absent: every
   * request checks the database.
   */
  accessCache?: AccessCache<SessionMembership>;
  /** The onboarding checklist template to serve; tests pass a synthetic one. Default: @groundwork/content's. */
  checklistTemplate?: ChecklistTemplate;
}

declare module '@remix-run/node' {
  interface AppLoadContext extends PortalContext {}
}
