/**
 * What the portal benchmarks share: start the built server (build/server.js)
 * on a fresh data directory and a spare port, wait for its warm-up, post
 * forms as a browser would, and set up a practice with a brand kit.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const portalDir = join(dirname(fileURLToPath(import.meta.url)), '..');

export interface BenchServer {
  process: ChildProcess;
  base: string;
  stop(): Promise<void>;
}

export interface StartOptions {
  dataDir: string;
  port: number;
  /** Extra environment for the server (on top of the bench defaults). */
  env?: Record<string, string>;
  /** Called with every line the server logs after its warm-up (pino JSON). */
  onLogLine?: (line: string) => void;
}

/**
 * Starts the built server and resolves once it has warmed its render workers
 * and pre-rendered the guide (its last start-up log line), so figures measure
 * the steady state. BENCH_NODE_ARGS passes flags such as --cpu-prof to node;
 * BENCH_DATABASE_URL runs against PostgreSQL instead of PGlite.
 */
export async function startServer(options: StartOptions): Promise<BenchServer> {
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const server = spawn(process.execPath, [...nodeArgs, 'build/server.js'], {
    cwd: portalDir,
    env: {
      ...process.env,
      PORT: String(options.port),
      HOST: '127.0.0.1',
      NODE_ENV: 'production',
      PGLITE_DATA_DIR: join(options.dataDir, 'pglite'),
      DATABASE_URL: process.env.BENCH_DATABASE_URL ?? '',
      // A server on PostgreSQL needs its patient-data key from outside the database.
      GROUNDWORK_DATA_KEY: process.env.GROUNDWORK_DATA_KEY ?? randomBytes(32).toString('base64'),
      LOG_LEVEL: 'info',
      WARM_CACHES: '1',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let errors = '';
  server.stderr?.on('data', (chunk) => {
    errors += String(chunk);
  });
  const started = performance.now();
  const lines = createInterface({ input: server.stdout as NodeJS.ReadableStream });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`Server did not start and warm up in 180 s\n${errors}`)),
      180_000,
    );
    let warmedUp = false;
    // Keep reading every line, so the server never blocks on a full pipe.
    lines.on('line', (line) => {
      if (warmedUp) {
        options.onLogLine?.(line);
      } else if (/guide PDFs pre-rendered|guide pre-render failed/.test(line)) {
        warmedUp = true;
        clearTimeout(timer);
        resolve();
      }
    });
    server.on('exit', (code) => {
      if (!warmedUp) reject(new Error(`Server exited with ${code}\n${errors}`));
    });
  });
  console.log(
    `Server started and warmed up in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  return {
    process: server,
    base: `http://127.0.0.1:${options.port}`,
    async stop() {
      if (server.exitCode !== null) return;
      server.kill('SIGTERM');
      await new Promise((resolve) => server.once('exit', resolve));
    },
  };
}

export function cookieOf(response: Response): string {
  const setCookie = response.headers.get('set-cookie');
  if (!setCookie) throw new Error(`Expected a session cookie from ${response.url}`);
  return setCookie.split(';')[0] ?? '';
}

/** Posts a form as the portal's own pages do (same Origin, url-encoded). */
export async function postForm(
  base: string,
  path: string,
  fields: Record<string, string>,
  cookie = '',
): Promise<Response> {
  return fetch(`${base}${path}`, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      Origin: base,
      'Content-Type': 'application/x-www-form-urlencoded',
      ...(cookie ? { Cookie: cookie } : {}),
    },
    body: new URLSearchParams(fields),
  });
}

/** Signs up a new owner, creates their practice and saves its brand kit. */
export async function setUpPractice(
  base: string,
  who = 'bench',
): Promise<{ cookie: string; practiceId: string }> {
  // Sign-up answers the same whether or not the address is new, then the
  // person logs in, as in the browser.
  const email = `${who}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.org`;
  const password = 'correct horse battery staple';
  const signup = await postForm(base, '/signup', {
    name: 'Bench Owner',
    email,
    password,
    redirectTo: '',
  });
  if (signup.status !== 302) throw new Error(`Sign-up failed (${signup.status})`);
  const login = await postForm(base, '/login', { email, password, redirectTo: '' });
  const cookie = cookieOf(login);
  const created = await postForm(
    base,
    '/practices/new',
    { name: 'Benchmark Ketamine Clinic', state: 'OR', routes: 'iv', telehealth: 'no' },
    cookie,
  );
  const practiceId = /\/practices\/([0-9a-f-]{36})/.exec(
    created.headers.get('location') ?? '',
  )?.[1];
  if (!practiceId) throw new Error(`Creating the practice failed (${created.status})`);
  await saveBrandKit(base, cookie, practiceId, '(503) 555-0142');
  return { cookie, practiceId };
}

export async function saveBrandKit(
  base: string,
  cookie: string,
  practiceId: string,
  phone: string,
): Promise<void> {
  const saved = await postForm(
    base,
    `/practices/${practiceId}/brand`,
    {
      primaryColor: '#1F4E79',
      accentColor: '#2E7D6B',
      typeface: 'inter',
      phone,
      emergencyPhone: '(503) 555-0199',
      address: '',
      website: '',
      footerNote: '',
    },
    cookie,
  );
  if (saved.status >= 400) throw new Error(`Saving the brand kit failed (${saved.status})`);
}

/** The value at `fraction` (0–1) of an ascending list (nearest rank). */
export function percentile(sorted: number[], fraction: number): number {
  const index = Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? Number.NaN;
}
