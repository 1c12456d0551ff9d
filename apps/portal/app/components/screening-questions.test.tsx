import { ketamineDefaultRuleset } from '@groundwork/eligibility';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ScreeningQuestion } from './screening-questions';

const ruleset = ketamineDefaultRuleset;

function renderAll(locale: 'en' | 'es', hydrated: boolean) {
  return renderToStaticMarkup(
    <form>
      {ruleset.questions.map((question) => (
        <ScreeningQuestion
          key={question.id}
          question={question}
          ruleset={ruleset}
          locale={locale}
          values={{}}
          hydrated={hydrated}
        />
      ))}
    </form>,
  );
}

/** The id of one input each question type must render. */
function inputIdOf(question: (typeof ruleset.questions)[number]): string {
  switch (question.type) {
    case 'boolean':
      return `q-${question.id}-yes`;
    case 'choice':
    case 'multi':
      return `q-${question.id}-${question.options[0]?.code}`;
    case 'bloodPressure':
      return `q-${question.id}-systolic`;
    case 'instrument':
      return `q-${question.id}-item1-0`;
    default:
      return `q-${question.id}-input`;
  }
}

describe('ScreeningQuestion: the whole default ruleset', () => {
  it.each([
    ['en', true],
    ['es', false],
  ] as const)('renders every question with its prompt and an input (%s, hydrated %s)', (locale, hydrated) => {
    const html = renderAll(locale, hydrated);
    expect(ruleset.questions.length).toBeGreaterThanOrEqual(38);
    for (const question of ruleset.questions) {
      expect([question.id, html.includes(`id="q-${question.id}"`)]).toEqual([question.id, true]);
      expect([question.id, html.includes(`id="${inputIdOf(question)}"`)]).toEqual([
        question.id,
        true,
      ]);
      const prompt = renderToStaticMarkup(<span>{question.prompt[locale]}</span>).slice(6, -7);
      expect([question.id, html.includes(prompt)]).toEqual([question.id, true]);
    }
  });

  it('renders the 1.1.0 questions: SpO2 with its unit, breathing problems as checkboxes, capacity choices', () => {
    const html = renderAll('en', true);
    expect(html).toMatch(/id="q-restingSpo2-input"[^>]*>.*?<span class="hint"> %<\/span>/s);
    expect(html).toContain('id="q-breathingConditions-sleep-apnea" type="checkbox"');
    expect(html).toContain('id="q-capacityToConsent-unsure" type="radio"');
    expect(html).toContain('do not count talking therapy or other treatments.');
  });

  it.each([
    'en',
    'es',
  ] as const)('labels every input and question in words, never a field id (%s)', (locale) => {
    const html = renderAll(locale, false);
    const textOf = (fragment: string) =>
      fragment
        .replace(/<[^>]+>/g, ' ')
        .replace(/&#x27;/g, "'")
        .replace(/&amp;/g, '&')
        .replace(/\s+/g, ' ')
        .trim();
    const labels = [...html.matchAll(/<(label|legend)\b[^>]*>(.*?)<\/\1>/gs)].map((match) =>
      textOf(match[2] ?? ''),
    );
    expect(labels.length).toBeGreaterThan(ruleset.questions.length * 2);
    const ids = new Set(
      ruleset.questions.flatMap((question) => [
        question.id,
        `q.${question.id}`,
        `${question.id}.systolic`,
        `${question.id}.diastolic`,
      ]),
    );
    for (const label of labels) {
      expect(label.length, label).toBeGreaterThan(0);
      expect(ids.has(label), label).toBe(false);
      // A camelCase or dotted token is a field name, not words (mmHg is a unit).
      expect(label, label).not.toMatch(/\b(?!mmHg\b)[a-z]+[A-Z][A-Za-z0-9]*\b|\b[a-z]+\.[a-z]+\b/);
    }
    // Each blood-pressure box names the question it belongs to.
    const prompt = ruleset.questions.find((question) => question.id === 'bloodPressureToday')
      ?.prompt[locale];
    const systolic = labels.find((label) => /(Systolic|Sistólica)/.test(label));
    expect(systolic?.startsWith(`${prompt} — `)).toBe(true);
  });

  it('shows help under every question of the default ruleset', () => {
    const html = renderAll('en', true);
    for (const question of ruleset.questions) {
      const help = renderToStaticMarkup(<span>{question.help?.en}</span>).slice(6, -7);
      expect([
        question.id,
        help.length > 0 && html.includes(`<p class="hint">${help}</p>`),
      ]).toEqual([question.id, true]);
    }
  });
});
