import type { Server } from 'node:http';
import type { ServerBuild } from '@remix-run/node';
import { pino } from 'pino';
import { createServer } from 'vite';
import type { ViteDevServer } from 'vite';
import { createApp, cspNonceOf } from '../../server/app';
import { createRemixHandler } from '../../server/remix-handler';
import { portalRoot } from '../db/client.server';
import type { Database } from '../db/client.server';
import { AccessCache } from '../lib/auth/access-cache.server';
import { outboxTransport } from '../lib/mail.server';
import { TEST_DATA_KEYS } from './db';
import type { SessionMembership } from '../lib/auth/practice-access.server';

/** A running portal (Express + Remix through Vite) on a real port, backed by a test database. */
export interface TestServer {
  origin: string;
  close: () => Promise<void>;
}

/**
 * Starts the real Express app (server/app.ts: origin check, headers, session
 * cookies) with the Remix build compiled by Vite in middleware mode, the way
 * `pnpm dev` runs it, on `127.0.0.1:port`, using `database`.
 */
export async function startTestServer({
  database,
  port,
}: {
  database: Database;
  port: number;
}): Promise<TestServer> {
  // vite.config.ts leaves the Remix plugin out under Vitest; this server needs it.
  const vitest = process.env.VITEST;
  delete process.env.VITEST;
  let vite: ViteDevServer;
  try {
    vite = await createServer({
      root: portalRoot(),
      server: { middlewareMode: true, hmr: false },
      logLevel: 'error',
    });
  } finally {
    process.env.VITEST = vitest;
  }
  // As in server.ts: GETs reuse access checks, every mutating request clears them.
  const accessCache = new AccessCache<SessionMembership>();
  const app = createApp({
    production: false,
    accessCache,
    logger: pino({ level: 'silent' }),
    trustProxy: false,
    mountStatic: (express) => {
      express.use(vite.middlewares);
    },
    handler: createRemixHandler({
      build: () => vite.ssrLoadModule('virtual:remix/server-build') as Promise<ServerBuild>,
      mode: 'development',
      getLoadContext: (req, res) => ({
        db: database.db,
        sessionSecrets: ['http-test-session-secret'],
        clientIp: req.ip ?? 'unknown',
        cspNonce: cspNonceOf(res),
        mail: outboxTransport(database.db, { dataKeys: TEST_DATA_KEYS, revealInDevOutbox: true }),
        dataKeys: TEST_DATA_KEYS,
        devOutboxEnabled: true,
        accessCache,
      }),
    }),
  });
  const server = await new Promise<Server>((resolve, reject) => {
    const listening = app.listen(port, '127.0.0.1', () => resolve(listening));
    listening.on('error', reject);
  });
  return {
    origin: `http://127.0.0.1:${port}`,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await vite.close();
    },
  };
}

/** Signs in through POST /login like a browser and returns the session cookie. */
export async function logInOverHttp(
  origin: string,
  { email, password }: { email: string; password: string },
): Promise<string> {
  const response = await fetch(`${origin}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: origin },
    body: new URLSearchParams({ email, password, redirectTo: '/practices' }),
  });
  const setCookie = response.headers.get('set-cookie');
  if (response.status !== 302 || !setCookie) {
    throw new Error(`Log-in as ${email} failed: HTTP ${response.status}`);
  }
  return setCookie.split(';')[0] ?? '';
}
