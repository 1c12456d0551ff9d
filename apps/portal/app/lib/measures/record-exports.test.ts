import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { MeasurementView } from './measurements.server';
import type { PatientView } from './patients.server';
import { MEASURES_CSV_COLUMNS, measuresCsv } from './record-exports.server';
import { measuresFhirBundle } from './record-fhir';

const patient: PatientView = {
  id: '11111111-1111-4111-8111-111111111111',
  name: 'Ottoline "Otto" Brackenbury, Jr.',
  birthDate: '1984-02-29',
  reference: 'MRN-0042',
  createdAt: '2026-01-01T00:00:00.000Z',
  lastActivityAt: '2026-01-01T00:00:00.000Z',
  retainUntil: '2027-01-01T00:00:00.000Z',
};

function score(overrides: Partial<MeasurementView>): MeasurementView {
  return {
    id: '22222222-2222-4222-8222-222222222222',
    instrument: 'phq9',
    instrumentVersion: '1',
    total: 20,
    items: null,
    takenOn: '2026-01-05',
    source: 'entered',
    savedBy: null,
    createdAt: '2026-01-05T10:00:00.000Z',
    ...overrides,
  };
}

const scores = [
  score({ id: 'a', total: 20, items: [3, 3, 2, 2, 2, 2, 2, 2, 2] }),
  score({ id: 'b', total: 9, takenOn: '2026-02-05' }),
  score({ id: 'c', total: 4, takenOn: '2026-03-05' }),
  score({ id: 'd', instrument: 'pcl5', total: 44, takenOn: '2026-01-05' }),
];

describe('measuresCsv', () => {
  const rows = (csv: string) => parse(csv.replace(/^\uFEFF/, '')) as string[][];

  it('has one row per score with its marks, quoted where needed', () => {
    const [header, ...body] = rows(measuresCsv(patient, scores));
    expect(header).toEqual([...MEASURES_CSV_COLUMNS]);
    expect(body.map((row) => [row[0], row[3], row[5], row[6], row[7], row[8], row[9]])).toEqual([
      [patient.name, 'PHQ-9', '2026-01-05', '20', '', 'baseline', '3 3 2 2 2 2 2 2 2'],
      [patient.name, 'PHQ-9', '2026-02-05', '9', '55', 'response', ''],
      [patient.name, 'PHQ-9', '2026-03-05', '4', '80', 'response, remission', ''],
      [patient.name, 'PCL-5', '2026-01-05', '44', '', 'baseline', ''],
    ]);
  });

  it.each([
    '=HYPERLINK("http://evil.example")',
    '+1+2',
    '-2+3',
    '@SUM(A1)',
  ])('neutralises a typed-in cell starting like a formula: %s', (value) => {
    const csv = measuresCsv({ ...patient, name: value, reference: value }, scores.slice(0, 1));
    const [, row] = rows(csv);
    expect(row?.[0]).toBe(`'${value}`);
    expect(row?.[2]).toBe(`'${value}`);
  });

  it('starts with a byte-order mark and uses CRLF line ends', () => {
    const csv = measuresCsv(patient, scores.slice(0, 1));
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toContain('\r\n');
  });
});

describe('measuresFhirBundle', () => {
  let counter = 0;
  const bundle = measuresFhirBundle({
    patient,
    scores,
    now: new Date('2026-04-01T12:00:00Z'),
    newId: () => {
      counter += 1;
      return `00000000-0000-4000-8000-00000000000${counter}`;
    },
  });
  const ofType = (type: string) =>
    bundle.entry.filter((entry) => entry.resource.resourceType === type);

  it('is a collection of the Patient, an Observation per score and a QuestionnaireResponse per itemised score', () => {
    expect(bundle).toMatchObject({
      resourceType: 'Bundle',
      type: 'collection',
      timestamp: '2026-04-01T12:00:00.000Z',
    });
    expect(ofType('Patient')).toHaveLength(1);
    expect(ofType('Observation')).toHaveLength(4);
    expect(ofType('QuestionnaireResponse')).toHaveLength(1);
    expect(bundle.entry.every((entry) => entry.fullUrl.startsWith('urn:uuid:'))).toBe(true);
    expect(new Set(bundle.entry.map((entry) => entry.fullUrl)).size).toBe(bundle.entry.length);
    expect(ofType('Patient')[0]?.resource).toMatchObject({
      birthDate: '1984-02-29',
      name: [{ text: patient.name }],
      identifier: [{ value: 'MRN-0042' }],
    });
  });

  it('codes PHQ-9 totals with LOINC 44261-6 and links the response they came from', () => {
    const [first] = ofType('Observation');
    const [response] = ofType('QuestionnaireResponse');
    expect(first?.resource).toMatchObject({
      status: 'final',
      code: { coding: [{ system: 'http://loinc.org', code: '44261-6' }] },
      subject: { reference: `urn:uuid:${patient.id}` },
      effectiveDateTime: '2026-01-05',
      valueInteger: 20,
      derivedFrom: [{ reference: response?.fullUrl }],
    });
    expect(response?.resource).toMatchObject({
      questionnaire: 'urn:groundwork:instrument:phq9|1',
      status: 'completed',
      subject: { reference: `urn:uuid:${patient.id}` },
    });
    const items = (
      response?.resource as unknown as { item: Array<{ linkId: string; answer: unknown }> }
    ).item;
    expect(items).toHaveLength(9);
    expect(items[0]).toEqual({
      linkId: 'phq9.item1',
      text: '1. Little interest or pleasure',
      answer: [{ valueCoding: { code: '3', display: 'Nearly every day' } }],
    });
  });

  it('notes response and remission in words, and does not claim a LOINC code for the PCL-5', () => {
    const observations = ofType('Observation').map((entry) => entry.resource);
    expect(observations[2]).toMatchObject({
      note: [{ text: 'Against the first score: response, remission.' }],
    });
    const pcl5 = observations.find((resource) => resource.valueInteger === 44);
    expect(pcl5).toMatchObject({
      code: { coding: [{ system: 'urn:groundwork:instrument', code: 'pcl5-total' }] },
    });
    expect(JSON.stringify(pcl5)).not.toContain('loinc.org');
  });
});
