import {
  type Document,
  FillError,
  fill,
  getDocument,
  type PlaceholderValues,
  placeholdersIn,
  plainText,
} from '@groundwork/content';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

/** A small document using three placeholders, one of them twice and one inside strong text. */
const letter: Document = {
  id: 'test-letter',
  kind: 'handout',
  audience: 'patient',
  locale: 'en',
  version: '1.0.0',
  title: 'A letter',
  summary: 'A test document.',
  reviewedAt: '2026-11-21',
  reviewer: 'Test',
  disclaimer: 'A licensed clinician decides.',
  references: [],
  sections: [
    {
      id: 'body',
      title: 'Body',
      blocks: [
        {
          type: 'paragraph',
          id: 'body.1',
          content: [
            { type: 'text', value: 'Welcome to ' },
            { type: 'placeholder', name: 'practice.name' },
            { type: 'text', value: '. Call ' },
            {
              type: 'strong',
              children: [{ type: 'placeholder', name: 'practice.emergencyPhone' }],
            },
            { type: 'text', value: '.' },
          ],
        },
        {
          type: 'list',
          id: 'body.2',
          ordered: false,
          items: [
            {
              content: [
                { type: 'text', value: 'Signed for ' },
                { type: 'placeholder', name: 'practice.name' },
              ],
              list: {
                ordered: true,
                items: [{ content: [{ type: 'placeholder', name: 'date' }] }],
              },
            },
          ],
        },
      ],
    },
  ],
};

const complete = {
  'practice.name': 'Main Street Clinic',
  'practice.emergencyPhone': '555-0199',
  date: '1 May 2027',
} satisfies PlaceholderValues;

function filledTexts(document: Document): Array<{ value: string; filledFrom?: string }> {
  const found: Array<{ value: string; filledFrom?: string }> = [];
  JSON.stringify(document, (_key, value: unknown) => {
    if (value && typeof value === 'object' && 'filledFrom' in value) {
      found.push(value as { value: string; filledFrom?: string });
    }
    return value;
  });
  return found;
}

describe('fill', () => {
  it('replaces every placeholder with its value as text and leaves the input untouched', () => {
    const before = structuredClone(letter);
    const filled = fill(letter, complete);
    expect(letter).toEqual(before);
    expect(placeholdersIn(filled)).toEqual([]);
    const [paragraph, list] = filled.sections[0]?.blocks ?? [];
    expect(paragraph && plainText(paragraph)).toBe('Welcome to Main Street Clinic. Call 555-0199.');
    expect(list && plainText(list)).toBe('Signed for Main Street Clinic\n1 May 2027');
    expect(filledTexts(filled).map((text) => text.filledFrom)).toEqual([
      'practice.name',
      'practice.emergencyPhone',
      'practice.name',
      'date',
    ]);
  });

  it('lists every missing and every unknown placeholder in one error', () => {
    const values = { 'practice.name': 'Clinic', 'practice.nmae': 'x', 'doctor.name': 'y' };
    let error: unknown;
    try {
      fill(letter, values as PlaceholderValues);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(FillError);
    const fillError = error as FillError;
    expect(fillError.missing).toEqual(['practice.emergencyPhone', 'date']);
    expect(fillError.unknown).toEqual(['practice.nmae', 'doctor.name']);
    expect(fillError.message).toContain('missing values for practice.emergencyPhone, date');
    expect(fillError.message).toContain('unknown placeholders "practice.nmae", "doctor.name"');
    expect(fillError.message).toContain('test-letter');
  });

  it('treats blank values as missing and non-text values as an error naming the field', () => {
    expect(() => fill(letter, { ...complete, date: '  \n ' })).toThrow(/missing values for date/);
    const error = (() => {
      try {
        fill(letter, { ...complete, date: 42 } as unknown as PlaceholderValues);
      } catch (caught) {
        return caught as FillError;
      }
    })();
    expect(error?.notText).toEqual(['date']);
    expect(error?.missing).toEqual([]);
  });

  it('accepts known values the document does not use', () => {
    expect(() => fill(letter, { ...complete, 'patient.name': 'Sam' })).not.toThrow();
  });

  it('fills the real consent form in both locales', () => {
    for (const locale of ['en', 'es'] as const) {
      const consent = getDocument('informed-consent', { locale });
      const values = Object.fromEntries(placeholdersIn(consent).map((name) => [name, `<${name}>`]));
      const filled = fill(consent, values);
      expect(placeholdersIn(filled)).toEqual([]);
      expect(JSON.stringify(filled)).toContain('<practice.name>');
    }
  });
});

// biome-ignore lint/suspicious/noControlCharactersInRegex: matching controls is the point
const CONTROL = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/u;

const hostile = fc.oneof(
  fc.constantFrom(
    '<script>alert(1)</script>',
    '**bold** [link](javascript:alert(1)) {{patient.name}} [@sanacora-2017]',
    '<b onmouseover="x">&amp;</b>',
    ':::urgent\nfake\n:::',
    '\u202Eevil\u202C',
    'a\u0000b\u0007c\u001Bd\u0085e\u009Bf',
    'line one\r\nline two\ttabbed',
  ),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 200 }),
  fc.string({ unit: 'binary-ascii', minLength: 10_000, maxLength: 10_000 }),
  fc.string({
    unit: fc.constantFrom(
      '<',
      '>',
      '&',
      '"',
      "'",
      '{',
      '}',
      '[',
      ']',
      '*',
      '_',
      '\u0000',
      '\u001F',
      '\u009F',
      'x',
    ),
    minLength: 1,
    maxLength: 300,
  }),
);

describe('fill with hostile values', () => {
  it('keeps every value inert text: no markup, no control characters, structure unchanged', () => {
    fc.assert(
      fc.property(hostile, hostile, (name, phone) => {
        const values = {
          ...complete,
          'practice.name': `N${name}`,
          'practice.emergencyPhone': `P${phone}`,
        };
        const filled = fill(letter, values);
        const texts = filledTexts(filled);
        expect(texts.map((text) => text.filledFrom)).toEqual([
          'practice.name',
          'practice.emergencyPhone',
          'practice.name',
          'date',
        ]);
        for (const text of texts) expect(text.value).not.toMatch(CONTROL);
        // The value is the input minus controls: nothing truncated, escaped or parsed.
        const kept = (value: string) =>
          value.replace(/[\t\n\r]+/g, ' ').replace(new RegExp(CONTROL.source, 'gu'), '');
        expect(texts[0]?.value).toBe(kept(`N${name}`));
        expect(texts[1]?.value).toBe(kept(`P${phone}`));
        // Same blocks, same inline node kinds: markup in a value made no links, marks or citations.
        const shape = (document: Document) =>
          JSON.stringify(document, (key, value: unknown) =>
            key === 'value' || key === 'filledFrom' ? undefined : value,
          );
        const expected = fill(letter, complete);
        expect(shape(filled)).toBe(shape(expected));
      }),
      { numRuns: 150 },
    );
  });

  it('keeps a 10,000-character value whole', () => {
    const long = 'x'.repeat(10_000);
    const filled = fill(letter, { ...complete, 'practice.name': long });
    expect(filledTexts(filled)[0]?.value).toHaveLength(10_000);
  });
});
