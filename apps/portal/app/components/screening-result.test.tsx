import { ketamineDefaultRuleset, screen } from '@groundwork/eligibility';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ScreeningResultPanel } from './screening-result';

const ruleset = ketamineDefaultRuleset;

function render(answers: Record<string, unknown>, locale: 'en' | 'es' = 'en') {
  return renderToStaticMarkup(
    <ScreeningResultPanel
      result={screen(answers, ruleset)}
      ruleset={ruleset}
      revision={0}
      locale={locale}
      citations={{}}
      problems={{}}
      downloads={null}
    />,
  );
}

describe('ScreeningResultPanel: answers the skip logic hid', () => {
  it('shows the ignored answer and links the question that hid it', () => {
    const html = render({ bladderProblems: false, ketamineCystitis: true });
    expect(html).toContain('<h3>Answers not used</h3>');
    expect(html).toContain('data-question="ketamineCystitis"');
    expect(html).toContain(
      '<strong>Has a clinician ever attributed the patient’s bladder problems to ketamine (ketamine cystitis)?</strong>',
    );
    expect(html).toContain('(answered: Yes)');
    expect(html).toMatch(
      /Skipped because of the answer to <a href="#[^"]*bladderProblems[^"]*">Does the patient have, or has the patient had, bladder or urinary problems/,
    );
  });

  it('words choice answers by their label, in Spanish too', () => {
    const html = render({ sexAssignedAtBirth: 'male', pregnant: 'unsure' }, 'es');
    expect(html).toContain('<h3>Respuestas no utilizadas</h3>');
    expect(html).toContain('(respuesta: No estoy seguro/a)');
    expect(html).toContain('Se omitió por la respuesta a');
  });

  it('shows no such section when every answer was used', () => {
    const html = render({ bladderProblems: true, ketamineCystitis: false });
    expect(html).not.toContain('Answers not used');
    expect(html).not.toContain('data-testid="warnings"');
  });
});
