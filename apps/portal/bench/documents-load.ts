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
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { percentile, saveBrandKit, setUpPractice, startServer } from './bench-server.js';

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
  const bench = await startServer({ dataDir, port });
  const server = bench.process;
  try {
    const { cookie, practiceId } = await setUpPractice(base);
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
    await bench.stop();
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
  await saveBrandKit(base, cookie, practiceId, '(503) 555-0143');
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
