/**
 * Load benchmark of the handout downloads (`pnpm bench` at the root, or
 * `pnpm --filter @groundwork/portal bench`). Starts the built server
 * (build/server.js) on a fresh PGlite directory and a spare port, signs up,
 * creates a practice and a brand kit, then measures:
 *
 *  1. cached handout downloads (autocannon, BENCH_CONNECTIONS = 50 connections, 10 s);
 *  2. revalidation with If-None-Match (304s);
 *  3. uncached handout downloads, 4 at a time (every URL a new cache key);
 *  4. server RSS every 500 of 2,000 more cached downloads.
 *
 * Prints figures only; there are no pass/fail assertions. Stops the server
 * and deletes the data directory when done. Set BENCH_DATABASE_URL to run
 * against PostgreSQL instead of PGlite, BENCH_PORT to change the port (3310),
 * BENCH_NODE_ARGS to pass flags (such as --cpu-prof) to the server's node,
 * BENCH_PHASES to run some phases only (comma-separated: cached, revalidate,
 * uncached, memory; default all), BENCH_SOAK_ROUNDS to change how many rounds
 * of 500 downloads the memory phase runs (4).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const portalDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const port = Number(process.env.BENCH_PORT ?? 3310);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const base = `http://127.0.0.1:${port}`;
const PHASES = ['cached', 'revalidate', 'uncached', 'memory'] as const;
const phases = new Set(
  (process.env.BENCH_PHASES ?? PHASES.join(',')).split(',').map((p) => p.trim()),
);
for (const phase of phases) {
  if (!(PHASES as readonly string[]).includes(phase)) {
    throw new Error(
      `BENCH_PHASES: unknown phase "${phase}" (expected some of ${PHASES.join(', ')})`,
    );
  }
}
const HANDOUTS = [
  'after-your-session-and-integration',
  'is-ketamine-therapy-right-for-me',
  'preparing-for-your-session',
  'side-effects-and-when-to-call-us',
  'what-happens-during-a-session',
];

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kilobytes = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
  return Math.round((kilobytes / 1024) * 10) / 10;
}

// Server CPU time (user + system) in ms, from /proc: a figure the other
// processes on a shared machine do not distort the way req/s is distorted.
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  // utime and stime are fields 14 and 15 of stat, 12 and 13 after the command name.
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

function cpuPerRequest(pid: number, startMs: number, requests: number): string {
  const perRequest = (cpuMs(pid) - startMs) / Math.max(1, requests);
  return `server CPU ${perRequest.toFixed(2)} ms per request (≈ ${Math.round(1000 / perRequest)} req/s per free core)`;
}

async function startServer(dataDir: string): Promise<ChildProcess> {
  // BENCH_NODE_ARGS passes flags to the server's node, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof".
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const server = spawn(process.execPath, [...nodeArgs, 'build/server.js'], {
    cwd: portalDir,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      NODE_ENV: 'production',
      PGLITE_DATA_DIR: join(dataDir, 'pglite'),
      // PGlite by default; BENCH_DATABASE_URL runs the same against PostgreSQL.
      DATABASE_URL: process.env.BENCH_DATABASE_URL ?? '',
      LOG_LEVEL: 'info',
      // The bench waits for the warm-up's log line before measuring.
      WARM_CACHES: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let errors = '';
  server.stderr?.on('data', (chunk) => {
    errors += String(chunk);
  });
  // Measure the steady state: wait until the server has warmed its render
  // workers and pre-rendered the guide (its last start-up log line).
  const started = performance.now();
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`Server did not start and warm up in 180 s\n${errors}`)),
      180_000,
    );
    let log = '';
    const onData = (chunk: Buffer) => {
      log += String(chunk);
      if (/guide PDFs pre-rendered|guide pre-render failed/.test(log)) {
        clearTimeout(timer);
        server.stdout?.off('data', onData);
        resolve();
      }
    };
    server.stdout?.on('data', onData);
    server.on('exit', (code) => reject(new Error(`Server exited with ${code}\n${errors}`)));
  });
  console.log(
    `Server started and warmed up in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  // Keep draining the log pipe so the server never blocks on it.
  server.stdout?.resume();
  return server;
}

function cookieOf(response: Response): string {
  const setCookie = response.headers.get('set-cookie');
  if (!setCookie) throw new Error(`Expected a session cookie from ${response.url}`);
  return setCookie.split(';')[0] ?? '';
}

async function post(path: string, fields: Record<string, string>, cookie = '') {
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

async function setUp(): Promise<{ cookie: string; practiceId: string }> {
  const signup = await post('/signup', {
    name: 'Bench Owner',
    email: `bench-${Date.now()}@example.org`,
    password: 'correct horse battery staple',
    redirectTo: '',
  });
  const cookie = cookieOf(signup);
  const created = await post(
    '/practices/new',
    { name: 'Benchmark Ketamine Clinic', state: 'OR', routes: 'iv', telehealth: 'no' },
    cookie,
  );
  const practiceId = /\/practices\/([0-9a-f-]{36})/.exec(
    created.headers.get('location') ?? '',
  )?.[1];
  if (!practiceId) throw new Error(`Creating the practice failed (${created.status})`);
  await saveBrandKit(cookie, practiceId, '(503) 555-0142');
  return { cookie, practiceId };
}

async function saveBrandKit(cookie: string, practiceId: string, phone: string) {
  const saved = await post(
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

function percentile(sorted: number[], fraction: number): number {
  const index = Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? Number.NaN;
}

async function uncachedRun(cookie: string, practiceId: string): Promise<number[]> {
  const urls: string[] = [];
  for (const locale of ['en', 'es']) {
    for (const paper of ['LETTER', 'A4']) {
      for (const id of HANDOUTS) {
        urls.push(
          `${base}/practices/${practiceId}/documents/handout?document=${id}&locale=${locale}&paper=${paper}`,
        );
      }
    }
  }
  const timings: number[] = [];
  let next = 0;
  const worker = async () => {
    while (next < urls.length) {
      const url = urls[next++] as string;
      const started = performance.now();
      const response = await fetch(url, { headers: { Cookie: cookie } });
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
      timings.push(performance.now() - started);
    }
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
  return timings;
}

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'groundwork-bench-'));
  const server = await startServer(dataDir);
  try {
    const { cookie, practiceId } = await setUp();
    const cachedUrl = `${base}/practices/${practiceId}/documents/handout?document=preparing-for-your-session&locale=en&paper=LETTER`;
    const warm = await fetch(cachedUrl, { headers: { Cookie: cookie } });
    const etag = warm.headers.get('etag') ?? '';
    await warm.arrayBuffer();

    const database = process.env.BENCH_DATABASE_URL ? 'PostgreSQL' : 'PGlite';
    const [load1] = loadavg();
    console.log(
      `Groundwork portal document benchmark (server pid ${server.pid}, port ${port}, ${database}, load average ${load1?.toFixed(1)})\n`,
    );

    const pid = server.pid ?? 0;
    if (phases.has('cached')) await cachedPhase(pid, cachedUrl, cookie);
    if (phases.has('revalidate')) await revalidatePhase(pid, cachedUrl, cookie, etag);
    if (phases.has('uncached')) await uncachedPhase(cookie, practiceId);
    if (phases.has('memory')) await memoryPhase(pid, cachedUrl, cookie);
  } finally {
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function cachedPhase(pid: number, cachedUrl: string, cookie: string) {
  const cpuStart = cpuMs(pid);
  const cached = await autocannon({
    url: cachedUrl,
    connections,
    duration: 10,
    headers: { cookie },
  });
  console.log(`1. Cached handout download (200 with the PDF), ${connections} connections, 10 s`);
  console.log(
    `   ${Math.round(cached.requests.average)} req/s average, ${cached.requests.total} requests, ` +
      `latency p50 ${cached.latency.p50} ms / p97.5 ${cached.latency.p97_5} ms / p99 ${cached.latency.p99} ms, ` +
      `errors ${cached.errors}, timeouts ${cached.timeouts}, non-2xx ${cached.non2xx}`,
  );
  console.log(`   ${cpuPerRequest(pid, cpuStart, cached.requests.total)}\n`);
}

async function revalidatePhase(pid: number, cachedUrl: string, cookie: string, etag: string) {
  const cpuStart = cpuMs(pid);
  const revalidated = await autocannon({
    url: cachedUrl,
    connections,
    duration: 5,
    headers: { cookie, 'if-none-match': etag },
  });
  console.log(`2. Revalidation with If-None-Match (304), ${connections} connections, 5 s`);
  console.log(
    `   ${Math.round(revalidated.requests.average)} req/s average, ` +
      `3xx ${revalidated['3xx']}, errors ${revalidated.errors}, latency p50 ${revalidated.latency.p50} ms`,
  );
  console.log(`   ${cpuPerRequest(pid, cpuStart, revalidated.requests.total)}\n`);
}

async function uncachedPhase(cookie: string, practiceId: string) {
  // Two rounds, the second after a brand-kit change, so every URL is a new cache key.
  const timings = [...(await uncachedRun(cookie, practiceId))];
  await saveBrandKit(cookie, practiceId, '(503) 555-0143');
  timings.push(...(await uncachedRun(cookie, practiceId)));
  timings.sort((a, b) => a - b);
  console.log(
    `3. Uncached handout download (render + cache), 4 at a time, ${timings.length} renders`,
  );
  console.log(
    `   p50 ${Math.round(percentile(timings, 0.5))} ms, p95 ${Math.round(percentile(timings, 0.95))} ms, ` +
      `max ${Math.round(timings.at(-1) ?? 0)} ms\n`,
  );
}

async function memoryPhase(pid: number, cachedUrl: string, cookie: string) {
  // RSS after every 500 downloads: one before/after pair can land on either
  // side of a garbage collection; a steady climb across the samples is a leak.
  const samples = [rssMb(pid)];
  let requests = 0;
  let errors = 0;
  let non2xx = 0;
  const rounds = Number(process.env.BENCH_SOAK_ROUNDS ?? 4);
  for (let round = 0; round < rounds; round++) {
    const soak = await autocannon({
      url: cachedUrl,
      connections,
      amount: 500,
      headers: { cookie },
    });
    requests += soak.requests.total;
    errors += soak.errors;
    non2xx += soak.non2xx;
    samples.push(rssMb(pid));
  }
  const [first = 0, last = 0] = [samples[0], samples.at(-1)];
  console.log(`4. Server memory over ${(rounds * 500).toLocaleString('en-US')} cached downloads`);
  console.log(
    `   RSS ${samples.map((mb) => `${mb} MB`).join(' → ')} ` +
      `(${last >= first ? '+' : ''}${Math.round((last - first) * 10) / 10} MB), ` +
      `${requests} requests, errors ${errors}, non-2xx ${non2xx}`,
  );
}

await main();
