import type { AppLoadContext } from '@remix-run/node';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.server';
import { measurements, patients } from '../db/measures-schema.server';
import { patientPackets } from '../db/packets-schema.server';
import { setRetentionDays } from '../lib/packets/packet-settings.server';
import { randomBytes } from 'node:crypto';
import { ciphertextKeyId, dataKeyRing } from '../lib/crypto.server';
import { listMeasurements } from '../lib/measures/measurements.server';
import { findPatient } from '../lib/measures/patients.server';
import { purgeExpiredPatients } from '../lib/measures/record-retention.server';
import { reencryptPacketData } from '../lib/packets/key-rotation.server';
import { createTestContext, createTestDatabase } from '../test/db';
import { sendTestPacket } from '../test/packets';
import { formRequest, getRequest, run } from '../test/requests';
import { findInEveryTable } from '../test/scan-database';
import { createPracticeTeam } from '../test/team';
import * as packetPage from './practices.$practiceId.packets.$packetId';
import * as exportCsv from './practices.$practiceId.patients.$patientId.export[.]csv';
import * as exportFhir from './practices.$practiceId.patients.$patientId.export[.]fhir[.]json';
import * as patientPage from './practices.$practiceId.patients.$patientId';
import * as patientList from './practices.$practiceId.patients._index';
import * as screeningPage from './practices.$practiceId.screening';

let database: Database;
let context: AppLoadContext;
let team: Awaited<ReturnType<typeof createPracticeTeam>>;
let other: Awaited<ReturnType<typeof createPracticeTeam>>;
let practiceId: string;
let counter = 0;

beforeAll(async () => {
  database = await createTestDatabase();
  context = createTestContext(database);
  team = await createPracticeTeam(context, 'Measures Test Clinic');
  other = await createPracticeTeam(context, 'Other Measures Clinic');
  practiceId = team.practice.id;
});
afterAll(() => database?.close());

/** A patient name unique to each call, so a database scan finds only this one. */
function uniqueName() {
  counter += 1;
  return `Perpetua Wrenfield-Okonjo ${Date.now().toString(36)}${counter}`;
}

async function createRecord(
  fields: Record<string, string> = {},
  { cookie = team.cookies.clinician, practice = practiceId } = {},
) {
  const name = fields.name ?? uniqueName();
  const outcome = await run(() =>
    patientList.action({
      request: formRequest(
        `/practices/${practice}/patients`,
        { intent: 'create', name, birthDate: '1979-11-03', reference: 'MRN-7731', ...fields },
        { cookie },
      ),
      params: { practiceId: practice },
      context,
    }),
  );
  const location = outcome.headers.get('Location') ?? '';
  return { outcome, name, patientId: location.split('/').at(-1) ?? '' };
}

function pagePost(
  patientId: string,
  fields: Record<string, string>,
  { cookie = team.cookies.clinician, practice = practiceId } = {},
) {
  return run(() =>
    patientPage.action({
      request: formRequest(`/practices/${practice}/patients/${patientId}`, fields, { cookie }),
      params: { practiceId: practice, patientId },
      context,
    }),
  );
}

function pageGet(patientId: string, { cookie = team.cookies.clinician, query = '' } = {}) {
  return run(() =>
    patientPage.loader({
      request: getRequest(`/practices/${practiceId}/patients/${patientId}${query}`, { cookie }),
      params: { practiceId, patientId },
      context,
    }),
  );
}

const PHQ9_ITEMS = (values: number[]) =>
  Object.fromEntries(values.map((value, index) => [`item.${index + 1}`, String(value)]));

async function addPhq9(patientId: string, takenOn: string, values: number[]) {
  return pagePost(patientId, {
    intent: 'add-score',
    instrument: 'phq9',
    takenOn,
    ...PHQ9_ITEMS(values),
  });
}

type PageData = {
  patient: { name: string };
  series: Array<{
    instrument: string;
    rows: Array<{ id: string; total: number; label: string; items: number[] | null }>;
    chart: { description: string };
  }>;
};

describe('patient records', () => {
  it('a clinician creates one; it is listed, and its details are ciphertext in the database', async () => {
    const { outcome, name, patientId } = await createRecord();
    expect(outcome.status).toBe(302);
    expect(outcome.headers.get('Location')).toBe(`/practices/${practiceId}/patients/${patientId}`);
    const listed = await run(() =>
      patientList.loader({
        request: getRequest(`/practices/${practiceId}/patients`, { cookie: team.cookies.owner }),
        params: { practiceId },
        context,
      }),
    );
    expect(listed.status).toBe(200);
    expect(listed.headers.get('Cache-Control')).toBe('no-store');
    expect(listed.body).toContain(name);
    expect(listed.body).toContain('MRN-7731');
    // Nowhere in the database in the clear: name, reference, date of birth.
    expect(await findInEveryTable(context.db, name)).toEqual([]);
    expect(await findInEveryTable(context.db, 'MRN-7731')).toEqual([]);
    expect(await findInEveryTable(context.db, '1979-11-03')).toEqual([]);
    const [row] = await context.db.select().from(patients).where(eq(patients.id, patientId));
    expect(row?.keyId).toBe(context.dataKeys.primary.id);
    expect(Buffer.from(row?.name ?? []).toString('utf8')).not.toContain('Perpetua');
  });

  it.each([
    ['name', { name: '' }, 'Enter the patient’s name.'],
    ['birthDate', { birthDate: '1979-02-30' }, 'Enter a date that exists.'],
    ['birthDate', { birthDate: 'next week' }, 'Enter the date of birth like 1980-04-23.'],
    ['reference', { reference: 'x'.repeat(61) }, 'Use at most 60 characters.'],
  ])('refuses a bad %s with 400 naming the field', async (fieldName, fields, message) => {
    const before = await context.db.select().from(patients);
    const { outcome } = await createRecord(fields);
    expect(outcome.status).toBe(400);
    expect((outcome.data as { fieldErrors: Record<string, string> }).fieldErrors).toEqual({
      [fieldName]: message,
    });
    expect(await context.db.select().from(patients)).toHaveLength(before.length);
  });

  it('staff get 403 on every patient-record route; members of another practice get 404', async () => {
    const { patientId } = await createRecord();
    const calls = (cookie: string) => [
      () =>
        patientList.loader({
          request: getRequest(`/practices/${practiceId}/patients`, { cookie }),
          params: { practiceId },
          context,
        }),
      () =>
        patientList.action({
          request: formRequest(
            `/practices/${practiceId}/patients`,
            { intent: 'create', name: 'Staff Made', birthDate: '1980-01-01', reference: '' },
            { cookie },
          ),
          params: { practiceId },
          context,
        }),
      () =>
        patientPage.loader({
          request: getRequest(`/practices/${practiceId}/patients/${patientId}`, { cookie }),
          params: { practiceId, patientId },
          context,
        }),
      () =>
        patientPage.action({
          request: formRequest(
            `/practices/${practiceId}/patients/${patientId}`,
            { intent: 'delete-patient', confirm: 'yes' },
            { cookie },
          ),
          params: { practiceId, patientId },
          context,
        }),
      () =>
        exportCsv.loader({
          request: getRequest(`/practices/${practiceId}/patients/${patientId}/export.csv`, {
            cookie,
          }),
          params: { practiceId, patientId },
          context,
        }),
      () =>
        exportFhir.loader({
          request: getRequest(`/practices/${practiceId}/patients/${patientId}/export.fhir.json`, {
            cookie,
          }),
          params: { practiceId, patientId },
          context,
        }),
    ];
    for (const call of calls(team.cookies.staff)) {
      const outcome = await run(call);
      expect(outcome.status).toBe(403);
      expect(outcome.body).not.toContain('Perpetua');
    }
    for (const call of calls(team.cookies.outsider)) {
      expect((await run(call)).status).toBe(404);
    }
    expect(await context.db.select().from(patients).where(eq(patients.id, patientId))).toHaveLength(
      1,
    );
  });

  it("another practice's patient id is a 404 on every route, even for that practice's owner", async () => {
    const { patientId } = await createRecord();
    const otherId = other.practice.id;
    const cookie = other.cookies.owner;
    const outcomes = [
      await run(() =>
        patientPage.loader({
          request: getRequest(`/practices/${otherId}/patients/${patientId}`, { cookie }),
          params: { practiceId: otherId, patientId },
          context,
        }),
      ),
      await pagePost(
        patientId,
        { intent: 'add-score', instrument: 'phq9', takenOn: '2026-01-01', total: '3' },
        { cookie, practice: otherId },
      ),
      await pagePost(
        patientId,
        { intent: 'delete-patient', confirm: 'yes' },
        { cookie, practice: otherId },
      ),
      await run(() =>
        exportCsv.loader({
          request: getRequest(`/practices/${otherId}/patients/${patientId}/export.csv`, { cookie }),
          params: { practiceId: otherId, patientId },
          context,
        }),
      ),
      await run(() =>
        exportFhir.loader({
          request: getRequest(`/practices/${otherId}/patients/${patientId}/export.fhir.json`, {
            cookie,
          }),
          params: { practiceId: otherId, patientId },
          context,
        }),
      ),
      await run(() =>
        patientList.action({
          request: formRequest(
            `/practices/${otherId}/patients`,
            { intent: 'save-screening', patientId, takenOn: '2026-01-01' },
            { cookie },
          ),
          params: { practiceId: otherId },
          context,
        }),
      ),
    ];
    expect(outcomes.map((outcome) => outcome.status)).toEqual([404, 404, 404, 404, 404, 404]);
    expect(await context.db.select().from(patients).where(eq(patients.id, patientId))).toHaveLength(
      1,
    );
    expect(
      await context.db.select().from(measurements).where(eq(measurements.patientId, patientId)),
    ).toEqual([]);
    // A malformed id is a 404 too, without a query.
    expect((await pageGet('not-a-uuid')).status).toBe(404);
  });
});

describe('scores', () => {
  it('saves PHQ-9 scores from item answers or a total, charts response and remission, and encrypts items', async () => {
    const { patientId } = await createRecord();
    expect((await addPhq9(patientId, '2026-01-05', [3, 3, 2, 2, 2, 2, 2, 2, 2])).status).toBe(302);
    expect(
      (
        await pagePost(patientId, {
          intent: 'add-score',
          instrument: 'phq9',
          takenOn: '2026-02-05',
          total: '9',
        })
      ).status,
    ).toBe(302);
    expect((await addPhq9(patientId, '2026-03-05', [1, 1, 1, 0, 0, 0, 0, 0, 0])).status).toBe(302);
    const page = await pageGet(patientId);
    expect(page.status).toBe(200);
    const loaded = page.data as PageData;
    const [series] = loaded.series;
    expect(series?.instrument).toBe('phq9');
    expect(series?.rows.map((row) => [row.total, row.label])).toEqual([
      [20, 'baseline'],
      [9, 'response'],
      [3, 'response, remission'],
    ]);
    expect(series?.rows[0]?.items).toEqual([3, 3, 2, 2, 2, 2, 2, 2, 2]);
    expect(series?.rows[1]?.items).toBeNull();
    expect(series?.chart.description).toContain('Response: 10 or less');

    const rows = await context.db
      .select()
      .from(measurements)
      .where(eq(measurements.patientId, patientId));
    expect(rows).toHaveLength(3);
    expect(rows.every((row) => row.savedBy === team.userIds.clinician)).toBe(true);
    expect(rows.every((row) => row.instrumentVersion === '1' && row.source === 'entered')).toBe(
      true,
    );
    const itemised = rows.find((row) => row.total === 20);
    expect(itemised?.items).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(itemised?.items ?? []).toString('utf8')).not.toContain('[3,3');
    expect(await findInEveryTable(context.db, '[3,3,2,2')).toEqual([]);
  });

  it.each([
    ['instrument', { instrument: 'beck', total: '3' }, 'Choose PHQ-9, GAD-7 or PCL-5.'],
    ['takenOn', { takenOn: '2999-01-01', total: '3' }, 'Enter a date between 1900 and today.'],
    ['total', { total: '28' }, 'Enter a whole number from 0 to 27.'],
    ['total', {}, 'Enter the item answers or the total score.'],
    ['item.3', { ...PHQ9_ITEMS([1, 1, 4, 1, 1, 1, 1, 1, 1]) }, 'Enter a whole number from 0 to 3.'],
    [
      'item.9',
      { ...PHQ9_ITEMS([1, 1, 1, 1, 1, 1, 1, 1]) },
      'Answer item 9, or clear every item and enter only the total.',
    ],
    [
      'total',
      { ...PHQ9_ITEMS([1, 1, 1, 1, 1, 1, 1, 1, 1]), total: '12' },
      'The items add up to 9, not 12: leave the total empty or correct it.',
    ],
  ])('refuses a bad %s with 400 naming the field, saving nothing', async (name, fields, message) => {
    const { patientId } = await createRecord();
    const outcome = await pagePost(patientId, {
      intent: 'add-score',
      instrument: 'phq9',
      takenOn: '2026-01-05',
      ...fields,
    });
    expect(outcome.status).toBe(400);
    expect((outcome.data as { fieldErrors: Record<string, string> }).fieldErrors[name]).toBe(
      message,
    );
    expect(
      await context.db.select().from(measurements).where(eq(measurements.patientId, patientId)),
    ).toEqual([]);
  });

  it("deletes one score; another patient's score id is a 404 and a malformed one a 400", async () => {
    const { patientId } = await createRecord();
    const { patientId: otherPatientId } = await createRecord();
    await addPhq9(patientId, '2026-01-05', [2, 2, 2, 2, 2, 2, 2, 2, 2]);
    await addPhq9(otherPatientId, '2026-01-05', [1, 1, 1, 1, 1, 1, 1, 1, 1]);
    const [mine] = await context.db
      .select()
      .from(measurements)
      .where(eq(measurements.patientId, patientId));
    const [theirs] = await context.db
      .select()
      .from(measurements)
      .where(eq(measurements.patientId, otherPatientId));
    expect(
      (await pagePost(patientId, { intent: 'delete-score', measurementId: theirs?.id ?? '' }))
        .status,
    ).toBe(404);
    const malformed = await pagePost(patientId, { intent: 'delete-score', measurementId: 'x' });
    expect(malformed.status).toBe(400);
    expect(malformed.data).toMatchObject({ fieldErrors: { measurementId: expect.any(String) } });
    expect(
      (await pagePost(patientId, { intent: 'delete-score', measurementId: mine?.id ?? '' })).status,
    ).toBe(302);
    expect(
      await context.db.select().from(measurements).where(eq(measurements.patientId, patientId)),
    ).toEqual([]);
    expect(
      await context.db
        .select()
        .from(measurements)
        .where(eq(measurements.patientId, otherPatientId)),
    ).toHaveLength(1);
  });

  it('deletes the whole record with its scores only after the confirm step', async () => {
    const { patientId } = await createRecord();
    await addPhq9(patientId, '2026-01-05', [2, 2, 2, 2, 2, 2, 2, 2, 2]);
    const confirmPage = await pageGet(patientId, { query: '?delete=confirm' });
    expect((confirmPage.data as { confirmDelete: boolean }).confirmDelete).toBe(true);
    const unconfirmed = await pagePost(patientId, { intent: 'delete-patient' });
    expect(unconfirmed.status).toBe(400);
    expect(unconfirmed.data).toMatchObject({
      fieldErrors: { confirm: 'Tick the box to confirm.' },
    });
    expect(await context.db.select().from(patients).where(eq(patients.id, patientId))).toHaveLength(
      1,
    );
    const confirmed = await pagePost(patientId, { intent: 'delete-patient', confirm: 'yes' });
    expect(confirmed.status).toBe(302);
    expect(confirmed.headers.get('Location')).toBe(`/practices/${practiceId}/patients`);
    expect(await context.db.select().from(patients).where(eq(patients.id, patientId))).toEqual([]);
    expect(
      await context.db.select().from(measurements).where(eq(measurements.patientId, patientId)),
    ).toEqual([]);
    expect((await pageGet(patientId)).status).toBe(404);
  });

  it('refuses an unknown intent with 400', async () => {
    const { patientId } = await createRecord();
    const outcome = await pagePost(patientId, { intent: 'explode' });
    expect(outcome.status).toBe(400);
    expect(outcome.data).toMatchObject({ fieldErrors: { intent: expect.any(String) } });
  });
});

describe('exports', () => {
  it('downloads the scores as CSV and as a FHIR bundle, never cached', async () => {
    const { patientId, name } = await createRecord({ reference: '=cmd|calc' });
    await addPhq9(patientId, '2026-01-05', [3, 3, 2, 2, 2, 2, 2, 2, 2]);
    await addPhq9(patientId, '2026-03-05', [1, 1, 0, 0, 0, 0, 0, 0, 0]);
    const csv = await run(() =>
      exportCsv.loader({
        request: getRequest(`/practices/${practiceId}/patients/${patientId}/export.csv`, {
          cookie: team.cookies.clinician,
        }),
        params: { practiceId, patientId },
        context,
      }),
    );
    expect(csv.status).toBe(200);
    expect(csv.headers.get('Content-Type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('Content-Disposition')).toMatch(/^attachment; filename="scores-/);
    expect(csv.headers.get('Content-Disposition')).not.toContain('Perpetua');
    expect(csv.headers.get('Cache-Control')).toBe('private, no-store');
    expect(csv.body).toContain(name);
    expect(csv.body).toContain("'=cmd|calc");
    expect(csv.body).toContain('2026-03-05,2,90,"response, remission"');

    const fhir = await run(() =>
      exportFhir.loader({
        request: getRequest(`/practices/${practiceId}/patients/${patientId}/export.fhir.json`, {
          cookie: team.cookies.clinician,
        }),
        params: { practiceId, patientId },
        context,
      }),
    );
    expect(fhir.status).toBe(200);
    expect(fhir.headers.get('Content-Type')).toBe('application/fhir+json; charset=utf-8');
    const bundle = JSON.parse(fhir.body) as {
      resourceType: string;
      entry: Array<{ resource: { resourceType: string; valueInteger?: number } }>;
    };
    expect(bundle.resourceType).toBe('Bundle');
    expect(bundle.entry.map((entry) => entry.resource.resourceType)).toEqual([
      'Patient',
      'QuestionnaireResponse',
      'Observation',
      'QuestionnaireResponse',
      'Observation',
    ]);
    expect(fhir.body).toContain('44261-6');
  });
});

describe('saving a screening', () => {
  const phq9 = (values: number[]) =>
    Object.fromEntries(values.map((value, index) => [`q.phq9.${index + 1}`, String(value)]));
  const gad7 = (values: number[]) =>
    Object.fromEntries(values.map((value, index) => [`q.gad7.${index + 1}`, String(value)]));

  function saveScreening(fields: Record<string, string>, cookie = team.cookies.clinician) {
    return run(() =>
      patientList.action({
        request: formRequest(
          `/practices/${practiceId}/patients`,
          { intent: 'save-screening', takenOn: '2026-04-01', saveScores: 'yes', ...fields },
          { cookie },
        ),
        params: { practiceId },
        context,
      }),
    );
  }

  it('the screening page offers the explicit save form with the practice’s records', async () => {
    const { name } = await createRecord();
    const outcome = await run(() =>
      screeningPage.loader({
        request: getRequest(`/practices/${practiceId}/screening`, {
          cookie: team.cookies.clinician,
        }),
        params: { practiceId },
        context,
      }),
    );
    const records = (outcome.data as { patientRecords: Array<{ label: string }> }).patientRecords;
    expect(records.map((record) => record.label)).toContain(`${name} (1979-11-03)`);
  });

  it('saves the PHQ-9 and GAD-7 of a screening (and nothing else) to the chosen record', async () => {
    const { patientId } = await createRecord();
    const outcome = await saveScreening({
      patientId,
      ...phq9([2, 2, 2, 2, 2, 2, 2, 1, 0]),
      ...gad7([1, 1, 1, 1, 1, 1, 1]),
      'q.ketamineHypersensitivity': 'no',
    });
    expect(outcome.status).toBe(302);
    expect(outcome.headers.get('Location')).toBe(
      `/practices/${practiceId}/patients/${patientId}?saved=2`,
    );
    const rows = await context.db
      .select()
      .from(measurements)
      .where(eq(measurements.patientId, patientId));
    expect(rows.map((row) => [row.instrument, row.total, row.source, row.takenOn]).sort()).toEqual([
      ['gad7', 7, 'screening', '2026-04-01'],
      ['phq9', 15, 'screening', '2026-04-01'],
    ]);
  });

  it.each([
    ['patientId', { patientId: '' }],
    ['takenOn', { takenOn: 'yesterday' }],
    ['phq9', { ...phq9([2, 2, 2]) }],
    ['instruments', {}],
  ])('refuses a screening save with a bad %s (400, nothing saved)', async (name, fields) => {
    const { patientId } = await createRecord();
    const outcome = await saveScreening({ patientId, ...fields });
    expect(outcome.status).toBe(400);
    expect(Object.keys((outcome.data as { fieldErrors: object }).fieldErrors)).toEqual([name]);
    expect(
      await context.db.select().from(measurements).where(eq(measurements.patientId, patientId)),
    ).toEqual([]);
  });

  it('staff cannot save a screening to a record', async () => {
    const { patientId } = await createRecord();
    const outcome = await saveScreening(
      { patientId, ...phq9([1, 1, 1, 1, 1, 1, 1, 1, 1]) },
      team.cookies.staff,
    );
    expect(outcome.status).toBe(403);
  });
});

describe('packets and patient records', () => {
  it('a packet sent without a record has none, and can be kept as one from its page', async () => {
    const sent = await sendTestPacket(context, { practiceId, cookie: team.cookies.clinician });
    const [before] = await context.db
      .select()
      .from(patientPackets)
      .where(eq(patientPackets.id, sent.packetId));
    expect(before?.patientId).toBeNull();
    const kept = await run(() =>
      packetPage.action({
        request: formRequest(
          `/practices/${practiceId}/packets/${sent.packetId}`,
          { intent: 'keep-patient' },
          { cookie: team.cookies.clinician },
        ),
        params: { practiceId, packetId: sent.packetId },
        context,
      }),
    );
    expect(kept.status).toBe(302);
    const patientId = kept.headers.get('Location')?.split('/').at(-1) ?? '';
    const [after] = await context.db
      .select()
      .from(patientPackets)
      .where(eq(patientPackets.id, sent.packetId));
    expect(after?.patientId).toBe(patientId);
    const page = await pageGet(patientId);
    expect((page.data as PageData).patient.name).toBe(sent.patient.patientName);
    // Only once.
    const again = await run(() =>
      packetPage.action({
        request: formRequest(
          `/practices/${practiceId}/packets/${sent.packetId}`,
          { intent: 'keep-patient' },
          { cookie: team.cookies.clinician },
        ),
        params: { practiceId, packetId: sent.packetId },
        context,
      }),
    );
    expect(again.status).toBe(409);
  });

  it('a packet can be filed under an existing record or a new one when sent; a foreign record id is refused', async () => {
    const { patientId } = await createRecord();
    const linked = await sendTestPacket(context, {
      practiceId,
      cookie: team.cookies.clinician,
      fields: { patientRecord: patientId },
    });
    const [row] = await context.db
      .select()
      .from(patientPackets)
      .where(eq(patientPackets.id, linked.packetId));
    expect(row?.patientId).toBe(patientId);

    const fresh = await sendTestPacket(context, {
      practiceId,
      cookie: team.cookies.clinician,
      fields: { patientRecord: 'new' },
    });
    const [freshRow] = await context.db
      .select()
      .from(patientPackets)
      .where(eq(patientPackets.id, fresh.packetId));
    expect(freshRow?.patientId).toEqual(expect.any(String));
    expect(freshRow?.patientId).not.toBe(patientId);

    const { patientId: foreign } = await createRecord(
      {},
      { cookie: other.cookies.clinician, practice: other.practice.id },
    );
    await expect(
      sendTestPacket(context, {
        practiceId,
        cookie: team.cookies.clinician,
        fields: { patientRecord: foreign },
      }),
    ).rejects.toThrow(/Choose a patient record from the list/);
  });
});

describe('retention', () => {
  it('deletes records (and their scores) once the retention period has passed since the last score', async () => {
    const { patientId } = await createRecord();
    await addPhq9(patientId, '2026-01-05', [1, 1, 1, 1, 1, 1, 1, 1, 1]);
    const [row] = await context.db.select().from(patients).where(eq(patients.id, patientId));
    const lastActivity = row?.lastActivityAt.getTime() ?? 0;
    expect(row?.retainUntil.getTime()).toBe(lastActivity + 365 * 24 * 60 * 60 * 1000);

    await setRetentionDays(context.db, { practiceId, retentionDays: 30 });
    const [moved] = await context.db.select().from(patients).where(eq(patients.id, patientId));
    expect(moved?.retainUntil.getTime()).toBe(lastActivity + 30 * 24 * 60 * 60 * 1000);

    const dayBefore = new Date(lastActivity + 29 * 24 * 60 * 60 * 1000);
    await purgeExpiredPatients(context.db, { now: dayBefore });
    expect(await context.db.select().from(patients).where(eq(patients.id, patientId))).toHaveLength(
      1,
    );
    const after = new Date(lastActivity + 31 * 24 * 60 * 60 * 1000);
    expect(await purgeExpiredPatients(context.db, { now: after })).toBeGreaterThanOrEqual(1);
    expect(await context.db.select().from(patients).where(eq(patients.id, patientId))).toEqual([]);
    expect(
      await context.db.select().from(measurements).where(eq(measurements.patientId, patientId)),
    ).toEqual([]);
    await setRetentionDays(context.db, { practiceId, retentionDays: 365 });
  });
});

describe('key rotation', () => {
  it('re-encrypts patient records and item answers under the new primary key', async () => {
    const { patientId, name } = await createRecord();
    await addPhq9(patientId, '2026-01-05', [3, 2, 1, 0, 3, 2, 1, 0, 0]);
    const rotated = dataKeyRing([randomBytes(32), context.dataKeys.primary.key]);
    await reencryptPacketData(context.db, rotated);
    const [row] = await context.db.select().from(patients).where(eq(patients.id, patientId));
    expect(row?.keyId).toBe(rotated.primary.id);
    expect(ciphertextKeyId(row?.name ?? new Uint8Array())).toBe(rotated.primary.id);
    const [score] = await context.db
      .select()
      .from(measurements)
      .where(eq(measurements.patientId, patientId));
    expect(score?.keyId).toBe(rotated.primary.id);
    // Readable with the new key alone: the old key can go.
    const newOnly = dataKeyRing([rotated.primary.key]);
    expect((await findPatient(context.db, newOnly, { practiceId, patientId }))?.name).toBe(name);
    const [saved] = await listMeasurements(context.db, newOnly, { practiceId, patientId });
    expect(saved?.items).toEqual([3, 2, 1, 0, 3, 2, 1, 0, 0]);
  });
});
