import { INSTRUMENTS } from '@groundwork/eligibility';
import { INSTRUMENT_VERSION, measureInstrument } from './instruments';
import { judgeSeries, pointLabel } from './series';

/** The part of a saved score the FHIR export needs. */
export interface FhirMeasurementInput {
  id: string;
  instrument: keyof typeof INSTRUMENTS;
  instrumentVersion: string;
  total: number;
  items: number[] | null;
  takenOn: string;
}

/** The part of a patient record the FHIR export needs. */
export interface FhirPatientInput {
  id: string;
  name: string;
  birthDate: string;
  reference: string;
}

interface Coding {
  system?: string;
  code: string;
  display?: string;
}

/** A FHIR R4 Bundle entry (only what this export writes). */
export interface FhirEntry {
  fullUrl: string;
  resource: { resourceType: string; [key: string]: unknown };
}

/** A FHIR R4 Bundle of type `collection`. */
export interface FhirBundle {
  resourceType: 'Bundle';
  type: 'collection';
  timestamp: string;
  entry: FhirEntry[];
}

/** Code system of the instruments' own codes, where no LOINC code is verified. */
export const GROUNDWORK_INSTRUMENT_SYSTEM = 'urn:groundwork:instrument';

function observationCode(instrumentId: FhirMeasurementInput['instrument']): {
  coding: Coding[];
  text: string;
} {
  const instrument = measureInstrument(instrumentId);
  return {
    coding: instrument.loinc
      ? [{ system: 'http://loinc.org', ...instrument.loinc }]
      : [
          {
            system: GROUNDWORK_INSTRUMENT_SYSTEM,
            code: `${instrument.id}-total`,
            display: `${instrument.name} total score`,
          },
        ],
    text: `${instrument.name} total score`,
  };
}

/**
 * A patient's scores as a FHIR R4 Bundle: the Patient, and for each score an
 * Observation of the total (LOINC-coded where verified: PHQ-9 44261-6,
 * GAD-7 70274-6) and, when item answers were saved, the QuestionnaireResponse
 * it was derived from. Response and remission are noted in words on the
 * Observation.
 */
export function measuresFhirBundle({
  patient,
  scores,
  now = new Date(),
  newId = () => crypto.randomUUID(),
}: {
  patient: FhirPatientInput;
  scores: readonly FhirMeasurementInput[];
  now?: Date;
  newId?: () => string;
}): FhirBundle {
  const patientUrl = `urn:uuid:${patient.id}`;
  const entry: FhirEntry[] = [
    {
      fullUrl: patientUrl,
      resource: {
        resourceType: 'Patient',
        name: [{ text: patient.name }],
        birthDate: patient.birthDate,
        ...(patient.reference
          ? {
              identifier: [
                { system: 'urn:groundwork:practice-reference', value: patient.reference },
              ],
            }
          : {}),
      },
    },
  ];
  const labels = new Map<string, string>();
  for (const instrumentId of new Set(scores.map((score) => score.instrument))) {
    const judged = judgeSeries(
      instrumentId,
      scores.filter((score) => score.instrument === instrumentId),
    );
    for (const point of judged.points) labels.set(point.id, pointLabel(point));
  }
  for (const score of scores) {
    const definition = INSTRUMENTS[score.instrument];
    const observationUrl = `urn:uuid:${score.id}`;
    let responseUrl: string | undefined;
    if (score.items) {
      responseUrl = `urn:uuid:${newId()}`;
      entry.push({
        fullUrl: responseUrl,
        resource: {
          resourceType: 'QuestionnaireResponse',
          questionnaire: `urn:groundwork:instrument:${score.instrument}|${score.instrumentVersion || INSTRUMENT_VERSION}`,
          status: 'completed',
          subject: { reference: patientUrl },
          authored: score.takenOn,
          item: score.items.map((value, index) => ({
            linkId: `${score.instrument}.item${index + 1}`,
            text: `${index + 1}. ${definition.itemLabels[index]?.en ?? ''}`,
            answer: [
              {
                valueCoding: {
                  code: String(value),
                  display: definition.responseOptions[value]?.en ?? String(value),
                },
              },
            ],
          })),
        },
      });
    }
    const label = labels.get(score.id);
    entry.push({
      fullUrl: observationUrl,
      resource: {
        resourceType: 'Observation',
        status: 'final',
        category: [
          {
            coding: [
              {
                system: 'http://terminology.hl7.org/CodeSystem/observation-category',
                code: 'survey',
                display: 'Survey',
              },
            ],
          },
        ],
        code: observationCode(score.instrument),
        subject: { reference: patientUrl },
        effectiveDateTime: score.takenOn,
        valueInteger: score.total,
        ...(responseUrl ? { derivedFrom: [{ reference: responseUrl }] } : {}),
        ...(label ? { note: [{ text: `Against the first score: ${label}.` }] } : {}),
      },
    });
  }
  return { resourceType: 'Bundle', type: 'collection', timestamp: now.toISOString(), entry };
}
