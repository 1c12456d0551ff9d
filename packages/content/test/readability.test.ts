import { listDocuments } from '@groundwork/content';
import { describe, expect, it } from 'vitest';
import { englishGrade, proseUnits, spanishEase, spanishPerspicuity } from './readability.js';

const english = listDocuments({ audience: 'patient', locale: 'en' });
const spanish = listDocuments({ audience: 'patient', locale: 'es' });

describe('readability of patient documents', () => {
  it('has patient documents to measure in both locales', () => {
    expect(english.length).toBeGreaterThanOrEqual(6);
    expect(spanish.length).toBeGreaterThanOrEqual(6);
  });

  it.each(
    english.map((document) => [document.id, document] as const),
  )('%s (en) reads at or below US grade 8 (Flesch–Kincaid)', (_id, document) => {
    const { grade, counts } = englishGrade(proseUnits(document));
    expect(counts.word).toBeGreaterThan(100);
    expect(grade, `grade ${grade.toFixed(1)} from ${JSON.stringify(counts)}`).toBeLessThanOrEqual(
      8,
    );
  });

  it.each(
    spanish.map((document) => [document.id, document] as const),
  )('%s (es) scores 60 or more on Fernández-Huerta (7th–8th grade or easier)', (_id, document) => {
    const { ease, counts } = spanishEase(proseUnits(document));
    expect(counts.word).toBeGreaterThan(100);
    expect(ease, `ease ${ease.toFixed(1)} from ${JSON.stringify(counts)}`).toBeGreaterThanOrEqual(
      60,
    );
  });
});

describe('Spanish patient documents on a second, Spanish-built index', () => {
  it.each(
    spanish.map((document) => [document.id, document] as const),
  )('%s (es) scores 55 or more on Szigriszt-Pazos (INFLESZ "normal" or easier)', (_id, document) => {
    const { perspicuity, counts } = spanishPerspicuity(proseUnits(document));
    expect(
      perspicuity,
      `perspicuity ${perspicuity.toFixed(1)} from ${JSON.stringify(counts)}`,
    ).toBeGreaterThanOrEqual(55);
  });
});

describe('the readability measures', () => {
  it('grades a hard text above grade 8 and an easy one below', () => {
    const hard = englishGrade([
      'Pharmacological antagonism of N-methyl-D-aspartate receptors precipitates glutamatergic neurotransmission alterations, consequently facilitating synaptogenesis within prefrontal cortical architecture.',
    ]);
    const easy = englishGrade([
      'We will check on you. You can go home when you feel well. Bring a friend to drive you.',
    ]);
    expect(hard.grade).toBeGreaterThan(12);
    expect(easy.grade).toBeLessThan(4);
  });

  it('scores a hard Spanish text below 60 and an easy one above', () => {
    const hard = spanishEase([
      'La administración farmacológica intravenosa de antagonistas glutamatérgicos desencadena modificaciones neuroplásticas considerablemente heterogéneas.',
    ]);
    const easy = spanishEase(['Te vamos a ver. Vas a casa con un amigo. Trae tu ropa.']);
    expect(hard.ease).toBeLessThan(60);
    expect(easy.ease).toBeGreaterThan(90);
    expect(
      spanishPerspicuity([
        'La administración farmacológica intravenosa de antagonistas glutamatérgicos desencadena modificaciones neuroplásticas considerablemente heterogéneas.',
      ]).perspicuity,
    ).toBeLessThan(55);
    expect(
      spanishPerspicuity(['Te vamos a ver. Vas a casa con un amigo. Trae tu ropa.']).perspicuity,
    ).toBeGreaterThan(80);
  });
});
