import { type Document, plainText } from '@groundwork/content';
import { fleschKincaid } from 'flesch-kincaid';
import silabea from 'silabea';
import { syllable } from 'syllable';
import { inlineRuns } from './walk.js';

/** Sample values so placeholders read like the words a patient will see. */
const SAMPLE: Record<string, string> = {
  'practice.name': 'Main Street Clinic',
  'practice.phone': '555-0100',
  'practice.emergencyPhone': '555-0199',
  'practice.address': '12 Main Street',
  'practice.website': 'example.org',
  'practice.email': 'care@example.org',
  'clinician.name': 'Dr. Lee',
  'patient.name': 'Sam Rivera',
  date: 'May 1',
};

/**
 * The prose of a document a patient reads: paragraphs, list items, callouts,
 * acknowledgements, table cells and definitions; each one a unit that ends a
 * sentence. Headings, titles and the standard disclaimer are left out.
 */
export function proseUnits(document: Document): string[] {
  return document.sections
    .flatMap((section) => section.blocks)
    .filter((block) => block.type !== 'heading')
    .flatMap((block) => inlineRuns(block))
    .map((run) => plainText(run, { placeholder: (name) => SAMPLE[name] ?? name }))
    .filter((text) => text !== '');
}

/** Sentence, word and syllable counts of some text. */
export type Counts = { sentence: number; word: number; syllable: number };

function count(units: string[], locale: 'en' | 'es', syllables: (word: string) => number): Counts {
  const sentences = new Intl.Segmenter(locale, { granularity: 'sentence' });
  const words = new Intl.Segmenter(locale, { granularity: 'word' });
  const counts: Counts = { sentence: 0, word: 0, syllable: 0 };
  for (const unit of units) {
    for (const { segment } of sentences.segment(unit)) {
      const inSentence = [...words.segment(segment)].filter((part) => part.isWordLike);
      if (inSentence.length === 0) continue;
      counts.sentence += 1;
      counts.word += inSentence.length;
      for (const part of inSentence) counts.syllable += Math.max(1, syllables(part.segment));
    }
  }
  return counts;
}

/** US grade level (Flesch–Kincaid, 1975) of English prose, syllables by `syllable`. */
export function englishGrade(units: string[]): { grade: number; counts: Counts } {
  const counts = count(units, 'en', syllable);
  return { grade: fleschKincaid(counts), counts };
}

function spanishCounts(units: string[]): Counts {
  return count(units, 'es', (word) =>
    /^\d+$/.test(word) ? 2 : silabea.getSilabas(word.toLowerCase()).numeroSilaba,
  );
}

/**
 * Szigriszt-Pazos perspicuity (1993), read on the INFLESZ scale (Barrio-Cantalejo
 * et al., 2008): 206.835 − 62.3·(syllables/words) − (words/sentences). 55–65 is
 * "normal", the band of general-audience health texts; above 65 is fairly easy.
 */
export function spanishPerspicuity(units: string[]): { perspicuity: number; counts: Counts } {
  const counts = spanishCounts(units);
  return {
    perspicuity: 206.835 - (62.3 * counts.syllable) / counts.word - counts.word / counts.sentence,
    counts,
  };
}

/**
 * Fernández-Huerta (1959) ease of Spanish prose: 206.84 − 0.60·P − 1.02·F,
 * P = syllables per 100 words, F = sentences per 100 words (as corrected by
 * Law, 2011). 60–70 is "normal", read by 7th–8th grade. Syllables by `silabea`.
 */
export function spanishEase(units: string[]): { ease: number; counts: Counts } {
  const counts = spanishCounts(units);
  const syllablesPer100 = (100 * counts.syllable) / counts.word;
  const sentencesPer100 = (100 * counts.sentence) / counts.word;
  return { ease: 206.84 - 0.6 * syllablesPer100 - 1.02 * sentencesPer100, counts };
}
