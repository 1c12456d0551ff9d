import type { AppLoadContext } from '@remix-run/node';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../app/db/client.server';
import { measurements, patients } from '../app/db/measures-schema.server';
import * as exportCsv from '../app/routes/practices.$practiceId.patients.$patientId.export[.]csv';
import * as patientPage from '../app/routes/practices.$practiceId.patients.$patientId';
import * as patientList from '../app/routes/practices.$practiceId.patients._index';
import { createTestContext, createTestDatabase } from '../app/test/db';
import { type HttpRoute, type RouteServer, startRouteServer } from '../app/test/route-server';
import { createPracticeTeam } from '../app/test/team';

/**
 * The patient-record routes behind the real middleware stack (request logger
 * at trace level, headers, origin check): every POST from another site is
 * refused before it changes anything (CSRF), and no log line names the patient.
 */

const PATIENT = { name: 'Ignatia Marrowby-Quist', birthDate: '1966-05-17', reference: 'MRN-55120' };

const ROUTES: HttpRoute[] = [
  {
    pattern: /^\/practices\/([^/]+)\/patients\/([^/]+)\/export\.csv$/,
    names: ['practiceId', 'patientId'],
    route: exportCsv,
  },
  {
    pattern: /^\/practices\/([^/]+)\/patients\/([^/]+)$/,
    names: ['practiceId', 'patientId'],
    route: patientPage,
  },
  { pattern: /^\/practices\/([^/]+)\/patients$/, names: ['practiceId'], route: patientList },
];

let database: Database;
let context: AppLoadContext;
let server: RouteServer;
let origin: string;
let lines: string[];

beforeAll(async () => {
  database = await createTestDatabase();
  context = createTestContext(database);
  server = await startRouteServer({ context, routes: ROUTES, logLevel: 'trace' });
  origin = server.origin;
  lines = server.lines;
}, 60_000);

afterAll(async () => {
  await server?.close();
  await database?.close();
});

function post(
  path: string,
  fields: Record<string, string | string[]>,
  headers: Record<string, string>,
) {
  return server.postForm(path, fields, headers);
}

describe('patient records over HTTP', () => {
  it('refuse every cross-site POST (CSRF) and log nothing about the patient', async () => {
    const { practice, cookies } = await createPracticeTeam(context, 'HTTP Measures Clinic');
    const base = `/practices/${practice.id}/patients`;
    const created = await post(
      base,
      { intent: 'create', ...PATIENT },
      { Origin: origin, Cookie: cookies.clinician },
    );
    expect(created.status).toBe(302);
    const patientId = created.headers.get('location')?.split('/').at(-1) ?? '';
    const scored = await post(
      `${base}/${patientId}`,
      { intent: 'add-score', instrument: 'phq9', takenOn: '2026-01-05', total: '17' },
      { Origin: origin, Cookie: cookies.clinician },
    );
    expect(scored.status).toBe(302);
    const page = await fetch(`${origin}${base}/${patientId}`, {
      headers: { Cookie: cookies.clinician },
    });
    expect(page.status).toBe(200);
    expect(
      (
        await fetch(`${origin}${base}/${patientId}/export.csv`, {
          headers: { Cookie: cookies.clinician },
        })
      ).status,
    ).toBe(200);
    const [score] = await context.db
      .select()
      .from(measurements)
      .where(eq(measurements.patientId, patientId));

    const attempts: Array<[string, Record<string, string>]> = [
      [base, { intent: 'create', ...PATIENT, name: 'Forged Person' }],
      [base, { intent: 'save-screening', patientId, takenOn: '2026-01-06', 'q.phq9.1': '3' }],
      [
        `${base}/${patientId}`,
        { intent: 'add-score', instrument: 'phq9', takenOn: '2026-01-06', total: '1' },
      ],
      [`${base}/${patientId}`, { intent: 'delete-score', measurementId: score?.id ?? '' }],
      [`${base}/${patientId}`, { intent: 'delete-patient', confirm: 'yes' }],
    ];
    const forged: Array<Record<string, string>> = [
      { Origin: 'https://evil.example' },
      { Origin: origin, 'Sec-Fetch-Site': 'cross-site' },
      {},
    ];
    for (const [path, fields] of attempts) {
      for (const headers of forged) {
        const response = await post(path, fields, { ...headers, Cookie: cookies.clinician });
        expect(response.status, `${path} ${JSON.stringify(headers)}`).toBe(403);
      }
    }
    expect(
      await context.db.select().from(patients).where(eq(patients.practiceId, practice.id)),
    ).toHaveLength(1);
    expect(
      (
        await context.db.select().from(measurements).where(eq(measurements.patientId, patientId))
      ).map((row) => row.total),
    ).toEqual([17]);

    expect(lines.length).toBeGreaterThan(0);
    for (const secret of [PATIENT.name, 'Marrowby', PATIENT.birthDate, PATIENT.reference]) {
      expect(lines.filter((line) => line.includes(secret))).toEqual([]);
    }
  });
});
