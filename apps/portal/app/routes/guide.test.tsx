import { getDocument } from '@groundwork/content';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { DocumentView } from '../components/document-view';
import { guideContents } from '../lib/documents/guide.server';
import * as guide from './guide._index';
import * as read from './guide.read';

const expected = getDocument('psychedelic-basics-guide', { locale: 'en' });

describe('/guide', () => {
  it('summarises the guide with its version, review facts and a table of contents', () => {
    const data = guide.loader();
    expect(data.document).toMatchObject({
      title: expected.title,
      summary: expected.summary,
      version: expected.version,
      reviewedAt: expected.reviewedAt,
      reviewer: expected.reviewer,
      disclaimer: expected.disclaimer,
    });
    // Only the overview goes to the page, not the whole text.
    expect(data.document.sections).toEqual([]);
    const titled = expected.sections.filter((section) => section.title);
    expect(data.contents.map((entry) => entry.id)).toEqual(titled.map((section) => section.id));
    expect(data.contents.length).toBeGreaterThan(3);
  });
});

describe('/guide/read', () => {
  const loaderFor = (headers: Record<string, string>) =>
    read.loader({
      request: new Request('http://localhost/guide/read', { headers }),
      params: {},
      context: {} as never,
    });

  it('sends the HTML as loader data only to client-side navigations', () => {
    expect(loaderFor({ 'Sec-Fetch-Dest': 'document' }).html).toBeNull();
    // No header (an old browser, curl): a document request.
    expect(loaderFor({}).html).toBeNull();
    expect(loaderFor({ 'Sec-Fetch-Dest': 'empty' }).html).toContain('<h1');
  });

  it('renders every section and reference of the content model as HTML', () => {
    const html = loaderFor({ 'Sec-Fetch-Dest': 'empty' }).html ?? '';
    // The loader's HTML is what DocumentView renders from the content model.
    expect(html).toBe(
      renderToStaticMarkup(<DocumentView document={expected} contents={guideContents(expected)} />),
    );
    for (const section of expected.sections.filter((entry) => entry.title)) {
      expect(html).toContain(`id="${section.id}"`);
    }
    for (const reference of expected.references) {
      expect(html).toContain(`id="ref-${reference.id}"`);
    }
    expect(html).toContain(expected.disclaimer.replaceAll("'", '&#x27;'));
    expect(html.match(/<h1/g)).toHaveLength(1);
    // Every id on the page is unique (sections, references, headings).
    const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((match) => match[1]);
    expect(new Set(ids).size).toBe(ids.length);
    // A citation links to its reference.
    if (expected.references[0]) expect(html).toContain(`href="#ref-${expected.references[0].id}"`);
  });
});
