import type { AppLoadContext } from '@remix-run/node';
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.server';
import { measurements, patients, savedScreenings } from '../db/measures-schema.server';
import { ciphertextKeyId, dataKeyRing } from '../lib/crypto.server';
import { listSavedScreenings } from '../lib/measures/saved-screenings.server';
import { purgeExpiredPatients } from '../lib/measures/record-retention.server';
import { reencryptPacketData } from '../lib/packets/key-rotation.server';
import { createTestContext, createTestDatabase } from '../test/db';
import { formRequest, getRequest, run } from '../test/requests';
import { findInEveryTable } from '../test/scan-database';
import { createPracticeTeam } from '../test/team';
import * as patientPage from './practices.$practiceId.patients.$patientId';
import * as patientList from './practices.$practiceId.patients._index';

/**
 * Saving a screening's outcome to a patient record: only on purpose, screened
 * again on the server with the practice's rules, encrypted, shown on the
 * record with why and sources, deleted on request, with the record, after
 * retention, and re-encrypted on key rotation.
 */

let database: Database;
let context: AppLoadContext;
let team: Awaited<ReturnType<typeof createPracticeTeam>>;
let other: Awaited<ReturnType<typeof createPracticeTeam>>;
let practiceId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  context = createTestContext(database);
  team = await createPracticeTeam(context, 'Saved Screening Clinic');
  other = await createPracticeTeam(context, 'Other Saved Screening Clinic');
  practiceId = team.practice.id;
});
afterAll(() => database?.close());

async function createRecord(name = 'Odalys Fenwick-Marr') {
  const outcome = await run(() =>
    patientList.action({
      request: formRequest(
        `/practices/${practiceId}/patients`,
        { intent: 'create', name, birthDate: '1968-05-30', reference: '' },
        { cookie: team.cookies.clinician },
      ),
      params: { practiceId },
      context,
    }),
  );
  return (outcome.headers.get('Location') ?? '').split('/').at(-1) ?? '';
}

/** PHQ-9 answers with item 9 positive (an urgent review finding) and one other answer. */
const URGENT_ANSWERS = {
  ...Object.fromEntries(
    [1, 1, 1, 1, 1, 1, 1, 1, 1].map((value, index) => [`q.phq9.${index + 1}`, String(value)]),
  ),
  'q.ketamineHypersensitivity': 'no',
};

function save(
  fields: Record<string, string>,
  { cookie = team.cookies.clinician, practice = practiceId } = {},
) {
  return run(() =>
    patientList.action({
      request: formRequest(
        `/practices/${practice}/patients`,
        { intent: 'save-screening', takenOn: '2026-05-04', ...fields },
        { cookie },
      ),
      params: { practiceId: practice },
      context,
    }),
  );
}

async function savedOf(patientId: string) {
  return context.db.select().from(savedScreenings).where(eq(savedScreenings.patientId, patientId));
}

describe('saving a screening outcome', () => {
  it('stores the outcome, encrypted, with the rules that produced it, and no score unless asked', async () => {
    const patientId = await createRecord();
    const outcome = await save({ patientId, saveOutcome: 'yes', ...URGENT_ANSWERS });
    expect(outcome.status).toBe(302);
    expect(outcome.headers.get('Location')).toBe(
      `/practices/${practiceId}/patients/${patientId}?saved=0&screening=saved`,
    );
    const [row, ...rest] = await savedOf(patientId);
    expect(rest).toEqual([]);
    expect(row?.rulesetId).toBe('ketamine-default');
    expect(row?.rulesetRevision).toBe(0);
    expect(row?.takenOn).toBe('2026-05-04');
    expect(row?.keyId).toBe(context.dataKeys.primary.id);
    expect(Buffer.from(row?.outcome ?? []).toString('utf8')).not.toContain('needs-review');
    expect(await findInEveryTable(context.db, 'phq9-item9-positive')).toEqual([]);
    expect(
      await context.db.select().from(measurements).where(eq(measurements.patientId, patientId)),
    ).toEqual([]);

    const [shown] = await listSavedScreenings(context.db, context.dataKeys, {
      practiceId,
      patientId,
    });
    expect(shown?.outcome.decision).toBe('needs-review');
    expect(shown?.outcome.urgent).toBe(true);
    const item9 = shown?.outcome.findings.find(
      (finding) => finding.ruleId === 'phq9-item9-positive',
    );
    expect(item9?.urgent).toBe(true);
    expect(item9?.message).toMatch(/item 9/i);
    // Why, in the question's words, and on what authority.
    expect(item9?.facts.map((fact) => fact.label).join(' ')).not.toContain('phq9.item9');
    expect(item9?.sources.length).toBeGreaterThan(0);
    expect(item9?.sources.every((source) => Boolean(source.citation))).toBe(true);
    expect(shown?.outcome.scores).toEqual([{ name: 'PHQ-9', total: 9, band: 'mild' }]);
    // Required questions left blank are listed by their prompt, not their id.
    expect(shown?.outcome.missing.length).toBeGreaterThan(0);
    expect(shown?.outcome.missing).not.toContain('age');
  });

  it('saves the outcome and the PHQ-9 score together, in the screening’s language', async () => {
    const patientId = await createRecord();
    const outcome = await save({
      patientId,
      saveOutcome: 'yes',
      saveScores: 'yes',
      lang: 'es',
      ...URGENT_ANSWERS,
    });
    expect(outcome.headers.get('Location')).toBe(
      `/practices/${practiceId}/patients/${patientId}?saved=1&screening=saved`,
    );
    const scores = await context.db
      .select()
      .from(measurements)
      .where(eq(measurements.patientId, patientId));
    expect(scores.map((score) => [score.instrument, score.total, score.source])).toEqual([
      ['phq9', 9, 'screening'],
    ]);
    const [shown] = await listSavedScreenings(context.db, context.dataKeys, {
      practiceId,
      patientId,
    });
    expect(shown?.outcome.locale).toBe('es');
    expect(shown?.outcome.scores[0]?.band).toBe('leve');

    const page = await run(() =>
      patientPage.loader({
        request: getRequest(`/practices/${practiceId}/patients/${patientId}`, {
          cookie: team.cookies.clinician,
        }),
        params: { practiceId, patientId },
        context,
      }),
    );
    expect(
      (page.data as { screenings: Array<{ outcome: { decision: string } }> }).screenings.map(
        (screening) => screening.outcome.decision,
      ),
    ).toEqual(['needs-review']);
  });

  it.each([
    ['save', { saveOutcome: '', saveScores: '' }, 'Choose what to save'],
    ['age', { saveOutcome: 'yes', 'q.age': 'thirty' }, 'How old is the patient'],
    ['takenOn', { saveOutcome: 'yes', takenOn: '2026-13-01' }, 'The screening was not saved'],
  ])('refuses a save with a bad %s: 400, the reason in words, nothing stored', async (name, fields, words) => {
    const patientId = await createRecord();
    const outcome = await save({ patientId, ...URGENT_ANSWERS, ...fields });
    expect(outcome.status).toBe(400);
    const refused = outcome.data as { formError: string; fieldErrors: Record<string, string> };
    expect(Object.keys(refused.fieldErrors)).toEqual([name]);
    expect(refused.formError).toContain(words);
    expect(await savedOf(patientId)).toEqual([]);
  });

  it('staff cannot save a screening; another practice’s record is a 404', async () => {
    const patientId = await createRecord();
    const byStaff = await save(
      { patientId, saveOutcome: 'yes', ...URGENT_ANSWERS },
      { cookie: team.cookies.staff },
    );
    expect(byStaff.status).toBe(403);
    const elsewhere = await save(
      { patientId, saveOutcome: 'yes', ...URGENT_ANSWERS },
      { cookie: other.cookies.clinician, practice: other.practice.id },
    );
    expect(elsewhere.status).toBe(404);
    expect(await savedOf(patientId)).toEqual([]);
  });
});

describe('a saved screening’s life', () => {
  function pagePost(
    patientId: string,
    fields: Record<string, string>,
    cookie = team.cookies.clinician,
  ) {
    return run(() =>
      patientPage.action({
        request: formRequest(`/practices/${practiceId}/patients/${patientId}`, fields, { cookie }),
        params: { practiceId, patientId },
        context,
      }),
    );
  }

  it('is deleted from the record page, and only from its own record', async () => {
    const patientId = await createRecord();
    const otherPatientId = await createRecord('Ignatius Pell');
    await save({ patientId, saveOutcome: 'yes', ...URGENT_ANSWERS });
    const [row] = await savedOf(patientId);
    const id = row?.id ?? '';

    const wrongRecord = await pagePost(otherPatientId, {
      intent: 'delete-screening',
      screeningId: id,
    });
    expect(wrongRecord.status).toBe(404);
    const badId = await pagePost(patientId, { intent: 'delete-screening', screeningId: 'x' });
    expect(badId.status).toBe(400);
    expect(Object.keys((badId.data as { fieldErrors: object }).fieldErrors)).toEqual([
      'screeningId',
    ]);
    expect(await savedOf(patientId)).toHaveLength(1);

    const deleted = await pagePost(patientId, { intent: 'delete-screening', screeningId: id });
    expect(deleted.status).toBe(302);
    expect(await savedOf(patientId)).toEqual([]);
  });

  it('goes with its record: deleted with it, and after the retention period', async () => {
    const deletedWith = await createRecord();
    await save({ patientId: deletedWith, saveOutcome: 'yes', ...URGENT_ANSWERS });
    await pagePost(deletedWith, { intent: 'delete-patient', confirm: 'yes' });
    expect(await savedOf(deletedWith)).toEqual([]);

    const expiring = await createRecord();
    await save({ patientId: expiring, saveOutcome: 'yes', ...URGENT_ANSWERS });
    const [record] = await context.db.select().from(patients).where(eq(patients.id, expiring));
    const after = new Date((record?.retainUntil.getTime() ?? 0) + 60_000);
    expect(await purgeExpiredPatients(context.db, { now: after })).toBeGreaterThanOrEqual(1);
    expect(await savedOf(expiring)).toEqual([]);
  });

  it('is re-encrypted under a new primary key and readable with it alone', async () => {
    const patientId = await createRecord();
    await save({ patientId, saveOutcome: 'yes', ...URGENT_ANSWERS });
    const rotated = dataKeyRing([randomBytes(32), context.dataKeys.primary.key]);
    await reencryptPacketData(context.db, rotated);
    const [row] = await savedOf(patientId);
    expect(row?.keyId).toBe(rotated.primary.id);
    expect(ciphertextKeyId(row?.outcome ?? new Uint8Array())).toBe(rotated.primary.id);
    const newOnly = dataKeyRing([rotated.primary.key]);
    const [shown] = await listSavedScreenings(context.db, newOnly, { practiceId, patientId });
    expect(shown?.outcome.decision).toBe('needs-review');
  });
});
