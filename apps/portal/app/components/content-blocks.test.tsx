import { getDocument } from '@groundwork/content';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ContentSections } from './content-blocks';
import { DocumentPreview } from './document-preview';

const handout = getDocument('side-effects-and-when-to-call-us', { locale: 'en' });
const consent = getDocument('informed-consent', { locale: 'en' });

function citedIds(document: typeof handout): string[] {
  const ids: string[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      if (record.type === 'citation') ids.push(...(record.referenceIds as string[]));
      Object.values(record).forEach(visit);
    }
  };
  visit(document.sections);
  return ids;
}

describe('ContentSections', () => {
  it('numbers citations as the PDF does and links them to the reference list', () => {
    const html = renderToStaticMarkup(
      <ContentSections document={handout} mode="paper" idPrefix="preview-" />,
    );
    const cited = citedIds(handout);
    expect(cited.length).toBeGreaterThan(0);
    for (const id of cited) {
      const number = handout.references.findIndex((reference) => reference.id === id) + 1;
      expect(number).toBeGreaterThan(0);
      expect(html).toContain(
        `href="#preview-ref-${id}" aria-label="Reference ${number}">${number}</a>`,
      );
      expect(html).toContain(`id="preview-ref-${id}"`);
      // Never the raw reference key as the visible citation.
      expect(html).not.toContain(`>${id}</a>`);
    }
  });

  it('draws signature lines and initials boxes on paper only', () => {
    const paper = renderToStaticMarkup(<ContentSections document={consent} mode="paper" />);
    const screen = renderToStaticMarkup(<ContentSections document={consent} mode="screen" />);
    expect(paper).toContain('class="signature-line"');
    expect(paper).toContain('class="initials"');
    expect(screen).not.toContain('signature-line');
    expect(screen).not.toContain('class="initials"');
  });

  it('nests headings below the section level it is given', () => {
    const html = renderToStaticMarkup(
      <ContentSections document={handout} mode="screen" sectionLevel={4} />,
    );
    expect(html).not.toMatch(/<h[123][ >]/);
    expect(html).toMatch(/<h4 id=/);
  });
});

describe('DocumentPreview', () => {
  it('shows the brand, the sections, the sources and the review facts', () => {
    const html = renderToStaticMarkup(
      <DocumentPreview
        document={handout}
        paper="A4"
        brand={{ practiceName: 'Riverside Clinic', emergencyPhone: '555 0100' }}
      />,
    );
    expect(html).toContain('paper-a4');
    expect(html).toContain('Riverside Clinic');
    expect(html).toContain('555 0100');
    expect(html).toContain('class="reference-list"');
    expect(html).toContain(`v${handout.version}`);
  });
});
