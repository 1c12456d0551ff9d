/**
 * The portal's production (and development) server: Express + the Remix
 * request handler. `pnpm start` runs the bundled copy at build/server.js;
 * `pnpm dev` runs this file with tsx and Vite in middleware mode.
 *
 * Environment: PORT (3000), HOST (0.0.0.0), DATABASE_URL (else embedded PGlite
 * in PGLITE_DATA_DIR), SESSION_SECRET (else generated and stored in the
 * database), GROUNDWORK_DATA_KEY (else a key file beside the PGlite data dir),
 * SMTP_URL (else the outbox), TRUST_PROXY, DEV_OUTBOX, LOG_LEVEL, RENDER_THREADS, WARM_CACHES,
 * SIGNUP_LIMIT_PER_IP.
 * See docs/deployment.md.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ServerBuild } from '@remix-run/node';
import express from 'express';
import { pino } from 'pino';
import { defaultPgliteDataDir, openDatabaseFromEnv, portalRoot } from './app/db/client.server';
import { AccessCache } from './app/lib/auth/access-cache.server';
import { flushActivity } from './app/lib/documents/activity.server';
import { mailTransportFromEnv } from './app/lib/mail.server';
import type { SessionMembership } from './app/lib/auth/practice-access.server';
import {
  defaultDataKeyFile,
  resolveDataKeys,
  resolveSessionSecrets,
} from './app/lib/practices/settings.server';
import { startRetentionSweep } from './app/lib/packets/retention.server';
import { parseSignupLimit } from './app/lib/auth/throttle.server';
import { listDocuments } from '@groundwork/content';
import { GROUNDWORK_BRAND_KIT, TYPEFACE_IDS } from '@groundwork/pdf';
import { type PdfRenderTask, setPdfRenderer } from './app/lib/documents/pdf-renderer.server';
import { createApp, cspNonceOf } from './server/app';
import { directLoader } from './server/direct-loader';
import { createRenderPool, parseRenderThreads } from './server/render-pool';
import { createRemixHandler } from './server/remix-handler';
import { parseTrustProxy } from './server/trust-proxy';

const production = process.env.NODE_ENV === 'production';
const logger = pino({ level: process.env.LOG_LEVEL ?? 'info' });
const port = Number(process.env.PORT || 3000);
const host = process.env.HOST || '0.0.0.0';

// PDFs render on worker threads in production, so a render never stalls other requests.
const renderThreads = parseRenderThreads(process.env.RENDER_THREADS);
const renderPool =
  production && renderThreads > 0
    ? createRenderPool({
        filename: join(portalRoot(), 'build', 'render-worker.js'),
        threads: renderThreads,
      })
    : undefined;
setPdfRenderer(renderPool);

const database = await openDatabaseFromEnv();
logger.info({ database: database.kind }, 'database ready (migrations applied)');
const sessionSecrets = await resolveSessionSecrets(database.db, process.env.SESSION_SECRET);
// Patient data is encrypted under keys kept outside the database (docs/e-consent.md).
const dataKeys = resolveDataKeys({
  fromEnv: process.env.GROUNDWORK_DATA_KEY,
  keyFile:
    process.env.GROUNDWORK_DATA_KEY_FILE ||
    defaultDataKeyFile(process.env.PGLITE_DATA_DIR || defaultPgliteDataDir()),
  generate: database.kind === 'pglite',
});
logger.info({ dataKey: dataKeys.primary.id }, 'data key ready');
// Expired packets lose their personal data now and every hour.
const retentionSweep = startRetentionSweep({ db: database.db, dataKeys, logger });
const devOutboxEnabled = !production || process.env.DEV_OUTBOX === '1';
// Real e-mail when SMTP_URL is set; else the outbox (/dev/outbox). Secrets
// (invitation, reset and packet links) are redacted in stored e-mails; with
// /dev/outbox on, this process keeps the full text in memory to show there.
const mail = mailTransportFromEnv(database.db, process.env.SMTP_URL, {
  dataKeys,
  revealInDevOutbox: devOutboxEnabled,
});
const signupLimitPerIp = parseSignupLimit(process.env.SIGNUP_LIMIT_PER_IP);
// Access checks reused for ≤ 1 s by GETs; cleared by every mutating request (server/app.ts).
const accessCache = new AccessCache<SessionMembership>();

const viteDevServer = production
  ? undefined
  : await import('vite').then((vite) =>
      vite.createServer({ root: portalRoot(), server: { middlewareMode: true } }),
    );

const build = viteDevServer
  ? () => viteDevServer.ssrLoadModule('virtual:remix/server-build') as Promise<ServerBuild>
  : ((await import(
      pathToFileURL(join(portalRoot(), 'build', 'server', 'index.js')).href
    )) as ServerBuild);

const clientDir = join(portalRoot(), 'build', 'client');

const getLoadContext = (req: express.Request, res: express.Response) => ({
  db: database.db,
  sessionSecrets,
  clientIp: req.ip ?? req.socket.remoteAddress ?? 'unknown',
  cspNonce: cspNonceOf(res),
  mail,
  dataKeys,
  devOutboxEnabled,
  signupLimitPerIp,
  accessCache,
});

// Handout downloads are the hottest route: in production, call its loader (from
// the same build, so the same caches and checks) without Remix's routing.
const HANDOUT_ROUTE = 'routes/practices.$practiceId.documents.handout';
const handoutLoader =
  typeof build === 'function' ? undefined : build.routes[HANDOUT_ROUTE]?.module.loader;

const app = createApp({
  production,
  logger,
  trustProxy: parseTrustProxy(process.env.TRUST_PROXY),
  accessCache,
  mountStatic: (app) => {
    if (viteDevServer) {
      app.use(viteDevServer.middlewares);
      return;
    }
    // Fingerprinted build assets never change; everything else is revalidated hourly.
    app.use(
      '/assets',
      express.static(join(clientDir, 'assets'), { immutable: true, maxAge: '1y', index: false }),
    );
    // The other files (public/) are few: only paths under them reach express.static,
    // so page requests do not cost a file-system lookup each.
    const publicEntries = new Set(readdirSync(clientDir).filter((entry) => entry !== 'assets'));
    const serveStatic = express.static(clientDir, { maxAge: '1h', index: false });
    app.use((req, res, next) => {
      const first = req.path.split('/')[1] ?? '';
      if (publicEntries.has(first)) serveStatic(req, res, next);
      else next();
    });
  },
  mountDirect: (app) => {
    if (!handoutLoader) return;
    app.get(
      '/practices/:practiceId/documents/handout',
      directLoader({
        loader: async (args) => {
          const result = await handoutLoader(args);
          if (result instanceof Response) return result;
          throw new Error(`${HANDOUT_ROUTE} returned data instead of a Response`);
        },
        getLoadContext,
        onError: (error) =>
          logger.error(
            { err: error instanceof Error ? { type: error.name } : {} },
            'download failed',
          ),
      }),
    );
  },
  handler: createRemixHandler({
    build,
    mode: production ? 'production' : 'development',
    getLoadContext,
  }),
});

const server = app.listen(port, host, () => {
  logger.info({ port, host }, `Groundwork portal listening on http://localhost:${port}`);
  if (production && process.env.WARM_CACHES !== '0') void warmCaches();
});

/**
 * Warms the render workers (every handout, four times per thread, in every
 * typeface, with the default brand kit; results dropped), so each worker has
 * loaded the fonts and V8 has compiled the renderer before the first practice
 * asks; then pre-renders what every visitor may ask for (the
 * guide PDFs). A failure only costs a slower first render later.
 */
async function warmCaches() {
  const entry = (build as ServerBuild).entry.module as { warmCaches?: () => Promise<void> };
  try {
    const started = performance.now();
    if (renderPool) {
      const handouts = listDocuments({ kind: 'handout' });
      // Every typeface and both papers, so each worker has also loaded every font.
      const tasks: PdfRenderTask[] = Array.from({ length: renderPool.threads * 4 }, (_, round) =>
        handouts.map((handout, index) => ({
          kind: 'handout' as const,
          documentId: handout.id,
          locale: handout.locale,
          paper: index % 2 === 0 ? ('LETTER' as const) : ('A4' as const),
          brandKit: {
            ...GROUNDWORK_BRAND_KIT,
            typeface: TYPEFACE_IDS[(round + index) % TYPEFACE_IDS.length] ?? 'inter',
          },
        })),
      ).flat();
      await renderPool.warm(tasks);
      logger.info(
        { ms: Math.round(performance.now() - started), threads: renderPool.threads },
        'render workers warmed',
      );
    }
    await entry.warmCaches?.();
    logger.info({ ms: Math.round(performance.now() - started) }, 'guide PDFs pre-rendered');
  } catch (error) {
    logger.warn(
      { err: error instanceof Error ? error.name : 'unknown' },
      'guide pre-render failed',
    );
  }
}

let closing = false;
async function shutdown(signal: string) {
  if (closing) return;
  closing = true;
  logger.info({ signal }, 'shutting down');
  // Finish open requests (up to 10 s), then close the database.
  const forced = setTimeout(() => server.closeAllConnections(), 10_000);
  const closed = new Promise((resolve) => server.close(resolve));
  server.closeIdleConnections();
  await closed;
  clearTimeout(forced);
  await viteDevServer?.close();
  await retentionSweep.stop();
  // Download activity is buffered for up to 100 ms: write it before closing.
  await flushActivity(database.db);
  await renderPool?.close();
  await database.close();
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
