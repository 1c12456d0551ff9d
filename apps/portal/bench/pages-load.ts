/**
 * Page-load benchmark (`pnpm bench` at the root, or
 * `pnpm --filter @groundwork/portal bench:pages`): issue #17 asks that no page
 * take over 200 ms p95 server time with 16 people using the portal at once.
 *
 * Starts the built server (build/server.js) on a fresh PGlite directory, signs
 * up BENCH_USERS (16) owners, each with a practice and a brand kit, then for
 * every main page:
 *
 *  1. all of them use it at once as people do: each loads the page
 *     BENCH_ROUNDS (12) times, reading it for 0.5–1.5 × BENCH_THINK_MS
 *     (1,000 ms) before each load;
 *  2. stress: all of them reload it BENCH_STRESS_ROUNDS (10) times with no
 *     reading time, 16 requests always in flight (0 skips this pass).
 *
 * "Server time" is pino-http's `responseTime` from the
 * server's own log (request in to response finished), so the load generator's
 * share of the 2 cores is not counted; the client-side figure is printed too.
 * Prints a table and the pages over 200 ms; no pass/fail assertions.
 * BENCH_PAGES=home,checklist measures those pages only; BENCH_NODE_ARGS passes
 * flags such as --cpu-prof to the server's node.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { percentile, postForm, setUpPractice, startServer } from './bench-server.js';

const port = Number(process.env.BENCH_PORT ?? 3311);
const users = Number(process.env.BENCH_USERS ?? 16);
const rounds = Number(process.env.BENCH_ROUNDS ?? 12);
const thinkMs = Number(process.env.BENCH_THINK_MS ?? 1000);
const stressRounds = Number(process.env.BENCH_STRESS_ROUNDS ?? 10);
const TARGET_MS = 200;
// BENCH_PAGES measures some pages only (comma-separated names from the table).
const only = process.env.BENCH_PAGES?.split(',').map((name) => name.trim());

interface User {
  cookie: string;
  practiceId: string;
  /** A patient record with a PHQ-9 series, for the record page. */
  patientId: string;
}

/** The portal's main pages, as a signed-in owner of `practiceId` sees them. */
function pagesOf(user: Omit<User, 'cookie'>, checklistItem: string): Array<[string, string]> {
  const { practiceId } = user;
  const practice = `/practices/${practiceId}`;
  return [
    ['home', '/'],
    ['practices', '/practices'],
    ['practice overview', practice],
    ['checklist', `${practice}/checklist`],
    ['checklist item', `${practice}/checklist/${checklistItem}`],
    ['screening', `${practice}/screening`],
    ['handouts', `${practice}/handouts`],
    [
      'handout preview',
      `${practice}/documents/handout-preview?document=preparing-for-your-session&locale=en`,
    ],
    ['consent', `${practice}/consent`],
    ['forms', `${practice}/forms`],
    ['brand kit', `${practice}/brand`],
    ['members', `${practice}/members`],
    ['settings', `${practice}/settings`],
    ['rules', `${practice}/rules`],
    ['audit log', `${practice}/audit`],
    ['document activity', `${practice}/documents/activity`],
    ['packets', `${practice}/packets`],
    ['new packet', `${practice}/packets/new`],
    ['patient records', `${practice}/patients`],
    ['patient record (chart)', `${practice}/patients/${user.patientId}`],
    ['guide', '/guide'],
    ['guide (read online)', '/guide/read'],
    ['account', '/account'],
  ];
}

/** The first checklist item's id, read off the practice's checklist page. */
async function firstChecklistItem(base: string, user: User): Promise<string> {
  const response = await fetch(`${base}/practices/${user.practiceId}/checklist`, {
    headers: { Cookie: user.cookie },
  });
  const html = await response.text();
  const id = new RegExp(`/practices/${user.practiceId}/checklist/([a-z0-9-]+)"`).exec(html)?.[1];
  if (!id) throw new Error('No checklist item link on the checklist page');
  return id;
}

/** A patient record with six PHQ-9 totals a fortnight apart, so its page draws a chart. */
async function addPatientWithScores(
  base: string,
  { cookie, practiceId }: { cookie: string; practiceId: string },
): Promise<string> {
  const created = await postForm(
    base,
    `/practices/${practiceId}/patients`,
    { intent: 'create', name: 'Bench Patient', birthDate: '1980-04-12', reference: '' },
    cookie,
  );
  const patientId = /\/patients\/([0-9a-f-]{36})/.exec(created.headers.get('location') ?? '')?.[1];
  if (!patientId) throw new Error(`Creating a patient record failed (${created.status})`);
  const totals = [21, 18, 14, 9, 6, 4];
  for (const [index, total] of totals.entries()) {
    const takenOn = new Date(Date.UTC(2026, 0, 5 + index * 14)).toISOString().slice(0, 10);
    const saved = await postForm(
      base,
      `/practices/${practiceId}/patients/${patientId}`,
      { intent: 'add-score', instrument: 'phq9', takenOn, total: String(total) },
      cookie,
    );
    if (saved.status !== 302) throw new Error(`Saving a PHQ-9 score failed (${saved.status})`);
  }
  return patientId;
}

/** Server CPU time (user + system) in ms, from /proc: what the page costs, whatever the load. */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'groundwork-pages-bench-'));
  let serverTimes: number[] = [];
  const bench = await startServer({
    dataDir,
    port,
    env: { SIGNUP_LIMIT_PER_IP: String(users * 2) },
    onLogLine(line) {
      if (!line.startsWith('{')) return;
      const entry = JSON.parse(line) as { responseTime?: unknown };
      if (typeof entry.responseTime === 'number') serverTimes.push(entry.responseTime);
    },
  });
  const { base } = bench;
  try {
    const people: User[] = [];
    for (let index = 0; index < users; index++) {
      const practice = await setUpPractice(base, `bench-user-${index}`);
      people.push({ ...practice, patientId: await addPatientWithScores(base, practice) });
    }
    const checklistItem = await firstChecklistItem(base, people[0] as User);
    const database = process.env.BENCH_DATABASE_URL ? 'PostgreSQL' : 'PGlite';
    const pageNames = pagesOf(people[0] as User, checklistItem)
      .map(([name]) => name)
      .filter((name) => !only || only.includes(name));

    const pass = async (title: string, thinkMs: number, loads: number) => {
      const [load1] = loadavg();
      console.log(
        `\n${title}: ${users} users at once, ${loads} loads each per page, ` +
          `${database}, load average ${load1?.toFixed(1)}\n`,
      );
      console.log(
        '| page | server p50 | server p95 | server max | client p95 | server CPU per load |',
      );
      console.log('| --- | --- | --- | --- | --- | --- |');
      const over: string[] = [];
      for (const name of pageNames) {
        const pageIndex = pagesOf({ practiceId: '', patientId: '' }, checklistItem).findIndex(
          ([page]) => page === name,
        );
        // One warm-up load per user, not counted.
        await Promise.all(people.map((user) => load(base, user, pageIndex, checklistItem)));
        await settle();
        serverTimes = [];
        const cpuStart = cpuMs(bench.process.pid ?? 0);
        const clientTimes: number[] = [];
        await Promise.all(
          people.map(async (user) => {
            for (let round = 0; round < loads; round++) {
              // Reading time: 0.5 to 1.5 times thinkMs, so users do not move in step.
              if (thinkMs > 0) await sleep(thinkMs * (0.5 + Math.random()));
              clientTimes.push(await load(base, user, pageIndex, checklistItem));
            }
          }),
        );
        const cpuPerLoad = (cpuMs(bench.process.pid ?? 0) - cpuStart) / clientTimes.length;
        await settle();
        const server = [...serverTimes].sort((a, b) => a - b);
        const client = clientTimes.sort((a, b) => a - b);
        if (server.length < clientTimes.length) {
          throw new Error(`${name}: ${server.length} log lines for ${clientTimes.length} requests`);
        }
        const p95 = percentile(server, 0.95);
        if (p95 > TARGET_MS) over.push(`${name} (${Math.round(p95)} ms)`);
        console.log(
          `| ${name} | ${fmt(percentile(server, 0.5))} | ${fmt(p95)} | ${fmt(server.at(-1) ?? 0)} | ${fmt(percentile(client, 0.95))} | ${fmt(cpuPerLoad)} |`,
        );
      }
      console.log(
        over.length === 0
          ? `\nEvery page is at or under ${TARGET_MS} ms p95 server time.`
          : `\nOver ${TARGET_MS} ms p95 server time: ${over.join(', ')}`,
      );
    };

    await pass(
      `1. Sixteen people at work (a page, then ${thinkMs / 1000} s on average reading it)`,
      thinkMs,
      rounds,
    );
    if (stressRounds > 0) {
      await pass('2. Stress: every user reloads at once, no reading time', 0, stressRounds);
    }
  } finally {
    await bench.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function load(base: string, user: User, pageIndex: number, item: string): Promise<number> {
  const [name, path] = pagesOf(user, item)[pageIndex] as [string, string];
  const started = performance.now();
  const response = await fetch(`${base}${path}`, { headers: { Cookie: user.cookie } });
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`${name} (${path}) answered ${response.status}`);
  return performance.now() - started;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Lets the last log lines arrive before the figures are read. */
function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 200));
}

function fmt(ms: number): string {
  return `${ms < 10 ? ms.toFixed(1) : Math.round(ms)} ms`;
}

await main();
