import { getChecklistTemplate, listDocuments, plainText } from '@groundwork/content';
import { describe, expect, it } from 'vitest';
import { inlineRuns } from './walk.js';

/** Claims Groundwork never makes, in each locale (matched case-insensitively, accents folded). */
const BANNED: Record<'en' | 'es', string[]> = {
  en: [
    'no side effects',
    'not addictive',
    'non-addictive',
    'no preparation needed',
    'no preparation is needed',
    'stay on all your medications',
    'keep taking all your medications',
    'miracle',
    '100% safe',
    'completely safe',
    'guaranteed to work',
  ],
  es: [
    'sin efectos secundarios',
    'no es adictiva',
    'no es adictivo',
    'no crea adiccion',
    'no necesita preparacion',
    'no se necesita preparacion',
    'no hace falta preparacion',
    'siga tomando todos sus medicamentos',
    'siga con todos sus medicamentos',
    'sigue tomando todos tus medicamentos',
    'milagro',
    '100% segur',
    '100 % segur',
    'completamente segur',
    'totalmente segur',
    'garantiza que funciona',
  ],
};

function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Mn}/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ');
}

/**
 * Also banned in patient documents. The practitioner guide may name these
 * to warn against them ("Never describe ketamine as risk-free").
 */
const BANNED_FOR_PATIENTS = ['risk-free', 'free of risk', 'sin ningun riesgo', 'libre de riesgos'];

/** Every phrase of `BANNED` (both locales) found in `text`. */
function bannedIn(text: string, options: { patient?: boolean } = {}): string[] {
  const folded = fold(text);
  return [...BANNED.en, ...BANNED.es, ...(options.patient ? BANNED_FOR_PATIENTS : [])].filter(
    (phrase) => folded.includes(fold(phrase)),
  );
}

const documents = listDocuments();

describe('no hype', () => {
  it('finds a banned claim when one is there (the scan works)', () => {
    expect(bannedIn('Ketamine has NO side effects and is not  addictive.')).toEqual([
      'no side effects',
      'not addictive',
    ]);
    expect(bannedIn('La ketamina no es adictiva y no necesita preparación.')).toEqual([
      'no es adictiva',
      'no necesita preparacion',
    ]);
    expect(bannedIn('Ketamine can cause side effects and can be misused.')).toEqual([]);
    expect(bannedIn('It is risk-free.', { patient: true })).toEqual(['risk-free']);
  });

  it.each(
    documents.map((document) => [`${document.id} (${document.locale})`, document] as const),
  )('%s makes none of the banned claims', (_name, document) => {
    const text = [
      document.title,
      document.summary,
      ...document.sections.flatMap((section) => [
        section.title ?? '',
        ...section.blocks.flatMap((block) => [
          block.type === 'callout' ? (block.title ?? '') : '',
          ...(block.type === 'definitions' ? block.items.map((item) => item.term) : []),
          ...inlineRuns(block).map((run) => plainText(run)),
        ]),
      ]),
    ].join('\n');
    expect(bannedIn(text, { patient: document.audience === 'patient' })).toEqual([]);
  });

  it('the onboarding checklist makes none of the banned claims', () => {
    const template = getChecklistTemplate();
    const text = template.sections
      .flatMap((section) => [
        section.title,
        ...section.items.flatMap((item) => [item.title, item.why, ...item.steps]),
      ])
      .join('\n');
    expect(bannedIn(text)).toEqual([]);
  });
});
